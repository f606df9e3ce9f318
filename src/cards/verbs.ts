import { z } from 'zod';

/**
 * Action.Execute verbs and the data each card action carries. The Teams handlers parse every invoke
 * with these schemas; anything else is rejected with a Dutch message and changes nothing.
 * Input ids are the names of the inline form fields on the case card.
 */
export const VERBS = {
  refresh: 'case.refresh',
  addContribution: 'case.addContribution',
  voteConcern: 'case.voteConcern',
  voteNoConcern: 'case.voteNoConcern',
} as const;

export const INPUTS = {
  contribText: 'contribText',
  contribSource: 'contribSource',
  contribNeedToKnow: 'contribNeedToKnow',
  voteReason: 'voteReason',
  voteAcute: 'voteAcute',
} as const;

/** Task module (dialog) commands, opened with Action.Submit + msteams.type = task/fetch. */
export const DIALOGS = {
  newCase: 'dialog.newCase',
  details: 'dialog.details',
} as const;

const caseIdSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9-]+$/);

export const caseActionDataSchema = z.object({ caseId: caseIdSchema }).passthrough();

/** Adaptive Card inputs arrive as strings; the toggle as "true"/"false". */
export const addContributionDataSchema = z.object({
  caseId: caseIdSchema,
  [INPUTS.contribText]: z.string().optional(),
  [INPUTS.contribSource]: z.string().optional(),
  [INPUTS.contribNeedToKnow]: z.string().optional(),
});

export const voteDataSchema = z.object({
  caseId: caseIdSchema,
  [INPUTS.voteReason]: z.string().optional(),
  [INPUTS.voteAcute]: z.enum(['true', 'false']).optional(),
});

export const dialogFetchDataSchema = z.object({
  dialog: z.enum([DIALOGS.newCase, DIALOGS.details]),
  caseId: caseIdSchema.optional(),
});
