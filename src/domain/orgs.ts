import { z } from 'zod';

/** The ZSM partner organisations (ketenpartners) plus Veilig Thuis for HG cases. */
export const PARTNER_ORGS = ['politie', 'om', '3ro', 'rvdk', 'shn', 'halt', 'vt'] as const;
export const partnerOrgSchema = z.enum(PARTNER_ORGS);
export type PartnerOrg = z.infer<typeof partnerOrgSchema>;
