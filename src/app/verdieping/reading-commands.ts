import type { z } from 'zod';
import type { JobIntent } from '../../domain/decisions';
import { updateInvolvement, involvementInputSchema, type InvolvementInput } from '../../domain/verdieping/people';
import {
  enterVerdieping as enterRule,
  followUps,
  horizonInputSchema,
  initialPhase,
  moveHorizon as moveRule,
  type HorizonInput,
  type PhaseState,
} from '../../domain/verdieping/phase';
import { safetyEntryInputSchema, setSafetyEntry, type SafetyEntryInput } from '../../domain/verdieping/safety-plan';
import {
  confirmReading as confirmRule,
  confirmReadingInputSchema,
  proposeReading as proposeRule,
  readingInputSchema,
  type ReadingInput,
} from '../../domain/verdieping/shared-reading';
import { newJob } from '../../store/jobs';
import { creationAuditId, verdiepingDocs, type VerdiepingWrite } from '../../store/verdieping-store';
import { agendaPartition } from '../course/closing';
import type { AppDeps } from '../deps';
import { fail, fieldsOf, type AppErrorCode, type Result } from '../errors';
import { checkFreeText, piiAuditDetail } from '../pii-gate';
import { consultationFollowsHorizon } from './consultation-horizon';
import { runVerdiepingCommand, type VerdiepingDecided, type VerdiepingOutcome } from './reading-command';

/**
 * The verdieping commands of the shared reading (issue 14 items 1, 2, 3, 6): enter verdieping and
 * move the horizon (chair), propose a duiding version (any roster member) and confirm it (chair),
 * set a safety-plan entry and the people involved (any roster member). Each is one read, one pure
 * decision (src/domain/verdieping) and one commit with its audit entry (runVerdiepingCommand).
 * Inputs arrive unparsed from the edge (card data are strings) and are parsed here with the domain's
 * zod schemas; a refusal carries field paths, never the values.
 */
type Base = {
  caseId: string;
  aadObjectId: string | undefined;
  /** The author confirmed that personal identifiers in the free text are needed (need-to-know), after a refusal. */
  piiConfirm?: boolean;
};

/** The free-text gate (src/app/pii-gate.ts), as for contributions: refused with the kinds found unless confirmed. */
function gate(deps: AppDeps, args: Base, texts: readonly (string | undefined)[]) {
  return checkFreeText(deps, texts, args.piiConfirm === true);
}

/**
 * Job ids of the horizon's timers in the case partition: one per moment, so a moved horizon gets its
 * own reminder (a job already queued is never moved later, store rule) and the old one, finding the
 * horizon moved, says nothing.
 */
export const HORIZON_JOB_IDS = {
  reminder: (at: string): string => `job:horizonReminder:${at}`,
  passed: (at: string): string => `job:horizonPassed:${at}`,
} as const;

function parse<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; code: 'invalid_input'; fields: ReturnType<typeof fieldsOf> } {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, data: r.data };
  // Paths under "vd." so the Dutch hints of these forms do not meet another form's field of the same name.
  return { ok: false, code: 'invalid_input', fields: (fieldsOf(r.error.issues) ?? []).map((f) => ({ ...f, path: `vd.${f.path}` })) };
}

const refuse = <T>(code: AppErrorCode): VerdiepingDecided<T> => ({ kind: 'refuse', code });

// ---- phase and horizon ----

export interface HorizonOutcome {
  at: string;
}

/**
 * The timers that follow the horizon, in the same commit: the case is on the agenda at the horizon
 * (reAgendaAt), the desk is reminded before it, and the card turns to "verstreken" at it. The
 * location's agenda reminder lives in its own partition and is inserted after the commit (as
 * door-agenderen does); inserting it twice changes nothing.
 */
function horizonJobs(state: PhaseState, deadline: string, minutesBefore: number): { reAgendaAt: string; jobs: JobIntent[] } {
  const f = followUps(state, deadline, minutesBefore);
  return {
    reAgendaAt: f.reAgendaAt,
    jobs: [
      {
        id: HORIZON_JOB_IDS.reminder(f.reAgendaAt),
        type: 'termijnReminder' as const,
        dueAt: f.reminderAt,
        payload: { horizon: f.reAgendaAt },
        mode: 'request' as const,
      },
      { id: HORIZON_JOB_IDS.passed(f.reAgendaAt), type: 'refreshCard' as const, dueAt: f.reAgendaAt, mode: 'request' as const },
    ],
  };
}

