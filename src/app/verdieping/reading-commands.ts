import type { z } from 'zod';
import type { CaseBundle } from '../../domain/case-bundle';
import type { CaseSnapshot, Decided, DecisionActor, DecisionContext } from '../../domain/decisions';
import {
  decideConfirmReading,
  decideHorizon,
  decideInvolvement,
  decideProposeReading,
  decideSafetyEntry,
  HORIZON_JOB_IDS,
  type Changed,
} from '../../domain/verdieping/decide-reading';
import { involvementInputSchema } from '../../domain/verdieping/people';
import { horizonInputSchema } from '../../domain/verdieping/phase';
import { safetyEntryInputSchema } from '../../domain/verdieping/safety-plan';
import { confirmReadingInputSchema, readingInputSchema } from '../../domain/verdieping/shared-reading';
import type { PiiKind } from '../../domain/pii';
import type { ViewVia } from '../../domain/views';
import { newJob } from '../../store/jobs';
import { agendaPartition } from '../course/closing';
import { refusedWith, runCaseCommandWithInput, type RefusedWith } from '../case-command';
import type { AppDeps } from '../deps';
import { fail, fieldsOf, ok, type AppErrorCode, type Result } from '../errors';
import { checkFreeText, piiAuditDetail } from '../pii-gate';

export { HORIZON_JOB_IDS };

/**
 * The verdieping commands of the shared reading (issue 14 items 1, 2, 3, 6): enter verdieping and
 * move the horizon (chair), propose a duiding version (any roster member) and confirm it (chair),
 * set a safety-plan entry and the people involved (any roster member). Each is runCaseCommand's one
 * path: one partition read, the roster check, then the input (parsed with the domain's zod schemas,
 * then the free-text gate), a pure decision (src/domain/verdieping/decide-reading.ts) and one commit.
 * Who may not act is refused before anything of the input is looked at. A refusal carries field
 * paths, never the values.
 */
type Base = {
  caseId: string;
  aadObjectId: string | undefined;
  /** The author confirmed that personal identifiers in the free text are needed (need-to-know), after a refusal. */
  piiConfirm?: boolean;
  /** The actor is answered with their case card built from the commit (its view audited in that commit). */
  answerView?: ViewVia;
};

/** What a verdieping command hands back: its value, whether it changed anything, and the case as it left it. */
export interface VerdiepingOutcome<T> {
  value: T;
  changed: boolean;
  after: CaseSnapshot;
}

/** Parsed input, field paths under "vd." so the Dutch hints of these forms do not meet another form's field of the same name. */
function parse<S extends z.ZodTypeAny>(schema: S, input: unknown): Result<z.infer<S>> {
  const r = schema.safeParse(input);
  if (r.success) return ok(r.data as z.infer<S>);
  return fail(
    'invalid_input',
    (fieldsOf(r.error.issues) ?? []).map((f) => ({ ...f, path: `vd.${f.path}` })),
  );
}

/** Parse, then the free-text gate (src/app/pii-gate.ts) on the texts of the input: refused with the kinds found unless confirmed. */
function checked<S extends z.ZodTypeAny>(
  deps: AppDeps,
  args: Base & { input: unknown },
  schema: S,
  texts: (input: z.infer<S>) => readonly (string | undefined)[] = () => [],
): () => Result<{ input: z.infer<S>; pii: PiiKind[] | undefined }> {
  return () => {
    const p = parse(schema, args.input);
    if (!p.ok) return p;
    const input = p.value as z.infer<S>;
    const pii = checkFreeText(deps, texts(input), args.piiConfirm === true);
    return pii.ok ? ok({ input, pii: pii.value }) : pii;
  };
}

/** The domain's refusal under the app's name (the rest already are app codes). */
const APP_CODES: Partial<Record<string, AppErrorCode>> = {
  // The horizon's own limit (weeks), not door-agenderen's "within 14 days".
  too_far: 'horizon_too_far',
  stale_base: 'reading_stale',
};
function asApp<T, E extends string>(d: Decided<T, E>): Decided<T, AppErrorCode> {
  return d.ok ? d : { ok: false, error: APP_CODES[d.error] ?? (d.error as AppErrorCode) };
}

/**
 * One verdieping command on runCaseCommand: `decide` gets the bundle, the authorised actor and the
 * checked input; `need: 'chair'` lets the roster decide who is the chair (the decision is told so).
 */
async function verdiepingCommand<I, T>(
  deps: AppDeps,
  args: Base,
  attempted: string,
  need: 'member' | 'chair',
  input: () => Result<I>,
  decide: (
    b: CaseBundle,
    actor: DecisionActor,
    ctx: DecisionContext,
    input: I,
  ) => Decided<Changed<T>, string> | RefusedWith | Promise<Decided<Changed<T>, string> | RefusedWith>,
): Promise<Result<VerdiepingOutcome<T>>> {
  const r = await runCaseCommandWithInput(
    deps,
    { caseId: args.caseId, aadObjectId: args.aadObjectId, attempted, need, ...(args.answerView ? { answerView: args.answerView } : {}) },
    input,
    async (b, actor, ctx, i) => {
      const d = await decide(b, actor, ctx, i);
      return 'refusal' in d ? d : asApp(d);
    },
  );
  if (!r.ok) return r;
  const { changed, ...value } = r.value.value;
  return ok({ value: value as T, changed, after: r.value.after });
}

