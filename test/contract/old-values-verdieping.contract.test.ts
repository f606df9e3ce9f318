import { verifyOneChain } from '../../src/app/privacy/audit-trail';
import type { AuditEntry } from '../../src/domain/audit';
import { CaseQueries } from '../../src/store/queries';
import { Repository } from '../../src/store/repository';
import { loadVerdieping, type VerdiepingBundle } from '../../src/store/verdieping-store';
import { storeKinds, useDocStore } from '../helpers/stores';
import { aCase, anAudit, at, intakeAudit } from './fixtures/domain';

// A cap, not a wait: creating a Cosmos database per test on the emulator can take seconds on a loaded machine.
jest.setTimeout(30_000);

const CASE = 'case-old-values-verdieping-1';

/** Verdieping bodies exactly as the product wrote them before the stored values became English (issue 11 item 6). */
const OLD_PHASE = {
  caseId: CASE,
  phase: 'verdieping',
  horizon: { at: at(7200), reason: 'wacht_op_risicotaxatie' },
  timeline: [
    { at: at(10), event: 'verdieping_gestart', byUserId: 'aad-om', byOrg: 'om', horizon: { at: at(3600), reason: 'termijnzaak' } },
    {
      at: at(20),
      event: 'horizon_verschoven',
      byUserId: 'aad-om',
      byOrg: 'om',
      horizon: { at: at(7200), reason: 'wacht_op_risicotaxatie' },
      previousAt: at(3600),
    },
  ],
};
const OLD_SAFETY = {
  caseId: CASE,
  personRef: 'slachtoffer-1',
  holder: { orgId: 'vt', receivingPartyId: 'save' },
  measure: 'Plan met moeder',
  status: 'gerealiseerd',
  checkDate: '2024-05-10',
  updatedAt: at(30),
  updatedBy: { userId: 'aad-vt', orgId: 'vt' },
};
const OLD_QUESTION = {
  id: 'inforeq:old:1',
  caseId: CASE,
  fromOrg: 'politie',
  askedBy: 'aad-politie',
  toOrg: 'vt',
  question: 'Is het gezin bekend?',
  whyNeeded: 'Nodig voor de veiligheid.',
  whatItChanges: 'Bepaalt de aanpak.',
  askedAt: at(40),
  status: 'declined',
  settledAt: at(50),
  decline: { reason: 'toestemming_nodig' },
};
const OLD_RISK = {
  id: 'risk:old:1',
  caseId: CASE,
  instrument: 'SASH',
  fromOrg: '3ro',
  requestedBy: { userId: 'aad-om', orgId: 'om' },
  requestedAt: at(60),
  status: 'afgerond',
  outcome: { level: 'hoog', date: '2024-05-01', recordedAt: at(70), recordedBy: 'aad-3ro' },
};
const OLD_RISK_ASKED = {
  id: 'risk:old:2',
  caseId: CASE,
  instrument: 'RiHG',
  fromOrg: 'vt',
  requestedBy: OLD_RISK.requestedBy,
  requestedAt: at(65),
  status: 'gevraagd',
};
const OLD_MEASURE = {
  id: 'measure:old:1',
  caseId: CASE,
  type: 'gedragsaanwijzing',
  holderOrg: 'om',
  until: '2024-06-01',
  createdAt: at(80),
  createdBy: { userId: 'aad-om', orgId: 'om' },
  violations: [],
};
const OLD_INVOLVEMENT = {
  caseId: CASE,
  personRef: 'slachtoffer-1',
  violenceForm: 'eergerelateerd_geweld',
  relationship: 'huisgenoot',
  source: 'kaart',
  updatedAt: at(90),
};

const expectNew = (v: Pick<VerdiepingBundle, 'phase' | 'infoRequests' | 'measures'> & Partial<VerdiepingBundle>) => {
  expect(v.phase?.body.horizon?.reason).toBe('awaiting_risk_assessment');
  expect(v.phase?.body.timeline.map((e) => [e.event, e.horizon.reason])).toEqual([
    ['verdieping_started', 'termijn_case'],
    ['horizon_moved', 'awaiting_risk_assessment'],
  ]);
  expect(v.infoRequests.map((q) => q.body.decline)).toEqual([{ reason: 'consent_needed' }]);
  expect(v.measures.map((m) => m.body.type)).toEqual(['behaviour_order']);
  if (v.safetyPlan) expect(v.safetyPlan.map((e) => e.body.status)).toEqual(['realised']);
  if (v.riskAssessments)
    expect(v.riskAssessments.map((a) => [a.body.status, a.body.outcome?.level])).toEqual([
      ['completed', 'high'],
      ['asked', undefined],
    ]);
  if (v.involvements)
    expect(v.involvements.map((i) => [i.body.violenceForm, i.body.relationship, i.body.source])).toEqual([
      ['honour_based_violence', 'housemate', 'card'],
    ]);
};

