import { caseIntakeSchema, CUSTODY_STATUSES, OFFENCE_CATEGORIES, VICTIM_CONTACT, type CaseIntake } from '../domain/case';
import { PERSON_ROLES, type PersonInput, type PersonRole } from '../domain/persons';
import { nlCards } from '../i18n/nl/cards';
import { nlCardsOther } from '../i18n/nl/cards-other';
import { bindTemplate } from './bind';
import { CARD_SCHEMA, type AdaptiveCard } from './types';
import { DIALOGS } from './verbs';

const t = nlCards.newCase;

/** Input ids of the "Nieuwe zaak" form; the dialog submits them as strings next to `dialog`. */
export const NEW_CASE_INPUTS = {
  locationId: 'locationId',
  offenceCategory: 'offenceCategory',
  summary: 'summary',
  persons: 'persons',
  childrenInvolved: 'childrenInvolved',
  childAges: 'childAges',
  weaponMentioned: 'weaponMentioned',
  victimContactSafe: 'victimContactSafe',
  custody: 'custody',
} as const;
export type NewCaseField = keyof typeof NEW_CASE_INPUTS;

export interface NewCaseCardOptions {
  locations: { id: string; name: string }[];
  error?: string;
  /** Submitted values, to show the form again with what the user typed. */
  values?: Partial<Record<NewCaseField, string>>;
  /** Inline (no dialog): the form sits in the message itself and submits with this Action.Execute verb. */
  inlineVerb?: string;
}

const choice = (title: string, value: string) => ({ title, value });

type Choice = { title: string; value: string };
interface SelectModel {
  label: string;
  placeholder: string | null;
  error: string | null;
  choices: Choice[];
  value: string | null;
}
interface TextModel {
  label: string;
  placeholder: string;
  error: string | null;
  value: string | null;
}

/** The view model bound to dialogs/new-case.json. Every label, placeholder and hint is Dutch (src/i18n/nl). */
export interface NewCaseModel {
  schema: string;
  error: { heading: string; text: string } | null;
  intro: string;
  ids: typeof NEW_CASE_INPUTS;
  location: SelectModel;
  offence: SelectModel;
  summary: TextModel;
  persons: TextModel & { hint: string };
  childrenInvolved: { title: string; value: string };
  childAges: TextModel & { hint: string };
  weapon: { title: string; value: string };
  victimContact: SelectModel;
  custody: SelectModel;
  termijnHint: string;
  /** `verb` null: the dialog's Action.Submit; otherwise the inline form's Action.Execute. */
  submit: { title: string; verb: string | null; data: { dialog: string } };
}

export function newCaseModel(opts: NewCaseCardOptions): NewCaseModel {
  const v = opts.values ?? {};
  const only = opts.locations.length === 1 ? opts.locations[0]?.id : undefined;
  const val = (field: NewCaseField, fallback?: string): string | null => v[field] ?? fallback ?? null;
  return {
    schema: CARD_SCHEMA,
    error: opts.error ? { heading: t.errors.heading, text: opts.error } : null,
    intro: t.intro,
    ids: NEW_CASE_INPUTS,
    location: {
      label: t.location,
      placeholder: t.locationPlaceholder,
      error: t.locationError,
      choices: opts.locations.map((l) => choice(l.name, l.id)),
      value: val('locationId', only),
    },
    offence: {
      label: t.offence,
      placeholder: t.offencePlaceholder,
      error: t.offenceError,
      choices: OFFENCE_CATEGORIES.map((o) => choice(nlCards.offences[o], o)),
      value: val('offenceCategory'),
    },
    summary: { label: t.summary, placeholder: t.summaryPlaceholder, error: t.summaryError, value: val('summary') },
    persons: { label: t.persons, placeholder: t.personsPlaceholder, error: t.personsError, value: val('persons'), hint: t.personsHint },
    childrenInvolved: { title: t.childrenInvolved, value: val('childrenInvolved', 'false') ?? 'false' },
    childAges: {
      label: t.childAges,
      placeholder: t.childAgesPlaceholder,
      error: null,
      value: val('childAges'),
      hint: nlCardsOther.newCase.childrenHint,
    },
    weapon: { title: t.weapon, value: val('weaponMentioned', 'false') ?? 'false' },
    victimContact: {
      label: t.victimContact,
      placeholder: null,
      error: null,
      choices: VICTIM_CONTACT.map((c) => choice(nlCards.victimContact[c], c)),
      value: val('victimContactSafe', 'onbekend'),
    },
    custody: {
      label: t.custody,
      placeholder: null,
      error: null,
      choices: CUSTODY_STATUSES.map((c) => choice(nlCards.custody[c], c)),
      value: val('custody', 'onbekend'),
    },
    termijnHint: t.termijnHint,
    submit: { title: t.submit, verb: opts.inlineVerb ?? null, data: { dialog: DIALOGS.newCase } },
  };
}

