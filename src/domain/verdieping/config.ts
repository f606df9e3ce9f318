import { z } from 'zod';
import { acceptingOld } from '../old-values';
import { OLD_RISK_LEVEL } from '../old-values-verdieping';

/**
 * Per-location configuration of verdieping (roster file, `locations[].verdieping`): the receiving
 * parties a safety holder can hand to, the extra risk instruments, and the safety rules of the
 * escalation policy. Everything has a default, so existing roster files stay valid.
 */
const partyId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9-]+$/);

export const receivingPartySchema = z.object({ id: partyId, name: z.string().trim().min(1).max(100) }).strict();
export type ReceivingParty = z.infer<typeof receivingPartySchema>;

/** The built-in instruments partners name (domain primer); a location can add its own. */
export const BUILTIN_INSTRUMENTS = ['SASH', 'B-SAFER', 'RiHG'] as const;
const instrumentName = z
  .string()
  .min(2)
  .max(30)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 +-]*$/);

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
/** Deployed roster files and cards posted before issue 11 item 6 may carry the old (Dutch) level: taken as the new one. */
export const riskLevelSchema = acceptingOld(OLD_RISK_LEVEL, z.enum(RISK_LEVELS));

/** The safety rules of the escalation policy (like the round rules in rounds/escalation.ts: thresholds, not code). */
export const safetyEscalationPolicySchema = z
  .object({
    /** A risk instrument outcome at one of these levels escalates; [] switches the rule off. */
    riskLevels: z.array(riskLevelSchema).max(3).default(['high']),
    /** A reported violation of a running measure escalates. */
    violation: z.boolean().default(true),
  })
  .strict();
export type SafetyEscalationPolicy = z.infer<typeof safetyEscalationPolicySchema>;

export const questionReminderPolicySchema = z
  .object({
    afterHours: z.number().int().min(1).max(168).default(24),
    times: z.number().int().min(0).max(5).default(2),
  })
  .strict();
export type QuestionReminderPolicy = z.infer<typeof questionReminderPolicySchema>;

export const DEFAULT_RECEIVING_PARTIES: ReceivingParty[] = [
  { id: 'save', name: 'SAVE / jeugdbescherming' },
  { id: 'wijkteam', name: 'Wijkteam' },
  { id: 'zvh', name: 'Zorg- en Veiligheidshuis' },
  { id: 'mda', name: 'MDA++' },
];

export const verdiepingConfigSchema = z
  .object({
    receivingParties: z.array(receivingPartySchema).max(30).default(DEFAULT_RECEIVING_PARTIES),
    /** Instruments in addition to SASH, B-SAFER and RiHG (e.g. MASIC). */
    extraInstruments: z.array(instrumentName).max(20).default([]),
    safetyEscalation: safetyEscalationPolicySchema.default({}),
    /** The horizon may lie at most this many days ahead. */
    maxHorizonDays: z.number().int().min(1).max(180).default(42),
    /** An informatievraag still open after `afterHours` is reminded 1:1 to the asked organisation, at most `times` times (0: off). */
    questionReminder: questionReminderPolicySchema.default({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (new Set(c.receivingParties.map((p) => p.id)).size !== c.receivingParties.length)
      ctx.addIssue({ code: 'custom', message: 'duplicate receiving party id', path: ['receivingParties'] });
    const all = [...BUILTIN_INSTRUMENTS, ...c.extraInstruments].map((i) => i.toLowerCase());
    if (new Set(all).size !== all.length) ctx.addIssue({ code: 'custom', message: 'duplicate instrument', path: ['extraInstruments'] });
  });
export type VerdiepingConfig = z.infer<typeof verdiepingConfigSchema>;
export const DEFAULT_VERDIEPING_CONFIG: Readonly<VerdiepingConfig> = Object.freeze(verdiepingConfigSchema.parse({}));

export const instrumentsOf = (c: Pick<VerdiepingConfig, 'extraInstruments'>): string[] => [...BUILTIN_INSTRUMENTS, ...c.extraInstruments];
