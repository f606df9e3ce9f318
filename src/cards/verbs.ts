import { z } from 'zod';

/**
 * Action.Execute verbs and the data each card action carries. The Teams handlers parse every invoke
 * with these schemas; anything else is rejected with a Dutch message and changes nothing.
 * Input ids are the names of the inline form fields on the case card.
 */
export const VERBS = {
  refresh: 'case.refresh',
  /** "Openen" on a channel message: the personal view where the client does not refresh (Playground). */
  open: 'case.open',
  /** The Details dialog's content in the message itself, for clients that cannot open a dialog. */
  detailsHere: 'case.detailsHere',
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
  /** Opens the close view (cards/close-form.json): the handover form, normal or "ondanks" (issue 15). */
  closeForm: 'case.closeForm',
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
  /** The "Advies aanpassen" dialog's form in the message itself (it submits with `editAdvice`). */
  editAdviceHere: 'advice.editHere',
  sendAdvice: 'advice.send',
  adviceRefresh: 'advice.refresh',
  adviceOpen: 'advice.open',
  decide: 'advice.decide',
  followUp: 'advice.followUp',
  // the Actieoverleg card
  aoRefresh: 'actieoverleg.refresh',
  aoOpen: 'actieoverleg.open',
  aoBecomeOwner: 'actieoverleg.becomeOwner',
  aoEditQuestion: 'actieoverleg.editQuestion',
} as const;

export const INPUTS = {
  contribText: 'contribText',
  contribSource: 'contribSource',
  contribNeedToKnow: 'contribNeedToKnow',
  /** Multi-select (comma-separated org ids): who may read the contribution. */
  contribVisibleTo: 'contribVisibleTo',
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
  /** Closing with a handover (issue 15): the receiving party, what is handed over (multi-select, comma-separated), a note, and why nobody. */
  handoverParty: 'handoverParty',
  handoverItems: 'handoverItems',
  handoverNote: 'handoverNote',
  handoverNoneReason: 'handoverNoneReason',
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
  /** "Ik bevestig dat dit nodig is (need-to-know)": one toggle per form with free text ("true"/"false"). */
  contribPiiConfirm: 'contribPiiConfirm',
  votePiiConfirm: 'votePiiConfirm',
  aoQuestionPiiConfirm: 'aoQuestionPiiConfirm',
  advicePiiConfirm: 'advicePiiConfirm',
  decisionPiiConfirm: 'decisionPiiConfirm',
  followUpPiiConfirm: 'followUpPiiConfirm',
  vtPiiConfirm: 'vtPiiConfirm',
  vtVotePiiConfirm: 'vtVotePiiConfirm',
  /** Multi-select (comma-separated org ids): who may read VT's information. */
  vtVisibleTo: 'vtVisibleTo',
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

export const caseActionDataSchema = z.object({ caseId: caseIdSchema }).strict();

/** Adaptive Card inputs arrive as strings; the toggle as "true"/"false". */
export const addContributionDataSchema = z
  .object({
    caseId: caseIdSchema,
    [INPUTS.contribText]: z.string().optional(),
    [INPUTS.contribSource]: z.string().optional(),
    [INPUTS.contribNeedToKnow]: z.string().optional(),
    [INPUTS.contribPiiConfirm]: z.enum(['true', 'false']).optional(),
    [INPUTS.contribVisibleTo]: z.string().max(200).optional(),
  })
  .strict();

export const voteDataSchema = z
  .object({
    caseId: caseIdSchema,
    [INPUTS.voteReason]: z.string().optional(),
    [INPUTS.voteAcute]: z.enum(['true', 'false']).optional(),
    [INPUTS.votePiiConfirm]: z.enum(['true', 'false']).optional(),
  })
  .strict();

/** Teams adds `msteams` ({ type: 'task/fetch' }) to the data of an Action.Submit that opens a dialog. */
const msteamsKey = z
  .object({ type: z.string().max(40).optional() })
  .strict()
  .optional();

export const dialogFetchDataSchema = z
  .object({
    dialog: z.enum([DIALOGS.newCase, DIALOGS.details, DIALOGS.editAdvice, DIALOGS.adviceDetails]),
    caseId: caseIdSchema.optional(),
    msteams: msteamsKey,
    /** The page of a paged dialog (the advice's Details). */
    page: z.coerce.number().int().min(0).max(1000).optional(),
  })
  .strict()
  .transform(({ msteams: _teams, ...rest }) => rest);

const opt = z.string().optional();

export const leadDataSchema = z.object({ caseId: caseIdSchema, [INPUTS.leadTo]: opt }).strict();
export const addActionDataSchema = z
  .object({
    caseId: caseIdSchema,
    [INPUTS.actionWhat]: opt,
    [INPUTS.actionOrg]: opt,
    [INPUTS.actionDueDate]: opt,
    [INPUTS.actionDueTime]: opt,
  })
  .strict();
export const settleActionDataSchema = z
  .object({
    caseId: caseIdSchema,
    actionId: z
      .string()
      .min(1)
      .max(80)
      .regex(/^[A-Za-z0-9:_-]+$/),
    [INPUTS.actionVerdict]: opt,
  })
  .strict();
export const reAgendaDataSchema = z.object({ caseId: caseIdSchema, [INPUTS.reAgendaDate]: opt, [INPUTS.reAgendaTime]: opt }).strict();
/** The closing fields a close carries (issue 15): who takes the case over and what. */
export const handoverFields = {
  [INPUTS.handoverParty]: opt,
  [INPUTS.handoverItems]: opt,
  [INPUTS.handoverNote]: opt,
  [INPUTS.handoverNoneReason]: opt,
} as const;
export const closeDataSchema = z.object({ caseId: caseIdSchema, [INPUTS.closeReason]: opt, ...handoverFields }).strict();
const toggle = z.enum(['true', 'false']).optional();
export const aoQuestionDataSchema = z
  .object({ caseId: caseIdSchema, [INPUTS.aoQuestion]: opt, [INPUTS.aoQuestionPiiConfirm]: toggle })
  .strict();

export const vtRegionDataSchema = z.object({ caseId: caseIdSchema, [INPUTS.vtRegion]: opt }).strict();
/** Every VT consultation action names the case and the consultation it answers (seq). */
export const vtActionDataSchema = z
  .object({
    caseId: caseIdSchema,
    seq: z.coerce.number().int().min(1).max(1000),
    [INPUTS.vtText]: opt,
    [INPUTS.vtNeedToKnow]: opt,
    [INPUTS.vtPhone]: opt,
    [INPUTS.vtReason]: opt,
    [INPUTS.vtAcute]: z.enum(['true', 'false']).optional(),
    [INPUTS.vtPiiConfirm]: toggle,
    [INPUTS.vtVotePiiConfirm]: toggle,
    [INPUTS.vtVisibleTo]: z.string().max(200).optional(),
  })
  .strict();

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

/**
 * The named fields plus the intervention note/language inputs; any other key is refused as unknown
 * (like every strict card schema), and the notes are gathered into `details`.
 */
const withInterventionDetails = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object(shape)
    .catchall(z.unknown())
    .superRefine((d, ctx) => {
      const extra = Object.keys(d).filter((k) => !(k in shape) && !INTERVENTION_DETAIL_KEY.test(k));
      if (extra.length > 0) ctx.addIssue({ code: z.ZodIssueCode.unrecognized_keys, keys: extra });
      for (const k of Object.keys(d))
        if (INTERVENTION_DETAIL_KEY.test(k) && !interventionDetailValue.safeParse(d[k]).success)
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [k], message: 'too long or not text' });
    })
    .transform((d) => {
      const kept: Record<string, string> = {};
      for (const [k, v] of Object.entries(d)) if (INTERVENTION_DETAIL_KEY.test(k)) kept[k] = v as string;
      const named = Object.fromEntries(
        Object.keys(shape)
          .filter((k) => k in d)
          .map((k) => [k, (d as Record<string, unknown>)[k]]),
      );
      return { ...(named as z.infer<z.ZodObject<T>>), details: interventionDetailsOf(kept) };
    });

