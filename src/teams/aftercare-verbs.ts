import { AFTERCARE_FIELD, markMeetingPrepared, setActieoverlegMeeting } from '../app/aftercare/meeting';
import { viewActieoverleg } from '../views/actieoverleg-view';
import type { AppDeps } from '../app/deps';
import type { AppError, Result } from '../app/errors';
import { buildActieoverlegCard } from '../cards/actieoverleg-card';
import {
  AFTERCARE_INPUTS,
  AFTERCARE_VERBS,
  AO_OUTCOME_VERB,
  aoMeetingSetDataSchema,
  aoOutcomeDataSchema,
  aoPreparedDataSchema,
  outcomeFormOf,
  type AoOutcomeData,
} from '../cards/aftercare-verbs';
import { outcomeFormSchema, recordActieoverlegOutcome } from '../app/aftercare/outcome';
import type { OutcomeError } from '../domain/aftercare/outcome';
import type { MeetingError, PrepareError } from '../domain/aftercare/meeting';
import { nlAftercare } from '../i18n/nl/aftercare';
import { cardVerb, type CardVerb } from './card-verbs';
import { dutchError } from './errors-nl';
import type { Notice, StrictSchema } from './invoke-response';

const MEETING_FORM_FIELDS = new Set(['date', 'time', 'place', 'teamsLink']);

/**
 * The Dutch reason of a refused aftercare action: an aftercare rule (its English code in the field
 * message, never the submitted value), a form that did not parse, else the shared table.
 */
export function aftercareError(error: AppError): string {
  const refusal = error.code === 'invalid_input' ? error.fields?.find((f) => f.path.startsWith(`${AFTERCARE_FIELD}.`)) : undefined;
  if (refusal) {
    const rule = refusal.message;
    const tables: Record<string, Record<string, string>> = {
      [`${AFTERCARE_FIELD}.meeting`]: {
        ...(nlAftercare.meeting.errors satisfies Record<MeetingError, string>),
        ...(nlAftercare.meeting.prepareErrors satisfies Record<PrepareError, string>),
        no_meeting: nlAftercare.meetingExtra.noMeeting,
      },
      [`${AFTERCARE_FIELD}.outcome`]: nlAftercare.outcome.errors satisfies Record<OutcomeError, string>,
    };
    const table = tables[refusal.path];
    if (table && Object.hasOwn(table, rule)) return table[rule] as string;
  }
  if (error.code === 'invalid_input' && (error.fields ?? []).some((f) => MEETING_FORM_FIELDS.has(f.path)))
    return nlAftercare.meetingExtra.invalidForm;
  if (error.code === 'invalid_input' && (error.fields ?? []).some((f) => /^(decisions|actions)\./.test(f.path)))
    return nlAftercare.outcomeExtra.invalidForm;
  return dutchError(error);
}

/** Rows of the card-verb table for the Actieoverleg meeting; each answers with the actor's Actieoverleg card. */
export function aftercareCardVerbs(deps: AppDeps): CardVerb[] {
  const aoVerb = <T extends { caseId: string }, R>(
    verb: string,
    schema: StrictSchema<T>,
    run: (d: T, aad: string | undefined) => Promise<Result<R>>,
    okText: string,
  ): CardVerb =>
    cardVerb<T, R>({
      verb,
      schema,
      command: (d, actor) => run(d, actor.aadObjectId),
      answer: {
        kind: 'card',
        okText,
        render: async (d, aad, notice, failure) => {
          // A refusal gets this area's Dutch reason (the shared table does not know the aftercare rules).
          const shown: Notice | undefined = failure ? { kind: 'attention', text: aftercareError(failure) } : notice;
          const view = await viewActieoverleg(deps, d.caseId, aad, shown, 'action');
          return view.ok ? buildActieoverlegCard(view.value) : (shown?.text ?? dutchError(view.error));
        },
      },
    });
  return [
    aoVerb(
      AFTERCARE_VERBS.aoMeetingSet,
      aoMeetingSetDataSchema,
      (d, aad) =>
        setActieoverlegMeeting(deps, {
          caseId: d.caseId,
          aadObjectId: aad,
          form: {
            date: d[AFTERCARE_INPUTS.meetingDate],
            time: d[AFTERCARE_INPUTS.meetingTime],
            place: d[AFTERCARE_INPUTS.meetingPlace],
            teamsLink: d[AFTERCARE_INPUTS.meetingLink],
          },
        }),
      nlAftercare.meetingExtra.set,
    ),
    aoVerb(
      AFTERCARE_VERBS.aoPrepared,
      aoPreparedDataSchema,
      (d, aad) => markMeetingPrepared(deps, { caseId: d.caseId, aadObjectId: aad, brings: d[AFTERCARE_INPUTS.preparedBrings] }),
      nlAftercare.meetingExtra.preparedSaved,
    ),
    aoVerb(
      AO_OUTCOME_VERB,
      aoOutcomeDataSchema,
      (d, aad) => {
        const form = outcomeFormSchema.parse(outcomeFormOf(d as AoOutcomeData));
        return recordActieoverlegOutcome(deps, { caseId: d.caseId, aadObjectId: aad, form });
      },
      nlAftercare.outcomeExtra.saved,
    ),
  ];
}
