import type { PartnerOrg } from '../orgs';
import type { ConcernVote } from '../vote';
import { ACTION_VERDICTS, CLOSE_DESPITE_CONCERN_MIN_REASON, MAX_REASON, type ActionInput, type ActionVerdict } from './inputs';
import { concernedOrgs, currentRound, currentRoundNumber, type RoundInfo } from './round';
import { DAY_MS, isValidInstant, requireMillis, toIso, toMillis, type Instant } from './time';

// ---- regie (case lead) ----

/** The acting member as the roster knows them: their organisation and whether they chair. */
export interface Actor {
  orgId: PartnerOrg;
  chair: boolean;
}

export type CaseLeadError = 'lead_taken' | 'no_lead' | 'not_lead_or_chair';
/** `changed: false` = the request was already true (a re-delivered click is harmless). */
export type CaseLeadResult = { ok: true; lead: PartnerOrg; changed: boolean } | { ok: false; error: CaseLeadError };

/** One lead at a time: taking is only possible when nobody has regie; otherwise it is handed over. */
export function takeCaseLead(current: PartnerOrg | null | undefined, org: PartnerOrg): CaseLeadResult {
  if (!current) return { ok: true, lead: org, changed: true };
  if (current === org) return { ok: true, lead: org, changed: false };
  return { ok: false, error: 'lead_taken' };
}

/**
 * Only the current lead or the chair hands over. The chair may, because the lead's organisation is
 * often not at the table in the evening and regie must not get stuck with an absent partner.
 */
export function handOverCaseLead(current: PartnerOrg | null | undefined, from: Actor, to: PartnerOrg): CaseLeadResult {
  if (!current) return { ok: false, error: 'no_lead' };
  // Checked first so that a re-delivered hand-over (sender no longer lead) still succeeds.
  if (current === to) return { ok: true, lead: to, changed: false };
  if (from.orgId !== current && !from.chair) return { ok: false, error: 'not_lead_or_chair' };
  return { ok: true, lead: to, changed: true };
}

// ---- closing ----

export type CloseCheck =
  { ok: true } | { ok: false; error: 'no_closed_round' | 'round_open' } | { ok: false; error: 'concern_remaining'; orgs: PartnerOrg[] };

/**
 * A case closes normally when the last round is closed and at its end nobody's buikpijn stood
 * (buikpijn stands until its organisation withdraws it, see round.ts).
 */
export function canClose(votes: readonly ConcernVote[], rounds: readonly RoundInfo[]): CloseCheck {
  const last = currentRound(rounds);
  if (!last) return { ok: false, error: 'no_closed_round' };
  if (last.closedAt === undefined) return { ok: false, error: 'round_open' };
  const orgs = concernedOrgs(votes, last.number);
  return orgs.length > 0 ? { ok: false, error: 'concern_remaining', orgs } : { ok: true };
}

export type CloseDespiteConcernResult =
  { ok: true; reason: string; remainingConcern: PartnerOrg[] } | { ok: false; error: 'not_chair' | 'reason_too_short' | 'reason_too_long' };

/**
 * The chair may close with buikpijn left, with a reason; the remaining concern is returned so it is
 * recorded with the decision. Allowed with an open round too: the chair's call ends the discussion.
 */
export function closeDespiteConcern(args: {
  actor: Pick<Actor, 'chair'>;
  reason: string;
  votes: readonly ConcernVote[];
  rounds: readonly RoundInfo[];
}): CloseDespiteConcernResult {
  if (!args.actor.chair) return { ok: false, error: 'not_chair' };
  const reason = args.reason.trim();
  if (reason.length < CLOSE_DESPITE_CONCERN_MIN_REASON) return { ok: false, error: 'reason_too_short' };
  if (reason.length > MAX_REASON) return { ok: false, error: 'reason_too_long' };
  return { ok: true, reason, remainingConcern: concernedOrgs(args.votes, currentRoundNumber(args.rounds)) };
}

// ---- door-agenderen ----

