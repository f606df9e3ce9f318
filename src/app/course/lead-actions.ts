import { randomUUID } from 'node:crypto';
import {
  decideAddAction,
  decideHandOverLead,
  decideSettleAction,
  decideTakeLead,
  type CaseSnapshot,
  type CourseActor,
  type CourseOutcome,
  type Decided,
  type DecisionActor,
} from '../../domain/decisions';
import type { CaseLeadError } from '../../domain/rounds';
import { amsterdamToUtc } from '../../domain/local-time';
import { partnerOrgSchema } from '../../domain/orgs';
import { actionInputSchema, actionVerdictInputSchema } from '../../domain/rounds';
import type { ViewVia } from '../../domain/views';
import { runCaseCommand } from '../case-command';
import type { AppDeps } from '../deps';
import type { Result } from '../errors';

type AddedAction = CourseOutcome & { actionId: string };
type Args = { caseId: string; aadObjectId: string | undefined; answerView?: ViewVia };

/** What a course verb answers: whether it changed anything, and the case as the commit left it (for the view). */
export type CourseResult<T = object> = Result<T & { changed: boolean; after: CaseSnapshot }>;

/** The roster's word on the actor's role (in memory; the roster check itself is runCaseCommand's). */
export function courseActor(deps: AppDeps, actor: DecisionActor): CourseActor {
  return { ...actor, chair: deps.directory.member(actor.aadObjectId)?.roles.includes('chair') ?? false };
}

/** Input that does not parse is refused after the roster check and the closed-case check, as before. */
export const INVALID: { ok: false; error: 'invalid_input' } = { ok: false, error: 'invalid_input' };

const command = (args: Args, attempted: string, need: 'member' | 'chair' = 'member') => ({
  caseId: args.caseId,
  aadObjectId: args.aadObjectId,
  attempted,
  need,
  ...(args.answerView ? { answerView: args.answerView } : {}),
});

/** Regie: one organisation takes the lead when nobody has it. One partition read, one commit. */
export async function takeLead(deps: AppDeps, args: Args): Promise<CourseResult> {
  const r = await runCaseCommand(deps, command(args, 'lead.take'), (b, actor, ctx) => decideTakeLead(b, { actor }, ctx));
  return r.ok ? { ok: true, value: { changed: r.value.value.changed, after: r.value.after } } : r;
}

/** Hand regie over (by the lead organisation or the chair); never two at once. */
export async function handOverLead(deps: AppDeps, args: Args & { to: string | undefined }): Promise<CourseResult> {
  const to = partnerOrgSchema.safeParse(args.to);
  const r = await runCaseCommand(
    deps,
    command(args, 'lead.handover'),
    (b, actor, ctx): Decided<CourseOutcome, CaseLeadError | 'case_closed' | 'invalid_input'> =>
      to.success ? decideHandOverLead(b, { actor: courseActor(deps, actor), to: to.data }, ctx) : INVALID,
  );
  return r.ok ? { ok: true, value: { changed: r.value.value.changed, after: r.value.after } } : r;
}

/** An action: what, which organisation, by when (date and time as meant in the Netherlands). */
export async function addAction(
  deps: AppDeps,
  args: Args & { what?: string; orgId?: string; dueDate?: string; dueTime?: string },
): Promise<CourseResult<{ actionId: string }>> {
  const dueAt = amsterdamToUtc(args.dueDate, args.dueTime);
  const input = actionInputSchema.safeParse({ what: args.what ?? '', orgId: args.orgId, dueAt: dueAt ?? '' });
  const id = `action-${randomUUID().slice(0, 8)}`;
  const r = await runCaseCommand(
    deps,
    command(args, 'action.add'),
    (b, actor, ctx): Decided<AddedAction, 'case_closed' | 'not_in_future' | 'invalid_time' | 'invalid_input'> =>
      input.success ? decideAddAction(b, { actor, id, input: input.data }, ctx) : INVALID,
  );
  return r.ok ? { ok: true, value: { ...r.value.value, after: r.value.after } } : r;
}

/** Settle an overdue action: gedaan, omstandigheden veranderd or niet uitgevoerd. */
export async function settleAction(deps: AppDeps, args: Args & { actionId: string; verdict?: string }): Promise<CourseResult> {
  const input = actionVerdictInputSchema.safeParse({ actionId: args.actionId, verdict: args.verdict });
  const r = await runCaseCommand(
    deps,
    command(args, 'action.settle'),
    (b, actor, ctx): Decided<CourseOutcome, 'case_closed' | 'unknown_action' | 'not_allowed' | 'already_settled' | 'invalid_input'> =>
      input.success
        ? decideSettleAction(b, { actor: courseActor(deps, actor), actionId: input.data.actionId, verdict: input.data.verdict }, ctx)
        : INVALID,
  );
  return r.ok ? { ok: true, value: { changed: r.value.value.changed, after: r.value.after } } : r;
}
