import { decideVote, type DecisionContext } from '../../src/domain/decisions';
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
    expect(again?.bundle.escalation?.body.rule).toBe('acuut_onveilig');
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
});
