import { z } from 'zod';
import { acceptingOld } from '../old-values';
import { OLD_ACTION_VERDICT } from '../old-values-aftercare';
import { partnerOrgSchema } from '../orgs';

/**
 * Everything a user submits for rounds, regie, closing, door-agenderen and actions. Strict objects:
 * an unknown field is an error, never silently stored. Who acts (organisation, chair role) comes
 * from the roster, never from these inputs.
 */
const isoInstant = z.string().datetime({ offset: true });

/** Closing with buikpijn left must say why (domain: "with that noted"); a word or two is not a reason. */
export const CLOSE_DESPITE_CONCERN_MIN_REASON = 20;
export const MAX_REASON = 1000;

export const actionInputSchema = z
  .object({
    what: z.string().trim().min(3).max(500),
    /** The organisation that must carry the action out (an assignment, not the actor). */
    orgId: partnerOrgSchema,
    dueAt: isoInstant,
  })
  .strict();
export type ActionInput = z.infer<typeof actionInputSchema>;

export const ACTION_VERDICTS = ['done', 'circumstances_changed', 'not_carried_out'] as const;
export type ActionVerdict = (typeof ACTION_VERDICTS)[number];

export const actionVerdictInputSchema = z
  .object({
    actionId: z.string().min(1).max(128),
    /** Cards posted before issue 11 item 6 still send the Dutch value: read as the new one. */
    verdict: acceptingOld(OLD_ACTION_VERDICT, z.enum(ACTION_VERDICTS)),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type ActionVerdictInput = z.infer<typeof actionVerdictInputSchema>;

export const closeDespiteConcernInputSchema = z
  .object({ reason: z.string().trim().min(CLOSE_DESPITE_CONCERN_MIN_REASON).max(MAX_REASON) })
  .strict();
export type CloseDespiteConcernInput = z.infer<typeof closeDespiteConcernInputSchema>;

export const reAgendaInputSchema = z
  .object({
    at: isoInstant,
    note: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type ReAgendaInput = z.infer<typeof reAgendaInputSchema>;

export const caseLeadHandOverInputSchema = z.object({ to: partnerOrgSchema }).strict();
export type CaseLeadHandOverInput = z.infer<typeof caseLeadHandOverInputSchema>;

/** The Actieoverleg's concrete question as edited by the user (the draft comes from the domain). */
export const concreteQuestionInputSchema = z.object({ question: z.string().trim().min(10).max(MAX_REASON) }).strict();
export type ConcreteQuestionInput = z.infer<typeof concreteQuestionInputSchema>;
