import type { PartnerOrg } from '../domain/orgs';
import { PARTNER_ORGS } from '../domain/orgs';
import type { PersonRef } from '../domain/verdieping/common';
import type { ReceivingParty } from '../domain/verdieping/config';
import { HORIZON_REASONS } from '../domain/verdieping/phase';
import { RELATIONSHIPS, VIOLENCE_FORMS } from '../domain/verdieping/people';
import { SAFETY_STATUSES } from '../domain/verdieping/safety-plan';
import type { ReadingVersion } from '../domain/verdieping/shared-reading';
import type { VerdiepingSummary } from '../domain/verdieping/summary';
import { nlCards as t } from '../i18n/nl/cards';
import { nlVerdieping as v } from '../i18n/nl/verdieping';
import { nlVerdiepingReading as r } from '../i18n/nl/verdieping-reading';
import { renderOne, renderPart } from './parts';
import { formatAmsterdam, plainTruncate } from './text';
import type { CardElement } from './types';
import { NOT_SPOKEN, VD_INPUTS as I, VD_VERBS, type VerdiepingDraft } from './verdieping-inputs';
import { nlPrivacy } from '../i18n/nl/privacy';
import {
  choiceField,
  dateField,
  textField,
  timeField,
  toggleField,
  type ButtonModel,
  type FormInput,
  type FormModel,
} from './verdieping-form-model';

/**
 * The case card's verdieping (issue 14 items 1, 2, 3, 6): the next moment instead of the dead
 * termijn, the confirmed gezamenlijke duiding first in the picture (short; the whole text in the
 * forms and Details), the safety plan per person (role labels, never names) with who holds it, and
 * "wat ontbreekt". Pure: the app layer builds `VerdiepingCardData` from the one partition read.
 */
export interface VerdiepingCardData {
  summary: VerdiepingSummary;
  persons: PersonRef[];
  receivingParties: ReceivingParty[];
  /** The newest version (confirmed or not): the base a new proposal starts from. */
  latest?: ReadingVersion;
  inVerdieping: boolean;
}

interface VerdiepingViewPart {
  case: { id: string; status: string };
  verdieping?: VerdiepingCardData;
  viewerIsChair?: boolean;
  now: Date;
}

/** How long each part of the duiding may be on the card (the whole text is in Details and the form). */
export const READING_CARD_MAX = 240;
/** At most this many "wat ontbreekt" lines on the card; the rest is counted. */
export const MISSING_CARD_MAX = 6;
/** A crowded card (the lean densities of the case card) shows less: shorter duiding, no measures, fewer lines. */
export const LEAN = { reading: 0, measure: 0, missing: 0 } as const;
const FULL = { reading: READING_CARD_MAX, measure: 120, missing: MISSING_CARD_MAX } as const;

/** The line that replaces the termijn (status line and details) while the case is in verdieping. */
export function nextMomentLine(view: VerdiepingViewPart): { text: string; passed: boolean } | undefined {
  const d = view.verdieping;
  if (!d?.inVerdieping || d.summary.next.kind !== 'horizon') return undefined;
  const reason = v.horizonReason[d.summary.next.reason];
  const passed = d.summary.next.state === 'passed';
  return { text: passed ? `⚠ ${r.card.phasePassed(reason)}` : r.card.phaseLine(formatAmsterdam(d.summary.next.at), reason), passed };
}

/** The next-moment block in Details (where the termijn stands in zsm). */
export function nextMomentSection(view: VerdiepingViewPart): CardElement | undefined {
  const line = nextMomentLine(view);
  if (!line) return undefined;
  const state = view.verdieping?.summary.next.state;
  return renderOne('termijn', {
    style: line.passed ? 'attention' : state === 'near' ? 'warning' : null,
    deadline: line.text,
    left: v.phase.verdieping,
  });
}

const holderText = (orgId: PartnerOrg, partyId: string | undefined, parties: readonly ReceivingParty[]): string => {
  const party = partyId ? parties.find((p) => p.id === partyId)?.name : undefined;
  return party ? r.card.holderWithParty(t.orgs[orgId], party) : t.orgs[orgId];
};

