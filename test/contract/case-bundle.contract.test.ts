import { decideVote, decideVtAnswer, type DecisionContext } from '../../src/domain/decisions';
import { DEFAULT_ESCALATION_POLICY } from '../../src/domain/rounds';
import { decisionOps, loadCaseBundle } from '../../src/store/case-bundle';
import { PreconditionFailedError, type DocStore } from '../../src/store/docstore';
import { storeKinds, useDocStore } from '../helpers/stores';
import { sampleCase } from '../unit/cards/fixtures';

const CASE_ID = 'c0ffee12a9b8c7d6e5f4';
const location = { expectedOrgs: ['politie', 'om'] as const, escalation: DEFAULT_ESCALATION_POLICY };
const ctx = (now: string): DecisionContext => {
  let n = 0;
  return { now, newAuditId: () => `audit:${now}:${++n}` };
};
const vote = (orgId: 'politie' | 'om', acute = false) => ({
  actor: { aadObjectId: `aad-${orgId}`, orgId },
  input: acute
    ? { concern: true as const, reason: 'direct gevaar', acuteUnsafe: true }
    : { concern: false as const, acuteUnsafe: false as const },
  location: { ...location, expectedOrgs: [...location.expectedOrgs] },
});

/** A decision becomes one commit on both adapters; a stale one changes nothing (the case version is checked first). */
describe.each(storeKinds)('case bundle and decision commit: %s', (kind) => {
  const store = useDocStore(kind);
  let db: DocStore;
  beforeEach(async () => {
    db = store().db;
    const c = sampleCase({ id: CASE_ID, round: 2, actions: [] });
    await db.commit([
      {
        op: 'insert',
        doc: {
          pk: CASE_ID,
          id: 'case',
          kind: 'case',
          body: { ...c, rounds: [c.rounds[0], { number: 2, startedAt: '2026-11-23T21:00:00.000Z', startedBy: 'aad-om' }] },
        },
      },
    ]);
  });

  it('loads the case partition in one read and commits a vote with its follow-up', async () => {
    const loaded = await loadCaseBundle(db, CASE_ID);
    if (!loaded) throw new Error('no case');
    expect(loaded.bundle.votes).toEqual([]);
    const now = '2026-11-23T21:30:00.000Z';
    const r = decideVote(loaded.bundle, vote('politie', true), ctx(now));
    if (!r.ok) throw new Error(r.error);
    await db.commit(decisionOps(loaded, r.decision, now));
    const again = await loadCaseBundle(db, CASE_ID);
    expect(again?.bundle.votes).toEqual([r.value]);
    expect(again?.bundle.escalation?.body.rule).toBe('acute_unsafe');
    expect(again?.bundle.theCase.etag).not.toBe(loaded.bundle.theCase.etag);
    expect([...(again?.jobs.keys() ?? [])].sort()).toEqual(['job:postActieoverleg', 'job:refreshActieoverleg', 'job:refreshCard']);
    expect((await db.readAudit(CASE_ID)).map((a) => a.entry.action)).toEqual(['vote.cast', 'case.escalated']);
    expect(await loadCaseBundle(db, 'no-such-case')).toBeNull();
  });

  it('a decision on a stale version is refused before it writes anything', async () => {
    const first = await loadCaseBundle(db, CASE_ID);
    const second = await loadCaseBundle(db, CASE_ID);
    if (!first || !second) throw new Error('no case');
    const now = '2026-11-23T21:31:00.000Z';
    const a = decideVote(first.bundle, vote('politie'), ctx(now));
    const b = decideVote(second.bundle, vote('om'), ctx(now));
    if (!a.ok || !b.ok) throw new Error('refused');
    await db.commit(decisionOps(first, a.decision, now));
    await expect(db.commit(decisionOps(second, b.decision, now))).rejects.toBeInstanceOf(PreconditionFailedError);
    const after = await loadCaseBundle(db, CASE_ID);
    expect(after?.bundle.votes.map((v) => v.orgId)).toEqual(['politie']);
    expect((await db.readAudit(CASE_ID)).map((x) => x.entry.actorId)).toEqual(['aad-politie']);
    // decided again on the newer state, the second vote completes the round: closed by the system
    const later = '2026-11-23T21:32:00.000Z';
    const c = decideVote(after!.bundle, vote('om'), ctx(later));
    if (!c.ok) throw new Error(c.error);
    await db.commit(decisionOps(after!, c.decision, later));
    expect((await db.readAudit(CASE_ID)).map((x) => `${x.entry.action}:${x.entry.actorId}`)).toEqual([
      'vote.cast:aad-politie',
      'vote.cast:aad-om',
      'round.close:bot',
    ]);
  });

  it('a VT answer commits the consultation on the version loaded; a consultation changed meanwhile (a VT job) refuses the commit', async () => {
    const asked = '2026-11-23T21:00:00.000Z';
    const consultation = {
      caseId: CASE_ID,
      seq: 1,
      regionId: 'utrecht',
      regionName: 'Utrecht',
      question: 'Bekend?',
      askedBy: 'auto',
      state: {
        status: 'asked' as const,
        askedAt: asked,
        expiresAt: '2026-11-24T01:00:00.000Z',
        reminderAt: '2026-11-23T21:15:00.000Z',
        backupAt: '2026-11-23T21:30:00.000Z',
        primary: 'aad-vt',
      },
      sent: {},
      answers: [],
    };
    await db.insert({ pk: CASE_ID, id: 'vtconsult', kind: 'vtconsult', body: consultation });
    const now = '2026-11-23T21:10:00.000Z';
    const answer = (b: NonNullable<Awaited<ReturnType<typeof loadCaseBundle>>>['bundle']) =>
      decideVtAnswer(
        b,
        {
          actor: { aadObjectId: 'aad-vt', orgId: 'vt' },
          seq: 1,
          kind: 'not_known',
          contribution: { id: 'contrib-vt', text: 'Niet bekend.', source: 'own_system', needToKnow: 'Geen eerdere meldingen.' },
          callBackReminderMinutes: 15,
        },
        ctx(now),
      );
    const stale = await loadCaseBundle(db, CASE_ID);
    if (!stale) throw new Error('no case');
    // a VT job records the sent message: the consultation changes, the case does not
    const current = await db.get(CASE_ID, 'vtconsult');
    await db.replace(
      {
        pk: CASE_ID,
        id: 'vtconsult',
        kind: 'vtconsult',
        body: {
          ...consultation,
          sent: { primary: { conversationId: 'a:1', activityId: '1', serviceUrl: 'https://smba/', postedAt: asked } },
        },
      },
      current!.etag,
    );
    const r1 = answer(stale.bundle);
    if (!r1.ok) throw new Error(r1.error);
    await expect(db.commit(decisionOps(stale, r1.decision, now))).rejects.toBeInstanceOf(PreconditionFailedError);
    // decided again on the newer state, it commits once: the answer and the job's change both kept
    const fresh = await loadCaseBundle(db, CASE_ID);
    if (!fresh) throw new Error('no case');
    const r2 = answer(fresh.bundle);
    if (!r2.ok) throw new Error(r2.error);
    await db.commit(decisionOps(fresh, r2.decision, now));
    const after = (await loadCaseBundle(db, CASE_ID))?.bundle;
    expect(after?.vtConsultation?.body.state.status).toBe('answered');
    expect(after?.vtConsultation?.body.sent.primary?.activityId).toBe('1');
    expect(after?.contributions.map((c) => c.id)).toEqual(['contrib-vt']);
    expect((await db.readAudit(CASE_ID)).map((a) => a.entry.action)).toEqual(['vt.answered']);
  });
});
