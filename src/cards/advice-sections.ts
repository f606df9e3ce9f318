import { PHASES, type AdviceDraft, type AdviceRecord, type Intervention, type Phase, type SourceRef } from '../domain/advice/types';
import type { PartnerOrg } from '../domain/orgs';
import { nlCards as t } from '../i18n/nl/cards';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import { interventionLanguageInput, interventionNoteInput } from './verbs';
import { container, heading, text } from './elements';
import { formatAmsterdamShort, plain, plainTruncate } from './text';
import { formatDayMonthYear } from '../domain/local-time';
import type { CardElement } from './types';
import { piiConfirmedMark } from './free-text';

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

const sourceLine = (value: string): CardElement => text(value, { size: 'small', isSubtle: true, spacing: 'none' });

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

/** The proposed interventions grouped by phase, safety first; a warning when no safety intervention is proposed. */
export function interventionsSection(draft: Draft, palette: readonly Intervention[], now: Date, noteMax: number): CardElement[] {
  const items: CardElement[] = [heading(t.advice.interventionsHeading)];
  if (draft.interventions.length === 0) {
    items.push(text(t.advice.interventionsNone, { isSubtle: true, spacing: 'none' }));
    return items;
  }
  if (!draft.interventions.some((i) => i.phase === 'veiligheid'))
    items.push(text(t.advice.noSafety, { color: 'warning', weight: 'bolder', spacing: 'small' }));
  byPhase(draft.interventions).forEach(([phase, list], n) => {
    items.push(text(t.advice.phaseHeading(n + 1, t.advice.phases[phase]), { weight: 'bolder', spacing: 'small' }));
    for (const i of list) {
      const note = i.note ? plainTruncate(i.note, noteMax) : undefined;
      items.push(text(t.advice.interventionLine(interventionLabel(palette, i.interventionId), note, i.language), { spacing: 'none' }));
    }
  });
  items.push(sourceLine(t.advice.summarySource(draft.version, formatAmsterdamShort(draft.composedAt, now))));
  return items;
}

// ---- buikpijn ----

/** Whether the vote behind an open concern marked acute unsafety (found in the per-round picture). */
function acuteOf(draft: Draft, ref: SourceRef): boolean {
  return draft.rounds.some((r) => r.votes.some((v) => v.ref.id === ref.id && v.ref.at === ref.at && v.acuteUnsafe));
}

export function openConcernOrgs(draft: Draft): PartnerOrg[] {
  return draft.openConcern.map((o) => o.orgId);
}

/** "Nog buikpijn: Veilig Thuis — reason", per organisation, with its round and time; or plainly that nobody has any. */
export function openConcernSection(draft: Draft, now: Date, reasonMax: number): CardElement[] {
  if (draft.openConcern.length === 0) {
    return [text(`✓ ${t.advice.openConcernNone}`, { color: 'good', weight: 'bolder', spacing: 'medium' })];
  }
  const items: CardElement[] = [
    text(`⚠ ${t.advice.openConcernHeading(draft.openConcern.length)}`, { weight: 'bolder', color: 'attention' }),
  ];
  for (const o of draft.openConcern) {
    const acute = acuteOf(draft, o.ref);
    const reason = o.reason ? plainTruncate(o.reason, reasonMax) : undefined;
    items.push(text(t.advice.openConcernLine(t.orgs[o.orgId], reason), { weight: 'bolder', color: 'attention', spacing: 'small' }));
    const meta = [...(acute ? [`⚠ ${t.advice.acute}`] : []), t.advice.round(o.round), sourceLabel(o.ref, now)].join(' · ');
    items.push(sourceLine(meta));
  }
  return [container(items, { style: 'attention', spacing: 'medium' })];
}

// ---- patterns, facts ----

export function patternsSection(draft: Draft, now: Date): CardElement[] {
  if (draft.patterns.length === 0) return [];
  const items: CardElement[] = [heading(t.advice.patternsHeading)];
  for (const p of draft.patterns) {
    items.push(text(t.advice.patternLine(t.advice.patterns[p.kind], p.detail), { spacing: 'small' }));
    if (p.sources.length > 0) items.push(sourceLine(sourcesText(p.sources, now)));
  }
  return items;
}

/** The facts of the intake (role labels and ages; the police summary shortened to `factMax`). */
export function factsSection(draft: Draft, now: Date, factMax: number): CardElement[] {
  if (draft.facts.length === 0) return [];
  const items: CardElement[] = [heading(t.advice.factsHeading)];
  for (const f of draft.facts) items.push(text(plainTruncate(f.text, factMax), { spacing: 'none', size: 'small' }));
  const sources = [...new Map(draft.facts.flatMap((f) => f.sources).map((s) => [`${s.kind}:${s.id}`, s])).values()];
  if (sources.length > 0) items.push(sourceLine(sourcesText(sources, now)));
  return items;
}

// ---- contributions and rounds ----

