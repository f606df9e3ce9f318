import type { AuditAction, AuditEntry } from '../../src/domain/audit';
import {
  answerInfo,
  askInfo,
  canCloseWithSafetyPlan,
  confirmReading,
  decideSafetyEscalation,
  DEFAULT_VERDIEPING_CONFIG,
  daysAhead,
  enterVerdieping,
  followUps,
  initialPhase,
  addMeasure,
  personRefs,
  proposeReading,
  reportViolation,
  setSafetyEntry,
  summarizeVerdieping,
  amsterdamDate,
  type VerdiepingActor,
} from '../../src/domain/verdieping';
import { nlVerdieping } from '../../src/i18n/nl/verdieping';
import { auditId } from '../../src/store/repository';
import {
  commitVerdieping,
  creationAuditId,
  loadVerdieping,
  newInfoRequestId,
  newMeasureId,
  openInfoRequestsFor,
  verdiepingDocs,
  type VerdiepingBundle,
  type VerdiepingWrite,
} from '../../src/store/verdieping-store';
import { storeKinds, useDocStore } from '../helpers/stores';

/**
 * The scenario on the pure domain and the store, the way a command will run it: read the
 * bundle once, decide, commit once. (The Playground e2e test follows when commands and cards are wired.)
 */
const CASE = 'case-scenario';
const chair: VerdiepingActor = { orgId: 'om', chair: true, userId: 'u-chair' };
const politie: VerdiepingActor = { orgId: 'politie', chair: false, userId: 'u-politie' };
const rvdk: VerdiepingActor = { orgId: 'rvdk', chair: false, userId: 'u-rvdk' };
const persons = personRefs([
  { role: 'verdachte', age: 34 },
  { role: 'slachtoffer', age: 31 },
  { role: 'kind', age: 13 },
  { role: 'kind', age: 9 },
]);
const DEADLINE = '2026-11-24T02:15:00.000Z';
const t = (h: number) => new Date(Date.parse('2026-11-24T09:00:00.000Z') + h * 3_600_000).toISOString();
const bodies = <T>(xs: { body: T }[]): T[] => xs.map((x) => x.body);

