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
  // rounds and the case's course (issue: rounds, regie, Actieoverleg)
  startRound: 'case.startRound',
  closeRound: 'case.closeRound',
  takeLead: 'case.takeLead',
  handOverLead: 'case.handOverLead',
  addAction: 'case.addAction',
  settleAction: 'case.settleAction',
  reAgenda: 'case.reAgenda',
  closeCase: 'case.close',
  closeDespiteConcern: 'case.closeDespiteConcern',
  // Veilig Thuis: the desk asks, the on-call member answers in the 1:1 chat
  askVt: 'case.askVt',
  setVtRegion: 'case.setVtRegion',
  /** The desk called VT back after "Bel mij terug". */
  vtCalledBack: 'case.vtCalledBack',
  vtRefresh: 'vt.refresh',
  vtKnown: 'vt.known',
  vtNotKnown: 'vt.notKnown',
  vtCallBack: 'vt.callBack',
  vtConcern: 'vt.concern',
  vtNoConcern: 'vt.noConcern',
  /** Further information after the question was answered (also offered for a refused late answer). */
  vtAddInfo: 'vt.addInfo',
  // advice to the OvJ, decision and terugkoppeling
  draftAdvice: 'case.draftAdvice',
  editAdvice: 'advice.edit',
  sendAdvice: 'advice.send',
  adviceRefresh: 'advice.refresh',
  decide: 'advice.decide',
  followUp: 'advice.followUp',
  // the Actieoverleg card
  aoRefresh: 'actieoverleg.refresh',
  aoBecomeOwner: 'actieoverleg.becomeOwner',
  aoEditQuestion: 'actieoverleg.editQuestion',
} as const;

export const INPUTS = {
  contribText: 'contribText',
  contribSource: 'contribSource',
  contribNeedToKnow: 'contribNeedToKnow',
  voteReason: 'voteReason',
  voteAcute: 'voteAcute',
  leadTo: 'leadTo',
  actionWhat: 'actionWhat',
  actionOrg: 'actionOrg',
  /** Input.Date "YYYY-MM-DD" and Input.Time "HH:mm", read in Europe/Amsterdam. */
  actionDueDate: 'actionDueDate',
  actionDueTime: 'actionDueTime',
  /** Per action: the verdict ChoiceSet id is `actionVerdict` and the data carries { actionId }. */
  actionVerdict: 'actionVerdict',
  reAgendaDate: 'reAgendaDate',
  reAgendaTime: 'reAgendaTime',
  closeReason: 'closeReason',
  aoQuestion: 'aoQuestion',
  vtRegion: 'vtRegion',
  /** Advice: the summary text and the proposed interventions (multi-select, comma-separated ids). */
  adviceSummary: 'adviceSummary',
  adviceInterventions: 'adviceInterventions',
  /** Decision: chosen interventions (multi-select), free text, and the acknowledgement of remaining buikpijn. */
  decisionInterventions: 'decisionInterventions',
  decisionText: 'decisionText',
  decisionConcern: 'decisionConcern',
  /** Follow-up after the decision: what came of it, and whether the case stays open. */
  followUpText: 'followUpText',
  followUpClose: 'followUpClose',
  /** On the VT consultation card: what VT knows, why it is needed, a call-back number, a vote reason. */
  vtText: 'vtText',
  vtNeedToKnow: 'vtNeedToKnow',
  vtPhone: 'vtPhone',
  vtReason: 'vtReason',
  vtAcute: 'vtAcute',
} as const;

/** Task module (dialog) commands, opened with Action.Submit + msteams.type = task/fetch. */
export const DIALOGS = {
  newCase: 'dialog.newCase',
  details: 'dialog.details',
  editAdvice: 'dialog.editAdvice',
  adviceDetails: 'dialog.adviceDetails',
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
  dialog: z.enum([DIALOGS.newCase, DIALOGS.details, DIALOGS.editAdvice, DIALOGS.adviceDetails]),
  caseId: caseIdSchema.optional(),
  /** The page of a paged dialog (the advice's Details). */
  page: z.coerce.number().int().min(0).max(1000).optional(),
});

const opt = z.string().optional();

