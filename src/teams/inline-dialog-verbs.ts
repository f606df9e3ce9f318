import { readCaseDetails, viewCase } from '../views/case-view';
import type { AppDeps } from '../app/deps';
import { buildAdviceEditDialog } from '../cards/advice-edit-dialog';
import { CASE_CARD_LIMITS } from '../cards/case-card';
import { buildDetailsCard } from '../cards/details-card';
import { caseActionDataSchema, VERBS } from '../cards/verbs';
import { nlMessages } from '../i18n/nl';
import { cardVerb, type CardVerb } from './card-verbs';
import { dutchError } from './errors-nl';
import { answerInvoke } from './invoke-response';

/**
 * The dialogs' inline fallbacks, for clients that cannot open a dialog: the Details view and the
 * "Advies aanpassen" form answered in the message itself (Action.Execute), each with "Terug naar de
 * zaak". The form submits with VERBS.editAdvice, the inline form's verb and schema (the dialog's
 * submit schema is the same inputs plus `dialog`). Rows of the card-verb table.
 */
export function inlineDialogVerbs(deps: AppDeps): CardVerb[] {
  return [
    cardVerb({
      verb: VERBS.detailsHere,
      schema: caseActionDataSchema,
      command: (d, actor) => readCaseDetails(deps, d.caseId, actor.aadObjectId),
      answer: {
        kind: 'direct',
        respond: (context, r) =>
          answerInvoke(context, r.ok ? buildDetailsCard(r.value, { here: { maxBytes: CASE_CARD_LIMITS.maxBytes } }) : dutchError(r.error)),
      },
    }),
    cardVerb({
      verb: VERBS.editAdviceHere,
      schema: caseActionDataSchema,
      command: (d, actor) => viewCase(deps, d.caseId, actor.aadObjectId),
      answer: {
        kind: 'direct',
        respond: (context, r) =>
          answerInvoke(
            context,
            r.ok ? (buildAdviceEditDialog(r.value, { here: true }) ?? nlMessages.advice.alreadySent) : dutchError(r.error),
          ),
      },
    }),
  ];
}
