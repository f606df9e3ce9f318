import type { Case } from '../../src/domain/case';
import type { VtConsultationRecord } from '../../src/domain/vt/record';
import type { DocStore } from '../../src/store/docstore';
import { newJob } from '../../src/store/jobs';
import { CaseQueries } from '../../src/store/queries';
import { SqliteDocStore } from '../../src/store/sqlite/sqlite-docstore';
import { countingStore } from '../helpers/counting-store';
import { storeKinds, useDocStore } from '../helpers/stores';
import { T0, aCase, aVote, at } from './fixtures/domain';

// The first Cosmos call of a file starts the in-process emulator and the SDK (seconds on a loaded
// machine): a budget for a busy machine, not a tuned wait; every assertion follows the awaited result.
jest.setTimeout(30_000);

const caseAt = (id: string, locationId: string, status: Case['status'] = 'open', extra: Partial<Case> = {}): Case => ({
  ...aCase(id),
  locationId,
  status,
  ...extra,
});

const consultation = (caseId: string, regionId: string, askedAt: string, status: 'asked' | 'answered' = 'asked'): VtConsultationRecord => {
  const base = { askedAt, expiresAt: at(99_999), reminderAt: at(90_000), backupAt: at(95_000) };
  return {
    caseId,
    seq: 1,
    regionId,
    regionName: regionId,
    question: 'Bekend bij VT?',
    askedBy: 'auto',
    state: status === 'asked' ? { ...base, status } : { ...base, status, answeredAt: askedAt, answeredBy: 'vt-1', late: false },
    sent: {},
    answers: [],
  };
};

async function putCase(db: DocStore, c: Case): Promise<void> {
  await db.insert({ pk: c.id, id: 'case', kind: 'case', body: c });
}

