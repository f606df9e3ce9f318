import { loadReport } from '../../src/store/report-store';
import { Repository } from '../../src/store/repository';
import { storeKinds, useDocStore } from '../helpers/stores';
import { T0, aCase, at, intakeAudit } from './fixtures/domain';

// A cap, not a wait: creating a Cosmos database per test on the emulator can take seconds on a loaded machine.
jest.setTimeout(30_000);

const OLD = 'case-old-advice-1';
const NONE = 'case-old-advice-2';

/** A report row of the closed case (keys as the report writes them); `over` holds the old values. */
const reportRow = (caseId: string, over: Record<string, unknown>) => ({
  caseId,
  locationId: 'zsm-rotterdam',
  intakeAt: T0,
  children: false,
  rounds: 1,
  reAgendaCount: 0,
  decidedAt: at(3600),
  decision: 'closed',
  vtEvening: { count: 0, responseMinutes: [] },
  phases: { safety: 0, care: 0, recovery: 0 },
  ...over,
});

/** An advice document as the product wrote it before its values became English (issue 11 item 6, last part). */
const oldAdvice = {
  caseId: OLD,
  status: 'besloten',
  draftedBy: 'u',
  sentAt: at(20),
  draft: {
    caseId: OLD,
    version: 1,
    composedAt: at(5),
    facts: [],
    contributions: [],
    rounds: [],
    openConcern: [],
    patterns: [
      { kind: 'oude_bekende', detail: '1 eerdere zaak', sources: [] },
      { kind: 'risicotaxatie', detail: 'B-SAFER', sources: [] },
    ],
    interventions: [
      { interventionId: 'contactverbod', phase: 'veiligheid' },
      { interventionId: 'dagvaarding', phase: 'afdoening' },
    ],
    summary: '',
  },
  decision: { at: at(30), by: 'ovj', interventions: [] },
};

/** An escalation document with an Actieoverleg outcome recorded before the values became English. */
const oldEscalation = {
  caseId: OLD,
  at: at(60),
  rule: 'persistent_rounds',
  orgs: ['vt'],
  reasons: [{ orgId: 'vt', round: 1, reason: 'Direct gevaar', acuteUnsafe: false }],
  question: 'Vervolgen?',
  attendees: ['politie', 'vt'],
  outcome: {
    caseId: OLD,
    decisions: [
      { subject: 'veiligheidsplan', phase: 'veiligheid', text: 'Plan opstellen' },
      { subject: 'interventie', phase: 'zorg', text: 'Wijkteam' },
    ],
    actions: [],
    zvhCasusregie: false,
    recordedBy: { orgId: 'vt', aadObjectId: 'u' },
    recordedAt: at(120),
    revision: 1,
  },
};