/** The "Nieuwe zaak" dialog form (dialogs/new-case.json). Persons are role + age only: there is no field for names or birth dates. */
export function buildNewCaseCard(opts: NewCaseCardOptions): AdaptiveCard {
  return bindTemplate('dialogs', 'new-case', newCaseModel(opts));
}

export type NewCaseFormResult = { ok: true; intake: CaseIntake } | { ok: false; errors: string[] };

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** "verdachte 34; slachtoffer; kind (13 jr)" → persons; one Dutch error per unreadable entry. */
export function parsePersons(raw: string): { persons: PersonInput[]; errors: string[] } {
  const entries = raw
    .split(/[;\n]+/)
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  if (entries.length === 0) return { persons: [], errors: [t.errors.personsEmpty] };
  if (entries.length > 20) return { persons: [], errors: [t.errors.personsTooMany] };
  const persons: PersonInput[] = [];
  const errors: string[] = [];
  for (const [index, entry] of entries.entries()) {
    // Entries are short ("kind 13"); anything long is not a role + age, and stays out of the regex.
    const m = entry.length <= 30 ? /^([a-z]+)\s*(?:\(?\s*(\d+)\s*(?:jr|jaar)?\s*\)?)?$/i.exec(entry) : null;
    const role = m?.[1]?.toLowerCase() ?? '';
    if (!m || !isOneOf<PersonRole>(PERSON_ROLES, role)) {
      errors.push(t.errors.personEntry(index + 1));
      continue;
    }
    if (m[2] === undefined) {
      persons.push({ role });
      continue;
    }
    const age = Number(m[2]);
    if (!Number.isInteger(age) || age > 120) errors.push(t.errors.personAge(index + 1));
    else persons.push({ role, age });
  }
  return { persons, errors };
}

/** "13, 9" → [13, 9]; null when any part is not a child's age. */
export function parseChildAges(raw: string): number[] | null {
  const parts = raw.split(/[\s,;]+/).filter((p) => p.length > 0);
  if (parts.length > 20) return null;
  const ages = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : NaN));
  return ages.every((a) => Number.isInteger(a) && a >= 0 && a <= 17) ? ages : null;
}

const fieldLabels: Record<string, string> = {
  locationId: t.location,
  offenceCategory: t.offence,
  summary: t.summary,
  persons: t.persons,
  children: t.childAges,
  victimContactSafe: t.victimContact,
  custody: t.custody,
  externalId: t.fields.externalId,
  intakeAt: t.fields.intakeAt,
};

/**
 * The dialog's submitted strings → a case intake, validated by the same schema as the intake API.
 * `externalId` comes from the caller (generated, e.g. "teams-<uuid>"); the intake time is now.
 */
export function parseNewCaseForm(values: Record<string, unknown>, now: Date, externalId: string): NewCaseFormResult {
  const errors: string[] = [];
  const locationId = str(values[NEW_CASE_INPUTS.locationId]);
  if (!locationId) errors.push(t.errors.location);
  const offence = str(values[NEW_CASE_INPUTS.offenceCategory]);
  if (!isOneOf(OFFENCE_CATEGORIES, offence)) errors.push(t.errors.offence);
  const summary = str(values[NEW_CASE_INPUTS.summary]);
  if (summary.length === 0 || summary.length > 2000) errors.push(t.errors.summary);
  const persons = parsePersons(str(values[NEW_CASE_INPUTS.persons]));
  errors.push(...persons.errors);
  const ages = parseChildAges(str(values[NEW_CASE_INPUTS.childAges]));
  if (ages === null) errors.push(t.errors.childAges);
  const contact = str(values[NEW_CASE_INPUTS.victimContactSafe]) || 'onbekend';
  if (!isOneOf(VICTIM_CONTACT, contact)) errors.push(t.errors.victimContact);
  const custody = str(values[NEW_CASE_INPUTS.custody]) || 'onbekend';
  if (!isOneOf(CUSTODY_STATUSES, custody)) errors.push(t.errors.custody);
  if (errors.length > 0) return { ok: false, errors };

  const childAges = ages ?? [];
  const parsed = caseIntakeSchema.safeParse({
    externalId,
    locationId,
    intakeAt: now.toISOString(),
    offenceCategory: offence,
    hgFlag: true, // the dialog starts HG cases only, like the intake API accepts
    // Ages typed in mean children are involved, even if the toggle was forgotten: the safer reading.
    children: { involved: str(values[NEW_CASE_INPUTS.childrenInvolved]) === 'true' || childAges.length > 0, ages: childAges },
    persons: persons.persons,
    summary,
    weaponMentioned: str(values[NEW_CASE_INPUTS.weaponMentioned]) === 'true',
    victimContactSafe: contact,
    custody,
  });
  if (parsed.success) return { ok: true, intake: parsed.data };
  const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))];
  return { ok: false, errors: fields.map((f) => t.errors.invalid(fieldLabels[f] ?? t.fields.other)) };
}
