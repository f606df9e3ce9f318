import type { Contribution } from '../domain/contribution';
import { PARTNER_ORGS, type PartnerOrg } from '../domain/orgs';
import { concernPicture, type ConcernVote } from '../domain/vote';
import { nlCards as t } from '../i18n/nl/cards';
import { badge, column, columns, container, heading, text, type Color } from './elements';
import { formatAmsterdam, timeLeft, truncate } from './text';
import type { CardElement } from './types';
import type { CaseCardView } from './view';

/** Sections shared by the case card and the details dialog. Persons appear only as role + age. */

export function noticeSection(notice: NonNullable<CaseCardView['notice']>): CardElement {
  return container([text(notice.text, { weight: 'bolder', color: notice.kind })], { style: notice.kind });
}

export function caseRef(caseId: string): string {
  return caseId.slice(0, 8);
}

export function headerSection(view: CaseCardView): CardElement {
  const c = view.case;
  const badges: CardElement[] = [];
  if (c.hgFlag) badges.push(badge(t.header.hg, 'attention'));
  if (c.kmFlag) badges.push(badge(t.header.km, 'warning'));
  if (c.status === 'closed') badges.push(badge(t.header.closed, 'emphasis'));
  return columns([
    ...badges,
    column(
      [
        text(t.offences[c.facts.offenceCategory], { weight: 'bolder', size: 'medium' }),
        text(`${view.location.name} · ${t.header.caseRef(caseRef(c.id))}`, { isSubtle: true, spacing: 'none', size: 'small' }),
      ],
      'stretch',
      { verticalContentAlignment: 'center' },
    ),
  ]);
}

export function termijnSection(view: CaseCardView): CardElement {
  const left = timeLeft(view.case.deadline, view.now);
  const deadline = text(t.termijn.deadline(formatAmsterdam(view.case.deadline)), { weight: 'bolder' });
  if (left.passed) {
    return container(
      [columns([column([deadline]), column([text(`⚠ ${t.termijn.passed}`, { weight: 'bolder', color: 'attention' })], 'auto')])],
      {
        style: 'attention',
        spacing: 'medium',
      },
    );
  }
  const color: Color = left.hours < 1 ? 'warning' : 'good';
  return container(
    [columns([column([deadline]), column([text(t.termijn.left(left.hours, left.minutes), { weight: 'bolder', color })], 'auto')])],
    {
      spacing: 'medium',
    },
  );
}

type Level = 'risk' | 'unknown' | 'ok';

function safetyLine(label: string, value: string, level: Level): CardElement {
  const color: Color = level === 'risk' ? 'attention' : level === 'unknown' ? 'warning' : 'default';
  const mark = level === 'risk' ? '⚠ ' : '';
  return text(`${mark}**${label}:** ${value}`, { color, spacing: 'small', ...(level === 'risk' ? { weight: 'bolder' as const } : {}) });
}

export function safetySection(view: CaseCardView): CardElement {
  const f = view.case.facts;
  const children = f.childrenInvolved ? (f.childAges.length > 0 ? `${t.yes} — ${t.safety.childAges(f.childAges)}` : t.yes) : t.no;
  const contact: Level = f.victimContactSafe === 'nee' ? 'risk' : f.victimContactSafe === 'onbekend' ? 'unknown' : 'ok';
  // A suspect sent home may be back with the victim tonight; that is the risk to see.
  const custody: Level = f.custody === 'heengezonden' ? 'risk' : f.custody === 'onbekend' ? 'unknown' : 'ok';
  return container(
    [
      text(t.safety.heading, { weight: 'bolder' }),
      safetyLine(t.safety.children, children, f.childrenInvolved ? 'risk' : 'ok'),
      safetyLine(t.safety.weapon, f.weaponMentioned ? t.yes : t.no, f.weaponMentioned ? 'risk' : 'ok'),
      safetyLine(t.safety.victimContact, t.victimContact[f.victimContactSafe], contact),
      safetyLine(t.safety.custody, t.custody[f.custody], custody),
    ],
    { style: 'emphasis', spacing: 'medium' },
  );
}

export function personsLine(view: CaseCardView): string {
  const labels = view.case.persons.map((p) => (p.age === undefined ? t.roles[p.role] : t.facts.personWithAge(t.roles[p.role], p.age)));
  return labels.length > 0 ? labels.join(' · ') : t.facts.noPersons;
}

