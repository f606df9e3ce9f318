import type { Contribution } from '../domain/contribution';
import { caseCode } from '../domain/case-code';
import type { EscalationRecord } from '../domain/escalation-record';
import { PARTNER_ORGS, type PartnerOrg } from '../domain/orgs';
import type { Location } from '../domain/roster';
import { isCurrentRoundOpen, termijnState } from '../domain/rounds';
import { concernPicture, type ConcernVote } from '../domain/vote';
import { nlCards as t } from '../i18n/nl/cards';
import { nlPrivacy } from '../i18n/nl/privacy';
import { nlViews } from '../i18n/nl/views';
import { nlCaseCards } from '../i18n/nl/case-cards';
import { badge, column, columns, container, heading, text, type Color } from './elements';
import { piiConfirmedMark } from './free-text';
import { formatAmsterdam, plain, plainTruncate, timeLeft } from './text';
import type { CardElement } from './types';
import type { CaseCardView } from './view';

/**
 * Sections shared by the case card, the details dialog and the Actieoverleg card. Persons appear
 * only as role + age. Each section asks only for the part of a view it reads.
 */
export type CaseBase = Pick<CaseCardView, 'case' | 'location'>;
export type CaseAtNow = CaseBase & Pick<CaseCardView, 'now'>;
export type CaseVotes = CaseBase & Pick<CaseCardView, 'votes' | 'viewerOrg'>;

/** "OM, Veilig Thuis" (full names) or "OM, VT" (short), in the order given. */
export function orgNames(orgs: readonly PartnerOrg[], short = false): string {
  return orgs.map((o) => (short ? t.orgsShort[o] : t.orgs[o])).join(t.listSeparator);
}

/** Why the case escalated, in plain Dutch (lower case), from the record and the location's thresholds. */
export function escalationWhy(escalation: EscalationRecord, location: Location): string {
  const rounds = new Set(escalation.reasons.map((r) => r.round)).size;
  return t.escalationRules[escalation.rule]({ orgs: orgNames(escalation.orgs), rounds, hours: location.escalation.persistentHours });
}

export function noticeSection(notice: NonNullable<CaseCardView['notice']>): CardElement {
  return container([text(notice.text, { weight: 'bolder', color: notice.kind })], { style: notice.kind });
}

/** The case's speakable code ("KTX-482"); see src/domain/case-code.ts. */
export function caseRef(caseId: string): string {
  return caseCode(caseId);
}

/** `personal`: the viewer's own view (a roster member); only there the source's display reference is shown. */
export function headerSection(view: CaseBase, opts: { personal?: boolean; explainFlags?: boolean } = {}): CardElement {
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
        ...((c.kmFlag || c.hgFlag) && opts.explainFlags !== false
          ? [
              text([...(c.hgFlag ? [nlCaseCards.hgMeaning] : []), ...(c.kmFlag ? [nlCaseCards.kmMeaning] : [])].join(' · '), {
                isSubtle: true,
                spacing: 'none',
                size: 'small',
              }),
            ]
          : []),
        ...(opts.personal && c.displayReference
          ? [text(plain(nlPrivacy.displayReference(c.displayReference)), { isSubtle: true, spacing: 'none', size: 'small' })]
          : []),
      ],
      'stretch',
      { verticalContentAlignment: 'center' },
    ),
  ]);
}

/** The ZSM termijn; 'bijna' switches at the location's reminder moment, like the reminder itself. */
export function termijnSection(view: CaseAtNow): CardElement {
  const left = timeLeft(view.case.deadline, view.now);
  const state = termijnState(view.case.deadline, view.now, view.location.reminders.termijnMinutesBefore);
  const deadline = text(t.termijn.deadline(formatAmsterdam(view.case.deadline)), { weight: 'bolder' });
  if (left.passed || state === 'verstreken') {
    return container(
      [columns([column([deadline]), column([text(`⚠ ${t.termijn.passed}`, { weight: 'bolder', color: 'attention' })], 'auto')])],
      {
        style: 'attention',
        spacing: 'medium',
      },
    );
  }
  const near = state === 'bijna';
  const color: Color = near ? 'warning' : 'good';
  return container(
    [columns([column([deadline]), column([text(t.termijn.left(left.hours, left.minutes), { weight: 'bolder', color })], 'auto')])],
    {
      spacing: 'medium',
      ...(near ? { style: 'warning' as const } : {}),
    },
  );
}

