import { DateTime } from 'luxon';
import { nlCards as t } from '../i18n/nl/cards';
import { nlCardsOther as o } from '../i18n/nl/cards-other';
import { bindTemplate, cardWithin } from './bind';
import { CASE_CARD_LIMITS } from './case-card';
import { line, type LineModel } from './case-model';
import { caseRef } from './sections';
import { formatAmsterdam, formatAmsterdamShort, plainTruncate } from './text';
import { CARD_SCHEMA, type AdaptiveCard } from './types';
import type { VtMorningSummaryView } from './view';
import { consultationStatusColor, consultationStatusParts } from './vt-sections';

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
  return c.answers.some((a) => a.kind === 'call_back');
}

/** Call-back requests first (VT still has to follow them up), otherwise in the caller's order. */
export function summaryOrder(items: readonly Item[]): Item[] {
  return [...items.filter(hasCallBack), ...items.filter((i) => !hasCallBack(i))];
}

interface SummaryItemModel {
  callBack: boolean;
  ref: string;
  offence: LineModel;
  question: string;
  status: LineModel;
  answers: LineModel[];
  caseLink: { title: string; url: string } | null;
}

/** The view model bound to cards/vt-summary.json. */
export interface VtSummaryModel {
  schema: string;
  /** Line 1 (when there is anything): what the day team has to do first. */
  status: LineModel | null;
  title: string;
  count: string | null;
  empty: string | null;
  items: SummaryItemModel[];
  more: string | null;
}

function children(item: Item): string {
  const f = item.case.facts;
  if (!f.childrenInvolved) return t.no;
  return f.childAges.length > 0 ? `${t.yes} — ${t.safety.childAges(f.childAges)}` : t.yes;
}

function itemModel(view: VtMorningSummaryView, item: Item): SummaryItemModel {
  const c = item.consultation;
  const a = t.vt.answers;
  const kids = item.case.facts.childrenInvolved;
  return {
    callBack: hasCallBack(item),
    ref: t.vt.summaryItem(caseRef(item.case.id), item.locationName),
    offence: line(`${t.offences[item.case.facts.offenceCategory]} · ${t.vt.summaryChildren(children(item))}`, kids ? 'attention' : null),
    question: t.vt.question(plainTruncate(c.question, VT_SUMMARY_CARD_LIMITS.question)),
    status: line(t.vt.status(consultationStatusParts(c, view.now).join(t.vt.statusSeparator)), consultationStatusColor(c.state), 'bolder'),
    answers: c.answers.map((answer) => {
      const at = formatAmsterdamShort(answer.at, view.now);
      if (answer.kind === 'known') return line(a.known(at), 'good', 'bolder');
      if (answer.kind === 'not_known') return line(a.not_known(at));
      return line(answer.phone ? a.call_back(at, answer.phone) : a.callBackNoPhone(at), null, 'bolder');
    }),
    caseLink: item.caseLink ? { title: t.vt.toCase, url: item.caseLink } : null,
  };
}

/** The model with the first `limit` consultations (all by default); items are built only for those. */
export function vtSummaryModel(
  view: VtMorningSummaryView,
  limit = Number.POSITIVE_INFINITY,
  built: Map<Item, SummaryItemModel> = new Map(),
): VtSummaryModel {
  const model = (item: Item): SummaryItemModel => {
    const known = built.get(item);
    if (known) return known;
    const made = itemModel(view, item);
    built.set(item, made);
    return made;
  };
  const title = t.vt.summaryTitle(view.regionName, moment(view.from), moment(view.to));
  if (view.items.length === 0)
    return { schema: CARD_SCHEMA, status: null, title, count: null, empty: t.vt.summaryEmpty, items: [], more: null };
  const ordered = summaryOrder(view.items);
  const callBacks = ordered.filter(hasCallBack).length;
  return {
    schema: CARD_SCHEMA,
    status: callBacks > 0 ? line(o.summary.status(callBacks), 'attention', 'bolder') : line(o.summary.status(0), 'good', 'bolder'),
    title,
    count: t.vt.summaryCount(ordered.length, callBacks),
    empty: null,
    items: ordered.slice(0, limit).map(model),
    more: ordered.length > limit ? t.vt.summaryMore(ordered.length - limit) : null,
  };
}

/**
 * The next-morning summary for a VT region's day team, laid out by cards/vt-summary.json: line 1 the
 * call-backs still to do, then every consultation of the evening and night, call-backs first, each
 * with the case reference and location, offence, children, the question, what happened and VT's
 * answers, and a link to the case. Persons do not appear at all; who answered is named by role.
 * What does not fit the budget is counted.
 */
export function buildVtMorningSummaryCard(view: VtMorningSummaryView): AdaptiveCard {
  const built = new Map<Item, SummaryItemModel>(); // each item's texts are formatted once, whatever is tried
  const render = (k: number) => bindTemplate('cards', 'vt-summary', vtSummaryModel(view, k, built));
  return cardWithin(render, view.items.length, VT_SUMMARY_CARD_LIMITS.maxBytes);
}
