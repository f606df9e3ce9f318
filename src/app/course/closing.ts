import { amsterdamToUtc } from '../../domain/local-time';
import { canClose, closeDespiteConcern as closeDespiteRule, concernedOrgs, reAgenda as reAgendaRule } from '../../domain/rounds';
import { newJob } from '../../store/jobs';
import { requestCardRefresh } from '../case-access';
import type { AppDeps } from '../deps';
import type { Result } from '../errors';
import { changeCase } from './change-case';

type Args = { caseId: string; aadObjectId: string | undefined };

/** The partition of per-location timers (the agenda of a moment is one reminder, not one per case). */
export const agendaPartition = (locationId: string): string => `_agenda:${locationId}`;

/** Door-agenderen: the chair puts the case on the agenda of the next discussion. */
export async function reAgendaCase(deps: AppDeps, args: Args & { date?: string; time?: string }): Promise<Result<{ at: string }>> {
  const at = amsterdamToUtc(args.date, args.time);
  const r = await changeCase(deps, { ...args, attempted: 'case.reagenda', need: 'chair' }, (c, _m, now) => {
    if (!at) return { kind: 'refuse', code: 'invalid_time' };
    const res = reAgendaRule(at, now);
    if (!res.ok) return { kind: 'refuse', code: res.error };
    if (c.reAgendaAt === res.at) return { kind: 'unchanged' };
    return { kind: 'change', next: { ...c, reAgendaAt: res.at }, action: 'case.reagenda', detail: { at: res.at } };
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

/** Close when nobody has buikpijn any more at the end of the last round. */
export async function closeCase(deps: AppDeps, args: Args): Promise<Result<{ changed: boolean }>> {
  const votes = await deps.repo.listVotes(args.caseId);
  const r = await changeCase(deps, { ...args, attempted: 'case.close', need: 'chair' }, (c, member, now) => {
    const check = canClose(votes, c.rounds);
    if (!check.ok) return { kind: 'refuse', code: check.error };
    return {
      kind: 'change',
      next: { ...c, status: 'closed', closure: { at: now, by: member.aadObjectId, despiteConcern: false, remainingConcern: [] } },
      action: 'case.close',
      detail: { despiteConcern: false },
    };
  });
  if (r.ok) await requestCardRefresh(deps, args.caseId);
  return r.ok ? { ok: true, value: { changed: r.value.changed } } : r;
}

/** The chair closes with buikpijn left: the reason and the remaining concern stay on record and on the card. */
export async function closeCaseDespiteConcern(deps: AppDeps, args: Args & { reason?: string }): Promise<Result<{ changed: boolean }>> {
  const votes = await deps.repo.listVotes(args.caseId);
  const r = await changeCase(deps, { ...args, attempted: 'case.close', need: 'chair' }, (c, member, now) => {
    const res = closeDespiteRule({ actor: { chair: member.roles.includes('chair') }, reason: args.reason ?? '', votes, rounds: c.rounds });
    if (!res.ok)
      return res.error === 'not_chair'
        ? { kind: 'refuse', code: 'not_chair' }
        : {
            kind: 'refuse',
            code: 'invalid_input',
            fields: [{ path: 'closeReason', message: res.error, ...(res.error === 'reason_too_long' ? { tooLong: true } : {}) }],
          };
    const remaining = res.remainingConcern.length > 0 ? res.remainingConcern : concernedOrgs(votes, c.round);
    return {
      kind: 'change',
      next: {
        ...c,
        status: 'closed',
        closure: { at: now, by: member.aadObjectId, despiteConcern: true, reason: res.reason, remainingConcern: remaining },
      },
      action: 'case.close',
      detail: { despiteConcern: true, remaining: remaining.join(',') },
    };
  });
  if (r.ok) await requestCardRefresh(deps, args.caseId);
  return r.ok ? { ok: true, value: { changed: r.value.changed } } : r;
}
