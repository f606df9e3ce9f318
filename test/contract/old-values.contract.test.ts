import { verifyOneChain } from '../../src/app/privacy/audit-trail';
import type { AuditEntry } from '../../src/domain/audit';
import { CaseQueries } from '../../src/store/queries';
import { reportRows } from '../../src/store/report-store';
import { Repository } from '../../src/store/repository';
import { storeKinds, useDocStore } from '../helpers/stores';
import { T0, aCase, anAudit, at, intakeAudit } from './fixtures/domain';

// A cap, not a wait: creating a Cosmos database per test on the emulator can take seconds on a loaded machine.
jest.setTimeout(30_000);

const CASE = 'case-old-values-1';

/** Bodies exactly as the product wrote them before the stored enum values became English (issue 11 item 6). */
const OLD_ESCALATION = {
  caseId: CASE,
  at: at(60),
  rule: 'aanhoudend_rondes',
  orgs: ['vt'],
  reasons: [{ orgId: 'vt', round: 1, reason: 'Direct gevaar', acuteUnsafe: false }],
  question: 'Vervolgen, ja of nee?',
  attendees: ['politie', 'vt'],
};
const OLD_CONSULTATION = {
  caseId: CASE,
  seq: 1,
  regionId: 'utrecht',
  regionName: 'Utrecht',
  question: 'Bekend?',
  askedBy: 'auto',
  state: { status: 'achterwacht_gevraagd', askedAt: at(1), expiresAt: at(999), reminderAt: at(901), backupAt: at(1801), primary: 'vt-1' },
  sent: {},
  answers: [
    { kind: 'bel_terug', by: 'vt-1', at: at(5), phone: '06-12345678' },
    { kind: 'niet_bekend', by: 'vt-1', at: at(6) },
  ],
};
const OLD_REPORT_ROW = {
  caseId: CASE,
  locationId: 'zsm-rotterdam',
  intakeAt: T0,
  children: false,
  rounds: 1,
  reAgendaCount: 0,
  escalationRule: 'hoog_risico',
  vtEvening: { count: 0, responseMinutes: [] },
  phases: { veiligheid: 0, zorg: 0, herstel: 0 },
};

/** Documents written with the old Dutch values load with the English ones, through every read path, on both adapters. */
describe.each(storeKinds)('old stored values read as the new ones: %s', (kind) => {
  const store = useDocStore(kind);
  let repo: Repository;
  beforeEach(async () => {
    const db = store().db;
    repo = new Repository(db);
    await repo.intakeCase(aCase(CASE), intakeAudit(CASE), []);
    await db.commit([
      { op: 'insert', doc: { pk: CASE, id: 'escalation', kind: 'escalation', body: OLD_ESCALATION } },
      { op: 'insert', doc: { pk: CASE, id: 'vtconsult', kind: 'vtconsult', body: OLD_CONSULTATION } },
      { op: 'upsert', doc: { pk: CASE, id: 'reportrow', kind: 'reportrow', body: OLD_REPORT_ROW } },
    ]);
  });

  const expectNew = (escalationRule: unknown, status: unknown, kinds: unknown) => {
    expect(escalationRule).toBe('persistent_rounds');
    expect(status).toBe('backup_asked');
    expect(kinds).toEqual(['call_back', 'not_known']);
  };

  it('single reads (getEscalation, getVtConsultation, report row)', async () => {
    const e = await repo.getEscalation(CASE);
    const v = await repo.getVtConsultation(CASE);
    expectNew(
      e?.body.rule,
      v?.body.state.status,
      v?.body.answers.map((a) => a.kind),
    );
    // the rest of the document is untouched, and the version tag still guards a write back
    expect(v?.body).toMatchObject({ seq: 1, state: { primary: 'vt-1', askedAt: at(1) }, answers: [{ phone: '06-12345678' }, {}] });
    await repo.putVtConsultation({ ...v!.body, seq: 2 }, v!.etag);
    expect((await repo.getVtConsultation(CASE))?.body).toMatchObject({ seq: 2, state: { status: 'backup_asked' } });
    expect((await repo.reports.getRow(CASE))?.escalationRule).toBe('high_risk');
  });

  it('the one-read case bundle and the raw partition read', async () => {
    const loaded = await repo.cases.loadBundle(CASE);
    const b = loaded?.bundle;
    expectNew(
      b?.escalation?.body.rule,
      b?.vtConsultation?.body.state.status,
      b?.vtConsultation?.body.answers.map((a) => a.kind),
    );
    expect(loaded?.reportRow?.escalationRule).toBe('high_risk');
    const docs = await repo.cases.readPartition(CASE);
    const body = (k: string) => docs.find((d) => d.kind === k)?.body as Record<string, unknown>;
    expect(body('escalation').rule).toBe('persistent_rounds');
    expect((body('vtconsult').state as { status: string }).status).toBe('backup_asked');
  });

  it('the agenda, the VT summary query and the report query', async () => {
    const db = store().db;
    const [agenda] = await new CaseQueries(db).agendaData('zsm-rotterdam');
    expectNew(
      agenda.escalation?.rule,
      agenda.vtConsultation?.state.status,
      agenda.vtConsultation?.answers.map((a) => a.kind),
    );
    const [summary] = await new CaseQueries(db).vtConsultationsAskedBetween('utrecht', at(0), at(10));
    expect(summary.state.status).toBe('backup_asked');
    const rows = await reportRows(db, { locationId: 'zsm-rotterdam', from: at(-1), to: at(1) });
    expect(rows.map((r) => r.escalationRule)).toEqual(['high_risk']);
  });

  it('an audit trail with old action names still verifies, and reads with the current names', async () => {
    const db = store().db;
    const old = (n: number, action: string, actorId = 'aad-om'): AuditEntry =>
      ({ id: `audit:old:${n}`, caseId: CASE, at: at(100 + n), action, actorId, actorOrg: 'om' }) as unknown as AuditEntry;
    for (const [n, action] of ['case.details_read', 'case.reagenda', 'advice.followup', 'vt.oncall'].entries())
      await db.appendAudit(old(n, action));
    await repo.appendAudit(anAudit(CASE, 'case.reAgenda', at(200), 'audit:new:1'));
    expect(await verifyOneChain(repo.audit, CASE)).toEqual({ entries: 6, broken: null });
    // as hashed: the stored names are unchanged
    expect((await repo.audit.readAudit(CASE)).map((r) => r.entry.action)).toEqual([
      'case.intake',
      'case.details_read',
      'case.reagenda',
      'advice.followup',
      'vt.oncall',
      'case.reAgenda',
    ]);
    // as read: one name per action
    expect((await repo.listAudit(CASE)).map((e) => e.action)).toEqual([
      'case.intake',
      'case.detailsRead',
      'case.reAgenda',
      'advice.followUp',
      'vt.onCall',
      'case.reAgenda',
    ]);
  });
});
