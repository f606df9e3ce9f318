import type { DecisionContext } from '../../src/domain/decisions';
import { decideAnswerInfo, decideAskInfo, decideAddMeasure, decideViolation } from '../../src/domain/verdieping/decide-signals';
import { decisionOps, loadCaseBundle } from '../../src/store/case-bundle';
import { PreconditionFailedError, type DocStore } from '../../src/store/docstore';
import { storeKinds, useDocStore } from '../helpers/stores';
import { sampleCase } from '../unit/cards/fixtures';

const CASE_ID = 'c0ffee12a9b8c7d6e5f4';
const ctx = (now: string): DecisionContext => {
  let n = 0;
  return { now, newAuditId: () => `audit:${now}:${++n}` };
};
const politie = { aadObjectId: 'aad-politie', orgId: 'politie' as const };
const rvdk = { aadObjectId: 'aad-rvdk', orgId: 'rvdk' as const };

async function load(db: DocStore) {
  const loaded = await loadCaseBundle(db, CASE_ID);
  if (!loaded) throw new Error('no case');
  return loaded;
}

/** Verdieping writes of a decision are part of its one commit on both adapters; a stale etag writes nothing. */
describe.each(storeKinds)('verdieping signals in the case commit: %s', (kind) => {
  const store = useDocStore(kind);
  let db: DocStore;
  beforeEach(async () => {
    db = store().db;
    await db.commit([{ op: 'insert', doc: { pk: CASE_ID, id: 'case', kind: 'case', body: sampleCase({ id: CASE_ID, actions: [] }) } }]);
  });

  it('ask then answer: the question and the linked contribution come back from one bundle read', async () => {
    const t1 = '2026-11-23T20:00:00.000Z';
    const asked = decideAskInfo(
      (await load(db)).bundle,
      {
        actor: politie,
        id: 'inforeq:1',
        input: { toOrg: 'rvdk', question: 'Loopt er een OTS?', whyNeeded: 'Bepaalt wie bewaakt.', whatItChanges: 'Anders een onderzoek.' },
      },
      ctx(t1),
    );
    if (!asked.ok) throw new Error(asked.error);
    const l1 = await load(db);
    await db.commit(decisionOps(l1, asked.decision, t1));
    const l2 = await load(db);
    expect(l2.bundle.verdieping?.infoRequests.map((d) => d.body)).toEqual([asked.value]);

    const t2 = '2026-11-23T21:00:00.000Z';
    const answered = decideAnswerInfo(
      l2.bundle,
      {
        actor: rvdk,
        requestId: 'inforeq:1',
        input: { text: 'Ja.', source: 'own_system', needToKnow: 'Nodig voor de veiligheid.' },
        contributionId: 'contrib:1',
      },
      ctx(t2),
    );
    if (!answered.ok) throw new Error(answered.error);
    await db.commit(decisionOps(l2, answered.decision, t2));
    const l3 = await load(db);
    expect(l3.bundle.verdieping?.infoRequests[0].body).toMatchObject({ status: 'answered', answerContributionId: 'contrib:1' });
    expect(l3.bundle.contributions.map((c) => [c.id, c.orgId])).toEqual([['contrib:1', 'rvdk']]);
    expect((await db.readAudit(CASE_ID)).map((a) => a.entry.action)).toEqual([
      'infoRequest.asked',
      'contribution.add',
      'infoRequest.answered',
    ]);
  });

  it('a violation decided on a stale bundle changes nothing: no violation, no escalation, no audit', async () => {
    const t1 = '2026-11-23T18:00:00.000Z';
    const added = decideAddMeasure(
      (await load(db)).bundle,
      { actor: politie, id: 'measure:1', todayLocal: '2026-11-23', input: { type: 'location_ban', holderOrg: 'om', until: '2026-12-31' } },
      ctx(t1),
    );
    if (!added.ok) throw new Error(added.error);
    const l1 = await load(db);
    await db.commit(decisionOps(l1, added.decision, t1));
    const stale = await load(db);
    const t2 = '2026-11-23T20:00:00.000Z';
    const args = {
      actor: politie,
      measureId: 'measure:1',
      violationLocalDate: '2026-11-23',
      policy: { riskLevels: ['high' as const], violation: true },
    };
    const first = decideViolation(stale.bundle, { ...args, at: '2026-11-23T19:00:00.000Z' }, ctx(t2));
    const second = decideViolation(stale.bundle, { ...args, at: '2026-11-23T19:30:00.000Z' }, ctx(t2));
    if (!first.ok || !second.ok) throw new Error('refused');
    await db.commit(decisionOps(stale, first.decision, t2));
    await expect(db.commit(decisionOps(stale, second.decision, t2))).rejects.toBeInstanceOf(PreconditionFailedError);
    const after = await load(db);
    expect(after.bundle.verdieping?.measures[0].body.violations.map((v) => v.at)).toEqual(['2026-11-23T19:00:00.000Z']);
    expect(after.bundle.escalation?.body).toMatchObject({ rule: 'measure_violation' });
    const actions = (await db.readAudit(CASE_ID)).map((a) => a.entry.action);
    expect(actions.filter((a) => a === 'measure.violation')).toHaveLength(1);
    expect(actions.filter((a) => a === 'case.escalated')).toHaveLength(1);
  });
});