type Level = 'risk' | 'unknown' | 'ok';

function safetyLine(label: string, value: string, level: Level): CardElement {
  const color: Color = level === 'risk' ? 'attention' : level === 'unknown' ? 'warning' : 'default';
  const mark = level === 'risk' ? '⚠ ' : '';
  return text(`${mark}**${label}:** ${value}`, { color, spacing: 'small', ...(level === 'risk' ? { weight: 'bolder' as const } : {}) });
}

export function safetySection(view: CaseBase): CardElement {
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

export function personsLine(view: CaseBase): string {
  const labels = view.case.persons.map((p) => (p.age === undefined ? t.roles[p.role] : t.facts.personWithAge(t.roles[p.role], p.age)));
  return labels.length > 0 ? labels.join(' · ') : t.facts.noPersons;
}

export function factsSection(view: CaseBase, summaryMax: number): CardElement[] {
  return [
    heading(t.facts.heading),
    text(`**${t.facts.persons}:** ${personsLine(view)}`, { spacing: 'small' }),
    text(`**${t.facts.summary}:** ${plainTruncate(view.case.facts.summary, summaryMax)}`, { spacing: 'small' }),
  ];
}

/** Expected organisations first (in the location's order), then any other organisation that voted. */
export function orgsForRound(view: CaseVotes, round: number): PartnerOrg[] {
  const voted = new Set(view.votes.filter((v) => v.round === round).map((v) => v.orgId));
  const extra = PARTNER_ORGS.filter((o) => voted.has(o) && !view.location.expectedOrgs.includes(o));
  return [...view.location.expectedOrgs, ...extra];
}

/** Whether votes can still come in for `round`: it is the newest round and that round is open. */
export function roundIsOpen(view: CaseBase, round: number): boolean {
  return round === view.case.round && isCurrentRoundOpen(view.case.rounds ?? []);
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
/** One line per organisation (for a crowded card): "**OM**: Buikpijn — reason", coloured by state. */
function compactVoteRow(label: string, vote: ConcernVote | undefined, current: boolean, reasonMax: number, mine: boolean): CardElement {
  const state = voteState(vote);
  const acute = vote?.acuteUnsafe === true;
  const status =
    state === 'niet_gestemd'
      ? current
        ? t.votes.notVoted
        : t.votes.didNotVote
      : state === 'geen_buikpijn'
        ? t.votes.noConcern
        : acute
          ? `${t.votes.concern} · ⚠ ${t.votes.acute}`
          : t.votes.concern;
  const mark = vote?.piiConfirmed && vote.piiConfirmed.length > 0 ? ` ${nlPrivacy.piiConfirmedMark}` : '';
  const reason = vote?.concern && vote.reason && reasonMax > 0 ? ` — ${plainTruncate(vote.reason, reasonMax)}${mark}` : '';
  const color: Color = state === 'buikpijn' ? (acute ? 'attention' : 'warning') : state === 'geen_buikpijn' ? 'good' : 'default';
  const line = text(`**${label}**: ${status}${reason}`, {
    color,
    size: 'small',
    spacing: 'none',
    ...(state === 'niet_gestemd' ? { isSubtle: true } : {}),
  });
  return mine ? container([line], { style: 'accent', spacing: 'none' }) : line;
}

/**
 * One block per organisation for a round; the viewer's organisation is boxed and named as theirs.
 * `compact`: one line per organisation, for a card that must make room (reasonMax 0 = no reasons).
 */
export function voteRows(
  view: CaseVotes,
  round: number,
  opts: { reasonMax: number; withTime: boolean; compact?: boolean; omitNotVoted?: boolean },
): CardElement[] {
  const picture = concernPicture(view.votes, round);
  const current = roundIsOpen(view, round);
  const orgs = orgsForRound(view, round).filter((o) => !opts.omitNotVoted || picture.has(o));
  return orgs.map((org) => {
    const vote = picture.get(org);
    const mine = view.viewerOrg === org;
    const label = mine ? t.votes.yourOrg(t.orgs[org]) : t.orgs[org];
    if (opts.compact) return compactVoteRow(label, vote, current, opts.reasonMax, mine);
    const items: CardElement[] = [
      columns([column([text(label, { weight: mine ? 'bolder' : 'default' })]), column([statusText(vote, current)], 'auto')]),
    ];
    if (vote?.concern && vote.reason) {
      items.push(text(plainTruncate(vote.reason, opts.reasonMax), { spacing: 'none', size: 'small' }));
      items.push(...piiConfirmedMark(vote.piiConfirmed));
    }
    if (vote && opts.withTime)
      items.push(text(t.votes.castAt(formatAmsterdam(vote.castAt)), { spacing: 'none', size: 'small', isSubtle: true }));
    return container(items, { spacing: 'small', ...(mine ? { style: 'accent' as const } : {}) });
  });
}

/** The leanest picture: organisations grouped by their vote of this round (acute first). */
export function voteGroups(view: CaseVotes, round: number): CardElement[] {
  const picture = concernPicture(view.votes, round);
  const orgs = orgsForRound(view, round);
  const pick = (f: (v: ConcernVote | undefined) => boolean) => orgs.filter((o) => f(picture.get(o)));
  const acute = pick((v) => v?.concern === true && v.acuteUnsafe);
  const concern = pick((v) => v?.concern === true);
  const none = pick((v) => v?.concern === false);
  const lines: CardElement[] = [];
  if (acute.length > 0) lines.push(text(t.votes.groupAcute(orgNames(acute)), { color: 'attention', weight: 'bolder', spacing: 'small' }));
  if (concern.length > 0)
    lines.push(text(t.votes.groupConcern(orgNames(concern)), { color: 'warning', weight: 'bolder', spacing: 'small' }));
  if (none.length > 0) lines.push(text(t.votes.groupNone(orgNames(none)), { color: 'good', spacing: 'small' }));
  return lines;
}

export function voteTally(view: CaseVotes, round: number): string {
  const picture = concernPicture(view.votes, round);
  const states = orgsForRound(view, round).map((o) => voteState(picture.get(o)));
  const count = (s: VoteState) => states.filter((x) => x === s).length;
  return t.votes.tally(count('buikpijn'), count('geen_buikpijn'), count('niet_gestemd'), roundIsOpen(view, round));
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

const shortOrgs = (orgs: readonly PartnerOrg[]): string => orgs.map((o) => nlViews.orgsShort[o]).join(', ');

export function contributionItem(c: Contribution, opts: { textMax: number; needMax: number }): CardElement {
  // Restricted to other organisations: only that it exists, never its text, source or reason.
  if (c.withheld)
    return container(
      [
        text(nlViews.restricted.withheld(nlViews.orgsShort[c.orgId], shortOrgs(c.visibleTo ?? [])), { size: 'small', isSubtle: true }),
        text(formatAmsterdam(c.createdAt), { size: 'small', isSubtle: true, spacing: 'none' }),
      ],
      { separator: true, spacing: 'medium' },
    );
  return container(
    [
      ...(c.visibleTo ? [text(nlViews.restricted.visibleTo(shortOrgs(c.visibleTo)), { size: 'small', color: 'accent' as const })] : []),
      text(t.contributions.meta(t.orgs[c.orgId], formatAmsterdam(c.createdAt), t.sources[c.source]), { size: 'small' }),
      text(plainTruncate(c.text, opts.textMax), { spacing: 'none' }),
      text(`**${t.contributions.needToKnow}** ${plainTruncate(c.needToKnow, opts.needMax)}`, {
        size: 'small',
        isSubtle: true,
        spacing: 'none',
      }),
      ...piiConfirmedMark(c.piiConfirmed),
    ],
    { separator: true, spacing: 'medium' },
  );
}
