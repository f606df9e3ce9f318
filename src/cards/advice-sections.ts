import { renderPart } from './parts';
import { PHASES, type AdviceDraft, type Intervention, type Phase, type SourceRef } from '../domain/advice/types';
import type { PartnerOrg } from '../domain/orgs';
import { nlCards as t } from '../i18n/nl/cards';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import { interventionLanguageInput, interventionNoteInput } from './verbs';
import { formatAmsterdamShort } from './text';
import { formatDayMonthYear } from '../domain/local-time';
import type { CardElement } from './types';

/**
 * Sections of the advice card (at the OvJ) and of the advice part of the case card. They read the
 * composed draft only: facts are role labels and ages, every statement names its source (organisation
 * and time) compactly. Texts arrive whole from the domain; these sections shorten them.
 */

type Draft = AdviceDraft;

// ---- sources ----

/** "VT 21:40", "intake 20:15", "eerdere zaak 1 mrt 2025". */
export function sourceLabel(ref: SourceRef, now: Date): string {
  if (ref.kind === 'intake') return t.advice.sourceIntake(formatAmsterdamShort(ref.at, now));
  if (ref.kind === 'earlier_case') {
    return t.advice.sourceEarlier(formatDayMonthYear(ref.at));
  }
  const org = ref.orgId ? `${t.orgsShort[ref.orgId]} ` : '';
  return `${org}${formatAmsterdamShort(ref.at, now)}`;
}

/** "bron: VT 21:40, Politie 21:45, +2" — at most `max` sources named. */
export function sourcesText(refs: readonly SourceRef[], now: Date, max = 3): string {
  const named = refs.slice(0, max).map((r) => sourceLabel(r, now));
  const more = refs.length > max ? [t.advice.sourceMore(refs.length - max)] : [];
  return t.advice.source([...named, ...more].join(t.listSeparator));
}

// ---- interventions ----

/** Label of an intervention; an id no longer in the palette shows as itself. */
export function interventionLabel(palette: readonly Intervention[], id: string): string {
  return palette.find((i) => i.id === id)?.label ?? id;
}

/** The palette ordered veiligheid → zorg → herstel (palette order within a phase). */
export function paletteInPhaseOrder(palette: readonly Intervention[]): Intervention[] {
  return palette
    .map((i, n) => ({ i, n }))
    .sort((a, b) => PHASES.indexOf(a.i.phase) - PHASES.indexOf(b.i.phase) || a.n - b.n)
    .map((x) => x.i);
}

/** The ids of the proposed interventions that are still in the palette, as a multi-select ChoiceSet value. */
export function proposedValue(draft: Draft, palette: readonly Intervention[]): string {
  const known = new Set(palette.map((i) => i.id));
  return draft.interventions
    .map((i) => i.interventionId)
    .filter((id) => known.has(id))
    .join(',');
}

export function interventionChoices(palette: readonly Intervention[]): { title: string; value: string }[] {
  return paletteInPhaseOrder(palette).map((i) => ({ title: `${t.advice.phases[i.phase]}: ${i.label}`, value: i.id }));
}

type Proposed = Draft['interventions'];

function byPhase(interventions: Proposed): [Phase, Proposed][] {
  return PHASES.map((p): [Phase, Proposed] => [p, interventions.filter((i) => i.phase === p)]).filter(([, list]) => list.length > 0);
}

/** "Veiligheid: Contactverbod, Tijdelijk huisverbod · Zorg: Reclasseringstoezicht" (one line, for the case card). */
export function proposalLine(interventions: Proposed, palette: readonly Intervention[]): string {
  return byPhase(interventions)
    .map(
      ([phase, list]) =>
        `${t.advice.phases[phase]}: ${list.map((i) => interventionLabel(palette, i.interventionId)).join(t.listSeparator)}`,
    )
    .join(' · ');
}

// ---- buikpijn ----

export function openConcernOrgs(draft: Draft): PartnerOrg[] {
  return draft.openConcern.map((o) => o.orgId);
}

// ---- patterns, facts ----

// ---- contributions and rounds ----

// ---- the decision ----

/** Labels of chosen interventions, in phase order (veiligheid → zorg → herstel), comma-separated. */
export function interventionList(chosen: readonly { interventionId: string }[], palette: readonly Intervention[]): string {
  const order = paletteInPhaseOrder(palette).map((i) => i.id);
  const rank = (id: string) => {
    const n = order.indexOf(id);
    return n < 0 ? order.length : n;
  };
  return [...chosen]
    .sort((a, b) => rank(a.interventionId) - rank(b.interventionId))
    .map((i) => interventionLabel(palette, i.interventionId))
    .join(t.listSeparator);
}

/** One input of `cards/parts/intervention-details.json`: a note, or the letter's language, of one intervention. */
export interface InterventionDetailInput {
  id: string;
  label: string;
  placeholder: string;
  maxLength: number;
  /** What the advice (or the user) says already; null: empty. */
  value: string | null;
}

/**
 * Per proposed intervention a note input (and, where the palette allows, the letter's language),
 * prefilled with what the advice (or `typed`) says; ids `ivNote_<id>` / `ivLang_<id>`.
 */
export function interventionDetailInputs(
  proposed: Draft['interventions'],
  palette: readonly Intervention[],
  typed?: Record<string, string | undefined>,
): CardElement[] {
  const byId = new Map(palette.map((i) => [i.id, i]));
  const inputs: InterventionDetailInput[] = [];
  for (const p of proposed) {
    const item = byId.get(p.interventionId);
    if (!item) continue;
    const noteId = interventionNoteInput(item.id);
    const note = (typed?.[noteId] ?? p.note ?? '').slice(0, 300);
    inputs.push({
      id: noteId,
      label: fx.interventionDetails.noteLabel(item.label),
      placeholder: fx.interventionDetails.notePlaceholder,
      maxLength: 300,
      value: note || null,
    });
    if (item.allowsLanguage) {
      const langId = interventionLanguageInput(item.id);
      const language = (typed?.[langId] ?? p.language ?? '').slice(0, 40);
      inputs.push({
        id: langId,
        label: fx.interventionDetails.languageLabel(item.label),
        placeholder: fx.interventionDetails.languagePlaceholder,
        maxLength: 40,
        value: language || null,
      });
    }
  }
  return inputs.length > 0 ? renderPart('intervention-details', { inputs }) : [];
}