async function phaseCommand(
  deps: AppDeps,
  args: Base & { input: unknown },
  which: 'enter' | 'move',
): Promise<Result<VerdiepingOutcome<HorizonOutcome>>> {
  const parsed = parse(horizonInputSchema, args.input);
  if (!parsed.ok) return fail('invalid_input', parsed.fields);
  const input: HorizonInput = parsed.data;
  const r = await runVerdiepingCommand<HorizonOutcome>(
    deps,
    {
      caseId: args.caseId,
      aadObjectId: args.aadObjectId,
      attempted: which === 'enter' ? 'verdieping.started' : 'verdieping.horizon',
      need: 'chair',
    },
    (s) => {
      const current = s.verdieping.phase;
      const rule = which === 'enter' ? enterRule : moveRule;
      const res = rule({
        state: current?.body ?? initialPhase(s.theCase.id),
        caseOpen: s.theCase.status === 'open',
        actor: s.actor,
        input,
        now: s.now,
        maxDays: s.location.verdieping.maxHorizonDays,
      });
      // The horizon's own limit (weeks), not door-agenderen's "within 14 days".
      if (!res.ok) return refuse(res.error === 'too_far' ? 'horizon_too_far' : res.error);
      const at = res.state.horizon?.at as string;
      if (!res.changed) return { kind: 'unchanged', value: { at } };
      const timers = horizonJobs(res.state, s.theCase.deadline, s.location.reminders.termijnMinutesBefore);
      const write: VerdiepingWrite = { doc: verdiepingDocs.phase(res.state), etag: current?.etag ?? null };
      return {
        kind: 'change',
        value: { at },
        writes: [write],
        nextCase: { ...s.theCase, reAgendaAt: timers.reAgendaAt },
        detail: { reason: input.reason, at, ...(current?.body.horizon ? { previousAt: current.body.horizon.at } : {}) },
        jobs: timers.jobs,
      };
    },
  );
  if (!r.ok || !r.value.changed) return r;
  // An open VT consultation now waits until the (new) horizon.
  await consultationFollowsHorizon(deps, args.caseId);
  // On the agenda of that moment: one reminder per location and moment (as door-agenderen).
  const locationId = (await deps.repo.getCase(args.caseId))?.locationId;
  if (locationId) {
    const when = r.value.value.at;
    const pk = agendaPartition(locationId);
    await deps.repo.ensureJob(
      newJob({
        id: `job:agenda:${when}`,
        caseId: pk,
        type: 'agendaReminder',
        dueAt: when,
        now: deps.clock.now().toISOString(),
        payload: { locationId, at: when },
      }),
    );
  }
  return r;
}

/** The chair takes the case into verdieping with a reason and the next moment (Dutch date, time default 09:00). */
export const enterVerdieping = (deps: AppDeps, args: Base & { input: unknown }) => phaseCommand(deps, args, 'enter');
/** The chair moves the next moment (earlier or later); the timeline keeps the old one. */
export const moveHorizon = (deps: AppDeps, args: Base & { input: unknown }) => phaseCommand(deps, args, 'move');

// ---- gezamenlijke duiding ----

export interface ReadingOutcome {
  version: number;
}

/** Any roster member proposes a new version, starting from the latest one (else: stale, nothing lost). */
export async function proposeReading(deps: AppDeps, args: Base & { input: unknown }): Promise<Result<VerdiepingOutcome<ReadingOutcome>>> {
  const parsed = parse(readingInputSchema, args.input);
  if (!parsed.ok) return fail('invalid_input', parsed.fields);
  const input: ReadingInput = parsed.data;
  const pii = gate(deps, args, [input.whatHappened, input.worries, input.protectiveFactors, input.unknowns, input.sharedGoal]);
  if (!pii.ok) return pii;
  return runVerdiepingCommand<ReadingOutcome>(
    deps,
    { caseId: args.caseId, aadObjectId: args.aadObjectId, attempted: 'reading.proposed' },
    (s) => {
      const res = proposeRule({
        caseId: s.theCase.id,
        caseOpen: true,
        versions: s.verdieping.readings.map((v) => v.body),
        actor: s.actor,
        input,
        knownContributionIds: s.contributionIds,
        now: s.now,
      });
      if (!res.ok) return refuse(res.error === 'stale_base' ? 'reading_stale' : res.error);
      const doc = verdiepingDocs.reading(res.version);
      return {
        kind: 'change',
        value: { version: res.version.version },
        writes: [{ doc, etag: null }],
        detail: {
          version: res.version.version,
          basedOn: input.basedOn,
          contributions: res.version.contributionIds.length,
          ...piiAuditDetail(pii.value),
        },
        auditId: creationAuditId(doc),
      };
    },
  );
}

