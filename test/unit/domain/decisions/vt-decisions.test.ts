import type { CaseBundle } from '../../../../src/domain/case-bundle';
import {
  callBackReminderJobId,
  consultedVtActor,
  decideCalledBack,
  decideVtAnswer,
  decideVtInfo,
  JOB_IDS,
  type DecisionContext,
  type VtAnswerArgs,
} from '../../../../src/domain/decisions';
import type { EscalationRecord } from '../../../../src/domain/escalation-record';
import { startConsultation, type Consultation } from '../../../../src/domain/vt/consultation';
import type { VtConsultationRecord } from '../../../../src/domain/vt/record';
import { sampleCase } from '../../cards/fixtures';

/** Pure table tests: a bundle, an actor, an input and `now` in; every document, audit entry and job out. */
const NOW = '2026-11-23T21:30:00.000Z';
const ASKED = '2026-11-23T21:00:00.000Z';
const CASE_ID = 'c0ffee12a9b8c7d6e5f4';
const PRIMARY = 'aad-vt-primary';
const BACKUP = 'aad-vt-backup';
const VT = { aadObjectId: PRIMARY, orgId: 'vt' as const };

const ctx = (): DecisionContext => {
  let n = 0;
  return { now: NOW, newAuditId: () => `audit-${++n}` };
};

const asked = (): Consultation =>
  startConsultation({
    askedAt: ASKED,
    onCall: { primary: PRIMARY, backup: BACKUP },
    delays: { reminderMinutes: 15, backupMinutes: 30 },
    expiresAt: '2026-11-24T01:00:00.000Z',
  });

function consultation(over: Partial<VtConsultationRecord> = {}): VtConsultationRecord {
  return {
    caseId: CASE_ID,
    seq: 1,
    regionId: 'utrecht',
    regionName: 'Utrecht',
    question: 'Is het gezin bekend?',
    askedBy: 'auto',
    state: asked(),
    sent: {},
    answers: [],
    ...over,
  };
}

function bundle(over: { status?: 'open' | 'closed'; vt?: VtConsultationRecord | null; escalation?: EscalationRecord } = {}): CaseBundle {
  const vt = over.vt === undefined ? consultation() : over.vt;
  return {
    theCase: { body: sampleCase({ id: CASE_ID, status: over.status ?? 'open' }), etag: 'etag-case-1' },
    votes: [],
    contributions: [],
    ...(vt ? { vtConsultation: { body: vt, etag: 'etag-vt-1' } } : {}),
    ...(over.escalation ? { escalation: { body: over.escalation, etag: 'etag-esc-1' } } : {}),
  };
}

const answer = (over: Partial<VtAnswerArgs> = {}): VtAnswerArgs => ({
  actor: VT,
  seq: 1,
  kind: 'known',
  contribution: {
    id: 'contrib-vt-1',
    text: 'Gezin bekend bij VT sinds 2024.',
    source: 'own_system',
    needToKnow: 'Eerdere meldingen bepalen het veiligheidsplan.',
  },
  callBackReminderMinutes: 15,
  ...over,
});

describe('consultedVtActor: only who the consultation asked acts for VT', () => {
  const backupAsked = consultation({ state: { ...asked(), status: 'backup_asked', backupAskedAt: NOW } as Consultation });
  it.each<[string, CaseBundle, string | undefined, number, string]>([
    ['the on-call member', bundle(), PRIMARY, 1, 'ok'],
    ['the backup before it was asked', bundle(), BACKUP, 1, 'vt_not_consulted (audited)'],
    ['the backup once asked', bundle({ vt: backupAsked }), BACKUP, 1, 'ok'],
    ['someone else', bundle(), 'aad-desk', 1, 'vt_not_consulted (audited)'],
    ['nobody (no id)', bundle(), undefined, 1, 'vt_not_consulted (audited)'],
    ['a card of an earlier consultation', bundle(), PRIMARY, 2, 'vt_closed'],
    ['no consultation at all', bundle({ vt: null }), PRIMARY, 1, 'vt_closed'],
  ])('%s', (_name, b, aad, seq, expected) => {
    const r = consultedVtActor(b, { aadObjectId: aad, seq });
    expect(r.ok ? 'ok' : `${r.error}${r.audit ? ' (audited)' : ''}`).toBe(expected);
    if (r.ok) expect(r.actor).toEqual({ aadObjectId: aad, orgId: 'vt' });
  });
});