export const RE_AGENDA_MAX_DAYS = 14;

export type ReAgendaResult = { ok: true; at: string } | { ok: false; error: 'invalid_time' | 'not_in_future' | 'too_far' };

/** The next discussion must lie ahead and within maxDays: a case parked for longer is not being worked. */
export function reAgenda(at: Instant, now: Instant, maxDays = RE_AGENDA_MAX_DAYS): ReAgendaResult {
  if (!isValidInstant(at) || !isValidInstant(now)) return { ok: false, error: 'invalid_time' };
  const when = toMillis(at);
  const from = toMillis(now);
  if (when <= from) return { ok: false, error: 'not_in_future' };
  if (when - from > maxDays * DAY_MS) return { ok: false, error: 'too_far' };
  return { ok: true, at: toIso(when) };
}

// ---- actions ----

export const ACTION_STATUSES = ['open', ...ACTION_VERDICTS] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface CaseAction {
  id: string;
  what: string;
  /** The organisation that carries it out. */
  orgId: PartnerOrg;
  dueAt: string;
  status: ActionStatus;
  createdAt: string;
  settledAt?: string;
  note?: string;
}

export function newAction(
  id: string,
  input: ActionInput,
  now: Instant,
): { ok: true; action: CaseAction } | { ok: false; error: 'invalid_time' | 'due_not_in_future' } {
  if (!isValidInstant(input.dueAt) || !isValidInstant(now)) return { ok: false, error: 'invalid_time' };
  if (toMillis(input.dueAt) <= toMillis(now)) return { ok: false, error: 'due_not_in_future' };
  return {
    ok: true,
    action: {
      id,
      what: input.what,
      orgId: input.orgId,
      dueAt: toIso(toMillis(input.dueAt)),
      status: 'open',
      createdAt: toIso(toMillis(now)),
    },
  };
}

/** Open actions whose due moment has come (due at 12:00 is overdue at 12:00, like the termijn). */
export function overdueActions(actions: readonly CaseAction[], now: Instant): CaseAction[] {
  const at = requireMillis(now, 'now');
  return actions.filter((a) => a.status === 'open' && requireMillis(a.dueAt, 'dueAt') <= at);
}

/** Who may judge an action: the organisation that carries it out, the case lead, or the chair. */
export function mayJudgeAction(action: Pick<CaseAction, 'orgId'>, actor: Actor, lead: PartnerOrg | null | undefined): boolean {
  return actor.chair || actor.orgId === action.orgId || actor.orgId === lead;
}

/** A verdict is final: giving the same verdict again is a harmless repeat, a different one is refused. */
export function settleAction(
  action: CaseAction,
  verdict: ActionVerdict,
  now: Instant,
  note?: string,
): { ok: true; action: CaseAction; changed: boolean } | { ok: false; error: 'already_settled' } {
  if (action.status === verdict) return { ok: true, action, changed: false };
  if (action.status !== 'open') return { ok: false, error: 'already_settled' };
  const settled: CaseAction = { ...action, status: verdict, settledAt: toIso(requireMillis(now, 'now')), ...(note ? { note } : {}) };
  return { ok: true, action: settled, changed: true };
}

/**
 * What happens to actions when a round closes: nothing is dropped. Open actions carry over to the
 * next round; overdue ones carry over too but are listed for a verdict (gedaan / omstandigheden
 * veranderd / niet uitgevoerd). They do not block closing the round: the buikpijn question must not
 * wait for paperwork. Settled actions stay as history.
 */
export function carryOver(
  actions: readonly CaseAction[],
  now: Instant,
): { carried: CaseAction[]; needVerdict: CaseAction[]; settled: CaseAction[] } {
  const overdue = new Set(overdueActions(actions, now).map((a) => a.id));
  return {
    carried: actions.filter((a) => a.status === 'open' && !overdue.has(a.id)),
    needVerdict: actions.filter((a) => overdue.has(a.id)),
    settled: actions.filter((a) => a.status !== 'open'),
  };
}
