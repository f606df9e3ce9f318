import type { Contribution } from '../domain/contribution';
import { caseCode } from '../domain/case-code';
import type { EscalationRecord } from '../domain/escalation-record';
import { PARTNER_ORGS, type PartnerOrg } from '../domain/orgs';
import type { Location } from '../domain/roster';
import { isCurrentRoundOpen, termijnState } from '../domain/rounds';
import { concernPicture, type ConcernVote, type VoteState } from '../domain/vote';
import { nlCards as t } from '../i18n/nl/cards';
import { nlPrivacy } from '../i18n/nl/privacy';
import { nlViews } from '../i18n/nl/views';
import { nlCaseCards } from '../i18n/nl/case-cards';
import type { ContainerStyle } from './elements';
import { renderOne, renderPart } from './parts';
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
  return renderOne('notice', { style: notice.kind, text: notice.text });
}

/** The case's speakable code ("KTX-482"); see src/domain/case-code.ts. */
export function caseRef(caseId: string): string {
  return caseCode(caseId);
}

/** The header part (cards/parts/header.json): badges, offence, location and case reference. */
export interface HeaderModel {
  badges: { label: string; style: ContainerStyle }[];
  offence: string;
  place: string;
  flagMeaning: string | null;
  displayReference: string | null;
}

/** `personal`: the viewer's own view (a roster member); only there the source's display reference is shown. */
export function headerSection(view: CaseBase, opts: { personal?: boolean; explainFlags?: boolean } = {}): CardElement {
  const c = view.case;
  const badges: HeaderModel['badges'] = [];
  if (c.hgFlag) badges.push({ label: t.header.hg, style: 'attention' });
  if (c.kmFlag) badges.push({ label: t.header.km, style: 'warning' });
  if (c.status === 'closed') badges.push({ label: t.header.closed, style: 'emphasis' });
  const meanings = [...(c.hgFlag ? [nlCaseCards.hgMeaning] : []), ...(c.kmFlag ? [nlCaseCards.kmMeaning] : [])];
  const model: HeaderModel = {
    badges,
    offence: t.offences[c.facts.offenceCategory],
    place: `${view.location.name} · ${t.header.caseRef(caseRef(c.id))}`,
    flagMeaning: meanings.length > 0 && opts.explainFlags !== false ? meanings.join(' · ') : null,
    displayReference: opts.personal && c.displayReference ? plain(nlPrivacy.displayReference(c.displayReference)) : null,
  };
  return renderOne('header', model);
}

/** The ZSM termijn; 'near' switches at the location's reminder moment, like the reminder itself. */
export function termijnSection(view: CaseAtNow): CardElement {
  const left = timeLeft(view.case.deadline, view.now);
  const state = termijnState(view.case.deadline, view.now, view.location.reminders.termijnMinutesBefore);
  const deadline = t.termijn.deadline(formatAmsterdam(view.case.deadline));
  const passed = left.passed || state === 'passed';
  const style: ContainerStyle | null = passed ? 'attention' : state === 'near' ? 'warning' : null;
  return renderOne('termijn', { style, deadline, left: passed ? `⚠ ${t.termijn.passed}` : t.termijn.left(left.hours, left.minutes) });
}

type Level = 'risk' | 'unknown' | 'ok';

/** A line of the safety part: risk is marked and bold; the level is carried by the word, not a colour. */
function safetyLine(label: string, value: string, level: Level): { mark: string; label: string; value: string; weight: 'bolder' | null } {
  return { mark: level === 'risk' ? '⚠ ' : '', label, value, weight: level === 'risk' ? 'bolder' : null };
}

export function safetySection(view: CaseBase): CardElement {
  const f = view.case.facts;
  const children = f.childrenInvolved ? (f.childAges.length > 0 ? `${t.yes} — ${t.safety.childAges(f.childAges)}` : t.yes) : t.no;
  const contact: Level = f.victimContactSafe === 'nee' ? 'risk' : f.victimContactSafe === 'onbekend' ? 'unknown' : 'ok';
  // A suspect sent home may be back with the victim tonight; that is the risk to see.
  const custody: Level = f.custody === 'heengezonden' ? 'risk' : f.custody === 'onbekend' ? 'unknown' : 'ok';
  return renderOne('safety', {
    heading: t.safety.heading,
    lines: [
      safetyLine(t.safety.children, children, f.childrenInvolved ? 'risk' : 'ok'),
      safetyLine(t.safety.weapon, f.weaponMentioned ? t.yes : t.no, f.weaponMentioned ? 'risk' : 'ok'),
      safetyLine(t.safety.victimContact, t.victimContact[f.victimContactSafe], contact),
      safetyLine(t.safety.custody, t.custody[f.custody], custody),
    ],
  });
}

export function personsLine(view: CaseBase): string {
  const labels = view.case.persons.map((p) => (p.age === undefined ? t.roles[p.role] : t.facts.personWithAge(t.roles[p.role], p.age)));
  return labels.length > 0 ? labels.join(' · ') : t.facts.noPersons;
}

