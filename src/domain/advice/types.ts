import { z } from 'zod';
import { OLD_PHASE } from '../old-values-advice';
import { acceptingOld } from '../old-values';
import type { PartnerOrg } from '../orgs';

/**
 * The phases of "gefaseerd samenwerken aan veiligheid": the advice is ordered safety first. The
 * criminal-law disposal and procedure (dagvaarding, aanhouden) is no phase of that model: it is its
 * own group, `disposal` (afdoening), listed last (issue 13.12). Stored in Dutch before issue 11 item 6
 * (`veiligheid zorg herstel afdoening`, `OLD_PHASE`); the palette file may still use the old names.
 */
export const PHASES = ['safety', 'care', 'recovery', 'disposal'] as const;
export type Phase = (typeof PHASES)[number];

/** One intervention of the palette (configuration, not code). */
export const interventionSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9-]+$/),
    label: z.string().min(1).max(120),
    phase: acceptingOld(OLD_PHASE, z.enum(PHASES)),
    /** e.g. a personal letter: may be translated into the person's own language. */
    allowsLanguage: z.boolean().default(false),
  })
  .strict();
export type Intervention = z.infer<typeof interventionSchema>;
export const interventionPaletteSchema = z
  .object({ interventions: z.array(interventionSchema).min(1) })
  .strict()
  .refine((p) => new Set(p.interventions.map((i) => i.id)).size === p.interventions.length, { message: 'duplicate intervention id' });

/** Where a statement in the advice comes from: a contribution or a vote, with its time. */
export interface SourceRef {
  kind: 'contribution' | 'vote' | 'intake' | 'earlier_case';
  id: string;
  orgId?: PartnerOrg;
  at: string;
}

/** A pattern the advice points out (stored in Dutch before issue 11 item 6: `OLD_PATTERN_KIND`). */
export const PATTERN_KINDS = ['returning', 'children', 'stalking', 'coercive_control', 'risk_assessment', 'weapon'] as const;
export type PatternKind = (typeof PATTERN_KINDS)[number];

export interface AdvicePattern {
  kind: PatternKind;
  /** Non-personal detail, e.g. "2 eerdere zaken" or the instrument named ("B-SAFER"). */
  detail: string;
  sources: SourceRef[];
}

/** A proposed intervention in the advice (from the palette), with who proposed it and a note. */
export interface ProposedIntervention {
  interventionId: string;
  phase: Phase;
  note?: string;
  language?: string;
}

/** The composed advice for the OvJ: a pure function of the case history (same history, same advice). */
export interface AdviceDraft {
  caseId: string;
  version: number;
  composedAt: string;
  facts: { text: string; sources: SourceRef[] }[];
  contributions: {
    orgId: PartnerOrg;
    at: string;
    source: string;
    text: string;
    needToKnow: string;
    ref: SourceRef;
    /** Restricted contribution: who may read it (the author's organisation always). */
    visibleTo?: PartnerOrg[];
  }[];
  /** Per round, each organisation's vote with its reason; newest round first. */
  rounds: { round: number; votes: { orgId: PartnerOrg; concern: boolean; reason?: string; acuteUnsafe: boolean; ref: SourceRef }[] }[];
  /** Buikpijn that still stands: said plainly, never averaged away. */
  openConcern: { orgId: PartnerOrg; reason?: string; round: number; ref: SourceRef }[];
  patterns: AdvicePattern[];
  /** Ordered safety first, then care, then recovery. */
  interventions: ProposedIntervention[];
  /** Free text of the case lead/chair (editable in the dialog). */
  summary: string;
  /** The author confirmed the need-to-know of these likely identifiers in the summary (kinds only). */
  summaryPiiConfirmed?: import('../pii').PiiKind[];
}

/** The OvJ's decision. */
export interface AdviceDecision {
  at: string;
  by: string;
  interventions: { interventionId: string; note?: string; language?: string }[];
  freeText?: string;
  /** Required when buikpijn remains: the OvJ saw it and says why the decision stands. */
  concernAcknowledgement?: string;
  /** The OvJ confirmed the need-to-know of these likely identifiers in the free text (kinds only). */
  piiConfirmed?: import('../pii').PiiKind[];
}

/** Where the advice is: a draft (concept), sent to the OvJ, decided (stored in Dutch before issue 11 item 6). */
export const ADVICE_STATUSES = ['draft', 'sent', 'decided'] as const;
export type AdviceStatus = (typeof ADVICE_STATUSES)[number];

/** The advice of a case through its life: concept → sent to the OvJ → decided → followed up. */
export interface AdviceRecord {
  caseId: string;
  status: AdviceStatus;
  draft: AdviceDraft;
  draftedBy: string;
  sentAt?: string;
  /** Where the advice card went (1:1 chat with the OvJ or the OvJ channel). */
  adviceRef?: import('../refs').CardRef;
  decision?: AdviceDecision;
  followUp?: {
    askedAt?: string;
    answer?: string;
    answeredBy?: string;
    answeredAt?: string;
    closed?: boolean;
    /** Need-to-know confirmed for these likely identifiers in the answer (kinds only). */
    piiConfirmed?: import('../pii').PiiKind[];
    /** Who was asked (issue 15 item 4): the case lead's organisation and the people of it the question went to 1:1. */
    addressee?: { orgId: import('../orgs').PartnerOrg; aadObjectIds: string[] };
    /** Reminders sent while unanswered, and when the next one is due (none after the last). */
    remindersSent?: number;
    nextReminderAt?: string;
  };
}
