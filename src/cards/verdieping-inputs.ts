import { z } from 'zod';

/**
 * Verbs and input ids of the shared-reading half of verdieping (issue 14 items 1, 2, 3, 6), and the
 * strict schemas of the data each action carries as it arrives from a card (strings; the toggle as
 * "true"/"false"). The commands in src/app/verdieping parse the values with the domain's schemas; these
 * only admit the known fields, so a forged field (an organisation, a user id) refuses the whole action.
 * Stable names: the e2e test and the dialog templates use them.
 */
export const VD_VERBS = {
  enter: 'verdieping.enter',
  moveHorizon: 'verdieping.moveHorizon',
  proposeReading: 'verdieping.proposeReading',
  confirmReading: 'verdieping.confirmReading',
  setSafety: 'verdieping.setSafety',
  setInvolvement: 'verdieping.setInvolvement',
} as const;

/** The read-only verdieping view (cards/verdieping.json), opened from the case card; audited as a case view. */
export const VD_VIEW_VERB = 'verdieping.open';

export const VD_INPUTS = {
  reason: 'vdReason',
  date: 'vdDate',
  time: 'vdTime',
  note: 'vdNote',
  basedOn: 'rdBasedOn',
  whatHappened: 'rdWhatHappened',
  worries: 'rdWorries',
  protectiveFactors: 'rdProtective',
  unknowns: 'rdUnknowns',
  sharedGoal: 'rdSharedGoal',
  /** Comma-separated contribution ids (Input.ChoiceSet isMultiSelect). */
  contributions: 'rdContributions',
  version: 'rdVersion',
  person: 'sfPerson',
  holderOrg: 'sfHolderOrg',
  receivingParty: 'sfReceivingParty',
  measure: 'sfMeasure',
  status: 'sfStatus',
  checkDate: 'sfCheckDate',
  ivPerson: 'ivPerson',
  violenceForm: 'ivViolenceForm',
  relationship: 'ivRelationship',
  /** An organisation, or "niet" for "not spoken to (yet)". */
  spokenBy: 'ivSpokenBy',
  wishes: 'ivWishes',
  informed: 'ivInformed',
  /** "Ik bevestig ..." after a refusal for personal identifiers (shown only then; ids end in PiiConfirm). */
  readingPiiConfirm: 'rdPiiConfirm',
  safetyPiiConfirm: 'sfPiiConfirm',
  involvementPiiConfirm: 'ivPiiConfirm',
} as const;

/** What was typed into a verdieping form, by input id: re-shown after a refusal so nothing typed is lost. */
export type VerdiepingDraft = Partial<Record<(typeof VD_INPUTS)[keyof typeof VD_INPUTS], string>>;

export const NOT_SPOKEN = 'niet';

const caseId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9-]+$/);
/** A card input: a string, bounded so an oversized value is refused before it reaches a command. */
const str = (max = 2100) => z.string().max(max).optional();
const I = VD_INPUTS;

export const horizonDataSchema = z
  .object({ caseId, [I.reason]: str(40), [I.date]: str(20), [I.time]: str(10), [I.note]: str(600) })
  .strict();
export type HorizonData = z.infer<typeof horizonDataSchema>;

export const proposeReadingDataSchema = z
  .object({
    caseId,
    [I.basedOn]: str(6),
    [I.whatHappened]: str(),
    [I.worries]: str(),
    [I.protectiveFactors]: str(),
    [I.unknowns]: str(),
    [I.sharedGoal]: str(),
    [I.contributions]: str(13_000),
    [I.readingPiiConfirm]: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type ProposeReadingData = z.infer<typeof proposeReadingDataSchema>;

export const confirmReadingDataSchema = z.object({ caseId, [I.version]: str(6) }).strict();
export type ConfirmReadingData = z.infer<typeof confirmReadingDataSchema>;

export const safetyDataSchema = z
  .object({
    caseId,
    [I.person]: str(20),
    [I.holderOrg]: str(20),
    [I.receivingParty]: str(40),
    [I.measure]: str(600),
    [I.status]: str(20),
    [I.checkDate]: str(20),
    [I.safetyPiiConfirm]: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type SafetyData = z.infer<typeof safetyDataSchema>;

export const involvementDataSchema = z
  .object({
    caseId,
    [I.ivPerson]: str(20),
    [I.violenceForm]: str(40),
    [I.relationship]: str(40),
    [I.spokenBy]: str(20),
    [I.wishes]: str(400),
    [I.informed]: z.enum(['true', 'false', '']).optional(),
    [I.involvementPiiConfirm]: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type InvolvementData = z.infer<typeof involvementDataSchema>;

/** "" (an empty card input) is "not given". */
const given = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v);
const intOf = (v: string | undefined): number | string | undefined => {
  const g = given(v);
  return g !== undefined && /^\d{1,6}$/.test(g.trim()) ? Number(g.trim()) : g;
};

/** The command inputs (unparsed shapes the domain schemas then check). */
export const vdInput = {
  horizon: (d: HorizonData) => ({
    reason: given(d[I.reason]),
    date: given(d[I.date]),
    ...(given(d[I.time]) ? { time: given(d[I.time]) } : {}),
    ...(given(d[I.note]) ? { note: given(d[I.note]) } : {}),
  }),
  reading: (d: ProposeReadingData) => ({
    basedOn: intOf(d[I.basedOn]),
    whatHappened: d[I.whatHappened] ?? '',
    worries: d[I.worries] ?? '',
    protectiveFactors: d[I.protectiveFactors] ?? '',
    unknowns: d[I.unknowns] ?? '',
    sharedGoal: d[I.sharedGoal] ?? '',
    contributionIds: (given(d[I.contributions]) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  }),
  confirm: (d: ConfirmReadingData) => ({ version: intOf(d[I.version]) }),
  safety: (d: SafetyData) => ({
    personRef: given(d[I.person]),
    holderOrg: given(d[I.holderOrg]),
    ...(given(d[I.receivingParty]) ? { receivingPartyId: given(d[I.receivingParty]) } : {}),
    measure: given(d[I.measure]),
    status: given(d[I.status]),
    checkDate: given(d[I.checkDate]),
  }),
  involvement: (d: InvolvementData) => {
    const spoken = given(d[I.spokenBy]);
    const informed = given(d[I.informed]);
    return {
      personRef: given(d[I.ivPerson]),
      ...(given(d[I.violenceForm]) ? { violenceForm: given(d[I.violenceForm]) } : {}),
      ...(given(d[I.relationship]) ? { relationship: given(d[I.relationship]) } : {}),
      ...(spoken !== undefined ? { spokenBy: spoken === NOT_SPOKEN ? null : spoken } : {}),
      ...(given(d[I.wishes]) ? { wishes: given(d[I.wishes]) } : {}),
      ...(informed !== undefined ? { informed: informed === 'true' } : {}),
    };
  },
};

/** The confirmation toggle of a form, as the command reads it. */
export const piiConfirmed = (v: string | undefined): boolean => v === 'true';

/** The typed values of a form as a draft (only the form's own inputs; undefined ones left out). */
export function draftOf(d: Record<string, string | undefined>): VerdiepingDraft {
  const ids = new Set<string>(Object.values(VD_INPUTS));
  return Object.fromEntries(Object.entries(d).filter(([k, val]) => ids.has(k) && val !== undefined)) as VerdiepingDraft;
}
