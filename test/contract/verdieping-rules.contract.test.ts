import type { AuditEntry } from '../../src/domain/audit';
import type { Case } from '../../src/domain/case';
import type { DecisionContext } from '../../src/domain/decisions';
import { personRefs } from '../../src/domain/verdieping/common';
import { decideAskInfo } from '../../src/domain/verdieping/decide-signals';
import { involvementsFromIntake } from '../../src/domain/verdieping/people';
import { enterVerdieping, initialPhase } from '../../src/domain/verdieping/phase';
import { questionReminderJobId } from '../../src/domain/verdieping/question-reminder';
import { addMeasure, reportViolation } from '../../src/domain/verdieping/safety-signals';
import { decisionOps, loadCaseBundle } from '../../src/store/case-bundle';
import { CaseStore } from '../../src/store/cases';
import type { DocStore, WriteOp } from '../../src/store/docstore';
import type { Job } from '../../src/store/jobs';
import { CaseQueries } from '../../src/store/queries';
import { verdiepingDocs } from '../../src/store/verdieping-store';
import { storeKinds, useDocStore } from '../helpers/stores';
import { sampleCase } from '../unit/cards/fixtures';

/**
 * The store side of the remaining verdieping rules (issue 14), the same contract on SQLite and the
 * Cosmos emulator: the agenda's one multi-partition read brings each case's phase, questions and
 * measures (and nothing else of verdieping); asking a question commits its reminder job with it; the
 * intake's involvement documents are insert-if-absent, so a re-delivered intake never overwrites the card.
 */
jest.setTimeout(30_000);

const LOC = 'loc-vd';
const ctx = (now: string): DecisionContext => {
  let n = 0;
  return { now, newAuditId: () => `audit:${now}:${++n}` };
};
const chair = { orgId: 'om' as const, chair: true, userId: 'aad-om' };
const politie = { orgId: 'politie' as const, chair: false, userId: 'aad-politie' };

const caseOf = (id: string): Case => ({ ...sampleCase({ id, actions: [] }), locationId: LOC, status: 'open' });
const insertCase = (db: DocStore, c: Case) => db.commit([{ op: 'insert', doc: { pk: c.id, id: 'case', kind: 'case', body: c } }]);
const auditOf = (caseId: string, at: string, action: AuditEntry['action']): AuditEntry => ({
  id: `audit:${at}:${action}`,
  caseId,
  at,
  action,
  actorId: 'aad-om',
});

