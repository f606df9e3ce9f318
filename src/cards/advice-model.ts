import { currentContributionSource } from '../domain/old-values-aftercare';
import type { AdviceDraft, AdviceRecord, Intervention } from '../domain/advice/types';
import { nlCards as t } from '../i18n/nl/cards';
import { nlPrivacy } from '../i18n/nl/privacy';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import { interventionLabel, interventionList, openConcernOrgs, sourceLabel, sourcesText } from './advice-sections';
import type { Color, ContainerStyle } from './elements';
import { formatAmsterdamShort, plain, plainTruncate } from './text';
import { PHASES, type Phase } from '../domain/advice/types';

/**
 * View-model pieces of the advice card (cards/advice.json) and its Details pages: texts with their
 * emphasis, never the layout. No yellow text: what was yellow is now plain text with a sign (⚠), in
 * a box where it needs to stand out.
 */
export interface TextModel {
  text: string;
  color: Color | null;
  weight: 'bolder' | null;
  size: 'small' | 'medium' | null;
  subtle: boolean | null;
  spacing: 'none' | 'small' | 'medium' | null;
}

export const tm = (text: string, o: Partial<Omit<TextModel, 'text'>> = {}): TextModel => ({
  text,
  color: o.color ?? null,
  // Text colour fails WCAG AA in Teams' themes (docs/cards.md): the templates show none; 'attention' becomes bold.
  weight: o.color === 'attention' ? 'bolder' : (o.weight ?? null),
  size: o.size ?? null,
  subtle: o.subtle ?? null,
  spacing: o.spacing ?? null,
});

/** A group of lines in one box (a contribution, a round, a "who" line). */
export interface BlockModel {
  lines: TextModel[];
  style: ContainerStyle | null;
  separator: boolean | null;
  spacing: 'none' | 'small' | 'medium' | null;
}

const block = (lines: TextModel[], o: Partial<Omit<BlockModel, 'lines'>> = {}): BlockModel => ({
  lines,
  style: o.style ?? null,
  separator: o.separator ?? null,
  spacing: o.spacing ?? null,
});

type Draft = AdviceDraft;
const sourceLine = (value: string): TextModel => tm(value, { size: 'small', subtle: true, spacing: 'none' });
const piiMark = (kinds: readonly unknown[] | undefined): TextModel[] =>
  kinds && kinds.length > 0 ? [tm(nlPrivacy.piiConfirmedMark, { size: 'small', spacing: 'none' })] : [];

type Proposed = Draft['interventions'];
function byPhase(interventions: Proposed): [Phase, Proposed][] {
  return PHASES.map((p): [Phase, Proposed] => [p, interventions.filter((i) => i.phase === p)]).filter(([, list]) => list.length > 0);
}

/** The proposed interventions grouped by phase, safety first; a warning when no safety intervention is proposed. */
export function interventionLines(draft: Draft, palette: readonly Intervention[], now: Date, noteMax: number): TextModel[] {
  if (draft.interventions.length === 0) return [tm(t.advice.interventionsNone, { subtle: true, spacing: 'none' })];
  const lines: TextModel[] = [];
  if (!draft.interventions.some((i) => i.phase === 'safety'))
    lines.push(tm(`⚠ ${t.advice.noSafety}`, { color: 'attention', weight: 'bolder', spacing: 'small' }));
  byPhase(draft.interventions).forEach(([phase, list], n) => {
    lines.push(tm(t.advice.phaseHeading(n + 1, t.advice.phases[phase]), { weight: 'bolder', spacing: 'small' }));
    for (const i of list) {
      const note = i.note ? plainTruncate(i.note, noteMax) : undefined;
      lines.push(tm(t.advice.interventionLine(interventionLabel(palette, i.interventionId), note, i.language), { spacing: 'none' }));
    }
  });
  lines.push(sourceLine(t.advice.summarySource(draft.version, formatAmsterdamShort(draft.composedAt, now))));
  return lines;
}

function acuteOf(draft: Draft, ref: Draft['openConcern'][number]['ref']): boolean {
  return draft.rounds.some((r) => r.votes.some((v) => v.ref.id === ref.id && v.ref.at === ref.at && v.acuteUnsafe));
}

/** "Nog buikpijn" per organisation with its reason, round and time; or plainly that nobody has any. */
export function openConcernModel(draft: Draft, now: Date, reasonMax: number): { style: ContainerStyle | null; lines: TextModel[] } {
  if (draft.openConcern.length === 0)
    return { style: null, lines: [tm(`✓ ${t.advice.openConcernNone}`, { color: 'good', weight: 'bolder', spacing: 'medium' })] };
  const lines: TextModel[] = [tm(`⚠ ${t.advice.openConcernHeading(draft.openConcern.length)}`, { weight: 'bolder', color: 'attention' })];
  for (const o of draft.openConcern) {
    const reason = o.reason ? plainTruncate(o.reason, reasonMax) : undefined;
    lines.push(tm(t.advice.openConcernLine(t.orgs[o.orgId], reason), { weight: 'bolder', color: 'attention', spacing: 'small' }));
    const meta = [...(acuteOf(draft, o.ref) ? [`⚠ ${t.advice.acute}`] : []), t.advice.round(o.round), sourceLabel(o.ref, now)].join(' · ');
    lines.push(sourceLine(meta));
  }
  return { style: 'attention', lines };
}