export const leadDataSchema = z.object({ caseId: caseIdSchema, [INPUTS.leadTo]: opt });
export const addActionDataSchema = z.object({
  caseId: caseIdSchema,
  [INPUTS.actionWhat]: opt,
  [INPUTS.actionOrg]: opt,
  [INPUTS.actionDueDate]: opt,
  [INPUTS.actionDueTime]: opt,
});
export const settleActionDataSchema = z.object({
  caseId: caseIdSchema,
  actionId: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[A-Za-z0-9:_-]+$/),
  [INPUTS.actionVerdict]: opt,
});
export const reAgendaDataSchema = z.object({ caseId: caseIdSchema, [INPUTS.reAgendaDate]: opt, [INPUTS.reAgendaTime]: opt });
export const closeDataSchema = z.object({ caseId: caseIdSchema, [INPUTS.closeReason]: opt });
export const aoQuestionDataSchema = z.object({ caseId: caseIdSchema, [INPUTS.aoQuestion]: opt });

export const vtRegionDataSchema = z.object({ caseId: caseIdSchema, [INPUTS.vtRegion]: opt });
/** Every VT consultation action names the case and the consultation it answers (seq). */
export const vtActionDataSchema = z.object({
  caseId: caseIdSchema,
  seq: z.coerce.number().int().min(1).max(1000),
  [INPUTS.vtText]: opt,
  [INPUTS.vtNeedToKnow]: opt,
  [INPUTS.vtPhone]: opt,
  [INPUTS.vtReason]: opt,
  [INPUTS.vtAcute]: z.enum(['true', 'false']).optional(),
});

/**
 * Per chosen intervention a short note (proeftijd, voorwaarden) and, for the personal letter, its
 * language: inputs `ivNote_<interventionId>` and `ivLang_<interventionId>` (issue 13.7).
 */
export const interventionNoteInput = (interventionId: string): string => `ivNote_${interventionId}`;
export const interventionLanguageInput = (interventionId: string): string => `ivLang_${interventionId}`;
const INTERVENTION_DETAIL_KEY = /^iv(Note|Lang)_([a-z0-9-]{1,64})$/;
/** Other keys are left to the schema; these are strings of bounded length. */
const interventionDetailValue = z.string().max(1000);

/** The notes and languages an advice or decision form sent, per intervention id. */
export function interventionDetailsOf(data: Record<string, unknown>): Record<string, { note?: string; language?: string }> {
  const out: Record<string, { note?: string; language?: string }> = {};
  for (const [key, value] of Object.entries(data)) {
    const m = INTERVENTION_DETAIL_KEY.exec(key);
    if (!m || typeof value !== 'string' || value.trim() === '') continue;
    const id = m[2] as string;
    out[id] = { ...out[id], [m[1] === 'Note' ? 'note' : 'language']: value.trim() };
  }
  return out;
}

/** Keeps only the intervention note/language inputs besides the named fields; anything else is dropped. */
const withInterventionDetails = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object(shape)
    .catchall(z.unknown())
    .transform((d) => {
      const kept: Record<string, string> = {};
      for (const [k, v] of Object.entries(d)) {
        if (INTERVENTION_DETAIL_KEY.test(k) && interventionDetailValue.safeParse(v).success) kept[k] = v as string;
      }
      const named = Object.fromEntries(
        Object.keys(shape)
          .filter((k) => k in d)
          .map((k) => [k, (d as Record<string, unknown>)[k]]),
      );
      return { ...(named as z.infer<z.ZodObject<T>>), details: interventionDetailsOf(kept) };
    });

export const adviceEditDataSchema = withInterventionDetails({
  caseId: caseIdSchema,
  [INPUTS.adviceSummary]: opt,
  [INPUTS.adviceInterventions]: opt,
});
export const decideDataSchema = withInterventionDetails({
  caseId: caseIdSchema,
  [INPUTS.decisionInterventions]: opt,
  [INPUTS.decisionText]: opt,
  [INPUTS.decisionConcern]: opt,
});
export const followUpDataSchema = z.object({
  caseId: caseIdSchema,
  [INPUTS.followUpText]: opt,
  [INPUTS.followUpClose]: z.enum(['true', 'false']).optional(),
});