const adviceEditShape = {
  caseId: caseIdSchema,
  [INPUTS.adviceSummary]: opt,
  [INPUTS.adviceInterventions]: opt,
  [INPUTS.advicePiiConfirm]: toggle,
};
export const adviceEditDataSchema = withInterventionDetails(adviceEditShape);
/** The "Advies aanpassen" dialog's submit: the same fields next to `dialog` (and what Teams may add). */
export const adviceEditDialogSubmitSchema = withInterventionDetails({
  ...adviceEditShape,
  dialog: z.literal(DIALOGS.editAdvice),
  msteams: msteamsKey,
});
export const decideDataSchema = withInterventionDetails({
  caseId: caseIdSchema,
  [INPUTS.decisionInterventions]: opt,
  [INPUTS.decisionText]: opt,
  [INPUTS.decisionConcern]: opt,
  [INPUTS.decisionPiiConfirm]: toggle,
});
export const followUpDataSchema = z
  .object({
    caseId: caseIdSchema,
    [INPUTS.followUpText]: opt,
    [INPUTS.followUpClose]: z.enum(['true', 'false']).optional(),
    [INPUTS.followUpPiiConfirm]: toggle,
    ...handoverFields,
  })
  .strict();

export type CardDataParse<T> = { ok: true; data: T } | { ok: false; reason: 'unknown_fields' | 'invalid' };

/**
 * Parse the data of a card action strictly: fields the action does not know are refused (reported
 * apart, so the user hears why), like unknown fields in the intake. Never reports the values.
 */
export function parseCardData<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: z.ZodError } },
  raw: unknown,
): CardDataParse<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, reason: parsed.error.issues.some((i) => i.code === 'unrecognized_keys') ? 'unknown_fields' : 'invalid' };
}
