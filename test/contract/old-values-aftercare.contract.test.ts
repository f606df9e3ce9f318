import { CaseQueries } from '../../src/store/queries';
import { loadReport } from '../../src/store/report-store';
import { Repository } from '../../src/store/repository';
import { storeKinds, useDocStore } from '../helpers/stores';
import { T0, aCase, aContribution, at, intakeAudit } from './fixtures/domain';

// A cap, not a wait: creating a Cosmos database per test on the emulator can take seconds on a loaded machine.
jest.setTimeout(30_000);

const OLD = 'case-old-aftercare-1';
const NEW = 'case-old-aftercare-2';

/** Report rows as the product wrote them before (old) and after (new) the aftercare values became English. */
const row = (caseId: string, decision: string, followUp: string) => ({
  caseId,
  locationId: 'zsm-rotterdam',
  intakeAt: caseId === OLD ? T0 : at(10),
  children: false,
  rounds: 1,
  reAgendaCount: 0,
  decidedAt: at(3600),
  decision,
  vtEvening: { count: 0, responseMinutes: [] },
  phases: { veiligheid: 0, zorg: 0, herstel: 0 },
  followUp,
});

/** Case, contribution, report row and oude-bekenden documents written with the old Dutch values load with the English ones, on both adapters. */
describe.each(storeKinds)('old aftercare/advice/rounds values read as the new ones: %s', (kind) => {
  const store = useDocStore(kind);
  let repo: Repository;
  beforeEach(async () => {
    const db = store().db;
    repo = new Repository(db);
    const oldCase = {
      ...aCase(OLD),
      actions: [
        {
          id: 'a1',
          what: 'Gesprek met school',
          orgId: 'vt',
          dueAt: at(60),
          createdAt: T0,
          createdBy: 'u',
          status: 'gedaan',
          settledAt: at(70),
        },
        {
          id: 'a2',
          what: 'Huisbezoek',
          orgId: 'politie',
          dueAt: at(60),
          createdAt: T0,
          createdBy: 'u',
          status: 'omstandigheden_veranderd',
        },
        { id: 'a3', what: 'Contact school', orgId: 'vt', dueAt: at(60), createdAt: T0, createdBy: 'u', status: 'open' },
      ],
    };
    await repo.intakeCase(aCase(OLD), intakeAudit(OLD), []);
    await db.commit([
      { op: 'upsert', doc: { pk: OLD, id: 'case', kind: 'case', body: oldCase } },
      {
        op: 'insert',
        doc: {
          pk: OLD,
          id: 'contrib-old',
          kind: 'contribution',
          body: { ...aContribution(OLD, at(5), 'Eerder bekend.'), id: 'contrib-old', source: 'gesprek_betrokkene' },
        },
      },
      { op: 'upsert', doc: { pk: OLD, id: 'reportrow', kind: 'reportrow', body: row(OLD, 'gesloten_ondanks_buikpijn', 'onbeantwoord') } },
      {
        op: 'upsert',
        doc: {
          pk: OLD,
          id: 'returning',
          kind: 'returning',
          body: {
            caseId: OLD,
            summary: {
              count: 1,
              decisions: { geescaleerd: 1, gesloten: 0, gesloten_ondanks_buikpijn: 0, open: 0 },
              measureRunning: false,
              signal: false,
            },
            earlier: [{ caseId: 'case-earlier', intakeAt: at(-86_400), decision: 'geescaleerd', followUp: 'deels_uitgevoerd' }],
          },
        },
      },
    ]);
    await repo.intakeCase(aCase(NEW), intakeAudit(NEW, at(10)), []);
    await db.commit([
      { op: 'upsert', doc: { pk: NEW, id: 'reportrow', kind: 'reportrow', body: row(NEW, 'closed_despite_concern', 'unanswered') } },
    ]);
  });

  it('the case bundle: action verdicts, contribution source, report row and oude-bekenden record', async () => {
    const b = (await repo.cases.loadBundle(OLD))?.bundle;
    expect(b?.theCase.body.actions.map((a) => a.status)).toEqual(['done', 'circumstances_changed', 'open']);
    expect(b?.contributions.map((c) => c.source)).toEqual(['talk_with_involved']);
    expect(b?.returning?.summary.decisions).toEqual({ escalated: 1, closed: 0, closed_despite_concern: 0, open: 0 });
    expect(b?.returning?.earlier).toEqual([
      { caseId: 'case-earlier', intakeAt: at(-86_400), decision: 'escalated', followUp: 'partly_carried_out' },
    ]);
    const loaded = await repo.cases.loadBundle(OLD);
    expect(loaded?.reportRow).toMatchObject({ decision: 'closed_despite_concern', followUp: 'unanswered' });
  });

  it('single reads: the case, the contributions, the report row; the agenda', async () => {
    expect((await repo.getCase(OLD))?.actions.map((a) => a.status)).toEqual(['done', 'circumstances_changed', 'open']);
    expect((await repo.listContributions(OLD)).map((c) => c.source)).toEqual(['talk_with_involved']);
    expect(await repo.reports.getRow(OLD)).toMatchObject({ decision: 'closed_despite_concern', followUp: 'unanswered' });
    const agenda = await new CaseQueries(store().db).agendaData('zsm-rotterdam');
    expect(agenda.find((a) => a.theCase.id === OLD)?.theCase.actions.map((a) => a.status)).toEqual([
      'done',
      'circumstances_changed',
      'open',
    ]);
  });

  it('the report counts an old and a new row of the same decision and follow-up alike', async () => {
    const { total } = await loadReport(store().db, { from: at(-1), to: at(3600), asOf: at(3600) });
    expect(total.cases).toBe(2);
    expect(total.decisions).toEqual({ escalated: 0, closed: 0, closed_despite_concern: 2 });
    expect(total.followUp).toEqual({ carried_out: 0, partly_carried_out: 0, not_carried_out: 0, unknown: 0, unanswered: 2 });
  });
});
