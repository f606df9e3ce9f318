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

/** The outcome form's fixed slots (empty slots are left out by the command). */
export const OUTCOME_FORM_SLOTS = 3;
const slots = Array.from({ length: OUTCOME_FORM_SLOTS }, (_v, i) => i + 1);

export const outcomeInputIds = {
  decisionSubject: (n: number) => `aoOutDec${n}Subject`,
  decisionPhase: (n: number) => `aoOutDec${n}Phase`,
  decisionText: (n: number) => `aoOutDec${n}Text`,
  actionOwner: (n: number) => `aoOutAct${n}Owner`,
  actionWhat: (n: number) => `aoOutAct${n}What`,
  actionDue: (n: number) => `aoOutAct${n}Due`,
  zvh: 'aoOutZvh',
} as const;

export const AO_OUTCOME_VERB = 'actieoverleg.outcome';

export const aoOutcomeDataSchema = z
  .object({
    caseId: caseIdSchema,
    [outcomeInputIds.zvh]: z.enum(['true', 'false']).optional(),
    ...Object.fromEntries(
      slots.flatMap((n) =>
        [
          outcomeInputIds.decisionSubject(n),
          outcomeInputIds.decisionPhase(n),
          outcomeInputIds.decisionText(n),
          outcomeInputIds.actionOwner(n),
          outcomeInputIds.actionWhat(n),
          outcomeInputIds.actionDue(n),
        ].map((id) => [id, opt] as const),
      ),
    ),
  })
  .strict();
export type AoOutcomeData = { caseId: string } & Record<string, string | undefined>;

/** The card's inputs as the command's form (slots in order; nothing interpreted here). */
export function outcomeFormOf(d: AoOutcomeData): {
  decisions: { subject: string; phase: string; text: string }[];
  actions: { owner: string; what: string; due: string }[];
  zvh: boolean;
} {
  return {
    decisions: slots.map((n) => ({
      subject: d[outcomeInputIds.decisionSubject(n)] ?? '',
      phase: d[outcomeInputIds.decisionPhase(n)] ?? '',
      text: d[outcomeInputIds.decisionText(n)] ?? '',
    })),
    actions: slots.map((n) => ({
      owner: d[outcomeInputIds.actionOwner(n)] ?? '',
      what: d[outcomeInputIds.actionWhat(n)] ?? '',
      due: d[outcomeInputIds.actionDue(n)] ?? '',
    })),
    zvh: d[outcomeInputIds.zvh] === 'true',
  };
}
