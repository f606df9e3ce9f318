import type { AuditAction, AuditEntry } from '../audit';
import type { CaseBundle } from '../case-bundle';
import type { CaseDecision, CaseSnapshot, Decided, DecisionActor, DecisionContext, JobIntent } from '../decisions/types';
import { refreshJobs, snapshotOf } from '../decisions/follow-up';
import type { ReceivingParty } from './config';
import type { VtConsultationRecord } from '../vt/record';
import { contributionVisibleTo } from '../views';
import { EMPTY_VERDIEPING, VERDIEPING_DOC_IDS, type VerdiepingDocs, type VerdiepingDocWrite, type VersionedDoc } from './bundle';
import { personRefs, type VerdiepingActor } from './common';
import { updateInvolvement, type Involvement, type InvolvementInput } from './people';
import { enterVerdieping, followUps, initialPhase, moveHorizon, type HorizonInput, type PhaseError, type PhaseState } from './phase';
import { setSafetyEntry, type SafetyEntryError, type SafetyEntryInput, type SafetyPlanEntry } from './safety-plan';
import {
  confirmReading,
  proposeReading,
  type ConfirmError,
  type ProposeError,
  type ReadingInput,
  type ReadingVersion,
} from './shared-reading';
import { expiryStep, withExpiry } from './time-follows';

/**
 * The decisions of the shared reading in verdieping (issue 14 items 1, 2, 3, 6) on the case bundle:
 * enter verdieping and move the horizon (chair), propose and confirm a duiding version, set one
 * person's safety-plan entry or involvement. Each returns ONE CaseDecision for runCaseCommand's one
 * commit: the verdieping document (created, or replacing the version read), its audit entry, the card
 * refreshes and, for the horizon, its timers, the case's agenda moment and the VT consultation that
 * now waits until the new horizon. Pure: the actor, the location's settings and "now" come in.
 *
 * The value says whether anything changed: `changed: false` is a re-delivered or repeated click,
 * decided as no writes at all (runCaseCommand then commits nothing).
 */

export type Changed<T> = T & { changed: boolean };

const verdOf = (b: CaseBundle): VerdiepingDocs => b.verdieping ?? EMPTY_VERDIEPING;
const vActor = (a: DecisionActor, chair: boolean): VerdiepingActor => ({ orgId: a.orgId, userId: a.aadObjectId, chair });

/** Job ids of the horizon's timers: one per moment, so a moved horizon gets its own (a queued job is never moved later). */
export const HORIZON_JOB_IDS = {
  reminder: (at: string): string => `job:horizonReminder:${at}`,
  passed: (at: string): string => `job:horizonPassed:${at}`,
} as const;

/** The expiry job of a VT consultation that follows the horizon: one id per moment. */
export const vtExpireJobId = (seq: number, until: string): string => `job:vtExpire:${seq}:${until}`;

/** Nothing to write: the click was already true. */
function unchanged<T>(b: CaseBundle, value: T): Decided<Changed<T>, never> {
  const decision: CaseDecision = { nextCase: b.theCase.body, votes: [], contributions: [], audit: [], jobs: [] };
  return { ok: true, value: { ...value, changed: false }, decision, after: snapshotOf(b) };
}

function changeOf<T>(
  b: CaseBundle,
  value: T,
  parts: {
    actor: DecisionActor;
    action: AuditAction;
    detail: NonNullable<AuditEntry['detail']>;
    writes: VerdiepingDocWrite[];
    verdieping: VerdiepingDocs;
    nextCase?: CaseBundle['theCase']['body'];
    vtConsultation?: VtConsultationRecord;
    jobs?: JobIntent[];
  },
  ctx: DecisionContext,
): Decided<Changed<T>, never> {
  const after: CaseSnapshot = {
    ...snapshotOf(b),
    ...(parts.nextCase ? { theCase: parts.nextCase } : {}),
    ...(parts.vtConsultation ? { vtConsultation: parts.vtConsultation } : {}),
    verdieping: parts.verdieping,
  };
  const audit: AuditEntry = {
    id: ctx.newAuditId(),
    caseId: b.theCase.body.id,
    at: ctx.now,
    action: parts.action,
    actorId: parts.actor.aadObjectId,
    actorOrg: parts.actor.orgId,
    detail: parts.detail,
  };
  const decision: CaseDecision = {
    nextCase: after.theCase,
    votes: [],
    contributions: [],
    audit: [audit],
    jobs: [...refreshJobs(after, ctx.now, { newEscalation: false }), ...(parts.jobs ?? [])],
    verdieping: parts.writes,
    ...(parts.vtConsultation ? { vtConsultation: parts.vtConsultation } : {}),
  };
  return { ok: true, value: { ...value, changed: true }, decision, after };
}

