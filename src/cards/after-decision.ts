import type { AdviceRecord, Intervention } from '../domain/advice/types';
import type { ActieoverlegOutcome } from '../domain/aftercare/outcome';
import { formatAmsterdamShort } from '../domain/local-time';
import type { PartnerOrg } from '../domain/orgs';
import { nlAfterDecision as t } from '../i18n/nl/after-decision';
import { nlAftercare } from '../i18n/nl/aftercare';
import { nlCards } from '../i18n/nl/cards';
import { interventionList } from './advice-sections';
import { renderPart } from './parts';
import { plainTruncate } from './text';
import type { CardElement } from './types';

/** cards/parts/ao-ovj-decision.json and cards/parts/advice-ao-outcome.json: a heading and lines. */
export interface AfterDecisionPart {
  style: 'emphasis' | 'warning';
  heading: string;
  lines: { text: string; weight: 'bolder' | 'default'; subtle: boolean }[];
}

/** The OvJ's decision as the Actieoverleg card shows it (labels resolved; no names). */
export interface OvjDecisionView {
  at: string;
  interventions: string;
  freeText?: string;
  /** Decided while buikpijn stood: whose, and the OvJ's acknowledgement. */
  despite?: { orgs: PartnerOrg[]; acknowledgement: string };
}

/** The OvJ's recorded decision, if any (the advice's decision), for the Actieoverleg card. */
export function ovjDecisionOf(advice: AdviceRecord | undefined, palette: readonly Intervention[]): OvjDecisionView | undefined {
  const d = advice?.decision;
  if (!advice || !d) return undefined;
  const orgs = [...new Set(advice.draft.openConcern.map((o) => o.orgId))];
  return {
    at: d.at,
    interventions: interventionList(d.interventions, palette),
    ...(d.freeText ? { freeText: d.freeText } : {}),
    ...(d.concernAcknowledgement !== undefined ? { despite: { orgs, acknowledgement: d.concernAcknowledgement } } : {}),
  };
}

const line = (text: string, weight: 'bolder' | 'default' = 'default', subtle = false) => ({ text, weight, subtle });

/** Characters of free text per line: full, and on a crowded (compact) card. */
const TEXT_MAX = { full: 300, compact: 100 } as const;

/**
 * The OvJ's decision on the Actieoverleg card: "Eerder besluit" when it was recorded before the
 * escalation. Decided "ondanks buikpijn": that buikpijn, the OvJ's reason, and that the same buikpijn
 * does not escalate again (src/domain/aftercare/repeat-escalation.ts).
 */
export function aoOvjDecisionPart(
  d: OvjDecisionView | undefined,
  escalationAt: string,
  now: Date,
  compact = false,
): AfterDecisionPart | null {
  if (!d) return null;
  const max = compact ? TEXT_MAX.compact : TEXT_MAX.full;
  const at = formatAmsterdamShort(d.at, now);
  const lines = [line(t.ovj.interventions(d.interventions || t.ovj.none))];
  if (d.freeText) lines.push(line(t.ovj.text(plainTruncate(d.freeText, max))));
  if (d.despite) {
    const orgs = d.despite.orgs.map((o) => nlCards.orgs[o]).join(', ');
    lines.push(line(t.ovj.despite(orgs, plainTruncate(d.despite.acknowledgement, max)), 'bolder'));
    if (d.at < escalationAt) lines.push(line(t.ovj.repeatNote, 'default', true));
  }
  return { style: d.despite ? 'warning' : 'emphasis', heading: d.at < escalationAt ? t.ovj.headingBefore(at) : t.ovj.heading(at), lines };
}

export function aoOvjDecisionElements(d: OvjDecisionView | undefined, escalationAt: string, now: Date, compact = false): CardElement[] {
  const part = aoOvjDecisionPart(d, escalationAt, now, compact);
  return part ? renderPart('ao-ovj-decision', part) : [];
}

/** Decisions and actions listed on the advice card; the rest is counted (the Actieoverleg card has them all). */
const MAX_ITEMS = 6;

/** The Actieoverleg's outcome on the advice card for the OvJ: decisions per phase, who does what by when, ZVH. */
export function adviceAoOutcomePart(o: ActieoverlegOutcome | undefined, now: Date): AfterDecisionPart | null {
  if (!o) return null;
  const ta = nlAftercare.outcome;
  const decisions = o.decisions
    .slice(0, MAX_ITEMS)
    .map((d) => line(t.outcome.decision(ta.subject[d.subject], ta.phase[d.phase], plainTruncate(d.text, TEXT_MAX.compact * 2))));
  const actions = [...o.actions]
    .sort((a, b) => a.due.localeCompare(b.due))
    .slice(0, MAX_ITEMS)
    .map((a) =>
      line(t.outcome.action(nlCards.orgs[a.owner], plainTruncate(a.what, TEXT_MAX.compact), nlAftercare.outcomeExtra.dueOn(a.due))),
    );
  const hidden = Math.max(0, o.decisions.length - MAX_ITEMS) + Math.max(0, o.actions.length - MAX_ITEMS);
  return {
    style: 'emphasis',
    heading: t.outcome.heading(formatAmsterdamShort(o.recordedAt, now), o.revision),
    lines: [
      ...decisions,
      ...(actions.length > 0 ? [line(t.outcome.actionsHeading), ...actions] : []),
      ...(hidden > 0 ? [line(t.outcome.more(hidden), 'default', true)] : []),
      line(ta.zvh(o.zvhCasusregie)),
    ],
  };
}

export function adviceAoOutcomeElements(o: ActieoverlegOutcome | undefined, now: Date): CardElement[] {
  const part = adviceAoOutcomePart(o, now);
  return part ? renderPart('advice-ao-outcome', part) : [];
}
