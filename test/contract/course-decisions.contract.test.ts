import { decideBecomeCaseOwner, decideTakeLead, type DecisionContext } from '../../src/domain/decisions';
import type { EscalationRecord } from '../../src/domain/escalation-record';
import { decisionOps, loadCaseBundle } from '../../src/store/case-bundle';
import { PreconditionFailedError, type DocStore } from '../../src/store/docstore';
import { storeKinds, useDocStore } from '../helpers/stores';
import { sampleCase } from '../unit/cards/fixtures';

const CASE_ID = 'c0ffee12a9b8c7d6e5f4';
const NOW = '2026-11-23T21:30:00.000Z';
const ctx = (now: string): DecisionContext => {
  let n = 0;
  return { now, newAuditId: () => `audit:${now}:${++n}` };
};
const ESCALATION: EscalationRecord = {
  caseId: CASE_ID,
  at: '2026-11-23T21:00:00.000Z',
  rule: 'acute_unsafe',
  orgs: ['politie'],
  reasons: [],
  question: 'Wat is nodig om de kinderen vannacht veilig te houden?',
  attendees: ['politie', 'om'],
};

/** A course decision becomes one commit on both adapters; a change of the escalation is conditional on its version. */
describe.each(storeKinds)('course decisions committed: %s', (kind) => {
  const store = useDocStore(kind);
  let db: DocStore;
  beforeEach(async () => {
    db = store().db;
    await db.commit([
      { op: 'insert', doc: { pk: CASE_ID, id: 'case', kind: 'case', body: sampleCase({ id: CASE_ID, actions: [] }) } },
      { op: 'insert', doc: { pk: CASE_ID, id: 'escalation', kind: 'escalation', body: ESCALATION } },
    ]);
  });

  it('regie: the case, its audit entry and the card refreshes in one commit', async () => {
    const loaded = await loadCaseBundle(db, CASE_ID);
    if (!loaded) throw new Error('no case');
    const r = decideTakeLead(loaded.bundle, { actor: { aadObjectId: 'aad-rvdk', orgId: 'rvdk' } }, ctx(NOW));
    if (!r.ok) throw new Error(r.error);
    await db.commit(decisionOps(loaded, r.decision, NOW));
    const again = await loadCaseBundle(db, CASE_ID);
    expect(again?.bundle.theCase.body.caseLead).toEqual({ orgId: 'rvdk', since: NOW });
    expect([...(again?.jobs.keys() ?? [])].sort()).toEqual(['job:postActieoverleg', 'job:refreshActieoverleg', 'job:refreshCard']);
    expect((await db.readAudit(CASE_ID)).map((a) => `${a.entry.action}:${a.entry.actorId}`)).toEqual(['lead.take:aad-rvdk']);
  });

  it('casusverantwoordelijke: the escalation replaced in the commit; on a stale escalation nothing of the act is written', async () => {
    const loaded = await loadCaseBundle(db, CASE_ID);
    if (!loaded?.bundle.escalation) throw new Error('no escalation');
    const r = decideBecomeCaseOwner(loaded.bundle, { actor: { aadObjectId: 'aad-vt', orgId: 'vt' } }, ctx(NOW));
    if (!r.ok) throw new Error(r.error);
    // meanwhile the post job stores the Actieoverleg card's reference (no case write)
    const current = await db.get<EscalationRecord>(CASE_ID, 'escalation');
    const posted = { conversationId: '19:ao', activityId: 'act-1', serviceUrl: 'https://smba.example/', postedAt: NOW };
    await db.replace(
      { pk: CASE_ID, id: 'escalation', kind: 'escalation', body: { ...ESCALATION, actieoverlegRef: posted } },
      current!.etag,
    );
    await expect(db.commit(decisionOps(loaded, r.decision, NOW))).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await db.readAudit(CASE_ID)).map((a) => a.entry.action)).toEqual([]);
    expect((await db.get<EscalationRecord>(CASE_ID, 'escalation'))?.body.caseOwner).toBeUndefined();
    // decided again on the newer state: the owner is set and the reference kept
    const fresh = await loadCaseBundle(db, CASE_ID);
    const again = decideBecomeCaseOwner(fresh!.bundle, { actor: { aadObjectId: 'aad-vt', orgId: 'vt' } }, ctx(NOW));
    if (!again.ok) throw new Error(again.error);
    await db.commit(decisionOps(fresh!, again.decision, NOW));
    const stored = (await db.get<EscalationRecord>(CASE_ID, 'escalation'))?.body;
    expect(stored?.caseOwner).toEqual({ orgId: 'vt', aadObjectId: 'aad-vt', at: NOW });
    expect(stored?.actieoverlegRef).toEqual(posted);
    expect((await db.readAudit(CASE_ID)).map((a) => `${a.entry.action}:${a.entry.actorId}`)).toEqual(['actieoverleg.owner:aad-vt']);
  });
});