// ---- phase and horizon ----

export interface HorizonSettings {
  /** The location's limit of the horizon (days ahead). */
  maxDays: number;
  /** The desk's reminder before the moment (the location's termijn reminder setting). */
  reminderMinutesBefore: number;
}

/**
 * The chair takes the case into verdieping ('enter') or moves the next moment ('move'). In the same
 * commit: the case is on the agenda at the horizon (reAgendaAt), the reminder before it and the
 * "verstreken" refresh at it are requested, and an open VT consultation now waits until the new
 * horizon (its expiry moves, with an expiry job for that moment).
 */
export function decideHorizon(
  b: CaseBundle,
  args: { actor: DecisionActor; chair: boolean; which: 'enter' | 'move'; input: HorizonInput; settings: HorizonSettings },
  ctx: DecisionContext,
): Decided<Changed<{ at: string }>, PhaseError> {
  const c = b.theCase.body;
  const v = verdOf(b);
  const current = v.phase;
  const rule = args.which === 'enter' ? enterVerdieping : moveHorizon;
  const res = rule({
    state: current?.body ?? initialPhase(c.id),
    caseOpen: c.status === 'open',
    actor: vActor(args.actor, args.chair),
    input: args.input,
    now: ctx.now,
    maxDays: args.settings.maxDays,
  });
  if (!res.ok) return res;
  const at = res.state.horizon?.at as string;
  if (!res.changed) return unchanged(b, { at });
  const f = followUps(res.state, c.deadline, args.settings.reminderMinutesBefore);
  const jobs: JobIntent[] = [
    {
      id: HORIZON_JOB_IDS.reminder(f.reAgendaAt),
      type: 'termijnReminder',
      dueAt: f.reminderAt,
      payload: { horizon: f.reAgendaAt },
      mode: 'request',
    },
    { id: HORIZON_JOB_IDS.passed(f.reAgendaAt), type: 'refreshCard', dueAt: f.reAgendaAt, mode: 'request' },
  ];
  const vt = consultationFollows(b.vtConsultation?.body, res.state, ctx.now);
  if (vt) jobs.push(vt.job);
  return changeOf(
    b,
    { at },
    {
      actor: args.actor,
      action: args.which === 'enter' ? 'verdieping.started' : 'verdieping.horizon',
      detail: { reason: args.input.reason, at, ...(current?.body.horizon ? { previousAt: current.body.horizon.at } : {}) },
      writes: [{ kind: 'phase', id: VERDIEPING_DOC_IDS.phase, body: res.state, etag: current?.etag ?? null }],
      verdieping: { ...v, phase: { body: res.state, etag: '' } },
      nextCase: { ...c, reAgendaAt: f.reAgendaAt },
      ...(vt ? { vtConsultation: vt.record } : {}),
      jobs,
    },
    ctx,
  );
}

/** An open VT consultation waits until the (new) horizon: its expiry and the job for that moment; undefined when nothing moves. */
export function consultationFollows(
  record: VtConsultationRecord | undefined,
  phase: PhaseState,
  now: string,
): { record: VtConsultationRecord; job: JobIntent } | undefined {
  if (!record || phase.phase !== 'verdieping') return undefined;
  const step = expiryStep({ consultation: record.state, phase, now });
  if (step.kind !== 'follow') return undefined;
  return {
    record: { ...record, state: withExpiry(record.state, step.until) },
    job: { id: vtExpireJobId(record.seq, step.until), type: 'vtExpire', dueAt: step.until, payload: { seq: record.seq }, mode: 'request' },
  };
}