describe.each(storeKinds)('verdieping rules on the store: %s', (kind) => {
  const store = useDocStore(kind);

  it("agendaData: each open case's phase, open questions and measures from the one multi-partition read, nothing else of verdieping", async () => {
    const db = store().db;
    const now = '2026-11-23T20:00:00.000Z';
    const deep = caseOf('vd-deep');
    const plain = caseOf('vd-plain');
    await insertCase(db, deep);
    await insertCase(db, plain);
    const entered = enterVerdieping({
      state: initialPhase(deep.id),
      caseOpen: true,
      actor: chair,
      input: { reason: 'held_by_prosecutor', date: '2026-11-25' },
      now,
    });
    if (!entered.ok) throw new Error(entered.error);
    const measure = addMeasure({
      id: 'measure:1',
      caseId: deep.id,
      caseOpen: true,
      actor: politie,
      input: { type: 'location_ban', holderOrg: 'politie', until: '2026-12-31' },
      todayLocal: '2026-11-23',
      now,
    });
    if (!measure.ok) throw new Error(measure.error);
    const violated = reportViolation({
      measure: measure.measure,
      caseOpen: true,
      actor: politie,
      at: '2026-11-23T19:00:00.000Z',
      violationLocalDate: '2026-11-23',
      now,
    });
    if (!violated.ok) throw new Error(violated.error);
    const asked = decideAskInfo(
      (await loadCaseBundle(db, deep.id))!.bundle,
      {
        actor: { aadObjectId: 'aad-politie', orgId: 'politie' },
        id: 'inforeq:1',
        input: { toOrg: 'rvdk', question: 'Loopt er een OTS?', whyNeeded: 'Bepaalt wie bewaakt.', whatItChanges: 'Anders een onderzoek.' },
      },
      ctx(now),
    );
    if (!asked.ok) throw new Error(asked.error);
    await db.commit(decisionOps((await loadCaseBundle(db, deep.id))!, asked.decision, now));
    const ops: WriteOp[] = [
      { op: 'insert', doc: verdiepingDocs.phase(entered.state) },
      { op: 'insert', doc: verdiepingDocs.measure(violated.measure) },
      // A duiding version is not read by the agenda.
      {
        op: 'insert',
        doc: {
          pk: deep.id,
          id: 'reading:v0001',
          kind: 'reading',
          body: { caseId: deep.id, version: 1 },
        },
      },
      { op: 'audit', entry: auditOf(deep.id, now, 'verdieping.started') },
    ];
    await db.commit(ops);

    const rows = await new CaseQueries(db).agendaData(LOC);
    const byId = new Map(rows.map((r) => [r.theCase.id, r]));
    const d = byId.get(deep.id)!.verdieping;
    expect(d.phase?.body).toMatchObject({ phase: 'verdieping', horizon: { reason: 'held_by_prosecutor' } });
    expect(d.infoRequests.map((x) => x.body)).toEqual([asked.value]);
    expect(d.measures.map((x) => x.body.violations.length)).toEqual([1]);
    expect(d.readings).toEqual([]);
    const p = byId.get(plain.id)!.verdieping;
    expect([p.phase, p.infoRequests, p.measures]).toEqual([null, [], []]);
  });

  it('asking a question commits its first reminder job in the same commit; asked without a policy, none', async () => {
    const db = store().db;
    const c = caseOf('vd-ask');
    await insertCase(db, c);
    const now = '2026-11-23T20:00:00.000Z';
    const load = async () => (await loadCaseBundle(db, c.id))!;
    const withPolicy = decideAskInfo(
      (await load()).bundle,
      {
        actor: { aadObjectId: 'aad-politie', orgId: 'politie' },
        id: 'inforeq:a',
        input: { toOrg: 'rvdk', question: 'Vraag?', whyNeeded: 'Omdat het nodig is.', whatItChanges: 'Het verandert veel.' },
        reminder: { afterHours: 6, times: 2 },
      },
      ctx(now),
    );
    if (!withPolicy.ok) throw new Error(withPolicy.error);
    await db.commit(decisionOps(await load(), withPolicy.decision, now));
    const job = await db.get<Job>(c.id, questionReminderJobId('inforeq:a', 1));
    expect(job?.body).toMatchObject({
      type: 'questionReminder',
      status: 'pending',
      dueAt: '2026-11-24T02:00:00.000Z',
      payload: { requestId: 'inforeq:a', n: 1 },
    });

    const without = decideAskInfo(
      (await load()).bundle,
      {
        actor: { aadObjectId: 'aad-politie', orgId: 'politie' },
        id: 'inforeq:b',
        input: { toOrg: 'rvdk', question: 'Vraag?', whyNeeded: 'Omdat het nodig is.', whatItChanges: 'Het verandert veel.' },
      },
      ctx(now),
    );
    if (!without.ok) throw new Error(without.error);
    await db.commit(decisionOps(await load(), without.decision, now));
    expect(await db.get<Job>(c.id, questionReminderJobId('inforeq:b', 1))).toBeNull();
    expect((await load()).bundle.verdieping?.infoRequests.map((r) => r.body.id)).toEqual(['inforeq:a', 'inforeq:b']);
  });

  it("the intake's involvement documents are insert-if-absent: a re-delivery does not overwrite a change made on the card", async () => {
    const db = store().db;
    const cases = new CaseStore(db);
    const c = caseOf('vd-intake');
    const now = c.createdAt;
    const sent = [{}, { violenceForm: 'ex_partner_stalking' as const, relationship: 'ex_partner' as const }];
    const ops = () =>
      involvementsFromIntake(c.id, personRefs(c.persons), sent, now).map((i): WriteOp => ({
        op: 'insert',
        doc: verdiepingDocs.involvement(i),
      }));
    expect(await cases.intakeCase(c, auditOf(c.id, now, 'case.intake'), [], ops())).toBe('created');
    const first = await cases.loadVerdieping(c.id);
    expect(first.involvements.map((i) => i.body)).toEqual([
      expect.objectContaining({ personRef: personRefs(c.persons)[1].ref, violenceForm: 'ex_partner_stalking', source: 'intake' }),
    ]);
    // The desk changes it on the card (a replace on the version read).
    const changed = { ...first.involvements[0].body, violenceForm: 'partner_violence' as const, source: 'card' as const };
    await db.commit([{ op: 'replace', doc: verdiepingDocs.involvement(changed), ifMatch: first.involvements[0].etag }]);
    expect(await cases.intakeCase(c, auditOf(c.id, now, 'case.intake'), [], ops())).toBe('exists');
    const after = await cases.loadVerdieping(c.id);
    expect(after.involvements.map((i) => i.body.violenceForm)).toEqual(['partner_violence']);
  });
});
