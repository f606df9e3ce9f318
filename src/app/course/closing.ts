import { decideCloseCase, type CaseSnapshot, type CloseMode } from '../../domain/decisions';
import type { CaseClosure } from '../../domain/escalation-record';
import { amsterdamToUtc } from '../../domain/local-time';
import { reAgenda as reAgendaRule } from '../../domain/rounds';
import type { ViewVia } from '../../domain/views';
import { newJob } from '../../store/jobs';
import { requestCardRefresh } from '../case-access';
import type { AppDeps } from '../deps';
import { runCaseCommandWithInput } from '../case-command';
import { ok, type AppError, type Result } from '../errors';
import { changeCase } from './change-case';
import { closeRefusal, handoverFromFields, type HandoverFields } from './handover-input';

type Args = { caseId: string; aadObjectId: string | undefined };

/** The partition of per-location timers (the agenda of a moment is one reminder, not one per case). */
export const agendaPartition = (locationId: string): string => `_agenda:${locationId}`;

/** Door-agenderen: the chair puts the case on the agenda of the next discussion. */
export async function reAgendaCase(deps: AppDeps, args: Args & { date?: string; time?: string }): Promise<Result<{ at: string }>> {
  const at = amsterdamToUtc(args.date, args.time);
  const r = await changeCase(deps, { ...args, attempted: 'case.reAgenda', need: 'chair' }, (c, _m, now) => {
    if (!at) return { kind: 'refuse', code: 'invalid_time' };
    const res = reAgendaRule(at, now);
    if (!res.ok) return { kind: 'refuse', code: res.error };
    if (c.reAgendaAt === res.at) return { kind: 'unchanged' };
    return { kind: 'change', next: { ...c, reAgendaAt: res.at }, action: 'case.reAgenda', detail: { at: res.at } };
  });
  if (!r.ok) return r;
  const when = r.value.theCase.reAgendaAt as string;
  const now = deps.clock.now().toISOString();
  // One reminder per location and moment, however many cases are put on that agenda.
  await deps.repo.ensureJob(
    newJob({
      id: `job:agenda:${when}`,
      caseId: agendaPartition(r.value.theCase.locationId),
      type: 'agendaReminder',
      dueAt: when,
      now,
      payload: { locationId: r.value.theCase.locationId, at: when },
    }),
  );
  await requestCardRefresh(deps, args.caseId);
  return { ok: true, value: { at: when } };
}

type CloseArgs = Args & {
  /** The closing form's handover fields (issue 15). */
  handover: HandoverFields;
  answerView?: ViewVia;
};

/**
 * Closing through one command (load once, decide with decideCloseCase, commit once): the case, its
 * audit line, the card refresh and the terugkoppeling of the closing. The handover's fields are checked
 * after the roster and the closed-case checks.
 */
async function runClose(
  deps: AppDeps,
  args: CloseArgs,
  mode: CloseMode,
  reason?: string,
): Promise<Result<{ changed: boolean; closure: CaseClosure; after: CaseSnapshot }>> {
  let refusal: AppError | undefined;
  const r = await runCaseCommandWithInput(
    deps,
    {
      caseId: args.caseId,
      aadObjectId: args.aadObjectId,
      attempted: 'case.close',
      need: 'chair',
      ...(args.answerView ? { answerView: args.answerView } : {}),
    },
    () => handoverFromFields(args.handover),
    (b, actor, ctx, handover) => {
      refusal = undefined;
      const location = deps.directory.location(b.theCase.body.locationId);
      const d = decideCloseCase(
        b,
        {
          actor,
          // runCaseCommand authorised a chair (need: 'chair')
          chair: true,
          mode,
          ...(reason !== undefined ? { reason } : {}),
          handover,
          parties: location?.aftercare.receivingParties ?? [],
        },
        ctx,
      );
      if (d.ok) return d;
      refusal = closeRefusal(d.error);
      return { ok: false, error: refusal.code };
    },
  );
  if (r.ok) return ok({ changed: true, closure: r.value.value.closure, after: r.value.after });
  return refusal && r.error.code === refusal.code ? { ok: false, error: refusal } : r;
}

/** "Zaak sluiten": the last round closed without buikpijn, safety placed (when the plan applies), with a handover. */
export async function closeCase(
  deps: AppDeps,
  args: CloseArgs,
): Promise<Result<{ changed: boolean; closure: CaseClosure; after: CaseSnapshot }>> {
  return runClose(deps, args, 'normal');
}

/**
 * The chair closes "ondanks": with buikpijn left and/or persons without a safety holder. The reason,
 * the remaining concern, the unplaced persons and the handover stay on record and on the card.
 */
export async function closeCaseDespiteConcern(
  deps: AppDeps,
  args: CloseArgs & { reason?: string },
): Promise<Result<{ changed: boolean; closure: CaseClosure; after: CaseSnapshot }>> {
  return runClose(deps, args, 'despite', args.reason ?? '');
}
