import { z } from 'zod';

/**
 * Card verbs and inputs of the Actieoverleg meeting (issue 15). Kept apart from the big verb table in
 * verbs.ts; every name is prefixed so it cannot clash with a verb or input there.
 */
export const AFTERCARE_VERBS = {
  aoMeetingSet: 'actieoverleg.meetingSet',
  aoPrepared: 'actieoverleg.prepared',
} as const;

export const AFTERCARE_INPUTS = {
  meetingDate: 'aoMeetingDate',
  meetingTime: 'aoMeetingTime',
  meetingPlace: 'aoMeetingPlace',
  meetingLink: 'aoMeetingLink',
  preparedBrings: 'aoPreparedBrings',
} as const;

/** The same case id rule as the verbs in verbs.ts. */
const caseIdSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9-]+$/);
const opt = z.string().max(2000).optional();

export const aoMeetingSetDataSchema = z
  .object({
    caseId: caseIdSchema,
    [AFTERCARE_INPUTS.meetingDate]: opt,
    [AFTERCARE_INPUTS.meetingTime]: opt,
    [AFTERCARE_INPUTS.meetingPlace]: opt,
    [AFTERCARE_INPUTS.meetingLink]: opt,
  })
  .strict();

export const aoPreparedDataSchema = z.object({ caseId: caseIdSchema, [AFTERCARE_INPUTS.preparedBrings]: opt }).strict();
