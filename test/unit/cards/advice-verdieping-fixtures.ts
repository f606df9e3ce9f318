import type { AdviceVerdiepingData } from '../../../src/cards/advice-verdieping';
import type { Case } from '../../../src/domain/case';
import type { Contribution } from '../../../src/domain/contribution';
import type { PartnerOrg } from '../../../src/domain/orgs';
import type { VerdiepingDocs } from '../../../src/domain/verdieping/bundle';
import { personRefs, type PersonRefId } from '../../../src/domain/verdieping/common';
import { DEFAULT_RECEIVING_PARTIES } from '../../../src/domain/verdieping/config';
import type { InfoRequest } from '../../../src/domain/verdieping/info-request';
import type { Involvement } from '../../../src/domain/verdieping/people';
import type { SafetyPlanEntry } from '../../../src/domain/verdieping/safety-plan';
import type { RiskAssessment, RunningMeasure } from '../../../src/domain/verdieping/safety-signals';
import type { PhaseState } from '../../../src/domain/verdieping/phase';
import type { ReadingVersion } from '../../../src/domain/verdieping/shared-reading';
import { adviceVerdiepingData } from '../../../src/views/advice-verdieping';
import { NOW, sampleLocation } from './fixtures';

/**
 * Verdieping documents for the advice and Actieoverleg cards: the scenario (a case in
 * verdieping, a confirmed duiding and a newer proposal, a holder for the victim and each child, a
 * question to RvdK answered and one open, a SASH outcome, a locatieverbod violated, nobody spoke to
 * the child of 9), and the same at stress size.
 */
const at = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
export const long = (n: number, seed: string): string => `${seed} `.repeat(Math.ceil(n / (seed.length + 1))).slice(0, n);
const v = <T>(body: T) => ({ body, etag: 'e' });

export interface AdviceVerdiepingSetup {
  /** Duiding versions (the one before the last is confirmed). */
  versions?: number;
  fieldLength?: number;
  /** Holders for these persons (default: victim and both children). */
  safetyFor?: string[];
  measureLength?: number;
  questions?: number;
  questionLength?: number;
  measures?: number;
  violationsPer?: number;
  instruments?: number;
  spokenTo?: string[];
}

export const ANSWER_TEXT = 'Er loopt een OTS voor beide kinderen sinds vorig jaar.';

