import type { AuditAction, AuditEntry } from '../../src/domain/audit';
import { initialPhase, type PhaseState } from '../../src/domain/verdieping/phase';
import type { InfoRequest } from '../../src/domain/verdieping/info-request';
import type { Involvement } from '../../src/domain/verdieping/people';
import type { SafetyPlanEntry } from '../../src/domain/verdieping/safety-plan';
import type { ReadingVersion } from '../../src/domain/verdieping/shared-reading';
import type { RiskAssessment, RunningMeasure } from '../../src/domain/verdieping/safety-signals';
import type { PartnerOrg } from '../../src/domain/orgs';
import {
  commitVerdieping,
  creationAuditId,
  loadVerdieping,
  newInfoRequestId,
  newMeasureId,
  newRiskAssessmentId,
  openInfoRequestsFor,
  verdiepingDocs,
  type VerdiepingWrite,
} from '../../src/store/verdieping-store';
import { auditId } from '../../src/store/repository';
import { storeKinds, useDocStore } from '../helpers/stores';
import { T0, aCase, at } from './fixtures/domain';

const CASE = 'case-verdieping-1';
const audit = (action: AuditAction, when: string, id = auditId({ at: when }), caseId = CASE): AuditEntry => ({
  id,
  caseId,
  at: when,
  action,
  actorId: 'u-1',
  actorOrg: 'om',
});
const create = (doc: VerdiepingWrite['doc'], action: AuditAction, when = at(10)) => ({
  writes: [{ doc, etag: null }],
  audit: audit(action, when, creationAuditId(doc), doc.pk),
});

const phase = (): PhaseState => ({
  ...initialPhase(CASE),
  phase: 'verdieping',
  horizon: { at: at(2 * 86400), reason: 'termijn_case' },
  timeline: [
    { at: at(10), event: 'verdieping_started', byUserId: 'u-1', byOrg: 'om', horizon: { at: at(2 * 86400), reason: 'termijn_case' } },
  ],
});
const reading = (version: number, worries = 'zorg', caseId = CASE): ReadingVersion => ({
  caseId,
  version,
  basedOn: version - 1,
  whatHappened: 'wat',
  worries,
  protectiveFactors: '',
  unknowns: '',
  sharedGoal: 'doel',
  contributionIds: [],
  proposedBy: { userId: 'u-1', orgId: 'politie' },
  proposedAt: at(version),
});
const question = (id: string, toOrg: PartnerOrg, askedAt: string, caseId = CASE): InfoRequest => ({
  id,
  caseId,
  fromOrg: 'politie',
  askedBy: 'u-1',
  toOrg,
  question: 'Loopt er iets?',
  whyNeeded: 'Om aan te sluiten.',
  whatItChanges: 'Geen dubbele melding.',
  status: 'open',
  askedAt,
});
const safety = (personRef: string): SafetyPlanEntry => ({
  caseId: CASE,
  personRef,
  holder: { orgId: 'rvdk', receivingPartyId: 'save' },
  measure: 'onderzoek',
  status: 'running',
  checkDate: '2024-05-08',
  updatedAt: at(20),
  updatedBy: { userId: 'u-2', orgId: 'rvdk' },
});
const riskDoc = (): RiskAssessment => ({
  id: newRiskAssessmentId(at(30)),
  caseId: CASE,
  instrument: 'SASH',
  fromOrg: 'politie',
  requestedBy: { userId: 'u-1', orgId: 'om' },
  requestedAt: at(30),
  status: 'asked',
});
const measureDoc = (): RunningMeasure => ({
  id: newMeasureId(at(40)),
  caseId: CASE,
  type: 'location_ban',
  holderOrg: 'om',
  until: '2024-08-01',
  createdAt: at(40),
  createdBy: { userId: 'u-1', orgId: 'om' },
  violations: [],
});
const involvement = (personRef: string): Involvement => ({
  caseId: CASE,
  personRef,
  violenceForm: 'child_abuse',
  source: 'card',
  updatedAt: at(50),
});