describe.each(storeKinds)('verdieping scenario on %s', (kind) => {
  const store = useDocStore(kind);
  const load = () => loadVerdieping(store().db, CASE);
  const audit = (action: AuditAction, at: string, actor: VerdiepingActor, id = auditId({ at })): AuditEntry => ({
    id,
    caseId: CASE,
    at,
    action,
    actorId: actor.userId,
    actorOrg: actor.orgId,
  });
  async function commit(writes: VerdiepingWrite[], action: AuditAction, at: string, actor: VerdiepingActor): Promise<void> {
    const id = writes[0].etag === null ? creationAuditId(writes[0].doc) : auditId({ at });
    expect(await commitVerdieping(store().db, writes, audit(action, at, actor, id))).toBe('written');
  }
  const summary = (b: VerdiepingBundle, viewer: VerdiepingActor, now: string) =>
    summarizeVerdieping(
      {
        phase: b.phase?.body ?? null,
        deadline: DEADLINE,
        persons,
        readings: bodies(b.readings),
        safetyPlan: bodies(b.safetyPlan),
        infoRequests: bodies(b.infoRequests),
        riskAssessments: bodies(b.riskAssessments),
        measures: bodies(b.measures),
        involvements: bodies(b.involvements),
      },
      viewer,
      now,
    );

  it('verdieping two days ahead, a question to RvdK answered, a confirmed duiding, a holder per child, a violation that escalates', async () => {
    // 1. the chair takes the case into verdieping, horizon two days ahead (Dutch clock)
    const ahead = daysAhead(t(0), 2);
    const entered = enterVerdieping({
      state: initialPhase(CASE),
      caseOpen: true,
      actor: chair,
      input: { reason: 'awaiting_statement', ...ahead },
      now: t(0),
    });
    if (!entered.ok) throw new Error(entered.error);
    await commit([{ doc: verdiepingDocs.phase(entered.state), etag: null }], 'verdieping.started', t(0), chair);
    let b = await load();
    expect(followUps(b.phase!.body, DEADLINE)).toEqual({ reAgendaAt: t(48), reminderAt: t(47), vtConsultationUntil: t(48) });
    expect(summary(b, politie, t(1)).next).toEqual({ kind: 'horizon', at: t(48), reason: 'awaiting_statement', state: 'ample' });

    // 2. the police ask RvdK a question; RvdK sees it on its personal view, asked of it at the top
    const asked = askInfo({
      id: newInfoRequestId(t(1)),
      caseId: CASE,
      caseOpen: true,
      existing: bodies(b.infoRequests),
      actor: politie,
      input: {
        toOrg: 'rvdk',
        question: 'Is het gezin bekend?',
        whyNeeded: 'Om aan te sluiten bij lopende hulp.',
        whatItChanges: 'Geen nieuw onderzoek als er al een loopt.',
      },
      now: t(1),
    });
    if (!asked.ok) throw new Error(asked.error);
    await commit([{ doc: verdiepingDocs.infoRequest(asked.request), etag: null }], 'infoRequest.asked', t(1), politie);
    expect((await openInfoRequestsFor(store().db, 'rvdk')).map((q) => q.id)).toEqual([asked.request.id]);
    b = await load();
    expect(summary(b, rvdk, t(4)).askedOfMe).toEqual([
      { kind: 'answer_question', requestId: asked.request.id, fromOrg: 'politie', ageHours: 3 },
    ]);
    expect(summary(b, politie, t(4)).askedOfMe).toEqual([]);

    // 3. RvdK answers with its contribution (the contribution itself is written by addContribution)
    const answered = answerInfo({
      request: b.infoRequests[0].body,
      actor: rvdk,
      contribution: { id: 'contrib:rvdk', orgId: 'rvdk' },
      now: t(5),
    });
    if (!answered.ok) throw new Error(answered.error);
    await commit([{ doc: verdiepingDocs.infoRequest(answered.request), etag: b.infoRequests[0].etag }], 'infoRequest.answered', t(5), rvdk);
    expect(await openInfoRequestsFor(store().db, 'rvdk')).toEqual([]);

    // 4. the duiding is written (resting on the answer) and confirmed by the chair
    b = await load();
    const proposed = proposeReading({
      caseId: CASE,
      caseOpen: true,
      versions: bodies(b.readings),
      actor: rvdk,
      input: {
        basedOn: 0,
        whatHappened: 'Mishandeling, kinderen thuis.',
        worries: 'Herhaling.',
        protectiveFactors: '',
        unknowns: '',
        sharedGoal: 'Veiligheid eerst.',
        contributionIds: ['contrib:rvdk'],
      },
      knownContributionIds: new Set(['contrib:rvdk']),
      now: t(6),
    });
    if (!proposed.ok) throw new Error(proposed.error);
    await commit([{ doc: verdiepingDocs.reading(proposed.version), etag: null }], 'reading.proposed', t(6), rvdk);
    b = await load();
    expect(summary(b, chair, t(6)).askedOfMe).toEqual([{ kind: 'confirm_reading', version: 1 }]);
    const confirmed = confirmReading({ versions: bodies(b.readings), caseOpen: true, actor: chair, version: 1, now: t(7) });
    if (!confirmed.ok) throw new Error(confirmed.error);
    await commit([{ doc: verdiepingDocs.reading(confirmed.version), etag: b.readings[0].etag }], 'reading.confirmed', t(7), chair);

    // 5. the safety plan: not closable until the victim and each child have a holder
    b = await load();
    expect(canCloseWithSafetyPlan(persons, bodies(b.safetyPlan))).toEqual({
      ok: false,
      error: 'safety_not_placed',
      persons: ['slachtoffer-1', 'kind-1', 'kind-2'],
    });
    for (const [ref, org, party] of [
      ['slachtoffer-1', 'shn', undefined],
      ['kind-1', 'rvdk', 'save'],
      ['kind-2', 'rvdk', 'save'],
    ] as const) {
      const set = setSafetyEntry({
        caseId: CASE,
        caseOpen: true,
        persons,
        receivingParties: DEFAULT_VERDIEPING_CONFIG.receivingParties,
        current: undefined,
        actor: rvdk,
        input: {
          personRef: ref,
          holderOrg: org,
          ...(party ? { receivingPartyId: party } : {}),
          measure: 'Veiligheid thuis bewaken',
          status: 'running',
          checkDate: amsterdamDate(t(48)),
        },
        now: t(8),
      });
      if (!set.ok) throw new Error(set.error);
      await commit([{ doc: verdiepingDocs.safetyEntry(set.entry), etag: null }], 'safetyPlan.set', t(8), rvdk);
    }
    b = await load();
    expect(canCloseWithSafetyPlan(persons, bodies(b.safetyPlan))).toEqual({ ok: true });

    // 6. a locatieverbod is recorded, then broken: the safety rule escalates to the Actieoverleg
    const measure = addMeasure({
      id: newMeasureId(t(9)),
      caseId: CASE,
      caseOpen: true,
      actor: chair,
      input: { type: 'location_ban', holderOrg: 'om', until: '2027-02-24' },
      todayLocal: amsterdamDate(t(9)),
      now: t(9),
    });
    if (!measure.ok) throw new Error(measure.error);
    await commit([{ doc: verdiepingDocs.measure(measure.measure), etag: null }], 'measure.added', t(9), chair);
    b = await load();
    const policy = DEFAULT_VERDIEPING_CONFIG.safetyEscalation;
    expect(
      decideSafetyEscalation({ assessments: [], measures: bodies(b.measures), caseStatus: 'open', escalatedAlready: false }, policy),
    ).toEqual({ escalate: false });
    const violation = reportViolation({
      measure: b.measures[0].body,
      caseOpen: true,
      actor: politie,
      at: t(20),
      violationLocalDate: amsterdamDate(t(20)),
      now: t(21),
    });
    if (!violation.ok) throw new Error(violation.error);
    await commit([{ doc: verdiepingDocs.measure(violation.measure), etag: b.measures[0].etag }], 'measure.violation', t(21), politie);
    b = await load();
    expect(
      decideSafetyEscalation({ assessments: [], measures: bodies(b.measures), caseStatus: 'open', escalatedAlready: false }, policy),
    ).toMatchObject({
      escalate: true,
      rule: 'measure_violation',
      orgs: ['politie'],
    });

    // 7. what the advice shows: the confirmed duiding, the plan, the answered question, the violation, what is missing
    const s = summary(b, chair, t(22));
    expect(s.reading.confirmed).toMatchObject({ version: 1, contributionIds: ['contrib:rvdk'], confirmed: { userId: 'u-chair' } });
    expect(s.safety.withoutHolder).toEqual([]);
    expect(s.questions).toMatchObject({ open: [], answered: 1, declined: 0 });
    expect(s.risk.violations).toBe(1);
    expect(
      nlVerdieping.missingLines(
        s.missing.map((m) => ({ person: persons.find((p) => p.ref === m.personRef)!, missing: m.missing })),
        persons,
      ),
    ).toContain('Met het kind van 9 is niet gesproken.');
    expect((await store().db.readAudit(CASE)).map((r) => r.entry.action)).toEqual([
      'verdieping.started',
      'infoRequest.asked',
      'infoRequest.answered',
      'reading.proposed',
      'reading.confirmed',
      'safetyPlan.set',
      'safetyPlan.set',
      'safetyPlan.set',
      'measure.added',
      'measure.violation',
    ]);
    // the check dates come up two days later for the holders
    expect(summary(b, rvdk, t(48)).askedOfMe).toEqual([
      { kind: 'check_safety', personRef: 'kind-1' },
      { kind: 'check_safety', personRef: 'kind-2' },
    ]);
  });
});