/** The view model of cards/parts/verdieping-picture.json (null parts are left out). */
export function verdiepingPictureModel(d: VerdiepingCardData, lean = false) {
  const max = lean ? LEAN : FULL;
  const s = d.summary;
  const byRef = new Map(d.persons.map((p) => [p.ref, p]));
  const label = (ref: string): string => {
    const p = byRef.get(ref as PersonRef['ref']);
    return p ? v.personLabel(p, d.persons) : ref;
  };
  const confirmed = s.reading.confirmed;
  const reading =
    confirmed || s.reading.pending > 0
      ? {
          title: r.card.readingTitle,
          lines:
            confirmed && max.reading > 0
              ? [
                  { label: v.reading.whatHappened, value: plainTruncate(confirmed.whatHappened, max.reading) },
                  { label: v.reading.worries, value: plainTruncate(confirmed.worries, max.reading) },
                  { label: v.reading.sharedGoal, value: plainTruncate(confirmed.sharedGoal, max.reading) },
                ]
              : [],
          meta: [
            confirmed
              ? r.card.readingVersion(confirmed.version, t.orgs[confirmed.proposedBy.orgId], formatAmsterdam(confirmed.proposedAt))
              : r.card.readingNone,
            ...(s.reading.pending > 0 ? [r.card.readingPending(s.reading.pending)] : []),
            ...(confirmed ? [r.card.fullInDetails] : []),
          ].join(' · '),
        }
      : null;
  const entries = s.safety.entries.filter((e) => e.holder);
  const safety =
    entries.length > 0 || (d.inVerdieping && s.safety.withoutHolder.length > 0)
      ? {
          title: r.card.safetyTitle,
          lines: [
            ...s.safety.withoutHolder.map((ref) => ({ mark: '⚠ ', text: r.card.noHolder(label(ref)), weight: 'bolder' })),
            ...(max.measure === 0 && entries.length > 0 ? [{ mark: '', text: r.card.safetyPlaced(entries.length), weight: null }] : []),
            ...entries
              .filter(() => max.measure > 0)
              .map((e) => ({
                mark: s.safety.toCheck.includes(e.personRef) ? '⏰ ' : '',
                text: r.card.safetyLine(
                  label(e.personRef),
                  holderText(e.holder?.orgId as PartnerOrg, e.holder?.receivingPartyId, d.receivingParties),
                  plainTruncate(e.measure ?? '', max.measure),
                  e.status ? v.safety.status[e.status] : '',
                  e.checkDate ?? '',
                ),
                weight: null,
              })),
          ],
        }
      : null;
  // What is missing is shown only once the case is in verdieping: its lines are not written before.
  const all = d.inVerdieping
    ? v.missingLines(
        s.missing.map((m) => ({ person: byRef.get(m.personRef) as PersonRef, missing: m.missing })).filter((m) => m.person),
        d.persons,
      )
    : [];
  const missing =
    d.inVerdieping && all.length > 0
      ? {
          title: r.card.missingTitle,
          lines: [
            ...all.slice(0, max.missing),
            ...(max.missing === 0
              ? [r.card.missingCount(all.length)]
              : all.length > max.missing
                ? [r.card.moreMissing(all.length - max.missing)]
                : []),
          ],
        }
      : null;
  if (!lean) return { reading, safety, missing };
  // The crowded card: one line (which version is confirmed, how many have a holder, how much is missing),
  // and the people without a holder stay named (by role) — they are the safety risk.
  const summary = [
    confirmed ? r.card.readingShort(confirmed.version) : s.reading.pending > 0 ? r.card.readingNone : null,
    entries.length > 0 ? r.card.safetyShort(entries.length) : null,
    d.inVerdieping && all.length > 0 ? r.card.missingShort(all.length) : null,
  ].filter((x): x is string => x !== null);
  // As on the full card: people without a holder are named once the case is in verdieping or has a plan.
  const danger =
    d.inVerdieping || entries.length > 0
      ? s.safety.withoutHolder.map((ref) => ({ mark: '⚠ ', text: r.card.noHolder(label(ref)), weight: 'bolder' }))
      : [];
  if (summary.length === 0 && danger.length === 0) return { reading: null, safety: null, missing: null };
  return { reading: null, safety: { title: `${v.phase.verdieping}: ${summary.join(' · ')}`, lines: danger }, missing: null };
}

/** The picture's verdieping part (first in the picture): nothing while there is nothing to show. */
export function verdiepingPicture(view: VerdiepingViewPart, lean = false): CardElement[] {
  const d = view.verdieping;
  if (!d) return [];
  const model = verdiepingPictureModel(d, lean);
  if (!model.reading && !model.safety && !model.missing) return [];
  return renderPart('verdieping-picture', model);
}

const choice = (title: string, value: string) => ({ title, value });
const personChoices = (d: VerdiepingCardData) => d.persons.map((p) => choice(v.personLabel(p, d.persons), p.ref));
const orgChoices = () => PARTNER_ORGS.map((o) => choice(t.orgsShort[o], o));
const form = (title: string, inputs: FormInput[], verb: string, data: Record<string, string>): FormModel => ({
  title,
  submit: r.actions.submit,
  verb,
  data,
  style: null,
  inputs,
});

/** A proposal is prefilled with the newest version only when it fits the card; else it starts empty (the full text is in Details). */
export const READING_PREFILL_MAX = 2500;

/**
 * The forms every roster member has in the verdieping view (cards/verdieping.json): propose a
 * duiding version (based on the newest), a safety-plan entry, a person's involvement. Input ids: VD_INPUTS.
 */