export function scenarioDocs(theCase: Case, s: AdviceVerdiepingSetup = {}): { docs: VerdiepingDocs; contributions: Contribution[] } {
  const caseId = theCase.id;
  const versions = s.versions ?? 2;
  const len = s.fieldLength ?? 120;
  const readings: ReadingVersion[] = Array.from({ length: versions }, (_, i) => ({
    caseId,
    version: i + 1,
    basedOn: i,
    whatHappened: long(len, `Wat er gebeurde v${i + 1}`),
    worries: long(len, `Zorgen om de kinderen v${i + 1}`),
    protectiveFactors: long(len, 'Oma woont dichtbij'),
    unknowns: long(len, 'Eerdere meldingen bij VT'),
    sharedGoal: long(len, `Samen veilig thuis v${i + 1}`),
    contributionIds: [],
    proposedBy: { userId: 'aad-rvdk-1', orgId: 'rvdk' },
    proposedAt: at(120 - i),
    ...(i === versions - 2 || versions === 1 ? { confirmed: { userId: 'aad-om-chair', at: at(100 - i) } } : {}),
  }));
  const safetyFor = s.safetyFor ?? ['slachtoffer-1', 'kind-1', 'kind-2'];
  const safetyPlan: SafetyPlanEntry[] = safetyFor.map((ref, i) => ({
    caseId,
    personRef: ref as PersonRefId,
    holder: { orgId: (i % 2 ? 'vt' : 'rvdk') as PartnerOrg, receivingPartyId: 'save' },
    measure: long(s.measureLength ?? 60, `Veiligheidsafspraak ${ref}`),
    status: 'running',
    checkDate: '2026-12-01',
    updatedAt: at(60),
    updatedBy: { userId: 'aad-rvdk-1', orgId: 'rvdk' },
  }));
  const nq = s.questions ?? 2;
  const infoRequests: InfoRequest[] = Array.from({ length: nq }, (_, i) => ({
    id: `inforeq:${at(300 - i)}:${i}`,
    caseId,
    fromOrg: 'om',
    askedBy: 'aad-om-chair',
    toOrg: 'rvdk',
    question: long(s.questionLength ?? 60, `Loopt er een OTS voor de kinderen (${i + 1})?`),
    whyNeeded: 'Bepaalt wie de veiligheid van de kinderen bewaakt.',
    whatItChanges: 'Zonder OTS vragen we de Raad om onderzoek.',
    askedAt: at(300 - i),
    ...(i === 0
      ? {
          status: 'answered' as const,
          settledAt: at(200),
          settledBy: { userId: 'aad-rvdk-1', orgId: 'rvdk' as const },
          answerContributionId: 'contribution-answer-1',
        }
      : { status: 'open' as const }),
  }));
  const riskAssessments: RiskAssessment[] = Array.from({ length: s.instruments ?? 1 }, (_, i) => ({
    id: `risk:${i}`,
    caseId,
    instrument: i % 2 ? 'B-SAFER' : 'SASH',
    fromOrg: '3ro',
    requestedBy: { userId: 'aad-om-chair', orgId: 'om' },
    requestedAt: at(250),
    status: 'completed',
    outcome: { level: 'high', date: '2026-11-23', recordedAt: at(150), recordedBy: 'aad-3ro-1' },
  }));
  const measures: RunningMeasure[] = Array.from({ length: s.measures ?? 1 }, (_, i) => ({
    id: `measure:${i}`,
    caseId,
    type: 'location_ban',
    holderOrg: 'om',
    until: '2026-12-31',
    createdAt: at(240),
    createdBy: { userId: 'aad-om-chair', orgId: 'om' },
    violations: Array.from({ length: s.violationsPer ?? 1 }, (_, j) => ({
      id: `violation:${i}:${j}`,
      at: at(90 - j),
      reportedAt: at(80 - j),
      reportedBy: { userId: 'aad-politie-1', orgId: 'politie' },
    })),
  }));
  const involvements: Involvement[] = (s.spokenTo ?? ['slachtoffer-1', 'kind-1']).map((ref) => ({
    caseId,
    personRef: ref as PersonRefId,
    violenceForm: 'partner_violence',
    relationship: ref.startsWith('kind') ? 'child' : 'partner',
    spokenTo: { byOrg: 'rvdk', recordedAt: at(70) },
    wishes: 'Rust in huis',
    informed: true,
    source: 'card',
    updatedAt: at(70),
  }));
  const phase: PhaseState = {
    caseId,
    phase: 'verdieping',
    horizon: { at: '2026-11-25T09:00:00.000Z', reason: 'termijn_case' },
    timeline: [],
  };
  const answer: Contribution = {
    id: 'contribution-answer-1',
    caseId,
    orgId: 'rvdk',
    authorId: 'aad-rvdk-1',
    source: 'own_system',
    text: ANSWER_TEXT,
    needToKnow: 'Nodig om de veiligheid van de kinderen te beleggen.',
    createdAt: at(200),
  };
  return {
    docs: {
      phase: v(phase),
      readings: readings.map(v),
      safetyPlan: safetyPlan.map(v),
      infoRequests: infoRequests.map(v),
      riskAssessments: riskAssessments.map(v),
      measures: measures.map(v),
      involvements: involvements.map(v),
    },
    contributions: [answer],
  };
}

export function scenarioData(theCase: Case, s: AdviceVerdiepingSetup = {}, viewerOrg: PartnerOrg = 'om'): AdviceVerdiepingData {
  const { docs, contributions } = scenarioDocs(theCase, s);
  const data = adviceVerdiepingData(theCase, sampleLocation(), docs, contributions, viewerOrg);
  if (!data) throw new Error('no verdieping data');
  return data;
}

/**
 * The stress case of verdieping: four more persons (8 in all), each with a plan; 30 duiding versions of
 * 2,000 characters a field, 30 questions of 1,000 characters, 6 instruments, 6 measures × 10 violations.
 */
export function largeVerdieping(theCase: Case): { theCase: Case; setup: AdviceVerdiepingSetup } {
  const persons = [
    ...theCase.persons,
    { role: 'kind' as const, age: 7 },
    { role: 'kind' as const, age: 5 },
    { role: 'kind' as const, age: 3 },
    { role: 'ouder' as const, age: 60 },
  ];
  return {
    theCase: { ...theCase, persons },
    setup: {
      versions: 30,
      fieldLength: 2000,
      safetyFor: personRefs(persons).map((p) => p.ref),
      measureLength: 500,
      questions: 30,
      questionLength: 1000,
      measures: 6,
      violationsPer: 10,
      instruments: 6,
      spokenTo: [],
    },
  };
}

/** The advice's verdieping of the stress case (largeVerdieping). */
export function largeScenarioData(theCase: Case): AdviceVerdiepingData {
  const large = largeVerdieping(theCase);
  return scenarioData(large.theCase, large.setup);
}

export { DEFAULT_RECEIVING_PARTIES };
