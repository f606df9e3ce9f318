import type { CaseBundle } from '../../../../src/domain/case-bundle';
import { JOB_IDS, SYSTEM_ACTOR, type DecisionContext } from '../../../../src/domain/decisions';
import type { EscalationRecord } from '../../../../src/domain/escalation-record';
import type { RiskLevel, SafetyEscalationPolicy } from '../../../../src/domain/verdieping/config';
import { EMPTY_VERDIEPING, type VerdiepingDocs } from '../../../../src/domain/verdieping/bundle';
import {
  decideAnswerInfo,
  decideAskInfo,
  decideDeclineInfo,
  decideRiskOutcome,
  decideViolation,
} from '../../../../src/domain/verdieping/decide-signals';
import type { InfoRequest } from '../../../../src/domain/verdieping/info-request';
import type { RiskAssessment, RunningMeasure } from '../../../../src/domain/verdieping/safety-signals';
import { sampleCase } from '../../cards/fixtures';

/** Pure: a bundle with verdieping documents in, one CaseDecision out (documents, audit, jobs, escalation). */
const NOW = '2026-11-23T21:30:00.000Z';
const TODAY = '2026-11-23';
const CASE_ID = 'c0ffee12a9b8c7d6e5f4';
const POLICY = { riskLevels: ['high' as const], violation: true };

function ctx(): DecisionContext {
  let n = 0;
  return { now: NOW, newAuditId: () => `audit-${++n}` };
}
const politie = { aadObjectId: 'aad-politie', orgId: 'politie' as const };
const rvdk = { aadObjectId: 'aad-rvdk', orgId: 'rvdk' as const };
const vt = { aadObjectId: 'aad-vt', orgId: 'vt' as const };

function bundle(v: Partial<VerdiepingDocs> = {}, over: { status?: 'open' | 'closed'; escalation?: EscalationRecord } = {}): CaseBundle {
  return {
    theCase: { body: sampleCase({ id: CASE_ID, status: over.status ?? 'open' }), etag: 'etag-case' },
    votes: [],
    contributions: [],
    ...(over.escalation ? { escalation: { body: over.escalation, etag: 'etag-esc' } } : {}),
    verdieping: { ...EMPTY_VERDIEPING, ...v },
  };
}

const question: InfoRequest = {
  id: 'inforeq:1',
  caseId: CASE_ID,
  fromOrg: 'politie',
  askedBy: 'aad-politie',
  toOrg: 'rvdk',
  question: 'Loopt er een OTS?',
  whyNeeded: 'Bepaalt wie de veiligheid bewaakt.',
  whatItChanges: 'Zonder OTS vragen we een onderzoek.',
  status: 'open',
  askedAt: '2026-11-23T12:00:00.000Z',
};
const measure: RunningMeasure = {
  id: 'measure:1',
  caseId: CASE_ID,
  type: 'location_ban',
  holderOrg: 'om',
  until: '2026-12-31',
  createdAt: '2026-11-23T12:00:00.000Z',
  createdBy: { userId: 'aad-om', orgId: 'om' },
  violations: [],
};
const assessment: RiskAssessment = {
  id: 'risk:1',
  caseId: CASE_ID,
  instrument: 'SASH',
  fromOrg: 'vt',
  requestedBy: { userId: 'aad-politie', orgId: 'politie' },
  requestedAt: '2026-11-23T12:00:00.000Z',
  status: 'asked',
};
const answer = { text: 'Ja, sinds vorig jaar.', source: 'own_system' as const, needToKnow: 'Nodig voor de veiligheid.' };