/** The location's settings a decision needs; a location no longer configured refuses. */
const locationOf = (deps: AppDeps, b: CaseBundle) => deps.directory.location(b.theCase.body.locationId);

// ---- phase and horizon ----

export interface HorizonOutcome {
  at: string;
}

/**
 * Enter or move: the phase, the case's agenda moment, the horizon's timers and an open VT consultation
 * now waiting until the horizon, in ONE commit. The location's agenda reminder of that moment lives in
 * the location's timer partition: stored (insert if absent) before the commit, as door-agenderen does;
 * a crash in between leaves a reminder whose moment no case holds, and it posts nothing.
 */
function phaseCommand(
  deps: AppDeps,
  args: Base & { input: unknown },
  which: 'enter' | 'move',
): Promise<Result<VerdiepingOutcome<HorizonOutcome>>> {
  return verdiepingCommand(
    deps,
    args,
    which === 'enter' ? 'verdieping.started' : 'verdieping.horizon',
    'chair',
    checked(deps, args, horizonInputSchema),
    async (b, actor, ctx, { input }) => {
      const location = locationOf(deps, b);
      if (!location) return refusedWith('unknown_location');
      const d = decideHorizon(
        b,
        {
          actor,
          // runCaseCommand authorised a chair (need: 'chair')
          chair: true,
          which,
          input,
          settings: { maxDays: location.verdieping.maxHorizonDays, reminderMinutesBefore: location.reminders.termijnMinutesBefore },
        },
        ctx,
      );
      if (d.ok && d.value.changed) {
        const when = d.value.at;
        await deps.repo.ensureJob(
          newJob({
            id: `job:agenda:${when}`,
            caseId: agendaPartition(location.id),
            type: 'agendaReminder',
            dueAt: when,
            now: ctx.now,
            payload: { locationId: location.id, at: when },
          }),
        );
      }
      return d;
    },
  );
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
export function proposeReading(deps: AppDeps, args: Base & { input: unknown }): Promise<Result<VerdiepingOutcome<ReadingOutcome>>> {
  return verdiepingCommand(
    deps,
    args,
    'reading.proposed',
    'member',
    checked(deps, args, readingInputSchema, (i) => [i.whatHappened, i.worries, i.protectiveFactors, i.unknowns, i.sharedGoal]),
    (b, actor, ctx, { input, pii }) => decideProposeReading(b, { actor, input, detail: piiAuditDetail(pii) }, ctx),
  );
}

/** The chair confirms a version: the card and the advice start from it. */
export function confirmReading(deps: AppDeps, args: Base & { input: unknown }): Promise<Result<VerdiepingOutcome<ReadingOutcome>>> {
  return verdiepingCommand(
    deps,
    args,
    'reading.confirmed',
    'chair',
    checked(deps, args, confirmReadingInputSchema),
    (b, actor, ctx, { input }) => decideConfirmReading(b, { actor, chair: true, version: input.version }, ctx),
  );
}

// ---- one document per person: veiligheidsplan and betrokkenen ----

export interface PersonOutcome {
  personRef: string;
}

/**
 * A per-person form (the safety-plan entry, the involvement): parse with `schema`, the free-text gate on
 * `piiFields`, then `decide` (src/domain/verdieping/decidePersonDoc: insert or replace the person's
 * document on the version read, one audit line with ids and codes, the kinds of identifiers confirmed).
 */
function personDocCommand<S extends z.ZodTypeAny>(spec: {
  attempted: string;
  schema: S;
  piiFields: (input: z.infer<S>) => readonly (string | undefined)[];
  decide: (
    b: CaseBundle,
    actor: DecisionActor,
    ctx: DecisionContext,
    input: z.infer<S>,
    detail: { piiConfirmed?: string },
    deps: AppDeps,
  ) => Decided<Changed<PersonOutcome>, string> | RefusedWith;
}) {
  return (deps: AppDeps, args: Base & { input: unknown }): Promise<Result<VerdiepingOutcome<PersonOutcome>>> =>
    verdiepingCommand(
      deps,
      args,
      spec.attempted,
      'member',
      checked(deps, args, spec.schema, spec.piiFields),
      (b, actor, ctx, { input, pii }) => spec.decide(b, actor, ctx, input, piiAuditDetail(pii), deps),
    );
}

/** Any roster member sets or updates the safety-plan entry of one person (role label, never a name). */
export const setSafetyPlanEntry = personDocCommand({
  attempted: 'safetyPlan.set',
  schema: safetyEntryInputSchema,
  piiFields: (i) => [i.measure],
  decide: (b, actor, ctx, input, detail, deps) => {
    const location = locationOf(deps, b);
    if (!location) return refusedWith('unknown_location');
    return decideSafetyEntry(b, { actor, input, receivingParties: location.verdieping.receivingParties, detail }, ctx);
  },
});

/** Any roster member records what is known of one person: form of violence, relationship, spoken to, wishes, informed. */
export const setInvolvement = personDocCommand({
  attempted: 'involvement.set',
  schema: involvementInputSchema,
  piiFields: (i) => [i.wishes ?? undefined],
  decide: (b, actor, ctx, input, detail) => decideInvolvement(b, { actor, input, detail }, ctx),
});