export function verdiepingForms(view: VerdiepingViewPart, draft: VerdiepingDraft = {}): FormModel[] {
  const d = view.verdieping;
  if (!d || view.case.status === 'closed') return [];
  const caseId = view.case.id;
  const latest = d.latest;
  const fits = latest
    ? latest.whatHappened.length +
        latest.worries.length +
        latest.protectiveFactors.length +
        latest.unknowns.length +
        latest.sharedGoal.length <=
      READING_PREFILL_MAX
    : false;
  // What was typed (a refused submit) comes back first; else the newest version when it fits.
  const pre = (k: 'whatHappened' | 'worries' | 'protectiveFactors' | 'unknowns' | 'sharedGoal') =>
    draft[I[k]] ?? (fits && latest ? latest[k] : undefined);
  const confirmToggle = (id: (typeof I)[keyof typeof I]) => (draft[id] !== undefined ? [toggleField(id, nlPrivacy.piiConfirmToggle)] : []);
  const propose = form(
    r.actions.propose,
    [
      textField(I.whatHappened, v.reading.whatHappened, 2000, { required: true, multiline: true, value: pre('whatHappened') }),
      textField(I.worries, v.reading.worries, 2000, { required: true, multiline: true, value: pre('worries') }),
      textField(I.protectiveFactors, v.reading.protectiveFactors, 2000, { multiline: true, value: pre('protectiveFactors') }),
      textField(I.unknowns, v.reading.unknowns, 2000, { multiline: true, value: pre('unknowns') }),
      textField(I.sharedGoal, v.reading.sharedGoal, 2000, { required: true, multiline: true, value: pre('sharedGoal') }),
      ...confirmToggle(I.readingPiiConfirm),
    ],
    VD_VERBS.proposeReading,
    { caseId, [I.basedOn]: draft[I.basedOn] ?? String(latest?.version ?? 0) },
  );
  const safety = form(
    r.actions.safety,
    [
      choiceField(I.person, r.labels.person, personChoices(d), { required: true, value: draft[I.person] }),
      choiceField(I.holderOrg, r.labels.holderOrg, orgChoices(), { required: true, value: draft[I.holderOrg] }),
      choiceField(
        I.receivingParty,
        r.labels.receivingParty,
        d.receivingParties.map((p) => choice(p.name, p.id)),
        { value: draft[I.receivingParty] },
      ),
      textField(I.measure, r.labels.measure, 500, { required: true, multiline: true, value: draft[I.measure] }),
      choiceField(
        I.status,
        r.labels.status,
        SAFETY_STATUSES.map((s) => choice(v.safety.status[s], s)),
        { required: true, value: draft[I.status] },
      ),
      dateField(I.checkDate, r.labels.checkDate, { required: true, value: draft[I.checkDate] }),
      ...confirmToggle(I.safetyPiiConfirm),
    ],
    VD_VERBS.setSafety,
    { caseId },
  );
  const involvement = form(
    r.actions.involvement,
    [
      choiceField(I.ivPerson, r.labels.person, personChoices(d), { required: true, value: draft[I.ivPerson] }),
      choiceField(
        I.violenceForm,
        r.labels.violenceForm,
        VIOLENCE_FORMS.map((f) => choice(v.people.violenceForm[f], f)),
        { value: draft[I.violenceForm] },
      ),
      choiceField(
        I.relationship,
        r.labels.relationship,
        RELATIONSHIPS.map((x) => choice(v.people.relationship[x], x)),
        { value: draft[I.relationship] },
      ),
      choiceField(I.spokenBy, r.labels.spokenBy, [choice(r.labels.notSpoken, NOT_SPOKEN), ...orgChoices()], { value: draft[I.spokenBy] }),
      textField(I.wishes, r.labels.wishes, 300, { value: draft[I.wishes] }),
      toggleField(I.informed, r.labels.informed),
      ...confirmToggle(I.involvementPiiConfirm),
    ],
    VD_VERBS.setInvolvement,
    { caseId },
  );
  return [propose, safety, involvement];
}

/** The chair's verdieping controls: take into verdieping / move the next moment, and confirm the newest proposal. */
export function verdiepingChairControls(
  view: VerdiepingViewPart,
  draft: VerdiepingDraft = {},
): { forms: FormModel[]; buttons: ButtonModel[] } {
  const d = view.verdieping;
  if (!d || !view.viewerIsChair || view.case.status === 'closed') return { forms: [], buttons: [] };
  const caseId = view.case.id;
  const horizon = form(
    d.inVerdieping ? r.actions.move : r.actions.enter,
    [
      choiceField(
        I.reason,
        r.labels.reason,
        HORIZON_REASONS.map((x) => choice(v.horizonReason[x], x)),
        { required: true, value: draft[I.reason] },
      ),
      dateField(I.date, r.labels.date, { required: true, value: draft[I.date] }),
      timeField(I.time, r.labels.time, { value: draft[I.time] }),
      textField(I.note, r.labels.note, 500, { value: draft[I.note] }),
    ],
    d.inVerdieping ? VD_VERBS.moveHorizon : VD_VERBS.enter,
    { caseId },
  );
  const confirm: ButtonModel[] =
    d.latest && !d.latest.confirmed
      ? [
          {
            title: r.actions.confirm(d.latest.version),
            verb: VD_VERBS.confirmReading,
            data: { caseId, [I.version]: String(d.latest.version) },
          },
        ]
      : [];
  return { forms: [horizon], buttons: confirm };
}