/** The agenda and VT-summary queries, held to the same contract on both adapters. */
describe.each(storeKinds)('CaseQueries contract: %s', (kind) => {
  const store = useDocStore(kind);

  it('openCasesOf: only the open cases of that one location', async () => {
    const db = store().db;
    await putCase(db, caseAt('a1', 'loc-a'));
    await putCase(db, caseAt('a2', 'loc-a'));
    await putCase(db, caseAt('a3', 'loc-a', 'closed'));
    await putCase(db, caseAt('b1', 'loc-b'));
    // another kind carrying the same fields is not a case
    await db.insert({ pk: 'a1', id: 'not-a-case', kind: 'contribution', body: { locationId: 'loc-a', status: 'open' } });
    const q = new CaseQueries(db);
    expect((await q.openCasesOf('loc-a')).map((c) => c.id).sort()).toEqual(['a1', 'a2']);
    expect((await q.openCasesOf('loc-b')).map((c) => c.id)).toEqual(['b1']);
    expect(await q.openCasesOf('loc-c')).toEqual([]);
  });

  it('agendaData: two store operations (one query, one multi-partition read) with votes, escalation, card reference and VT question', async () => {
    const db = store().db;
    await putCase(db, caseAt('a1', 'loc-a'));
    await putCase(db, caseAt('a2', 'loc-a', 'open', { reAgendaAt: at(7200) }));
    await putCase(db, caseAt('a3', 'loc-a', 'closed'));
    await putCase(db, caseAt('b1', 'loc-b'));
    const vote = aVote('a1', 'politie', 'u-1', at(10));
    await db.upsert({ pk: 'a1', id: vote.id, kind: 'vote', body: vote });
    await db.insert({ pk: 'a1', id: 'escalation', kind: 'escalation', body: { caseId: 'a1', at: at(20) } });
    await db.upsert({
      pk: 'a1',
      id: 'cardref',
      kind: 'cardref',
      body: { conversationId: 'c', activityId: 'act-1', serviceUrl: 'x', postedAt: T0 },
    });
    await db.insert({ pk: 'a1', id: 'vtconsult', kind: 'vtconsult', body: consultation('a1', 'utrecht', at(5)) });
    await db.insert({
      pk: 'a1',
      id: 'job:x',
      kind: 'job',
      body: newJob({ id: 'job:x', caseId: 'a1', type: 'postCard', dueAt: T0, now: T0 }),
    });

    const counter = countingStore(db);
    const rows = await new CaseQueries(counter.store).agendaData('loc-a');
    expect(counter.take()).toEqual({ query: 1, readPartitions: 1 });
    const byId = new Map(rows.map((r) => [r.theCase.id, r]));
    expect([...byId.keys()].sort()).toEqual(['a1', 'a2']);
    const a1 = byId.get('a1')!;
    expect(a1.votes.map((v) => v.orgId)).toEqual(['politie']);
    expect(a1.escalation).not.toBeNull();
    expect(a1.cardRef?.activityId).toBe('act-1');
    expect(a1.vtConsultation?.state.status).toBe('asked');
    const a2 = byId.get('a2')!;
    expect(a2).toMatchObject({ votes: [], escalation: null, cardRef: null, vtConsultation: null });

    // a filter on the case is applied before any partition is read
    const only = await new CaseQueries(counter.store).agendaData('loc-a', (c) => c.reAgendaAt === at(7200));
    expect(only.map((r) => r.theCase.id)).toEqual(['a2']);
    expect(counter.take()).toEqual({ query: 1, readPartitions: 1 });
    // no open case: nothing to read after the query
    expect(await new CaseQueries(counter.store).agendaData('loc-none')).toEqual([]);
    expect(counter.take()).toEqual({ query: 1 });
  });

  it('readPartitions: the listed kinds of the listed partitions only, ordered by pk, kind, id', async () => {
    const db = store().db;
    for (const pk of ['p2', 'p1', 'p3', 'p/4?#']) {
      await db.insert({ pk, id: 'case', kind: 'case', body: { n: pk } });
      await db.insert({ pk, id: 'vote:2', kind: 'vote', body: { n: 2 } });
      await db.insert({ pk, id: 'vote:1', kind: 'vote', body: { n: 1 } });
      await db.insert({ pk, id: 'job:x', kind: 'job', body: { n: 'job' } });
    }
    const got = await db.readPartitions(['p2', 'p1', 'p/4?#', 'p1', 'missing'], ['vote', 'case']);
    expect(got.map((d) => `${d.pk}/${d.kind}/${d.id}`)).toEqual([
      'p/4?#/case/case',
      'p/4?#/vote/vote:1',
      'p/4?#/vote/vote:2',
      'p1/case/case',
      'p1/vote/vote:1',
      'p1/vote/vote:2',
      'p2/case/case',
      'p2/vote/vote:1',
      'p2/vote/vote:2',
    ]);
    expect(got.every((d) => typeof d.etag === 'string' && d.etag.length > 0)).toBe(true);
    expect(await db.readPartitions([], ['vote'])).toEqual([]);
    expect(await db.readPartitions(['p1'], [])).toEqual([]);
  });

  it('readPartitions: many partitions in one call (more than one Cosmos query chunk)', async () => {
    const db = store().db;
    const pks = Array.from({ length: 230 }, (_, i) => `case-${String(i).padStart(3, '0')}`);
    for (const pk of pks) await db.insert({ pk, id: 'cardref', kind: 'cardref', body: { activityId: pk } });
    const got = await db.readPartitions(pks, ['cardref']);
    expect(got.map((d) => d.pk)).toEqual(pks);
  });

  it('vtConsultationsAskedBetween: one region, asked within [from, to] inclusive, oldest first', async () => {
    const db = store().db;
    const put = (r: VtConsultationRecord) => db.insert({ pk: r.caseId, id: 'vtconsult', kind: 'vtconsult', body: r });
    await put(consultation('c-before', 'utrecht', at(99)));
    await put(consultation('c-from', 'utrecht', at(100)));
    await put(consultation('c-mid', 'utrecht', at(150), 'answered'));
    await put(consultation('c-to', 'utrecht', at(200)));
    await put(consultation('c-after', 'utrecht', at(201)));
    await put(consultation('c-other', 'gooi', at(150)));
    const q = new CaseQueries(db);
    expect((await q.vtConsultationsAskedBetween('utrecht', at(100), at(200))).map((c) => c.caseId)).toEqual(['c-from', 'c-mid', 'c-to']);
    expect((await q.vtConsultationsAskedBetween('gooi', at(100), at(200))).map((c) => c.caseId)).toEqual(['c-other']);
    expect(await q.vtConsultationsAskedBetween('utrecht', at(300), at(400))).toEqual([]);
  });
});