/** Every store operation of verdieping, held to the same contract on SQLite and Cosmos. */
describe.each(storeKinds)('verdieping store contract: %s', (kind) => {
  const store = useDocStore(kind);
  const db = () => store().db;
  const put = async (c: { writes: VerdiepingWrite[]; audit: AuditEntry }) => commitVerdieping(db(), c.writes, c.audit);
  const trail = async (caseId = CASE) => (await db().readAudit(caseId)).map((r) => r.entry.action);

  beforeEach(async () => {
    await db().insert({ pk: CASE, id: 'case', kind: 'case', body: aCase(CASE) });
  });

  it('every kind lands in the case partition and comes back in one partition read, in a stable order', async () => {
    const q1 = question(newInfoRequestId(at(100)), 'rvdk', at(100));
    const q2 = question(newInfoRequestId(at(90)), 'vt', at(90));
    const r = riskDoc();
    const m = measureDoc();
    for (const c of [
      create(verdiepingDocs.phase(phase()), 'verdieping.started'),
      ...[10, 9, 1].map((v) => create(verdiepingDocs.reading(reading(v)), 'reading.proposed')),
      create(verdiepingDocs.safetyEntry(safety('kind-2')), 'safetyPlan.set'),
      create(verdiepingDocs.safetyEntry(safety('kind-1')), 'safetyPlan.set'),
      create(verdiepingDocs.infoRequest(q1), 'infoRequest.asked'),
      create(verdiepingDocs.infoRequest(q2), 'infoRequest.asked'),
      create(verdiepingDocs.riskAssessment(r), 'risk.requested'),
      create(verdiepingDocs.measure(m), 'measure.added'),
      create(verdiepingDocs.involvement(involvement('kind-1')), 'involvement.set'),
    ])
      expect(await put(c)).toBe('written');

    const partition = await db().readPartition(CASE);
    expect(new Set(partition.map((d) => d.pk))).toEqual(new Set([CASE]));
    const b = await loadVerdieping(db(), CASE);
    expect(b.phase?.body).toEqual(phase());
    expect(b.readings.map((v) => v.body.version)).toEqual([1, 9, 10]);
    expect(b.safetyPlan.map((e) => e.body.personRef)).toEqual(['kind-1', 'kind-2']);
    expect(b.infoRequests.map((q) => q.body.id)).toEqual([q2.id, q1.id]);
    expect(b.riskAssessments.map((x) => x.body)).toEqual([r]);
    expect(b.measures.map((x) => x.body)).toEqual([m]);
    expect(b.involvements.map((x) => x.body)).toEqual([involvement('kind-1')]);
    expect(
      [b.phase, ...b.readings, ...b.safetyPlan, ...b.infoRequests].every((v) => typeof v?.etag === 'string' && v.etag.length > 0),
    ).toBe(true);
    expect(await trail()).toHaveLength(11);
    expect(await loadVerdieping(db(), 'case-without-verdieping')).toEqual({
      phase: null,
      readings: [],
      safetyPlan: [],
      infoRequests: [],
      riskAssessments: [],
      measures: [],
      involvements: [],
    });
  });

  it('a change replaces the version it read; a stale version is a conflict and writes nothing, not even the audit line', async () => {
    await put(create(verdiepingDocs.phase(phase()), 'verdieping.started'));
    const read = (await loadVerdieping(db(), CASE)).phase!;
    const moved: PhaseState = { ...read.body, horizon: { at: at(3 * 86400), reason: 'held_by_prosecutor' } };
    expect(await commitVerdieping(db(), [{ doc: verdiepingDocs.phase(moved), etag: read.etag }], audit('verdieping.horizon', at(60)))).toBe(
      'written',
    );
    const other: PhaseState = { ...read.body, horizon: { at: at(4 * 86400), reason: 'other' } };
    expect(await commitVerdieping(db(), [{ doc: verdiepingDocs.phase(other), etag: read.etag }], audit('verdieping.horizon', at(61)))).toBe(
      'conflict',
    );
    expect((await loadVerdieping(db(), CASE)).phase?.body.horizon).toEqual({ at: at(3 * 86400), reason: 'held_by_prosecutor' });
    expect(await trail()).toEqual(['verdieping.started', 'verdieping.horizon']);
  });

  it('proposals racing on the same version: exactly one is stored, with one audit line', async () => {
    await put(create(verdiepingDocs.reading(reading(1)), 'reading.proposed'));
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        put(
          create(
            verdiepingDocs.reading({ ...reading(2, `zorg ${i}`), proposedBy: { userId: `u-${i}`, orgId: 'politie' } }),
            'reading.proposed',
            at(100 + i),
          ),
        ),
      ),
    );
    expect(results.filter((r) => r === 'written')).toHaveLength(1);
    expect(results.filter((r) => r === 'conflict')).toHaveLength(5);
    const stored = (await loadVerdieping(db(), CASE)).readings;
    expect(stored.map((v) => v.body.version)).toEqual([1, 2]);
    const winner = results.indexOf('written');
    expect(stored[1].body.worries).toBe(`zorg ${winner}`);
    expect((await trail()).filter((a) => a === 'reading.proposed')).toHaveLength(2);
  });

  it('confirming a version is a compare-and-swap on that version', async () => {
    await put(create(verdiepingDocs.reading(reading(1)), 'reading.proposed'));
    const v1 = (await loadVerdieping(db(), CASE)).readings[0];
    const confirmed = { ...v1.body, confirmed: { userId: 'u-chair', at: at(200) } };
    expect(
      await commitVerdieping(db(), [{ doc: verdiepingDocs.reading(confirmed), etag: v1.etag }], audit('reading.confirmed', at(200))),
    ).toBe('written');
    expect(
      await commitVerdieping(db(), [{ doc: verdiepingDocs.reading(confirmed), etag: v1.etag }], audit('reading.confirmed', at(201))),
    ).toBe('conflict');
    expect((await loadVerdieping(db(), CASE)).readings[0].body.confirmed).toEqual({ userId: 'u-chair', at: at(200) });
  });

  it('the first safety-plan entry of a person is created once, later changes replace it', async () => {
    const results = await Promise.all([0, 1, 2].map(() => put(create(verdiepingDocs.safetyEntry(safety('kind-1')), 'safetyPlan.set'))));
    expect(results.filter((r) => r === 'written')).toHaveLength(1);
    const e = (await loadVerdieping(db(), CASE)).safetyPlan[0];
    const changed = { ...e.body, status: 'realised' as const };
    expect(
      await commitVerdieping(db(), [{ doc: verdiepingDocs.safetyEntry(changed), etag: e.etag }], audit('safetyPlan.set', at(300))),
    ).toBe('written');
    expect((await loadVerdieping(db(), CASE)).safetyPlan.map((x) => x.body.status)).toEqual(['realised']);
    expect((await trail()).filter((a) => a === 'safetyPlan.set')).toHaveLength(2);
  });

  it('open questions asked of one organisation, across cases, oldest first; a settled one drops out', async () => {
    const other = 'case-verdieping-2';
    const qs = [
      question('q-b', 'rvdk', at(20)),
      question('q-a', 'rvdk', at(10), other),
      question('q-vt', 'vt', at(5)),
      question('q-c', 'rvdk', at(30), other),
    ];
    for (const q of qs) await put(create(verdiepingDocs.infoRequest(q), 'infoRequest.asked'));
    expect((await openInfoRequestsFor(db(), 'rvdk')).map((q) => q.id)).toEqual(['q-a', 'q-b', 'q-c']);
    expect((await openInfoRequestsFor(db(), 'rvdk', 2)).map((q) => q.id)).toEqual(['q-a', 'q-b']);
    const stored = (await loadVerdieping(db(), CASE)).infoRequests.find((q) => q.body.id === 'q-b')!;
    const answered: InfoRequest = { ...stored.body, status: 'answered', answerContributionId: 'contrib:x', settledAt: at(40) };
    expect(
      await commitVerdieping(
        db(),
        [{ doc: verdiepingDocs.infoRequest(answered), etag: stored.etag }],
        audit('infoRequest.answered', at(40)),
      ),
    ).toBe('written');
    expect((await openInfoRequestsFor(db(), 'rvdk')).map((q) => q.id)).toEqual(['q-a', 'q-c']);
    expect(await openInfoRequestsFor(db(), 'halt')).toEqual([]);
  });

  it('a measure with its violations is replaced as one document', async () => {
    const m = measureDoc();
    await put(create(verdiepingDocs.measure(m), 'measure.added'));
    const read = (await loadVerdieping(db(), CASE)).measures[0];
    const violated: RunningMeasure = {
      ...read.body,
      violations: [
        { id: `violation:${at(500)}:politie`, at: at(500), reportedAt: at(510), reportedBy: { userId: 'u-p', orgId: 'politie' } },
      ],
    };
    expect(
      await commitVerdieping(db(), [{ doc: verdiepingDocs.measure(violated), etag: read.etag }], audit('measure.violation', at(510))),
    ).toBe('written');
    expect((await loadVerdieping(db(), CASE)).measures[0].body.violations).toHaveLength(1);
  });

  it('refuses a create mixed with other writes or without its deterministic audit id, writing nothing', async () => {
    const doc = verdiepingDocs.reading(reading(1));
    await expect(commitVerdieping(db(), [{ doc, etag: null }], audit('reading.proposed', at(1)))).rejects.toThrow(/creationAuditId/);
    await expect(
      commitVerdieping(
        db(),
        [
          { doc, etag: null },
          { doc: verdiepingDocs.phase(phase()), etag: 'x' },
        ],
        audit('reading.proposed', at(1), creationAuditId(doc)),
      ),
    ).rejects.toThrow(/on its own/);
    await expect(commitVerdieping(db(), [], audit('reading.proposed', at(1)))).rejects.toThrow(/nothing/);
    expect((await loadVerdieping(db(), CASE)).readings).toEqual([]);
    expect(await trail()).toEqual([]);
  });

  it('the purge of a case removes its verdieping documents with the partition', async () => {
    await put(create(verdiepingDocs.phase(phase()), 'verdieping.started'));
    await put(create(verdiepingDocs.infoRequest(question('q1', 'rvdk', T0)), 'infoRequest.asked'));
    await db().deletePartition(CASE);
    expect(await db().readPartition(CASE)).toEqual([]);
    expect(await openInfoRequestsFor(db(), 'rvdk')).toEqual([]);
  });
});