export function factsSection(view: CaseCardView, summaryMax: number): CardElement[] {
  return [
    heading(t.facts.heading),
    text(`**${t.facts.persons}:** ${personsLine(view)}`, { spacing: 'small' }),
    text(`**${t.facts.summary}:** ${truncate(view.case.facts.summary, summaryMax)}`, { spacing: 'small' }),
  ];
}

/** Expected organisations first (in the location's order), then any other organisation that voted. */
export function orgsForRound(view: CaseCardView, round: number): PartnerOrg[] {
  const voted = new Set(view.votes.filter((v) => v.round === round).map((v) => v.orgId));
  const extra = PARTNER_ORGS.filter((o) => voted.has(o) && !view.location.expectedOrgs.includes(o));
  return [...view.location.expectedOrgs, ...extra];
}

export type VoteState = 'buikpijn' | 'geen_buikpijn' | 'niet_gestemd';

export function voteState(vote: ConcernVote | undefined): VoteState {
  if (!vote) return 'niet_gestemd';
  return vote.concern ? 'buikpijn' : 'geen_buikpijn';
}

function statusText(vote: ConcernVote | undefined, current: boolean): CardElement {
  const state = voteState(vote);
  if (state === 'niet_gestemd') return text(current ? t.votes.notVoted : t.votes.didNotVote, { isSubtle: true });
  if (state === 'geen_buikpijn') return text(t.votes.noConcern, { color: 'good', weight: 'bolder' });
  const acute = vote?.acuteUnsafe === true;
  return text(acute ? `${t.votes.concern} · ⚠ ${t.votes.acute}` : t.votes.concern, {
    color: acute ? 'attention' : 'warning',
    weight: 'bolder',
  });
}

/** One block per organisation for a round; the viewer's organisation is boxed and named as theirs. */
export function voteRows(view: CaseCardView, round: number, opts: { reasonMax: number; withTime: boolean }): CardElement[] {
  const picture = concernPicture(view.votes, round);
  const current = round === view.case.round;
  return orgsForRound(view, round).map((org) => {
    const vote = picture.get(org);
    const mine = view.viewerOrg === org;
    const label = mine ? t.votes.yourOrg(t.orgs[org]) : t.orgs[org];
    const items: CardElement[] = [
      columns([column([text(label, { weight: mine ? 'bolder' : 'default' })]), column([statusText(vote, current)], 'auto')]),
    ];
    if (vote?.concern && vote.reason) items.push(text(truncate(vote.reason, opts.reasonMax), { spacing: 'none', size: 'small' }));
    if (vote && opts.withTime)
      items.push(text(t.votes.castAt(formatAmsterdam(vote.castAt)), { spacing: 'none', size: 'small', isSubtle: true }));
    return container(items, { spacing: 'small', ...(mine ? { style: 'accent' as const } : {}) });
  });
}

export function voteTally(view: CaseCardView, round: number): string {
  const picture = concernPicture(view.votes, round);
  const states = orgsForRound(view, round).map((o) => voteState(picture.get(o)));
  const count = (s: VoteState) => states.filter((x) => x === s).length;
  return t.votes.tally(count('buikpijn'), count('geen_buikpijn'), count('niet_gestemd'), round === view.case.round);
}

export function newestFirst(contributions: readonly Contribution[]): Contribution[] {
  return [...contributions].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** "Politie (2) · Veilig Thuis (1)" in the fixed organisation order. */
export function contributionCounts(contributions: readonly Contribution[]): string {
  const counts = new Map<PartnerOrg, number>();
  for (const c of contributions) counts.set(c.orgId, (counts.get(c.orgId) ?? 0) + 1);
  return PARTNER_ORGS.filter((o) => counts.has(o))
    .map((o) => t.contributions.orgCount(t.orgs[o], counts.get(o) ?? 0))
    .join(' · ');
}

export function contributionItem(c: Contribution, opts: { textMax: number; needMax: number }): CardElement {
  return container(
    [
      text(t.contributions.meta(t.orgs[c.orgId], formatAmsterdam(c.createdAt), t.sources[c.source]), { size: 'small' }),
      text(truncate(c.text, opts.textMax), { spacing: 'none' }),
      text(`**${t.contributions.needToKnow}** ${truncate(c.needToKnow, opts.needMax)}`, { size: 'small', isSubtle: true, spacing: 'none' }),
    ],
    { separator: true, spacing: 'medium' },
  );
}