describe('CaseQueries on SQLite seek an index (no full scan)', () => {
  const store = useDocStore('sqlite');
  const plan = (db: DocStore, ...args: Parameters<SqliteDocStore['explainQuery']>): string => {
    if (!(db instanceof SqliteDocStore)) throw new Error('expected the SQLite adapter');
    return db.explainQuery(...args).join(' | ');
  };

  it('the agenda query uses docs_agenda', () => {
    const p = plan(store().db, 'case', [
      { field: 'locationId', op: '=', value: 'loc-a' },
      { field: 'status', op: '=', value: 'open' },
    ]);
    expect(p).toMatch(/USING INDEX docs_agenda \(<expr>=\? AND <expr>=\?\)/);
    expect(p).not.toMatch(/SCAN/);
  });

  it('the VT window query uses docs_vt_window with a range on askedAt', () => {
    const p = plan(
      store().db,
      'vtconsult',
      [
        { field: 'regionId', op: '=', value: 'utrecht' },
        { field: 'state.askedAt', op: '>=', value: at(0) },
        { field: 'state.askedAt', op: '<=', value: at(10) },
      ],
      { orderBy: 'state.askedAt' },
    );
    expect(p).toMatch(/USING INDEX docs_vt_window \(<expr>=\? AND <expr>>\? AND <expr><\?\)/);
    expect(p).not.toMatch(/SCAN docs/);
  });

  // Every other query the code makes (src/store/*.ts) seeks the partial index of its kind (schema v5).
  const now = at(0);
  it.each<[string, Parameters<SqliteDocStore['explainQuery']>, string]>([
    [
      'due jobs (the job loop)',
      [
        'job',
        [
          { field: 'status', op: '=', value: 'pending' },
          { field: 'dueAt', op: '<=', value: now },
          { field: 'leaseUntil', op: '<=', value: now },
        ],
        { orderBy: 'dueAt', limit: 20 },
      ],
      'docs_job_due',
    ],
    [
      'jobs held by a worker (shutdown)',
      [
        'job',
        [
          { field: 'leaseOwner', op: '=', value: 'w1' },
          { field: 'status', op: '=', value: 'pending' },
        ],
      ],
      'docs_job_due',
    ],
    [
      'finished system jobs (retention)',
      [
        'job',
        [
          { field: 'status', op: '=', value: 'done' },
          { field: 'dueAt', op: '<=', value: now },
          { field: 'caseId', op: '>=', value: '_' },
          { field: 'caseId', op: '<', value: '`' },
        ],
        { limit: 50 },
      ],
      'docs_job_due',
    ],
    [
      'open questions to an organisation',
      [
        'inforequest',
        [
          { field: 'toOrg', op: '=', value: 'rvdk' },
          { field: 'status', op: '=', value: 'open' },
        ],
        { orderBy: 'askedAt', limit: 30 },
      ],
      'docs_inforequest_open',
    ],
    [
      'closed cases past retention',
      [
        'case',
        [
          { field: 'status', op: '=', value: 'closed' },
          { field: 'closure.at', op: '<=', value: now },
        ],
        { limit: 50 },
      ],
      'docs_case_closed',
    ],
    [
      'open cases past retention',
      [
        'case',
        [
          { field: 'intakeAt', op: '<=', value: now },
          { field: 'status', op: '=', value: 'open' },
        ],
        { limit: 50 },
      ],
      'docs_case_open_intake',
    ],
    [
      'pseudonym index past retention',
      ['personidx', [{ field: 'intakeAt', op: '<=', value: now }], { limit: 50 }],
      'docs_personidx_intake',
    ],
    [
      'report rows of a location and period',
      [
        'reportrow',
        [
          { field: 'locationId', op: '=', value: 'loc-a' },
          { field: 'intakeAt', op: '>=', value: at(0) },
          { field: 'intakeAt', op: '<', value: at(10) },
        ],
      ],
      'docs_report_location_intake',
    ],
    [
      'report rows of a period',
      [
        'reportrow',
        [
          { field: 'intakeAt', op: '>=', value: at(0) },
          { field: 'intakeAt', op: '<', value: at(10) },
        ],
      ],
      'docs_report_intake',
    ],
  ])('%s seeks %s, never scans', (_name, args, index) => {
    const p = plan(store().db, ...args);
    expect(p).toContain(`USING INDEX ${index} (`);
    expect(p).not.toMatch(/SCAN/);
  });

  it('a vote touches no secondary index; a case only the four of its kind', () => {
    const db = store().db;
    if (!(db instanceof SqliteDocStore)) throw new Error('expected the SQLite adapter');
    expect(db.indexesOf('vote')).toEqual([]);
    expect(db.indexesOf('case')).toEqual(['docs_agenda', 'docs_case_closed', 'docs_case_open_intake', 'docs_case_ref']);
  });
});
