import { PARTNER_ORGS, type PartnerOrg } from '../orgs';
import { concernPicture, type ConcernVote } from '../vote';
import { isValidInstant, toIso, toMillis, type Instant } from './time';

/**
 * A round is one "wie heeft er nog buikpijn?" of the chair. Rounds are numbered from 1 and only the
 * newest one can be open: a new round starts only after the previous one closed.
 */
export type RoundCloseReason = 'chair' | 'all_voted';

export interface RoundInfo {
  number: number;
  startedAt: string;
  startedBy: string;
  closedAt?: string;
  closedReason?: RoundCloseReason;
}

export type RoundError = 'round_open' | 'no_open_round' | 'invalid_time' | 'time_before_previous';
export type RoundResult = { ok: true; round: RoundInfo; rounds: RoundInfo[] } | { ok: false; error: RoundError };

/** Fixed partner order, so lists on cards and in tests are stable. */
export const orgOrder = (a: PartnerOrg, b: PartnerOrg): number => PARTNER_ORGS.indexOf(a) - PARTNER_ORGS.indexOf(b);

/** Sorted copy, oldest round first (stored rounds come back in any order). */
export function sortRounds(rounds: readonly RoundInfo[]): RoundInfo[] {
  return [...rounds].sort((a, b) => a.number - b.number);
}

export function currentRound(rounds: readonly RoundInfo[]): RoundInfo | undefined {
  return sortRounds(rounds).at(-1);
}

/** A new case is in round 1 (see `Case.round`) even before that round is recorded. */
export function currentRoundNumber(rounds: readonly RoundInfo[]): number {
  return currentRound(rounds)?.number ?? 1;
}

/** An unrecorded round 1 counts as open: votes may be cast in it from intake on. */
export function isCurrentRoundOpen(rounds: readonly RoundInfo[]): boolean {
  const cur = currentRound(rounds);
  return !cur || cur.closedAt === undefined;
}

/** Expected organisations that have no vote in this round yet, in the fixed partner order. */
export function missingOrgs(expected: readonly PartnerOrg[], votes: readonly ConcernVote[], round: number): PartnerOrg[] {
  const voted = new Set(votes.filter((v) => v.round === round).map((v) => v.orgId));
  return [...new Set(expected)].filter((o) => !voted.has(o)).sort(orgOrder);
}

export function allVoted(expected: readonly PartnerOrg[], votes: readonly ConcernVote[], round: number): boolean {
  return missingOrgs(expected, votes, round).length === 0;
}

/**
 * Decision: a round may start when no round is recorded yet (that start is round 1, recorded at
 * intake) or when the newest round is closed. Never two open rounds, so a vote always has one round.
 */
export function canStartRound(rounds: readonly RoundInfo[]): { ok: true; number: number } | { ok: false; error: 'round_open' } {
  const cur = currentRound(rounds);
  if (!cur) return { ok: true, number: 1 };
  if (cur.closedAt === undefined) return { ok: false, error: 'round_open' };
  return { ok: true, number: cur.number + 1 };
}

export function startRound(rounds: readonly RoundInfo[], by: string, now: Instant): RoundResult {
  if (!isValidInstant(now)) return { ok: false, error: 'invalid_time' };
  const can = canStartRound(rounds);
  if (!can.ok) return can;
  const prev = currentRound(rounds);
  // A round cannot start before the previous one closed: a clock going backwards would scramble the order.
  if (prev?.closedAt && toMillis(now) < toMillis(prev.closedAt)) return { ok: false, error: 'time_before_previous' };
  const round: RoundInfo = { number: can.number, startedAt: toIso(toMillis(now)), startedBy: by };
  return { ok: true, round, rounds: [...sortRounds(rounds), round] };
}

/** Closes the open round; whether 'all_voted' is true is the caller's check (`allVoted`). */
export function closeRound(rounds: readonly RoundInfo[], reason: RoundCloseReason, now: Instant): RoundResult {
  if (!isValidInstant(now)) return { ok: false, error: 'invalid_time' };
  const sorted = sortRounds(rounds);
  const cur = sorted.at(-1);
  if (!cur || cur.closedAt !== undefined) return { ok: false, error: 'no_open_round' };
  if (toMillis(now) < toMillis(cur.startedAt)) return { ok: false, error: 'time_before_previous' };
  const round: RoundInfo = { ...cur, closedAt: toIso(toMillis(now)), closedReason: reason };
  return { ok: true, round, rounds: [...sorted.slice(0, -1), round] };
}

/**
 * The buikpijn that stands at the end of `round`: per organisation its latest vote in the newest
 * round up to `round` in which it voted. Buikpijn stands until the organisation itself withdraws it,
 * so a partner that is absent (VT in the evening) does not lose its concern by missing a round.
 */
export function standingPicture(votes: readonly ConcernVote[], round: number): Map<PartnerOrg, ConcernVote> {
  const picture = new Map<PartnerOrg, ConcernVote>();
  for (const v of votes) {
    if (v.round > round || v.round < 1) continue;
    const prev = picture.get(v.orgId);
    if (!prev || prev.round < v.round || (prev.round === v.round && prev.castAt <= v.castAt)) picture.set(v.orgId, v);
  }
  return picture;
}

/** Organisations whose buikpijn stands at the end of `round`, in the fixed partner order. */
export function concernedOrgs(votes: readonly ConcernVote[], round: number): PartnerOrg[] {
  return [...standingPicture(votes, round).values()]
    .filter((v) => v.concern)
    .map((v) => v.orgId)
    .sort(orgOrder);
}

/** 'raised' = buikpijn appeared (erbij), 'resolved' = buikpijn resolved (weg), 'new' = first vote of that organisation (nieuw), 'same' = unchanged (gelijk). */
export type RoundChange = 'new' | 'same' | 'raised' | 'resolved';

export interface OrgRoundDelta {
  orgId: PartnerOrg;
  change: RoundChange;
  concern: boolean;
}

/**
 * How each organisation that voted in `round` moved against what stood after the previous round
 * (its standing vote, so a skipped round in between does not make a repeat look 'new').
 * Organisations without a vote in `round` are left out: `missingOrgs` lists them.
 */
export function roundDelta(votes: readonly ConcernVote[], round: number): OrgRoundDelta[] {
  const before = standingPicture(votes, round - 1);
  return [...concernPicture([...votes], round).values()]
    .map((v): OrgRoundDelta => {
      const prev = before.get(v.orgId);
      const change: RoundChange = !prev ? 'new' : prev.concern === v.concern ? 'same' : v.concern ? 'raised' : 'resolved';
      return { orgId: v.orgId, change, concern: v.concern };
    })
    .sort((a, b) => orgOrder(a.orgId, b.orgId));
}
