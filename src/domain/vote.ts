import { z } from 'zod';
import type { PartnerOrg } from './orgs';
import type { PiiKind } from './pii';

export const voteInputSchema = z.discriminatedUnion('concern', [
  z
    .object({
      concern: z.literal(true),
      reason: z.string().trim().min(3).max(500),
      acuteUnsafe: z.boolean().default(false),
    })
    .strict(),
  z
    .object({ concern: z.literal(false), reason: z.string().trim().max(500).optional(), acuteUnsafe: z.literal(false).default(false) })
    .strict(),
]);
export type VoteInput = z.infer<typeof voteInputSchema>;

/** Buikpijn vote: one per organisation per round (deterministic id, so a re-vote overwrites). */
export interface ConcernVote {
  id: string;
  caseId: string;
  round: number;
  orgId: PartnerOrg;
  concern: boolean;
  reason?: string;
  /** The voter confirmed the need-to-know of these likely identifiers in the reason (kinds only). */
  piiConfirmed?: PiiKind[];
  acuteUnsafe: boolean;
  voterId: string;
  castAt: string;
}

export function voteId(round: number, orgId: PartnerOrg): string {
  return `vote:${round}:${orgId}`;
}

/** Where one organisation stands in a round (buikpijn / geen buikpijn / niet gestemd); never stored. */
export type VoteState = 'concern' | 'no_concern' | 'not_voted';

/** The buikpijn picture of one round: per organisation its latest vote. */
export function concernPicture(votes: ConcernVote[], round: number): Map<PartnerOrg, ConcernVote> {
  const picture = new Map<PartnerOrg, ConcernVote>();
  for (const v of votes.filter((x) => x.round === round)) {
    const prev = picture.get(v.orgId);
    if (!prev || prev.castAt <= v.castAt) picture.set(v.orgId, v);
  }
  return picture;
}
