import type { Intervention } from '../domain/advice/types';
import { nlCards as t } from '../i18n/nl/cards';
import { nlDialogsInline } from '../i18n/nl/dialogs-inline';
import { nlPrivacy } from '../i18n/nl/privacy';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import { interventionChoices, proposedValue } from './advice-sections';
import { bindTemplate } from './bind';
import { prefill } from './case-course';
import { CASE_ADVICE_LIMITS } from './case-advice';
import { CARD_SCHEMA, type AdaptiveCard } from './types';
import { DIALOGS, INPUTS, VERBS, interventionLanguageInput, interventionNoteInput } from './verbs';
import type { CaseCardView } from './view';

type View = Pick<CaseCardView, 'case' | 'palette' | 'draft' | 'advice'>;

export interface DetailInput {
  id: string;
  label: string;
  placeholder: string;
  max: number;
  value: string | null;
}

/** The view model bound to dialogs/advice-edit.json. */
export interface AdviceEditModel {
  schema: string;
  heading: string;
  summary: { id: string; label: string; placeholder: string; max: number; value: string | null };
  piiConfirm: { id: string; title: string };
  interventions: { id: string; label: string; value: string | null; choices: { title: string; value: string }[]; hint: string } | null;
  /** Per proposed intervention a note and, where the palette allows, the letter's language. */
  details: DetailInput[];
  /**
   * `verb` null: the dialog's Action.Submit (data `{ dialog, caseId }`); otherwise the same form in
   * the message itself, submitting with Action.Execute (data `{ caseId }`, the inline form's schema).
   */
  submit: { title: string; verb: string | null; data: { dialog?: string; caseId: string } };
  /** In the message itself: back to the case card. */
  back: { title: string; verb: string; caseId: string } | null;
}

/** Per proposed intervention a note input and, where the palette allows, the letter's language; ids `ivNote_<id>` / `ivLang_<id>`. */
export function interventionDetailModels(
  proposed: readonly { interventionId: string; note?: string | undefined; language?: string | undefined }[],
  palette: readonly Intervention[],
): DetailInput[] {
  const byId = new Map(palette.map((i) => [i.id, i]));
  const details: DetailInput[] = [];
  for (const p of proposed) {
    const item = byId.get(p.interventionId);
    if (!item) continue;
    const note = (p.note ?? '').slice(0, 300);
    details.push({
      id: interventionNoteInput(item.id),
      label: fx.interventionDetails.noteLabel(item.label),
      placeholder: fx.interventionDetails.notePlaceholder,
      max: 300,
      value: note || null,
    });
    if (item.allowsLanguage) {
      const language = (p.language ?? '').slice(0, 40);
      details.push({
        id: interventionLanguageInput(item.id),
        label: fx.interventionDetails.languageLabel(item.label),
        placeholder: fx.interventionDetails.languagePlaceholder,
        max: 40,
        value: language || null,
      });
    }
  }
  return details;
}

export function adviceEditModel(view: View, opts: { here?: boolean } = {}): AdviceEditModel | undefined {
  const advice = view.advice;
  if (!advice || advice.status !== 'draft') return undefined;
  const palette = view.palette ?? [];
  const summary = prefill(view.draft, INPUTS.adviceSummary).value ?? advice.draft.summary;
  const ids = prefill(view.draft, INPUTS.adviceInterventions).value ?? proposedValue(advice.draft, palette);
  const details = interventionDetailModels(advice.draft.interventions, palette);
  return {
    schema: CARD_SCHEMA,
    heading: t.advice.caseHeading,
    summary: {
      id: INPUTS.adviceSummary,
      label: t.advice.editSummary,
      placeholder: t.advice.editSummaryPlaceholder,
      max: CASE_ADVICE_LIMITS.summaryInput,
      value: summary || null,
    },
    piiConfirm: { id: INPUTS.advicePiiConfirm, title: nlPrivacy.piiConfirmToggle },
    // Without a palette there is nothing to choose; the server then keeps no interventions either way.
    interventions:
      palette.length > 0
        ? {
            id: INPUTS.adviceInterventions,
            label: t.advice.editInterventions,
            value: ids || null,
            choices: interventionChoices(palette),
            hint: fx.interventionDetails.hint,
          }
        : null,
    details: palette.length > 0 ? details : [],
    submit: opts.here
      ? { title: t.advice.editSubmit, verb: VERBS.editAdvice, data: { caseId: view.case.id } }
      : { title: t.advice.editSubmit, verb: null, data: { dialog: DIALOGS.editAdvice, caseId: view.case.id } },
    back: opts.here ? { title: nlDialogsInline.backToCase, verb: VERBS.open, caseId: view.case.id } : null,
  };
}

/**
 * The "Advies aanpassen" dialog (task/fetch DIALOGS.editAdvice), laid out by dialogs/advice-edit.json:
 * the whole summary, the proposal and a note (and language) per proposed intervention. Its
 * Action.Submit sends `{ dialog, caseId, adviceSummary, adviceInterventions, … }`. Only a concept can
 * be edited: undefined otherwise.
 */
export function buildAdviceEditDialog(view: View, opts: { here?: boolean } = {}): AdaptiveCard | undefined {
  const model = adviceEditModel(view, opts);
  return model ? bindTemplate('dialogs', 'advice-edit', model) : undefined;
}
