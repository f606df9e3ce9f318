import { intakeCase } from '../../src/app/intake-case';
import { castVote } from '../../src/app/cast-vote';
import { closeRoundAsChair, startRound } from '../../src/app/course/rounds';
import { closeCase } from '../../src/app/course/closing';
import { reAgendaCase } from '../../src/app/course/re-agenda';
import type { ReportRow } from '../../src/domain/aftercare/report';
import { getReportRow } from '../../src/store/report-store';
import { sampleIntake, USERS } from '../helpers/fixtures';
import { ManualClock, startTestHost, type TestHost } from '../helpers/host';
import { closeSharedCosmosServer, makeDocStore, storeKinds, type TestStore } from '../helpers/stores';
import { HANDOVER_FIELDS } from '../helpers/handover';

jest.setTimeout(60_000);

const MIN = 60_000;
const T0 = Date.parse('2026-03-10T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The report row follows the case through real commands, on both adapters: after each command the
 * stored row says what the case now is (hand-written expectations, not the row builder's own output).
 */
describe.each(storeKinds)('report row kept current by the commands: %s', (kind) => {
  let store: TestStore;
  let t: TestHost;
  const clock = new ManualClock(T0);
  beforeAll(async () => {
    store = await makeDocStore(kind);
    t = await startTestHost({ db: store.db, clock });
  });
  afterAll(async () => {
    await t.stop();
    await store.cleanup();
    await closeSharedCosmosServer();
  });

  const row = async (caseId: string): Promise<ReportRow> => {
    const r = await getReportRow(t.host.db, caseId);
    if (!r) throw new Error('no report row');
    return r;
  };

  it('intake, votes, door-agenderen, a new round and closing each leave the row equal to the case', async () => {
    const deps = t.host.deps;
    const intake = sampleIntake({ intakeAt: iso(T0 - 10 * MIN) });
    const created = await intakeCase(deps, intake, { kind: 'system', id: 'test' });
    if (!created.ok) throw new Error(created.error.code);
    const caseId = created.value.caseId;
    expect(await row(caseId)).toEqual({
      caseId,
      locationId: intake.locationId,
      intakeAt: iso(T0 - 10 * MIN),
      children: true,
      rounds: 1,
      reAgendaCount: 0,
      vtEvening: { count: 0, responseMinutes: [] },
      phases: { safety: 0, care: 0, recovery: 0 },
    });

    // A re-delivery of the same intake does not reset the row.
    clock.advance(5 * MIN);
    const vote1 = await castVote(deps, { caseId, aadObjectId: USERS.politie, input: { concern: false } });
    expect(vote1.ok).toBe(true);
    expect((await row(caseId)).firstVoteAt).toBe(iso(T0 + 5 * MIN));
    expect((await intakeCase(deps, intake, { kind: 'system', id: 'test' })).ok).toBe(true);
    expect((await row(caseId)).firstVoteAt).toBe(iso(T0 + 5 * MIN));

    // A later vote and a re-vote keep the first vote's moment.
    clock.advance(5 * MIN);
    expect((await castVote(deps, { caseId, aadObjectId: USERS.politie2, input: { concern: false } })).ok).toBe(true);
    expect((await castVote(deps, { caseId, aadObjectId: USERS.om, input: { concern: false } })).ok).toBe(true);
    expect((await row(caseId)).firstVoteAt).toBe(iso(T0 + 5 * MIN));

    // Door-agenderen counts once per new moment.
    const re = await reAgendaCase(deps, { caseId, aadObjectId: USERS.om, date: '2026-03-11', time: '09:00' });
    expect(re.ok).toBe(true);
    expect((await row(caseId)).reAgendaCount).toBe(1);
    expect((await reAgendaCase(deps, { caseId, aadObjectId: USERS.om, date: '2026-03-11', time: '09:00' })).ok).toBe(true);
    expect((await row(caseId)).reAgendaCount).toBe(1);
    expect((await reAgendaCase(deps, { caseId, aadObjectId: USERS.om, date: '2026-03-12', time: '09:00' })).ok).toBe(true);
    expect((await row(caseId)).reAgendaCount).toBe(2);

    // A second round.
    expect((await closeRoundAsChair(deps, { caseId, aadObjectId: USERS.om })).ok).toBe(true);
    expect((await startRound(deps, { caseId, aadObjectId: USERS.om })).ok).toBe(true);
    expect((await row(caseId)).rounds).toBe(2);
    expect((await row(caseId)).decision).toBeUndefined();

    // Closing: the decision moment.
    expect((await closeRoundAsChair(deps, { caseId, aadObjectId: USERS.om })).ok).toBe(true);
    clock.advance(30 * MIN);
    const closed = await closeCase(deps, { caseId, aadObjectId: USERS.om, handover: HANDOVER_FIELDS });
    expect(closed.ok).toBe(true);
    const last = await row(caseId);
    expect(last).toMatchObject({ rounds: 2, reAgendaCount: 2, decision: 'closed', decidedAt: iso(T0 + 40 * MIN) });
    expect(last.escalationRule).toBeUndefined();
  });

  it('an acute vote escalates: the row has the escalation rule and moment', async () => {
    const deps = t.host.deps;
    const intake = sampleIntake({ intakeAt: iso(clock.now().getTime() - MIN), children: { involved: false, ages: [] }, persons: [] });
    const created = await intakeCase(deps, intake, { kind: 'system', id: 'test' });
    if (!created.ok) throw new Error(created.error.code);
    const caseId = created.value.caseId;
    expect((await row(caseId)).children).toBe(false);
    clock.advance(3 * MIN);
    const at = iso(clock.now().getTime());
    const v = await castVote(deps, {
      caseId,
      aadObjectId: USERS.politie,
      input: { concern: true, reason: 'direct gevaar', acuteUnsafe: true },
    });
    expect(v.ok).toBe(true);
    expect(await row(caseId)).toMatchObject({ decision: 'escalated', escalationRule: 'acute_unsafe', decidedAt: at, firstVoteAt: at });
  });
});
