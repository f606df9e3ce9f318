import { z } from 'zod';
import type { PartnerOrg } from './orgs';
import type { PiiKind } from './pii';

export const CONTRIBUTION_SOURCES = ['eigen_systeem', 'gesprek_betrokkene', 'melding', 'ketenpartner', 'overig'] as const;

/** What a partner submits; the organisation comes from the roster, never from input. */
export const contributionInputSchema = z
  .object({
    text: z.string().trim().min(1).max(2000),
    source: z.enum(CONTRIBUTION_SOURCES),
    needToKnow: z.string().trim().min(10).max(500),
  })
  .strict();
export type ContributionInput = z.infer<typeof contributionInputSchema>;

/** Contextinformatie: one document per contribution. */
export interface Contribution {
  id: string;
  caseId: string;
  orgId: PartnerOrg;
  authorId: string;
  source: (typeof CONTRIBUTION_SOURCES)[number];
  text: string;
  needToKnow: string;
  /** The author confirmed the need-to-know of these likely identifiers in the text (kinds only). */
  piiConfirmed?: PiiKind[];
  createdAt: string;
}