/** Verdieping documents written with the old Dutch values load with the English ones, through every read path, on both adapters. */
describe.each(storeKinds)('old verdieping values read as the new ones: %s', (kind) => {
  const store = useDocStore(kind);
  let repo: Repository;
  beforeEach(async () => {
    const db = store().db;
    repo = new Repository(db);
    await repo.intakeCase(aCase(CASE), intakeAudit(CASE), []);
    await db.commit([
      { op: 'insert', doc: { pk: CASE, id: 'phase', kind: 'phase', body: OLD_PHASE } },
      { op: 'insert', doc: { pk: CASE, id: 'safety:slachtoffer-1', kind: 'safetyplan', body: OLD_SAFETY } },
      { op: 'insert', doc: { pk: CASE, id: OLD_QUESTION.id, kind: 'inforequest', body: OLD_QUESTION } },
      { op: 'insert', doc: { pk: CASE, id: OLD_RISK.id, kind: 'riskassessment', body: OLD_RISK } },
      { op: 'insert', doc: { pk: CASE, id: OLD_RISK_ASKED.id, kind: 'riskassessment', body: OLD_RISK_ASKED } },
      { op: 'insert', doc: { pk: CASE, id: OLD_MEASURE.id, kind: 'measure', body: OLD_MEASURE } },
      { op: 'insert', doc: { pk: CASE, id: 'involvement:slachtoffer-1', kind: 'involvement', body: OLD_INVOLVEMENT } },
    ]);
  });

  it('loadVerdieping (the jobs and reminders) and the one-read case bundle', async () => {
    expectNew(await loadVerdieping(store().db, CASE));
    expectNew(await repo.cases.loadVerdieping(CASE));
    const loaded = await repo.cases.loadBundle(CASE);
    expect(loaded).not.toBeNull();
    expectNew(loaded!.bundle.verdieping!);
    // the rest of each document is untouched, and the version tag still guards a write back
    const v = await loadVerdieping(store().db, CASE);
    expect(v.infoRequests[0].body).toMatchObject({ question: 'Is het gezin bekend?', settledAt: at(50) });
    expect(v.safetyPlan[0].body).toMatchObject({ holder: { orgId: 'vt', receivingPartyId: 'save' }, checkDate: '2024-05-10' });
  });

  it('the raw partition read and the agenda (phase, questions, measures)', async () => {
    const docs = await repo.cases.readPartition(CASE);
    const body = (k: string) => docs.find((d) => d.kind === k)?.body as Record<string, unknown>;
    expect(body('safetyplan').status).toBe('realised');
    expect(body('involvement').source).toBe('card');
    const [agenda] = await new CaseQueries(store().db).agendaData('zsm-rotterdam');
    // the agenda reads only the phase, the questions and the measures (AGENDA_KINDS)
    const { phase, infoRequests, measures } = agenda.verdieping;
    expectNew({ phase, infoRequests, measures });
  });

  it('an audit trail with the old infoRequest / safetyPlan action names still verifies, and reads with the current names', async () => {
    const db = store().db;
    const old = (n: number, action: string): AuditEntry =>
      ({ id: `audit:old:${n}`, caseId: CASE, at: at(100 + n), action, actorId: 'aad-om', actorOrg: 'om' }) as unknown as AuditEntry;
    for (const [n, action] of ['inforequest.asked', 'inforequest.answered', 'inforequest.declined', 'safetyplan.set'].entries())
      await db.appendAudit(old(n, action));
    await repo.appendAudit(anAudit(CASE, 'safetyPlan.set', at(200), 'audit:new:1'));
    expect(await verifyOneChain(repo.audit, CASE)).toEqual({ entries: 6, broken: null });
    expect((await repo.audit.readAudit(CASE)).map((r) => r.entry.action)).toEqual([
      'case.intake',
      'inforequest.asked',
      'inforequest.answered',
      'inforequest.declined',
      'safetyplan.set',
      'safetyPlan.set',
    ]);
    expect((await repo.listAudit(CASE)).map((e) => e.action)).toEqual([
      'case.intake',
      'infoRequest.asked',
      'infoRequest.answered',
      'infoRequest.declined',
      'safetyPlan.set',
      'safetyPlan.set',
    ]);
  });
});