// ---- gezamenlijke duiding ----

/** Any roster member proposes the next version, starting from the latest one; it rests only on contributions they may read. */
export function decideProposeReading(
  b: CaseBundle,
  args: { actor: DecisionActor; input: ReadingInput; detail?: NonNullable<AuditEntry['detail']> },
  ctx: DecisionContext,
): Decided<Changed<{ version: number }>, ProposeError> {
  const c = b.theCase.body;
  const v = verdOf(b);
  const res = proposeReading({
    caseId: c.id,
    caseOpen: c.status === 'open',
    versions: v.readings.map((r) => r.body),
    actor: vActor(args.actor, false),
    input: args.input,
    knownContributionIds: new Set(b.contributions.filter((x) => contributionVisibleTo(x, args.actor.orgId)).map((x) => x.id)),
    now: ctx.now,
  });
  if (!res.ok) return res;
  const version = res.version;
  return changeOf(
    b,
    { version: version.version },
    {
      actor: args.actor,
      action: 'reading.proposed',
      detail: { version: version.version, basedOn: args.input.basedOn, contributions: version.contributionIds.length, ...args.detail },
      writes: [{ kind: 'reading', id: VERDIEPING_DOC_IDS.reading(version.version), body: version, etag: null }],
      verdieping: { ...v, readings: [...v.readings, { body: version, etag: '' }] },
    },
    ctx,
  );
}

/** The chair confirms a version: the card and the advice start from it. */
export function decideConfirmReading(
  b: CaseBundle,
  args: { actor: DecisionActor; chair: boolean; version: number },
  ctx: DecisionContext,
): Decided<Changed<{ version: number }>, ConfirmError> {
  const v = verdOf(b);
  const res = confirmReading({
    versions: v.readings.map((r) => r.body),
    caseOpen: b.theCase.body.status === 'open',
    actor: vActor(args.actor, args.chair),
    version: args.version,
    now: ctx.now,
  });
  if (!res.ok) return res;
  if (!res.changed) return unchanged(b, { version: args.version });
  const current = v.readings.find((r) => r.body.version === args.version);
  const confirmed: VersionedDoc<ReadingVersion> = { body: res.version, etag: '' };
  return changeOf(
    b,
    { version: args.version },
    {
      actor: args.actor,
      action: 'reading.confirmed',
      detail: { version: args.version },
      writes: [{ kind: 'reading', id: VERDIEPING_DOC_IDS.reading(args.version), body: res.version, etag: current?.etag ?? null }],
      verdieping: { ...v, readings: v.readings.map((r) => (r.body.version === args.version ? confirmed : r)) },
    },
    ctx,
  );
}

// ---- one document per person: the safety-plan entry and the involvement ----

/** The two per-person documents of verdieping, by the bundle list they sit in. */
type PersonDocKind = 'safetyplan' | 'involvement';
interface PersonDocOf {
  safetyplan: SafetyPlanEntry;
  involvement: Involvement;
}
const PERSON_DOCS = {
  safetyplan: { list: 'safetyPlan', id: VERDIEPING_DOC_IDS.safetyEntry, action: 'safetyPlan.set' },
  involvement: { list: 'involvements', id: VERDIEPING_DOC_IDS.involvement, action: 'involvement.set' },
} as const satisfies Record<PersonDocKind, { list: keyof VerdiepingDocs; id: (ref: string) => string; action: AuditAction }>;

/** What a per-person rule says about the document as it stands: the new document, "already so", or a refusal. */
export type PersonDocRule<D, E extends string> = { ok: true; doc: D; changed: boolean } | { ok: false; error: E };

/**
 * One person's document, inserted or replaced on the version read (the shape both per-person forms
 * share): the rule decides on the current document; the audit line carries `detail` (ids and codes).
 */