describe('informatievragen as decisions', () => {
  it('ask: one created document, its audit entry, a card refresh; the case is written unchanged', () => {
    const d = decideAskInfo(
      bundle(),
      {
        actor: politie,
        id: 'inforeq:new',
        input: { toOrg: 'rvdk', question: 'Vraag?', whyNeeded: 'Omdat het nodig is.', whatItChanges: 'Het verandert de aanpak.' },
      },
      ctx(),
    );
    if (!d.ok) throw new Error(d.error);
    expect(d.decision.verdieping).toEqual([{ kind: 'inforequest', id: 'inforeq:new', body: d.value, etag: null }]);
    expect(d.decision.audit.map((a) => a.action)).toEqual(['infoRequest.asked']);
    expect(d.decision.jobs.map((j) => j.id)).toEqual([JOB_IDS.refreshCard]);
    expect(d.after.verdieping?.infoRequests.map((x) => x.body.id)).toEqual(['inforeq:new']);
  });

  it('answer: the contribution of the asked organisation and the question replaced at its etag, in one decision', () => {
    const d = decideAnswerInfo(
      bundle({ infoRequests: [{ body: question, etag: 'etag-q' }] }),
      { actor: rvdk, requestId: question.id, input: answer, contributionId: 'contrib:1' },
      ctx(),
    );
    if (!d.ok) throw new Error(d.error);
    expect(d.decision.contributions).toEqual([expect.objectContaining({ id: 'contrib:1', orgId: 'rvdk', authorId: 'aad-rvdk' })]);
    expect(d.decision.verdieping).toEqual([
      {
        kind: 'inforequest',
        id: question.id,
        etag: 'etag-q',
        body: expect.objectContaining({ status: 'answered', answerContributionId: 'contrib:1' }),
      },
    ]);
    expect(d.decision.audit.map((a) => a.action)).toEqual(['contribution.add', 'infoRequest.answered']);
  });

  it.each([
    ['another organisation answers', politie, 'not_asked_org'],
    ['an unknown question', rvdk, 'unknown_item'],
  ] as const)('refuses: %s', (_name, actor, error) => {
    const d = decideAnswerInfo(
      bundle({ infoRequests: [{ body: question, etag: 'etag-q' }] }),
      { actor, requestId: error === 'unknown_item' ? 'inforeq:other' : question.id, input: answer, contributionId: 'contrib:1' },
      ctx(),
    );
    expect(d).toEqual({ ok: false, error });
  });

  it('a settled question cannot be declined; a closed case takes nothing', () => {
    const answered = { ...question, status: 'answered' as const, answerContributionId: 'contrib:0' };
    expect(
      decideDeclineInfo(
        bundle({ infoRequests: [{ body: answered, etag: 'e' }] }),
        { actor: rvdk, requestId: question.id, reason: 'not_known' },
        ctx(),
      ),
    ).toEqual({
      ok: false,
      error: 'already_settled',
    });
    expect(
      decideDeclineInfo(
        bundle({ infoRequests: [{ body: question, etag: 'e' }] }, { status: 'closed' }),
        { actor: rvdk, requestId: question.id, reason: 'not_known' },
        ctx(),
      ),
    ).toEqual({ ok: false, error: 'case_closed' });
  });
});

describe('the safety escalation in the same decision as the signal', () => {
  const violate = (b: CaseBundle, policy = POLICY) =>
    decideViolation(b, { actor: politie, measureId: measure.id, at: '2026-11-23T20:00:00.000Z', violationLocalDate: TODAY, policy }, ctx());

  it('a violation escalates: the escalation record, a system audit entry and the Actieoverleg post job', () => {
    const d = violate(bundle({ measures: [{ body: measure, etag: 'etag-m' }] }));
    if (!d.ok) throw new Error(d.error);
    expect(d.decision.escalation).toMatchObject({ caseId: CASE_ID, rule: 'measure_violation', orgs: ['politie'], at: NOW });
    expect(d.decision.audit.map((a) => [a.action, a.actorId])).toEqual([
      ['measure.violation', 'aad-politie'],
      ['case.escalated', SYSTEM_ACTOR],
    ]);
    expect(d.decision.jobs.map((j) => j.id)).toEqual(expect.arrayContaining([JOB_IDS.postActieoverleg, JOB_IDS.refreshActieoverleg]));
    expect(d.decision.verdieping?.[0]).toMatchObject({ kind: 'measure', etag: 'etag-m' });
  });

  it('a violation wins when a high outcome also stands', () => {
    const high = {
      ...assessment,
      status: 'completed' as const,
      outcome: { level: 'high' as const, date: TODAY, recordedAt: NOW, recordedBy: 'aad-vt' },
    };
    const d = violate(bundle({ measures: [{ body: measure, etag: 'e' }], riskAssessments: [{ body: high, etag: 'e' }] }));
    expect(d.ok && d.decision.escalation?.rule).toBe('measure_violation');
  });

  it.each([
    ['the location switched the violation rule off', { riskLevels: ['high' as const], violation: false }, undefined],
    ['the case is already escalated', POLICY, { caseId: CASE_ID } as EscalationRecord],
  ])('no escalation when %s', (_name, policy, escalation) => {
    const d = violate(bundle({ measures: [{ body: measure, etag: 'e' }] }, escalation ? { escalation } : {}), policy);
    if (!d.ok) throw new Error(d.error);
    expect(d.decision.escalation).toBeUndefined();
    expect(d.decision.audit.map((a) => a.action)).toEqual(['measure.violation']);
  });

  it.each([
    ['high', POLICY, 'high_risk'],
    ['medium', POLICY, undefined],
    ['medium', { riskLevels: ['medium' as const, 'high' as const], violation: true }, 'high_risk'],
  ] as [RiskLevel, SafetyEscalationPolicy, 'high_risk' | undefined][])('outcome %s with levels %j → %s', (level, policy, rule) => {
    const d = decideRiskOutcome(
      bundle({ riskAssessments: [{ body: assessment, etag: 'e' }] }),
      { actor: vt, assessmentId: assessment.id, level, date: TODAY, todayLocal: TODAY, policy },
      ctx(),
    );
    if (!d.ok) throw new Error(d.error);
    expect(d.decision.escalation?.rule).toBe(rule);
    expect(d.value.escalated).toBe(rule !== undefined);
  });
});