/** The chair confirms a version: the card and the advice start from it. */
export async function confirmReading(deps: AppDeps, args: Base & { input: unknown }): Promise<Result<VerdiepingOutcome<ReadingOutcome>>> {
  const parsed = parse(confirmReadingInputSchema, args.input);
  if (!parsed.ok) return fail('invalid_input', parsed.fields);
  const version = parsed.data.version;
  return runVerdiepingCommand<ReadingOutcome>(deps, { ...args, attempted: 'reading.confirmed', need: 'chair' }, (s) => {
    const res = confirmRule({ versions: s.verdieping.readings.map((v) => v.body), caseOpen: true, actor: s.actor, version, now: s.now });
    if (!res.ok) return refuse(res.error);
    if (!res.changed) return { kind: 'unchanged', value: { version } };
    const current = s.verdieping.readings.find((v) => v.body.version === version);
    return {
      kind: 'change',
      value: { version },
      writes: [{ doc: verdiepingDocs.reading(res.version), etag: current?.etag ?? null }],
      detail: { version },
    };
  });
}

// ---- veiligheidsplan ----

export interface PersonOutcome {
  personRef: string;
}

/** Any roster member sets or updates the safety-plan entry of one person (role label, never a name). */
export async function setSafetyPlanEntry(
  deps: AppDeps,
  args: Base & { input: unknown },
): Promise<Result<VerdiepingOutcome<PersonOutcome>>> {
  const parsed = parse(safetyEntryInputSchema, args.input);
  if (!parsed.ok) return fail('invalid_input', parsed.fields);
  const input: SafetyEntryInput = parsed.data;
  const pii = gate(deps, args, [input.measure]);
  if (!pii.ok) return pii;
  return runVerdiepingCommand<PersonOutcome>(
    deps,
    { caseId: args.caseId, aadObjectId: args.aadObjectId, attempted: 'safetyplan.set' },
    (s) => {
      const current = s.verdieping.safetyPlan.find((e) => e.body.personRef === input.personRef);
      const res = setSafetyEntry({
        caseId: s.theCase.id,
        caseOpen: true,
        persons: s.persons,
        receivingParties: s.location.verdieping.receivingParties,
        current: current?.body,
        actor: s.actor,
        input,
        now: s.now,
      });
      if (!res.ok) return res.error === 'unchanged' ? { kind: 'unchanged', value: { personRef: input.personRef } } : refuse(res.error);
      const doc = verdiepingDocs.safetyEntry(res.entry);
      return {
        kind: 'change',
        value: { personRef: input.personRef },
        writes: [{ doc, etag: current?.etag ?? null }],
        detail: {
          personRef: input.personRef,
          holderOrg: input.holderOrg,
          status: input.status,
          ...(input.receivingPartyId ? { receivingPartyId: input.receivingPartyId } : {}),
          ...piiAuditDetail(pii.value),
        },
        ...(current ? {} : { auditId: creationAuditId(doc) }),
      };
    },
  );
}

// ---- betrokkenen ----

/** Any roster member records what is known of one person: form of violence, relationship, spoken to, wishes, informed. */
export async function setInvolvement(deps: AppDeps, args: Base & { input: unknown }): Promise<Result<VerdiepingOutcome<PersonOutcome>>> {
  const parsed = parse(involvementInputSchema, args.input);
  if (!parsed.ok) return fail('invalid_input', parsed.fields);
  const input: InvolvementInput = parsed.data;
  const pii = gate(deps, args, [input.wishes ?? undefined]);
  if (!pii.ok) return pii;
  return runVerdiepingCommand<PersonOutcome>(
    deps,
    { caseId: args.caseId, aadObjectId: args.aadObjectId, attempted: 'involvement.set' },
    (s) => {
      const current = s.verdieping.involvements.find((i) => i.body.personRef === input.personRef);
      const res = updateInvolvement({
        caseId: s.theCase.id,
        caseOpen: true,
        persons: s.persons,
        current: current?.body,
        actor: s.actor,
        input,
        now: s.now,
      });
      if (!res.ok) return refuse(res.error);
      if (!res.changed) return { kind: 'unchanged', value: { personRef: input.personRef } };
      const doc = verdiepingDocs.involvement(res.involvement);
      return {
        kind: 'change',
        value: { personRef: input.personRef },
        writes: [{ doc, etag: current?.etag ?? null }],
        detail: {
          personRef: input.personRef,
          fields: Object.keys(input)
            .filter((k) => k !== 'personRef')
            .sort()
            .join(','),
          ...piiAuditDetail(pii.value),
        },
        ...(current ? {} : { auditId: creationAuditId(doc) }),
      };
    },
  );
}