export function decidePersonDoc<K extends PersonDocKind, E extends string>(
  b: CaseBundle,
  args: {
    kind: K;
    actor: DecisionActor;
    personRef: string;
    rule: (current: PersonDocOf[K] | undefined) => PersonDocRule<PersonDocOf[K], E>;
    detail: NonNullable<AuditEntry['detail']>;
  },
  ctx: DecisionContext,
): Decided<Changed<{ personRef: string }>, E | 'case_closed'> {
  if (b.theCase.body.status !== 'open') return { ok: false, error: 'case_closed' };
  const spec = PERSON_DOCS[args.kind];
  const v = verdOf(b);
  const list = v[spec.list] as VersionedDoc<PersonDocOf[K]>[];
  const current = list.find((d) => d.body.personRef === args.personRef);
  const res = args.rule(current?.body);
  if (!res.ok) return res;
  if (!res.changed) return unchanged(b, { personRef: args.personRef });
  const id = spec.id(args.personRef);
  const next = [...list.filter((d) => d.body.personRef !== args.personRef), { body: res.doc, etag: '' }].sort((x, y) =>
    x.body.personRef < y.body.personRef ? -1 : x.body.personRef > y.body.personRef ? 1 : 0,
  );
  const write = { kind: args.kind, id, body: res.doc, etag: current?.etag ?? null } as VerdiepingDocWrite;
  return changeOf(
    b,
    { personRef: args.personRef },
    {
      actor: args.actor,
      action: spec.action,
      detail: { personRef: args.personRef, ...args.detail },
      writes: [write],
      verdieping: { ...v, [spec.list]: next },
    },
    ctx,
  );
}

/** Any roster member sets or updates one person's safety-plan entry (role label, never a name). */
export function decideSafetyEntry(
  b: CaseBundle,
  args: {
    actor: DecisionActor;
    input: SafetyEntryInput;
    receivingParties: readonly ReceivingParty[];
    detail?: NonNullable<AuditEntry['detail']>;
  },
  ctx: DecisionContext,
): Decided<Changed<{ personRef: string }>, Exclude<SafetyEntryError, 'unchanged'>> {
  const { input } = args;
  const c = b.theCase.body;
  return decidePersonDoc(
    b,
    {
      kind: 'safetyplan',
      actor: args.actor,
      personRef: input.personRef,
      rule: (current) => {
        const res = setSafetyEntry({
          caseId: c.id,
          caseOpen: c.status === 'open',
          persons: personRefs(c.persons),
          receivingParties: args.receivingParties,
          current,
          actor: vActor(args.actor, false),
          input,
          now: ctx.now,
        });
        if (res.ok) return { ok: true, doc: res.entry, changed: true };
        return res.error === 'unchanged' && current
          ? { ok: true, doc: current, changed: false }
          : { ok: false, error: res.error as Exclude<SafetyEntryError, 'unchanged'> };
      },
      detail: {
        holderOrg: input.holderOrg,
        status: input.status,
        ...(input.receivingPartyId ? { receivingPartyId: input.receivingPartyId } : {}),
        ...args.detail,
      },
    },
    ctx,
  );
}

/** Any roster member records what is known of one person: form of violence, relationship, spoken to, wishes, informed. */
export function decideInvolvement(
  b: CaseBundle,
  args: { actor: DecisionActor; input: InvolvementInput; detail?: NonNullable<AuditEntry['detail']> },
  ctx: DecisionContext,
): Decided<Changed<{ personRef: string }>, 'case_closed' | 'unknown_person'> {
  const { input } = args;
  const c = b.theCase.body;
  return decidePersonDoc(
    b,
    {
      kind: 'involvement',
      actor: args.actor,
      personRef: input.personRef,
      rule: (current) => {
        const res = updateInvolvement({
          caseId: c.id,
          caseOpen: c.status === 'open',
          persons: personRefs(c.persons),
          current,
          actor: vActor(args.actor, false),
          input,
          now: ctx.now,
        });
        return res.ok ? { ok: true, doc: res.involvement, changed: res.changed } : res;
      },
      detail: {
        fields: Object.keys(input)
          .filter((k) => k !== 'personRef')
          .sort()
          .join(','),
        ...args.detail,
      },
    },
    ctx,
  );
}
