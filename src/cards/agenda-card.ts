import { termijnState } from '../domain/rounds';
import { nlCards as t } from '../i18n/nl/cards';
import { nlCaseCards as c } from '../i18n/nl/case-cards';
import { cardBytes } from './budget';
import { CASE_CARD_LIMITS } from './case-card';
import type { ContainerStyle } from './elements';
import { caseRef, orgNames } from './sections';
import { renderTemplate } from './template';
import { formatAmsterdam, formatDayDate, timeLeft } from './text';
import type { AdaptiveCard } from './types';
import type { AgendaView } from './view';
import type { NextMoment } from '../domain/verdieping/phase';
import { nlVerdieping } from '../i18n/nl/verdieping';
import { nlVerdiepingRules as rules } from '../i18n/nl/verdieping-rules';

/** The agenda is posted like the case card, so it keeps to the same byte budget. */
export const AGENDA_CARD_LIMITS = {
  maxBytes: CASE_CARD_LIMITS.maxBytes,
} as const;

type AgendaItem = AgendaView['items'][number];
type Weight = 'bolder' | 'default';

/** What one agenda entry shows (bound to `cards/agenda.json`). Colour is never the only signal: every mark is a word. */
export interface AgendaItemModel {
  heading: string;
  /** The entry's box: attention for acute danger, else default. */
  style: ContainerStyle;
  /**
   * The marks in words, on one line under the heading ("⚠ ACUUT ONVEILIG · Kinderen · Actieoverleg"):
   * beside the heading they squeezed it into a narrow column at phone width (issue 12, first screen).
   */
  marks?: string;
  termijn: { text: string; weight: Weight };
  votes: { text: string; weight: Weight };
  reAgenda?: string;
  link?: { title: string; url: string };
}

export interface AgendaCardModel {
  title: string;
  count?: string;
  empty?: string;
  sortNote?: string;
  items: AgendaItemModel[];
  more?: string;
}

function termijnLine(view: AgendaView, item: AgendaItem): AgendaItemModel['termijn'] {
  if (item.next?.kind === 'horizon') return horizonLine(view, item.next);
  const deadline = item.case.deadline;
  const state = termijnState(deadline, view.now, view.location.reminders.termijnMinutesBefore);
  const left = timeLeft(deadline, view.now);
  if (state === 'passed' || left.passed) return { text: `⚠ ${t.termijn.passed}`, weight: 'bolder' };
  const text = t.agenda.termijn(t.termijn.left(left.hours, left.minutes));
  return state === 'near' ? { text: `⏰ ${text}`, weight: 'bolder' } : { text, weight: 'default' };
}

/** A case in verdieping: the next moment and its reason instead of a termijn that passed for good. */
function horizonLine(view: AgendaView, next: Extract<NextMoment, { kind: 'horizon' }>): AgendaItemModel['termijn'] {
  const reason = nlVerdieping.horizonReason[next.reason];
  const state = termijnState(next.at, view.now, view.location.reminders.termijnMinutesBefore);
  if (state === 'passed') return { text: `⚠ ${nlVerdieping.nextMomentPassed(reason)}`, weight: 'bolder' };
  const text = nlVerdieping.nextMoment(formatAmsterdam(next.at), reason);
  return state === 'near' ? { text: `⏰ ${text}`, weight: 'bolder' } : { text, weight: 'default' };
}

/**
 * Where the buikpijn stands: who has it, or how many voted. Never "Geen buikpijn" while nobody has
 * voted: at 21:00 that would read as all clear.
 */
function votesLine(view: AgendaView, item: AgendaItem): AgendaItemModel['votes'] {
  const expected = item.expected ?? view.location.expectedOrgs.length;
  const voted = item.voted;
  if (item.concernOrgs.length > 0) {
    const who = c.agenda.concern(orgNames(item.concernOrgs, true));
    return { text: voted === undefined ? who : `${who} · ${c.agenda.voted(voted, expected)}`, weight: 'bolder' };
  }
  if (voted === undefined || voted === 0) return { text: c.agenda.nobodyVoted(expected), weight: 'bolder' };
  if (voted < expected) return { text: c.agenda.voted(voted, expected), weight: 'default' };
  return { text: c.agenda.noConcern(voted, expected), weight: 'default' };
}

export function agendaItemModel(view: AgendaView, item: AgendaItem): AgendaItemModel {
  const k = item.case;
  const ref = caseRef(k.id);
  const marks = [
    ...(item.acuteUnsafe ? [c.agenda.acute] : []),
    ...(k.facts.childrenInvolved ? [c.agenda.children] : []),
    ...(item.escalated ? [c.agenda.actieoverleg] : []),
    ...(item.vtQuestionOpen ? [c.agenda.vtQuestionOpen] : []),
    ...(item.violation ? [rules.agendaViolation] : []),
    ...(item.openQuestions ? [rules.agendaOpenQuestions(item.openQuestions, rules.age(item.oldestOpenHours ?? 0))] : []),
  ];
  const termijn = termijnLine(view, item);
  return {
    heading: `**${t.header.caseRef(ref)}** · ${t.offences[k.facts.offenceCategory]}`,
    style: item.acuteUnsafe ? 'attention' : 'default',
    ...(marks.length > 0 ? { marks: marks.join(c.status.separator) } : {}),
    termijn,
    votes: votesLine(view, item),
    ...(k.reAgendaAt ? { reAgenda: t.reAgenda.at(formatDayDate(k.reAgendaAt)) } : {}),
    ...(item.caseLink ? { link: { title: t.agenda.toCase(ref), url: item.caseLink } } : {}),
  };
}

/**
 * The agenda's view model: its open cases, each with termijn, buikpijn (or how many voted), acute,
 * children and Actieoverleg marks and a link to the case card. The ORDER IS THE CALLER'S (see
 * `orderAgenda`: acute, children, termijn, buikpijn, not yet voted): this does not re-sort. Items that
 * do not fit the byte budget are counted.
 */
export function agendaCardModel(view: AgendaView): AgendaCardModel {
  const title = view.at ? t.agenda.titleAt(view.location.name, formatAmsterdam(view.at)) : t.agenda.title(view.location.name);
  if (view.items.length === 0) return { title, empty: t.agenda.empty, items: [] };
  return {
    title,
    count: t.agenda.count(view.items.length),
    sortNote: c.agenda.sortNote,
    items: view.items.map((i) => agendaItemModel(view, i)),
  };
}

const render = (model: AgendaCardModel): AdaptiveCard => renderTemplate('cards', 'agenda', model);

/** The agenda card: `cards/agenda.json` bound to `agendaCardModel`, cut to the byte budget (the tail is counted). */
export function buildAgendaCard(view: AgendaView): AdaptiveCard {
  const model = agendaCardModel(view);
  const full = render(model);
  if (cardBytes(full) <= AGENDA_CARD_LIMITS.maxBytes) return full;
  // Per-entry size from the rendered entries (one Container each); keep the head of the list.
  const entries = full.body.filter((e) => (e as { type?: string }).type === 'Container');
  const head = render({ ...model, items: [], more: t.agenda.more(model.items.length) });
  let room = AGENDA_CARD_LIMITS.maxBytes - cardBytes(head);
  let n = 0;
  for (const e of entries) {
    const size = cardBytes(e) + 2;
    if (size > room) break;
    room -= size;
    n++;
  }
  return render({ ...model, items: model.items.slice(0, n), more: t.agenda.more(model.items.length - n) });
}