export function patternLines(draft: Draft, now: Date): TextModel[] {
  const lines: TextModel[] = [];
  for (const p of draft.patterns) {
    lines.push(tm(t.advice.patternLine(t.advice.patterns[p.kind], p.detail), { spacing: 'small' }));
    if (p.sources.length > 0) lines.push(sourceLine(sourcesText(p.sources, now)));
  }
  return lines;
}

export function factLines(draft: Draft, now: Date, factMax: number): TextModel[] {
  const lines = draft.facts.map((f) => tm(plainTruncate(f.text, factMax), { spacing: 'none', size: 'small' }));
  const sources = [...new Map(draft.facts.flatMap((f) => f.sources).map((s) => [`${s.kind}:${s.id}`, s])).values()];
  if (sources.length > 0) lines.push(sourceLine(sourcesText(sources, now)));
  return lines;
}

export function newestContributionsFirst(draft: Draft): Draft['contributions'] {
  return [...draft.contributions].reverse();
}

/** "Wie leverde wat": a contribution with its contents inline, and why it was needed. */
export function whoBlock(c: Draft['contributions'][number], now: Date, textMax: number, needMax: number): BlockModel {
  const source = (t.sources as Record<string, string>)[currentContributionSource(c.source)] ?? c.source;
  return block(
    [
      tm(fx.adviceCard.contributionLine(t.orgs[c.orgId], formatAmsterdamShort(c.at, now), source, plainTruncate(c.text, textMax)), {
        size: 'small',
      }),
      tm(fx.adviceCard.needToKnowLine(plainTruncate(c.needToKnow, needMax)), { size: 'small', subtle: true, spacing: 'none' }),
    ],
    { spacing: 'small' },
  );
}

/** One contribution in full (up to `textMax`), with its source and need-to-know reason. */
export function contributionBlock(c: Draft['contributions'][number], now: Date, textMax: number, needMax: number): BlockModel {
  const source = (t.sources as Record<string, string>)[currentContributionSource(c.source)] ?? plain(c.source);
  return block(
    [
      tm(t.contributions.meta(t.orgs[c.orgId], formatAmsterdamShort(c.at, now), source), { size: 'small' }),
      tm(plainTruncate(c.text, textMax), { spacing: 'none' }),
      tm(`**${t.advice.needToKnow}** ${plainTruncate(c.needToKnow, needMax)}`, { size: 'small', subtle: true, spacing: 'none' }),
    ],
    { separator: true, spacing: 'medium' },
  );
}

/** One round of the picture: per organisation its vote (with a word for it, not only a colour), reason and time. */
export function roundBlock(r: Draft['rounds'][number], now: Date, reasonMax: number): BlockModel {
  const lines = r.votes.map((v) => {
    const status = v.concern
      ? v.acuteUnsafe
        ? `${t.advice.voteConcern} · ⚠ ${t.advice.acute}`
        : t.advice.voteConcern
      : `✓ ${t.advice.voteNoConcern}`;
    const reason = v.reason ? ` — ${plainTruncate(v.reason, reasonMax)}` : '';
    return tm(`**${t.orgsShort[v.orgId]}**: ${status}${reason} · ${formatAmsterdamShort(v.ref.at, now)}`, {
      size: 'small',
      spacing: 'none',
      ...(v.concern ? (v.acuteUnsafe ? { color: 'attention' as const } : { weight: 'bolder' as const }) : { color: 'good' as const }),
    });
  });
  return block([tm(t.advice.roundHeading(r.round), { weight: 'bolder' }), ...lines], { spacing: 'small' });
}

/** The OvJ's decision as recorded: interventions, text, the acknowledgement of remaining buikpijn, by "OvJ" and when. */
export function decisionLines(
  advice: AdviceRecord,
  palette: readonly Intervention[],
  now: Date,
  opts: { textMax: number; withFollowUp: boolean },
): TextModel[] {
  const d = advice.decision;
  if (!d) return [];
  const labels = interventionList(d.interventions, palette);
  const lines: TextModel[] = [
    tm(`✓ ${t.advice.decisionHeading}`, { weight: 'bolder', size: 'medium' }),
    tm(t.advice.decisionInterventionsLine(labels || t.advice.decisionNone), { spacing: 'small' }),
  ];
  if (d.freeText) lines.push(tm(t.advice.decisionTextLine(plainTruncate(d.freeText, opts.textMax)), { spacing: 'small' }));
  if (d.concernAcknowledgement) {
    const orgs = openConcernOrgs(advice.draft).map((o) => t.orgs[o]);
    const ack = plainTruncate(d.concernAcknowledgement, opts.textMax);
    lines.push(
      tm(`⚠ ${orgs.length > 0 ? t.advice.decisionAck(orgs.join(t.listSeparator), ack) : t.advice.decisionAckNoOrgs(ack)}`, {
        weight: 'bolder',
        spacing: 'small',
      }),
    );
  }
  lines.push(...piiMark(d.piiConfirmed));
  lines.push(sourceLine(t.advice.decisionBy(formatAmsterdamShort(d.at, now))));
  const f = advice.followUp;
  if (opts.withFollowUp && f?.answer && f.answeredAt) {
    lines.push(
      tm(t.advice.followUpAnswer(formatAmsterdamShort(f.answeredAt, now), plainTruncate(f.answer, opts.textMax)), { spacing: 'small' }),
    );
    lines.push(...piiMark(f.piiConfirmed));
    if (f.closed) lines.push(sourceLine(t.advice.followUpClosed));
  }
  return lines;
}
