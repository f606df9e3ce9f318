import { DateTime } from 'luxon';
import { nlCards as t } from '../i18n/nl/cards';
import { cardBytes, takeWithinBudget } from './budget';
import { CASE_CARD_LIMITS } from './case-card';
import { actionSet, container, heading, text } from './elements';
import { caseRef } from './sections';
import { formatAmsterdam, plainTruncate } from './text';
import { CARD_SCHEMA, type AdaptiveCard, type CardElement } from './types';
import type { VtMorningSummaryView } from './view';
import { answerLines, consultationStatusColor, consultationStatusParts } from './vt-sections';

/** The summary is posted in the VT day team's channel like a case card: the same byte budget. */
export const VT_SUMMARY_CARD_LIMITS = {
  maxBytes: CASE_CARD_LIMITS.maxBytes,
  question: 300,
} as const;

type Item = VtMorningSummaryView['items'][number];

/** An instant in Amsterdam time ("ma 23 nov 17:00"); anything else as given. */
function moment(value: string): string {
  return DateTime.fromISO(value, { setZone: true }).isValid ? formatAmsterdam(value) : value;
}

/** An open call-back (not yet "teruggebeld") comes first; a done one is an ordinary item. */
export function hasCallBack(item: Pick<Item, 'consultation'>): boolean {
  const c = item.consultation;
  if (c.callBack) return c.callBack.doneAt === undefined;
  return c.answers.some((a) => a.kind === 'bel_terug');
}

/** Call-back requests first (VT still has to follow them up), otherwise in the caller's order. */
export function summaryOrder(items: readonly Item[]): Item[] {
  return [...items.filter(hasCallBack), ...items.filter((i) => !hasCallBack(i))];
}

function children(item: Item): string {
  const f = item.case.facts;
  if (!f.childrenInvolved) return t.no;
  return f.childAges.length > 0 ? `${t.yes} — ${t.safety.childAges(f.childAges)}` : t.yes;
}

function summaryItem(view: VtMorningSummaryView, item: Item): CardElement {
  const c = item.consultation;
  const items: CardElement[] = [
    text(t.vt.summaryItem(caseRef(item.case.id), item.locationName)),
    text(`${t.offences[item.case.facts.offenceCategory]} · ${t.vt.summaryChildren(children(item))}`, {
      spacing: 'none',
      size: 'small',
      ...(item.case.facts.childrenInvolved ? { color: 'attention' as const } : {}),
    }),
    text(t.vt.question(plainTruncate(c.question, VT_SUMMARY_CARD_LIMITS.question)), { size: 'small', spacing: 'small' }),
    text(t.vt.status(consultationStatusParts(c, view.now).join(t.vt.statusSeparator)), {
      size: 'small',
      weight: 'bolder',
      color: consultationStatusColor(c.state),
      spacing: 'none',
    }),
    ...answerLines(c, view.now, { small: true }),
    ...(item.caseLink ? [actionSet([{ type: 'Action.OpenUrl', title: t.vt.toCase, url: item.caseLink }], { spacing: 'small' })] : []),
  ];
  return container(items, { separator: true, spacing: 'medium', ...(hasCallBack(item) ? { style: 'warning' as const } : {}) });
}

/**
 * The next-morning summary for a VT region's day team: every consultation of the evening and
 * night, call-back requests first, each with the case reference and location, offence, children,
 * the question, what happened (with the times) and VT's answers, and a link to the case. Persons
 * do not appear at all; who answered is named by role. What does not fit the budget is counted.
 */
export function buildVtMorningSummaryCard(view: VtMorningSummaryView): AdaptiveCard {
  const card: AdaptiveCard = { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', msteams: { width: 'Full' }, body: [] };
  const head: CardElement[] = [
    heading(t.vt.summaryTitle(view.regionName, moment(view.from), moment(view.to)), { size: 'large', spacing: 'none' }),
  ];
  if (view.items.length === 0) {
    card.body = [...head, text(t.vt.summaryEmpty, { isSubtle: true })];
    return card;
  }
  const ordered = summaryOrder(view.items);
  head.push(text(t.vt.summaryCount(ordered.length, ordered.filter(hasCallBack).length), { isSubtle: true, spacing: 'none' }));
  const items = ordered.map((item) => summaryItem(view, item));
  const note = (n: number) => text(t.vt.summaryMore(n), { isSubtle: true, size: 'small' });
  const budget = VT_SUMMARY_CARD_LIMITS.maxBytes - cardBytes({ ...card, body: head }) - cardBytes(note(items.length));
  const fit = takeWithinBudget(items, budget, cardBytes);
  card.body = [...head, ...fit.taken, ...(fit.omitted > 0 ? [note(fit.omitted)] : [])];
  return card;
}
