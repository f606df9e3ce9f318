import { z } from 'zod';
import { partnerOrgSchema, type PartnerOrg } from './orgs';
import { acceptingOld } from './old-values';
import { OLD_CONTRIBUTION_SOURCE } from './old-values-aftercare';
import type { PiiKind } from './pii';

export const CONTRIBUTION_SOURCES = ['own_system', 'talk_with_involved', 'report', 'partner_org', 'other'] as const;
export type ContributionSource = (typeof CONTRIBUTION_SOURCES)[number];

/** What a partner submits; the organisation comes from the roster, never from input. */
export const contributionInputSchema = z
  .object({
    text: z.string().trim().min(1).max(2000),
    /** Cards posted before issue 11 item 6 still send the Dutch value: read as the new one. */
    source: acceptingOld(OLD_CONTRIBUTION_SOURCE, z.enum(CONTRIBUTION_SOURCES)),
    needToKnow: z.string().trim().min(10).max(500),
    /** Only these organisations may read it (the author's own always); absent = everyone who may see the case. */
    visibleTo: z.array(partnerOrgSchema).min(1).max(7).optional(),
  })
  .strict();
export type ContributionInput = z.infer<typeof contributionInputSchema>;

/** Contextinformatie: one document per contribution. */
export interface Contribution {
  id: string;
  caseId: string;
  orgId: PartnerOrg;
  authorId: string;
  source: ContributionSource;
  text: string;
  needToKnow: string;
  /** The author confirmed the need-to-know of these likely identifiers in the text (kinds only). */
  piiConfirmed?: PiiKind[];
  createdAt: string;
  /** Restricted to these organisations (plus the author's); absent = unrestricted. */
  visibleTo?: PartnerOrg[];
  /** View only, never stored: the viewer may not read it (text, source and reason are blanked). */
  withheld?: true;
}