describe('decideVtAnswer', () => {
  it.each<[VtAnswerArgs['kind'], string[]]>([
    ['known', [JOB_IDS.refreshCard]],
    ['not_known', [JOB_IDS.refreshCard]],
    ['call_back', [callBackReminderJobId(1), JOB_IDS.refreshCard]],
  ])('%s: the consultation answered, a VT contribution, one audit entry, jobs %j', (kind, jobIds) => {
    const phone = kind === 'call_back' ? { phone: ' 030 123 4567 ' } : {};
    const r = decideVtAnswer(bundle(), answer({ kind, ...phone }), ctx());
    if (!r.ok) throw new Error(r.error);
    const d = r.decision;
    // the case itself does not change (its version does: the commit is conditional on it)
    expect(d.nextCase).toEqual(bundle().theCase.body);
    expect(d.contributions).toEqual([
      expect.objectContaining({ id: 'contrib-vt-1', orgId: 'vt', authorId: PRIMARY, caseId: CASE_ID, createdAt: NOW }),
    ]);
    expect(d.vtConsultation?.state.status).toBe('answered');
    expect(d.vtConsultation?.answers).toEqual([
      { kind, by: PRIMARY, at: NOW, contributionId: 'contrib-vt-1', ...(kind === 'call_back' ? { phone: '030 123 4567' } : {}) },
    ]);
    expect(d.vtConsultation?.callBack).toEqual(kind === 'call_back' ? { phone: '030 123 4567', requestedAt: NOW } : undefined);
    expect(d.audit).toEqual([
      expect.objectContaining({
        action: 'vt.answered',
        actorId: PRIMARY,
        actorOrg: 'vt',
        detail: { seq: 1, kind, contributionId: 'contrib-vt-1' },
      }),
    ]);
    expect(d.jobs.map((j) => j.id)).toEqual(jobIds);
    if (kind === 'call_back')
      expect(d.jobs[0]).toEqual({
        id: 'job:vtReminder:1:callBack',
        type: 'vtReminder',
        dueAt: '2026-11-23T21:45:00.000Z',
        payload: { seq: 1, target: 'callBack' },
        mode: 'request',
      });
    // the answer's view comes from the decision: the contribution and the answered consultation are in it
    expect(r.after.contributions.map((c) => c.id)).toEqual(['contrib-vt-1']);
    expect(r.after.vtConsultation).toBe(d.vtConsultation);
  });

  it('carries the need-to-know confirmation and the audience into the contribution and the audit', () => {
    const r = decideVtAnswer(
      bundle(),
      answer({ contribution: { ...answer().contribution, piiConfirmed: ['phone'], visibleTo: ['politie', 'om', 'vt'] } }),
      ctx(),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.contributions[0]).toEqual(expect.objectContaining({ piiConfirmed: ['phone'], visibleTo: ['politie', 'om', 'vt'] }));
    expect(r.decision.audit[0].detail).toEqual(expect.objectContaining({ piiConfirmed: 'phone' }));
  });

  it('an escalated case keeps its Actieoverleg card current too', () => {
    const escalation = {
      caseId: CASE_ID,
      at: ASKED,
      rule: 'acute',
      orgs: ['politie'],
      reasons: [],
      question: 'q',
      attendees: [],
    } as unknown as EscalationRecord;
    const r = decideVtAnswer(bundle({ escalation }), answer(), ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.jobs.map((j) => `${j.id}:${j.mode}`)).toEqual([
      `${JOB_IDS.refreshCard}:request`,
      `${JOB_IDS.postActieoverleg}:ensure`,
      `${JOB_IDS.refreshActieoverleg}:request`,
    ]);
  });

  const answered = consultation({
    state: { ...asked(), status: 'answered', answeredAt: ASKED, answeredBy: BACKUP } as unknown as Consultation,
  });
  it.each<[string, CaseBundle, Partial<VtAnswerArgs>, string]>([
    ['a closed case', bundle({ status: 'closed' }), {}, 'case_closed'],
    ['another consultation (seq)', bundle(), { seq: 2 }, 'vt_closed'],
    ['no consultation', bundle({ vt: null }), {}, 'vt_closed'],
    ['answered already (by the backup)', bundle({ vt: answered }), {}, 'vt_already_answered'],
  ])('refuses: %s', (_name, b, over, error) => {
    expect(decideVtAnswer(b, answer(over), ctx())).toEqual({ ok: false, error });
  });
});

describe('decideVtInfo', () => {
  it('adds VT information; the consultation does not change', () => {
    const r = decideVtInfo(bundle(), { actor: VT, seq: 1, contribution: answer().contribution }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.vtConsultation).toBeUndefined();
    expect(r.decision.contributions.map((c) => `${c.orgId}:${c.authorId}`)).toEqual([`vt:${PRIMARY}`]);
    expect(r.decision.audit.map((a) => `${a.action}:${a.actorId}`)).toEqual([`vt.info:${PRIMARY}`]);
    expect(r.decision.jobs.map((j) => j.id)).toEqual([JOB_IDS.refreshCard]);
  });
  it('refuses on a closed case', () => {
    expect(decideVtInfo(bundle({ status: 'closed' }), { actor: VT, seq: 1, contribution: answer().contribution }, ctx())).toEqual({
      ok: false,
      error: 'case_closed',
    });
  });
});

describe('decideCalledBack', () => {
  const desk = { aadObjectId: 'aad-desk', orgId: 'politie' as const };
  const open = consultation({ callBack: { phone: '0301234567', requestedAt: ASKED } });
  it.each<[string, CaseBundle, string]>([
    ['an open call-back: done, audited, refreshed', bundle({ vt: open }), 'changed'],
    [
      'a call-back done already: nothing written',
      bundle({ vt: { ...open, callBack: { ...open.callBack!, doneAt: ASKED, doneBy: 'x' } } }),
      'unchanged',
    ],
    ['no call-back asked: nothing written', bundle(), 'unchanged'],
    ['no consultation', bundle({ vt: null }), 'unknown_action'],
    ['a closed case', bundle({ vt: open, status: 'closed' }), 'case_closed'],
  ])('%s', (_name, b, expected) => {
    const r = decideCalledBack(b, { actor: desk }, ctx());
    if (!r.ok) return expect(r.error).toBe(expected);
    expect(r.value.changed ? 'changed' : 'unchanged').toBe(expected);
    if (r.value.changed) {
      expect(r.decision.vtConsultation?.callBack).toEqual({ phone: '0301234567', requestedAt: ASKED, doneAt: NOW, doneBy: 'aad-desk' });
      expect(r.decision.audit.map((a) => `${a.action}:${a.actorId}:${a.actorOrg}`)).toEqual(['vt.calledBack:aad-desk:politie']);
      expect(r.decision.jobs.map((j) => j.id)).toEqual([JOB_IDS.refreshCard]);
    } else {
      expect(r.decision).toEqual({ nextCase: b.theCase.body, votes: [], contributions: [], audit: [], jobs: [] });
      expect(r.decision.nextCase).toBe(b.theCase.body);
    }
  });
});