export function factsSection(view: CaseBase, summaryMax: number): CardElement[] {
  return renderPart('facts', {
    heading: t.facts.heading,
    personsLabel: t.facts.persons,
    persons: personsLine(view),
    summaryLabel: t.facts.summary,
    summary: plainTruncate(view.case.facts.summary, summaryMax),
  });
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

export type { VoteState } from '../domain/vote';

export function voteState(vote: ConcernVote | undefined): VoteState {
  if (!vote) return 'not_voted';
  return vote.concern ? 'concern' : 'no_concern';
}

/** The status of an organisation's vote: "Buikpijn · ⚠ Acuut onveilig", "Geen buikpijn", "Nog niet gestemd". */
function statusLine(vote: ConcernVote | undefined, current: boolean): string {
  const state = voteState(vote);
  if (state === 'not_voted') return current ? t.votes.notVoted : t.votes.didNotVote;
  if (state === 'no_concern') return t.votes.noConcern;
  return vote?.acuteUnsafe === true ? `${t.votes.concern} · ⚠ ${t.votes.acute}` : t.votes.concern;
}

const hasPiiMark = (vote: ConcernVote | undefined): boolean => (vote?.piiConfirmed?.length ?? 0) > 0;

/**
 * One organisation's vote (cards/parts/vote-row.json): a block (label and status, the reason, the
 * time) or, on a crowded card, one line "**OM**: Buikpijn — reason". The viewer's own is boxed.
 */
export interface VoteRowModel {
  label: string;
  status: string;
  block: {
    style: 'accent' | null;
    labelWeight: 'bolder' | 'default';
    statusSubtle: true | null;
    statusWeight: 'bolder' | null;
    reason: string | null;
    piiMark: string | null;
    castAt: string | null;
  } | null;
  line: { mine: boolean; reason: string; subtle: true | null; weight: 'bolder' | null } | null;
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
    const state = voteState(vote);
    const model: VoteRowModel = {
      label: mine ? t.votes.yourOrg(t.orgs[org]) : t.orgs[org],
      status: statusLine(vote, current),
      block: null,
      line: null,
    };
    if (opts.compact) {
      const mark = hasPiiMark(vote) ? ` ${nlPrivacy.piiConfirmedMark}` : '';
      const reason = vote?.concern && vote.reason && opts.reasonMax > 0 ? ` — ${plainTruncate(vote.reason, opts.reasonMax)}${mark}` : '';
      model.line = {
        mine,
        reason,
        subtle: state === 'not_voted' ? true : null,
        weight: state === 'concern' && vote?.acuteUnsafe === true ? 'bolder' : null,
      };
    } else {
      model.block = {
        style: mine ? 'accent' : null,
        labelWeight: mine ? 'bolder' : 'default',
        statusSubtle: state === 'not_voted' ? true : null,
        statusWeight: state === 'not_voted' ? null : 'bolder',
        reason: vote?.concern && vote.reason ? plainTruncate(vote.reason, opts.reasonMax) : null,
        piiMark: hasPiiMark(vote) ? nlPrivacy.piiConfirmedMark : null,
        castAt: vote && opts.withTime ? t.votes.castAt(formatAmsterdam(vote.castAt)) : null,
      };
    }
    return renderOne('vote-row', model);
  });
}

/** The leanest picture: organisations grouped by their vote of this round (acute first). */
export function voteGroups(view: CaseVotes, round: number): CardElement[] {
  const picture = concernPicture(view.votes, round);
  const orgs = orgsForRound(view, round);
  const pick = (f: (v: ConcernVote | undefined) => boolean) => orgs.filter((o) => f(picture.get(o)));
  const group = (list: PartnerOrg[], line: (names: string) => string) => (list.length > 0 ? line(orgNames(list)) : null);
  return renderPart('vote-groups', {
    acute: group(
      pick((v) => v?.concern === true && v.acuteUnsafe),
      t.votes.groupAcute,
    ),
    concern: group(
      pick((v) => v?.concern === true),
      t.votes.groupConcern,
    ),
    none: group(
      pick((v) => v?.concern === false),
      t.votes.groupNone,
    ),
  });
}

export function voteTally(view: CaseVotes, round: number): string {
  const picture = concernPicture(view.votes, round);
  const states = orgsForRound(view, round).map((o) => voteState(picture.get(o)));
  const count = (s: VoteState) => states.filter((x) => x === s).length;
  return t.votes.tally(count('concern'), count('no_concern'), count('not_voted'), roundIsOpen(view, round));
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

/** A contribution (cards/parts/contribution.json): withheld (only that it exists) or shown. */
export interface ContributionModel {
  withheld?: string;
  createdAt?: string;
  shown?: {
    visibleTo: string | null;
    meta: string;
    text: string;
    needToKnowLabel: string;
    needToKnow: string | null;
    piiMark: string | null;
  };
}

export function contributionItem(c: Contribution, opts: { textMax: number; needMax: number }): CardElement {
  // Restricted to other organisations: only that it exists, never its text, source or reason.
  const model: ContributionModel = c.withheld
    ? {
        withheld: nlViews.restricted.withheld(nlViews.orgsShort[c.orgId], shortOrgs(c.visibleTo ?? [])),
        createdAt: formatAmsterdam(c.createdAt),
      }
    : {
        shown: {
          visibleTo: c.visibleTo ? nlViews.restricted.visibleTo(shortOrgs(c.visibleTo)) : null,
          meta: t.contributions.meta(t.orgs[c.orgId], formatAmsterdam(c.createdAt), t.sources[c.source]),
          text: plainTruncate(c.text, opts.textMax),
          needToKnowLabel: t.contributions.needToKnow,
          // needMax 0: the leanest case card leaves "Waarom nodig" to Details, as it does the vote reasons.
          needToKnow: opts.needMax > 0 ? plainTruncate(c.needToKnow, opts.needMax) : null,
          piiMark: (c.piiConfirmed?.length ?? 0) > 0 ? nlPrivacy.piiConfirmedMark : null,
        },
      };
  return renderOne('contribution', model);
}
