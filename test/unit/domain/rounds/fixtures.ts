import type { PartnerOrg } from '../../../../src/domain/orgs';
import type { RoundInfo } from '../../../../src/domain/rounds/round';
import { voteId, type ConcernVote } from '../../../../src/domain/vote';

/** Plain-value builders for the rounds tests. Time is minutes after T0. */
export const T0 = '2026-03-02T08:00:00.000Z';
export const at = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
export const h = (hours: number): string => at(hours * 60);

export function vote(orgId: PartnerOrg, round: number, concern: boolean, castAt: string, acuteUnsafe = false): ConcernVote {
  return {
    id: voteId(round, orgId),
    caseId: 'c1',
    round,
    orgId,
    concern,
    ...(concern ? { reason: `zorg ${orgId} r${round}` } : {}),
    acuteUnsafe,
    voterId: `u-${orgId}`,
    castAt,
  };
}

/** Round r starts at hour 2(r-1) and closes an hour later; with lastOpen the newest stays open. */
export function rounds(n: number, lastOpen = false): RoundInfo[] {
  return Array.from({ length: n }, (_, i) => {
    const r: RoundInfo = { number: i + 1, startedAt: h(2 * i), startedBy: 'chair' };
    return lastOpen && i === n - 1 ? r : { ...r, closedAt: h(2 * i + 1), closedReason: 'chair' };
  });
}

/** A vote cast ten minutes into round r (see `rounds`). */
export const inRound = (orgId: PartnerOrg, r: number, concern: boolean, acute = false): ConcernVote =>
  vote(orgId, r, concern, at(120 * (r - 1) + 10), acute);
