import { AFTERCARE_FIELD, markMeetingPrepared, setActieoverlegMeeting } from '../app/aftercare/meeting';
import type { AppDeps } from '../app/deps';
import type { AppError } from '../app/errors';
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
import { actieoverlegCommandVerb } from './actieoverleg-answer';
import type { CardVerb } from './card-verbs';
import { dutchError } from './errors-nl';

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

/**
 * Rows of the card-verb table for the Actieoverleg meeting; each answers with the actor's Actieoverleg
 * card built from the command's one commit (its view audited in it), a refusal with this area's reason.
 */
export function aftercareCardVerbs(deps: AppDeps): CardVerb[] {
  return [
    actieoverlegCommandVerb(
      deps,
      AFTERCARE_VERBS.aoMeetingSet,
      aoMeetingSetDataSchema,
      (d, aad) =>
        setActieoverlegMeeting(deps, {
          caseId: d.caseId,
          aadObjectId: aad,
          answerView: 'action',
          form: {
            date: d[AFTERCARE_INPUTS.meetingDate],
            time: d[AFTERCARE_INPUTS.meetingTime],
            place: d[AFTERCARE_INPUTS.meetingPlace],
            teamsLink: d[AFTERCARE_INPUTS.meetingLink],
          },
        }),
      nlAftercare.meetingExtra.set,
      aftercareError,
    ),
    actieoverlegCommandVerb(
      deps,
      AFTERCARE_VERBS.aoPrepared,
      aoPreparedDataSchema,
      (d, aad) =>
        markMeetingPrepared(deps, { caseId: d.caseId, aadObjectId: aad, answerView: 'action', brings: d[AFTERCARE_INPUTS.preparedBrings] }),
      nlAftercare.meetingExtra.preparedSaved,
      aftercareError,
    ),
    actieoverlegCommandVerb(
      deps,
      AO_OUTCOME_VERB,
      aoOutcomeDataSchema,
      (d, aad) => {
        const form = outcomeFormSchema.parse(outcomeFormOf(d as AoOutcomeData));
        return recordActieoverlegOutcome(deps, { caseId: d.caseId, aadObjectId: aad, answerView: 'action', form });
      },
      nlAftercare.outcomeExtra.saved,
      aftercareError,
    ),
  ];
}