/** "**VT** · 21:40 · Eigen systeem — why it was needed": one line per contribution, newest first. */
export function whoLine(c: Draft['contributions'][number], now: Date, needMax: number): CardElement {
  const source = (t.sources as Record<string, string>)[c.source] ?? plain(c.source);
  return text(t.advice.contributionLine(t.orgs[c.orgId], formatAmsterdamShort(c.at, now), source, plainTruncate(c.needToKnow, needMax)), {
    size: 'small',
    spacing: 'small',
  });
}

export function newestContributionsFirst(draft: Draft): Draft['contributions'] {
  return [...draft.contributions].reverse();
}

/** One contribution in full (up to `textMax`), with its source and need-to-know reason. */
export function contributionBlock(c: Draft['contributions'][number], now: Date, textMax: number, needMax: number): CardElement {
  const source = (t.sources as Record<string, string>)[c.source] ?? plain(c.source);
  return container(
    [
      text(t.contributions.meta(t.orgs[c.orgId], formatAmsterdamShort(c.at, now), source), { size: 'small' }),
      text(plainTruncate(c.text, textMax), { spacing: 'none' }),
      text(`**${t.advice.needToKnow}** ${plainTruncate(c.needToKnow, needMax)}`, { size: 'small', isSubtle: true, spacing: 'none' }),
    ],
    { separator: true, spacing: 'medium' },
  );
}

/** One round of the picture: per organisation its vote, reason and time. */
export function roundBlock(r: Draft['rounds'][number], now: Date, reasonMax: number): CardElement {
  const lines = r.votes.map((v) => {
    const status = v.concern
      ? v.acuteUnsafe
        ? `${t.advice.voteConcern} · ⚠ ${t.advice.acute}`
        : t.advice.voteConcern
      : t.advice.voteNoConcern;
    const reason = v.reason ? ` — ${plainTruncate(v.reason, reasonMax)}` : '';
    return text(`**${t.orgsShort[v.orgId]}**: ${status}${reason} · ${formatAmsterdamShort(v.ref.at, now)}`, {
      size: 'small',
      spacing: 'none',
      color: v.concern ? (v.acuteUnsafe ? 'attention' : 'warning') : 'good',
    });
  });
  return container([text(t.advice.roundHeading(r.round), { weight: 'bolder' }), ...lines], { spacing: 'small' });
}

// ---- the decision ----

/** The OvJ's decision as recorded: interventions, text, the acknowledgement of remaining buikpijn, by "OvJ" and when. */
export function decisionSection(
  advice: AdviceRecord,
  palette: readonly Intervention[],
  now: Date,
  opts: { textMax: number; withFollowUp: boolean },
): CardElement[] {
  const d = advice.decision;
  if (!d) return [];
  const labels = interventionList(d.interventions, palette);
  const items: CardElement[] = [
    text(t.advice.decisionHeading, { weight: 'bolder', size: 'medium' }),
    text(t.advice.decisionInterventionsLine(labels || t.advice.decisionNone), { spacing: 'small' }),
  ];
  if (d.freeText) items.push(text(t.advice.decisionTextLine(plainTruncate(d.freeText, opts.textMax)), { spacing: 'small' }));
  if (d.concernAcknowledgement) {
    const orgs = openConcernOrgs(advice.draft).map((o) => t.orgs[o]);
    const ack = plainTruncate(d.concernAcknowledgement, opts.textMax);
    items.push(
      text(orgs.length > 0 ? t.advice.decisionAck(orgs.join(t.listSeparator), ack) : t.advice.decisionAckNoOrgs(ack), {
        color: 'warning',
        spacing: 'small',
      }),
    );
  }
  items.push(...piiConfirmedMark(d.piiConfirmed));
  items.push(sourceLine(t.advice.decisionBy(formatAmsterdamShort(d.at, now))));
  const f = advice.followUp;
  if (opts.withFollowUp && f?.answer && f.answeredAt) {
    items.push(
      text(t.advice.followUpAnswer(formatAmsterdamShort(f.answeredAt, now), plainTruncate(f.answer, opts.textMax)), { spacing: 'small' }),
    );
    items.push(...piiConfirmedMark(f.piiConfirmed));
    if (f.closed) items.push(sourceLine(t.advice.followUpClosed));
  }
  return [container(items, { style: 'good', spacing: 'medium' })];
}

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
  const out: CardElement[] = [];
  for (const p of proposed) {
    const item = byId.get(p.interventionId);
    if (!item) continue;
    const noteId = interventionNoteInput(item.id);
    const note = (typed?.[noteId] ?? p.note ?? '').slice(0, 300);
    out.push({
      type: 'Input.Text',
      id: noteId,
      label: fx.interventionDetails.noteLabel(item.label),
      placeholder: fx.interventionDetails.notePlaceholder,
      maxLength: 300,
      ...(note ? { value: note } : {}),
    });
    if (item.allowsLanguage) {
      const langId = interventionLanguageInput(item.id);
      const language = (typed?.[langId] ?? p.language ?? '').slice(0, 40);
      out.push({
        type: 'Input.Text',
        id: langId,
        label: fx.interventionDetails.languageLabel(item.label),
        placeholder: fx.interventionDetails.languagePlaceholder,
        maxLength: 40,
        ...(language ? { value: language } : {}),
      });
    }
  }
  return out;
}
