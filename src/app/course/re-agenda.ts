import { decideReAgenda, type CourseOutcome, type Decided } from '../../domain/decisions';
import { amsterdamToUtc } from '../../domain/local-time';
import type { ViewVia } from '../../domain/views';
import { newJob } from '../../store/jobs';
import { runCaseCommand } from '../case-command';
import type { AppDeps } from '../deps';
import { agendaPartition } from './closing';
import type { CourseResult } from './lead-actions';

/**
 * Door-agenderen: the chair puts the case on the agenda of a later discussion. One partition read,
 * one commit for the case; the location's reminder of that moment (one per location and moment,
 * however many cases are put on it) lives in the location's timer partition and is stored, insert if
 * absent, BEFORE the case commit: a crash in between leaves a reminder whose moment no case holds,
 * and such a reminder posts nothing (the agenda of that moment is empty).
 */
export async function reAgendaCase(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; date?: string; time?: string; answerView?: ViewVia },
): Promise<CourseResult<{ at: string }>> {
  const at = amsterdamToUtc(args.date, args.time);
  const r = await runCaseCommand(
    deps,
    {
      caseId: args.caseId,
      aadObjectId: args.aadObjectId,
      attempted: 'case.reAgenda',
      need: 'chair',
      ...(args.answerView ? { answerView: args.answerView } : {}),
    },
    async (
      b,
      actor,
      ctx,
    ): Promise<
      Decided<CourseOutcome & { at: string }, 'case_closed' | 'invalid_time' | 'not_in_future' | 'too_far' | 'reagenda_in_verdieping'>
    > => {
      const decided = decideReAgenda(b, { actor, at: at ?? undefined }, ctx);
      if (decided.ok && decided.value.changed) {
        const locationId = b.theCase.body.locationId;
        const when = decided.value.at;
        const id = `job:agenda:${when}`;
        const timers = agendaPartition(locationId);
        await deps.repo.ensureJob(
          newJob({ id, caseId: timers, type: 'agendaReminder', dueAt: when, now: ctx.now, payload: { locationId, at: when } }),
        );
      }
      return decided;
    },
  );
  return r.ok ? { ok: true, value: { ...r.value.value, after: r.value.after } } : r;
}
