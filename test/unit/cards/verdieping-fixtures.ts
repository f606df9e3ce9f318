import type { VerdiepingCardData } from '../../../src/cards/verdieping-card';
import type { CaseCardView } from '../../../src/cards/view';
import type { Case } from '../../../src/domain/case';
import { DEFAULT_RECEIVING_PARTIES } from '../../../src/domain/verdieping/config';
import { personRefs, type VerdiepingActor } from '../../../src/domain/verdieping/common';
import { updateInvolvement, type Involvement } from '../../../src/domain/verdieping/people';
import { enterVerdieping, initialPhase, type PhaseState } from '../../../src/domain/verdieping/phase';
import { setSafetyEntry, type SafetyPlanEntry } from '../../../src/domain/verdieping/safety-plan';
import { confirmReading, proposeReading, type ReadingVersion } from '../../../src/domain/verdieping/shared-reading';
import { summarizeVerdieping } from '../../../src/domain/verdieping/summary';
import { NOW } from './fixtures';

/**
 * Verdieping states for card tests, built with the domain's own rules (not hand-written documents):
 * a case taken into verdieping, duiding versions proposed and confirmed, safety entries, involvements.
 */
const CHAIR: VerdiepingActor = { orgId: 'om', chair: true, userId: 'aad-om-chair' };
const RVDK: VerdiepingActor = { orgId: 'rvdk', chair: false, userId: 'aad-rvdk-1' };
const at = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
const long = (n: number, seed: string) => `${seed} `.repeat(Math.ceil(n / (seed.length + 1))).slice(0, n);

export interface VerdiepingSetup {
  versions?: number;
  confirm?: number;
  fieldLength?: number;
  safetyFor?: string[];
  involvementFor?: string[];
  inVerdieping?: boolean;
}

export function verdiepingData(
  theCase: Case,
  setup: VerdiepingSetup = {},
  viewer = { orgId: 'politie' as const, chair: false },
): VerdiepingCardData {
  const persons = personRefs(theCase.persons);
  let phase: PhaseState = initialPhase(theCase.id);
  if (setup.inVerdieping ?? true) {
    const r = enterVerdieping({
      state: phase,
      caseOpen: true,
      actor: CHAIR,
      input: { reason: 'termijn_case', date: '2026-11-25', time: '10:00' },
      now: at(60),
    });
    if (!r.ok) throw new Error(r.error);
    phase = r.state;
  }
  let readings: ReadingVersion[] = [];
  const n = setup.versions ?? 1;
  for (let i = 0; i < n; i++) {
    const len = setup.fieldLength ?? 80;
    const r = proposeReading({
      caseId: theCase.id,
      caseOpen: true,
      versions: readings,
      actor: RVDK,
      input: {
        basedOn: i,
        whatHappened: long(len, `Wat er gebeurde v${i + 1}`),
        worries: long(len, `Zorgen v${i + 1}`),
        protectiveFactors: long(len, 'Oma dichtbij'),
        unknowns: long(len, 'Eerdere meldingen VT'),
        sharedGoal: long(len, `Samen veilig v${i + 1}`),
        contributionIds: [],
      },
      knownContributionIds: new Set(),
      now: at(50 - i),
    });
    if (!r.ok) throw new Error(r.error);
    readings = [...readings, r.version];
    if (setup.confirm === i + 1) {
      const c = confirmReading({ versions: readings, caseOpen: true, actor: CHAIR, version: i + 1, now: at(40 - i) });
      if (!c.ok) throw new Error(c.error);
      readings = readings.map((v) => (v.version === i + 1 ? c.version : v));
    }
  }
  const safetyPlan: SafetyPlanEntry[] = (setup.safetyFor ?? []).map((ref, i) => {
    const r = setSafetyEntry({
      caseId: theCase.id,
      caseOpen: true,
      persons,
      receivingParties: DEFAULT_RECEIVING_PARTIES,
      current: undefined,
      actor: RVDK,
      input: {
        personRef: ref as never,
        holderOrg: i % 2 ? 'vt' : 'rvdk',
        receivingPartyId: 'save',
        measure: long(500, `Maatregel ${ref}`),
        status: 'running',
        checkDate: '2026-12-01',
      },
      now: at(30),
    });
    if (!r.ok) throw new Error(r.error);
    return r.entry;
  });
  const involvements: Involvement[] = (setup.involvementFor ?? []).map((ref) => {
    const r = updateInvolvement({
      caseId: theCase.id,
      caseOpen: true,
      persons,
      current: undefined,
      actor: RVDK,
      input: { personRef: ref as never, violenceForm: 'partner_violence', spokenBy: 'rvdk', wishes: long(300, 'Wensen'), informed: true },
      now: at(20),
    });
    if (!r.ok) throw new Error(r.error);
    return r.involvement;
  });
  const summary = summarizeVerdieping(
    { phase, deadline: theCase.deadline, persons, readings, safetyPlan, infoRequests: [], riskAssessments: [], measures: [], involvements },
    viewer,
    NOW.toISOString(),
  );
  const latest = readings[readings.length - 1];
  return {
    summary,
    persons,
    receivingParties: DEFAULT_RECEIVING_PARTIES,
    ...(latest ? { latest } : {}),
    inVerdieping: phase.phase === 'verdieping',
  };
}

export const withVerdieping = (view: CaseCardView, setup: VerdiepingSetup = {}): CaseCardView => ({
  ...view,
  verdieping: verdiepingData(view.case, setup, { orgId: view.viewerOrg ?? 'politie', chair: view.viewerIsChair === true } as never),
});
