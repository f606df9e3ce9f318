import { z } from 'zod';
import { OLD_HANDED_OVER_ITEM, OLD_RECEIVING_KIND } from '../old-values-advice';
import { acceptingOld } from '../old-values';
import { partnerOrgSchema, type PartnerOrg } from '../orgs';

/**
 * Closing a case names who holds it from now on. The receiving parties come from configuration
 * (per location); "none" is allowed only with a reason.
 */
/** Programme names stay Dutch; `none` was `geen` before issue 11 item 6 (`OLD_RECEIVING_KIND`, also in roster files). */
export const RECEIVING_KINDS = ['save_jeugdbescherming', 'wijkteam', 'zvh', 'mda_plus_plus', 'none'] as const;
export type ReceivingKind = (typeof RECEIVING_KINDS)[number];

/** What was handed over on closing (a card submit value; stored in Dutch before issue 11 item 6: `OLD_HANDED_OVER_ITEM`). */
export const HANDED_OVER_ITEMS = [
  'safety_plan',
  'risk_assessment',
  'actieoverleg_agreements',
  'ovj_advice',
  'contact_person',
  'other',
] as const;
export type HandedOverItem = (typeof HANDED_OVER_ITEMS)[number];

export const MIN_NONE_REASON = 10;
export const MAX_HANDOVER_TEXT = 500;

/** One receiving party in configuration; `teamsOrg` when it is a partner in Teams (it then gets terugkoppeling). */
export const receivingPartySchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9][a-z0-9_-]*$/),
    kind: acceptingOld(OLD_RECEIVING_KIND, z.enum(RECEIVING_KINDS)),
    label: z.string().trim().min(2).max(80),
    teamsOrg: partnerOrgSchema.optional(),
  })
  .strict();
export type ReceivingParty = z.infer<typeof receivingPartySchema>;

/** The configured list: unique ids and exactly one "none" entry (closing without a handover must stay possible). */
export const receivingPartiesSchema = z
  .array(receivingPartySchema)
  .min(1)
  .max(50)
  .superRefine((parties, ctx) => {
    const ids = new Set<string>();
    for (const p of parties) {
      if (ids.has(p.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `duplicate receiving party id ${p.id}` });
      ids.add(p.id);
      if (p.kind === 'none' && p.teamsOrg)
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `receiving party ${p.id} of kind none cannot be in Teams` });
    }
    if (parties.filter((p) => p.kind === 'none').length !== 1)
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'exactly one receiving party of kind none' });
  });

export const handoverInputSchema = z
  .object({
    receivingPartyId: z.string().min(1).max(64),
    handedOver: z
      .array(acceptingOld(OLD_HANDED_OVER_ITEM, z.enum(HANDED_OVER_ITEMS)))
      .max(HANDED_OVER_ITEMS.length)
      .default([]),
    note: z.string().trim().max(MAX_HANDOVER_TEXT).optional(),
    noneReason: z.string().trim().max(MAX_HANDOVER_TEXT).optional(),
  })
  .strict();
export type HandoverInput = z.infer<typeof handoverInputSchema>;

export interface Handover {
  partyId: string;
  kind: ReceivingKind;
  handedOver: HandedOverItem[];
  note?: string;
  noneReason?: string;
  /** The partner organisation in Teams that gets terugkoppeling, if any. */
  notifyOrg?: PartnerOrg;
}

export type HandoverError = 'unknown_party' | 'none_needs_reason' | 'none_hands_nothing' | 'nothing_handed_over' | 'other_needs_note';
export type HandoverResult = { ok: true; handover: Handover } | { ok: false; error: HandoverError };

/**
 * The handover rule. To a party: at least one item handed over ("other" only with a note saying what).
 * To nobody (kind "none"): a reason of at least MIN_NONE_REASON characters and no items.
 */
export function validateHandover(input: HandoverInput, parties: readonly ReceivingParty[]): HandoverResult {
  const party = parties.find((p) => p.id === input.receivingPartyId);
  if (!party) return { ok: false, error: 'unknown_party' };
  const items = HANDED_OVER_ITEMS.filter((i) => input.handedOver.includes(i));
  const note = input.note?.trim() || undefined;
  if (party.kind === 'none') {
    const reason = input.noneReason?.trim() ?? '';
    if (reason.length < MIN_NONE_REASON) return { ok: false, error: 'none_needs_reason' };
    if (items.length > 0) return { ok: false, error: 'none_hands_nothing' };
    return { ok: true, handover: { partyId: party.id, kind: 'none', handedOver: [], noneReason: reason, ...(note ? { note } : {}) } };
  }
  if (items.length === 0) return { ok: false, error: 'nothing_handed_over' };
  if (items.includes('other') && !note) return { ok: false, error: 'other_needs_note' };
  return {
    ok: true,
    handover: {
      partyId: party.id,
      kind: party.kind,
      handedOver: items,
      ...(note ? { note } : {}),
      ...(party.teamsOrg ? { notifyOrg: party.teamsOrg } : {}),
    },
  };
}
