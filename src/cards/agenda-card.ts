import { termijnState } from '../domain/rounds';
import { nlCards as t } from '../i18n/nl/cards';
import { cardBytes, takeWithinBudget } from './budget';
import { CASE_CARD_LIMITS } from './case-card';
import { actionSet, badge, column, columns, container, heading, text, type Color } from './elements';
import { caseRef, orgNames } from './sections';
import { formatAmsterdam, formatDayDate, timeLeft } from './text';
import { CARD_SCHEMA, type AdaptiveCard, type CardElement } from './types';
import type { AgendaView } from './view';

/** The agenda is posted like the case card, so it keeps to the same byte budget. */
export const AGENDA_CARD_LIMITS = {
  maxBytes: CASE_CARD_LIMITS.maxBytes,
} as const;

type AgendaItem = AgendaView['items'][number];

function termijnLine(view: AgendaView, item: AgendaItem): CardElement {
  const deadline = item.case.deadline;
  const state = termijnState(deadline, view.now, view.location.reminders.termijnMinutesBefore);
  const left = timeLeft(deadline, view.now);
  if (state === 'verstreken' || left.passed)
    return text(`⚠ ${t.termijn.passed}`, { color: 'attention', weight: 'bolder', spacing: 'none' });
  const color: Color = state === 'bijna' ? 'warning' : 'default';
  return text(t.agenda.termijn(t.termijn.left(left.hours, left.minutes)), {
    color,
    spacing: 'none',
    ...(state === 'bijna' ? { weight: 'bolder' as const } : {}),
  });
}

function agendaItem(view: AgendaView, item: AgendaItem): CardElement {
  const c = item.case;
  const ref = caseRef(c.id);
  const marks: CardElement[] = [
    ...(item.acuteUnsafe ? [badge(`⚠ ${t.votes.acute}`, 'attention')] : []),
    ...(item.escalated ? [badge(t.agenda.actieoverleg, 'accent')] : []),
  ];
  const concern =
    item.concernOrgs.length > 0
      ? text(t.agenda.concern(orgNames(item.concernOrgs, true)), { color: 'warning', weight: 'bolder', spacing: 'none' })
      : text(t.agenda.noConcern, { color: 'good', spacing: 'none' });
  const items: CardElement[] = [
    columns([
      column([text(`**${t.header.caseRef(ref)}** · ${t.offences[c.facts.offenceCategory]}`)], 'stretch', {
        verticalContentAlignment: 'center',
      }),
      ...marks,
    ]),
    termijnLine(view, item),
    concern,
    ...(c.reAgendaAt ? [text(t.reAgenda.at(formatDayDate(c.reAgendaAt)), { size: 'small', isSubtle: true, spacing: 'none' })] : []),
    ...(item.caseLink
      ? [actionSet([{ type: 'Action.OpenUrl', title: t.agenda.toCase(ref), url: item.caseLink }], { spacing: 'small' })]
      : []),
  ];
  return container(items, { separator: true, spacing: 'medium' });
}

/**
 * The agenda of a location: its open cases, each with termijn, buikpijn, acute and Actieoverleg
 * marks and a link to the case card. The ORDER IS THE CALLER'S (by termijn and concern, see
 * AgendaView): this builder does not re-sort. Items that do not fit the byte budget are counted.
 */
export function buildAgendaCard(view: AgendaView): AdaptiveCard {
  const card: AdaptiveCard = { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', msteams: { width: 'Full' }, body: [] };
  const title = view.at ? t.agenda.titleAt(view.location.name, formatAmsterdam(view.at)) : t.agenda.title(view.location.name);
  const head: CardElement[] = [heading(title, { size: 'large', spacing: 'none' })];
  if (view.items.length === 0) {
    card.body = [...head, text(t.agenda.empty, { isSubtle: true })];
    return card;
  }
  head.push(text(t.agenda.count(view.items.length), { isSubtle: true, spacing: 'none' }));
  const items = view.items.map((item) => agendaItem(view, item));
  const note = (n: number) => text(t.agenda.more(n), { isSubtle: true, size: 'small' });
  const budget = AGENDA_CARD_LIMITS.maxBytes - cardBytes({ ...card, body: head }) - cardBytes(note(items.length));
  const fit = takeWithinBudget(items, budget, cardBytes);
  card.body = [...head, ...fit.taken, ...(fit.omitted > 0 ? [note(fit.omitted)] : [])];
  return card;
}