/** Advice documents written with the old Dutch values load with the English ones, on both adapters. */
describe.each(storeKinds)('old advice values read as the new ones: %s', (kind) => {
  const store = useDocStore(kind);
  let repo: Repository;
  beforeEach(async () => {
    const db = store().db;
    repo = new Repository(db);
    await repo.intakeCase(aCase(OLD), intakeAudit(OLD), []);
    const closed = {
      ...aCase(OLD),
      status: 'closed',
      closure: {
        at: at(200),
        by: 'u',
        despiteConcern: false,
        remainingConcern: [],
        handover: { partyId: 'wijkteam', kind: 'wijkteam', handedOver: ['veiligheidsplan', 'overig'], note: 'School' },
      },
    };
    const closedToNobody = {
      ...aCase(NONE),
      status: 'closed',
      closure: {
        at: at(200),
        by: 'u',
        despiteConcern: false,
        remainingConcern: [],
        handover: { partyId: 'geen', kind: 'geen', handedOver: [], noneReason: 'Verhuisd naar het buitenland' },
      },
    };
    await db.commit([
      { op: 'upsert', doc: { pk: OLD, id: 'case', kind: 'case', body: closed } },
      {
        op: 'upsert',
        doc: { pk: OLD, id: 'reportrow', kind: 'reportrow', body: reportRow(OLD, { phases: { safety: 1, care: 0, recovery: 1 } }) },
      },
      { op: 'upsert', doc: { pk: OLD, id: 'advice', kind: 'advice', body: oldAdvice } },
      { op: 'upsert', doc: { pk: OLD, id: 'escalation', kind: 'escalation', body: oldEscalation } },
    ]);
    await db.commit([
      { op: 'upsert', doc: { pk: NONE, id: 'case', kind: 'case', body: closedToNobody } },
      {
        op: 'upsert',
        doc: {
          pk: NONE,
          id: 'reportrow',
          kind: 'reportrow',
          body: reportRow(NONE, { handoverKind: 'geen', phases: { veiligheid: 2, zorg: 1, herstel: 0 } }),
        },
      },
      {
        op: 'upsert',
        doc: {
          pk: NONE,
          id: 'returning',
          kind: 'returning',
          body: {
            caseId: NONE,
            summary: {
              count: 1,
              decisions: { escalated: 0, closed: 1, closed_despite_concern: 0, open: 0 },
              lastHandover: 'geen',
              measureRunning: false,
              signal: false,
            },
            earlier: [{ caseId: 'case-earlier', intakeAt: at(-86_400), decision: 'closed', handoverKind: 'geen' }],
          },
        },
      },
    ]);
  });

  it('the advice status, read alone and in the case bundle', async () => {
    expect((await repo.getAdvice(OLD))?.body.status).toBe('decided');
    expect((await repo.cases.loadBundle(OLD))?.bundle.advice?.body.status).toBe('decided');
  });

  it('the pattern kinds of the stored draft', async () => {
    expect((await repo.getAdvice(OLD))?.body.draft.patterns.map((p) => p.kind)).toEqual(['returning', 'risk_assessment']);
    expect((await repo.cases.loadBundle(OLD))?.bundle.advice?.body.draft.patterns.map((p) => p.kind)).toEqual([
      'returning',
      'risk_assessment',
    ]);
  });

  it("the phases of the draft's interventions and of the outcome's decisions", async () => {
    expect((await repo.getAdvice(OLD))?.body.draft.interventions.map((i) => i.phase)).toEqual(['safety', 'disposal']);
    expect((await repo.getEscalation(OLD))?.body.outcome?.decisions.map((d) => d.phase)).toEqual(['safety', 'care']);
  });

  it('the Actieoverleg outcome: decision subjects', async () => {
    const subjects = (e: { outcome?: { decisions: { subject: string }[] } } | undefined) => e?.outcome?.decisions.map((d) => d.subject);
    expect(subjects((await repo.getEscalation(OLD))?.body)).toEqual(['safety_plan', 'intervention']);
    expect(subjects((await repo.cases.loadBundle(OLD))?.bundle.escalation?.body)).toEqual(['safety_plan', 'intervention']);
  });

  it('the closure: handed-over items', async () => {
    expect((await repo.getCase(OLD))?.closure?.handover?.handedOver).toEqual(['safety_plan', 'other']);
    expect((await repo.cases.loadBundle(OLD))?.bundle.theCase.body.closure?.handover?.handedOver).toEqual(['safety_plan', 'other']);
  });

  it('the report counts the phases of an old row (Dutch keys) and a new row alike', async () => {
    const { total } = await loadReport(store().db, { from: at(-1), to: at(3600), asOf: at(3600) });
    expect(total.decisionsByPhase).toEqual({ safety: 3, care: 1, recovery: 1 });
  });

  it('receiving kind geen: in the closure, the report row and the oude-bekenden record', async () => {
    expect((await repo.getCase(NONE))?.closure?.handover).toMatchObject({ partyId: 'geen', kind: 'none' });
    expect((await repo.reports.getRow(NONE))?.handoverKind).toBe('none');
    const b = (await repo.cases.loadBundle(NONE))?.bundle;
    expect(b?.theCase.body.closure?.handover?.kind).toBe('none');
    expect(b?.returning?.summary.lastHandover).toBe('none');
    expect(b?.returning?.earlier.map((e) => e.handoverKind)).toEqual(['none']);
  });
});
