import { concernedOrgs, isCurrentRoundOpen, missingOrgs, standingPicture } from '../domain/rounds';
import { concernPicture } from '../domain/vote';
import { nlCards as t } from '../i18n/nl/cards';
import { nlCaseCards as c } from '../i18n/nl/case-cards';
import type { ContainerStyle } from './elements';
import { orgNames } from './sections';
import { plainTruncate, timeLeft } from './text';
import type { CaseCardView } from './view';
import { nextMomentLine } from './verdieping-card';
import { askedOfMeText } from './asked-of-me';

/**
 * The top of the case card, as the layout rule (docs/cards.md) orders it: line 1 says the status
 * and what is asked of THIS person; then the danger; then the one or two primary actions; then the
 * picture. Pure: what to show, no layout (that is `cards/case-card.json`).
 */

/** Line 1: "Uw stem gevraagd · ronde 2 · 1 van 6 buikpijn · nog 3 u 12 min". */
export function statusLine(view: CaseCardView): { text: string; style: ContainerStyle } {
  const k = view.case;
  const round = k.round;
  // Expected organisations plus any other that voted in this round (as the round section counts them).
  const expected = new Set([...view.location.expectedOrgs, ...view.votes.filter((v) => v.round === round).map((v) => v.orgId)]).size;
  const open = k.status !== 'closed' && isCurrentRoundOpen(k.rounds ?? []);
  const parts: string[] = [];
  // Verdieping (issue 14): what is asked of this organisation (questions, an instrument, a check, the chair's confirmation) leads.
  const askedOfMe = k.status !== 'closed' && view.viewerOrg !== undefined ? askedOfMeText(view.verdieping?.summary.askedOfMe ?? []) : null;
  if (askedOfMe) parts.push(askedOfMe);
  if (k.status === 'closed') parts.push(c.status.closed);
  else if (view.viewerOrg !== undefined && open) {
    const mine = concernPicture(view.votes, round).get(view.viewerOrg);
    parts.push(mine ? c.status.voted(mine.concern) : c.status.voteAsked);
  } else parts.push(open ? c.status.roundOpen : c.status.roundClosed);
  parts.push(c.status.round(round));
  const votedNow = new Set(view.votes.filter((v) => v.round === round).map((v) => v.orgId)).size;
  const concern = concernedOrgs(view.votes, round).length;
  parts.push(votedNow === 0 && concern === 0 ? c.status.nobodyVoted(expected) : c.status.concernOf(concern, expected));
  const next = nextMomentLine(view);
  const left = next ? { passed: next.passed, hours: 0, minutes: 0 } : timeLeft(k.deadline, view.now);
  if (k.status !== 'closed') parts.push(next ? next.text : left.passed ? c.status.termijnPassed : t.termijn.left(left.hours, left.minutes));
  const asked = k.status !== 'closed' && view.viewerOrg !== undefined && open && !concernPicture(view.votes, round).has(view.viewerOrg);
  const style: ContainerStyle = k.status !== 'closed' && left.passed ? 'attention' : asked || askedOfMe ? 'accent' : 'emphasis';
  return { text: parts.join(c.status.separator), style };
}

/**
 * The danger block: children, weapon, acute unsafety (standing votes), a suspect sent home, contact
 * with the victim not safe. Only real danger: setup tasks (an unknown VT region) are not here.
 */
export function dangerLines(view: CaseCardView): string[] {
  const f = view.case.facts;
  const lines: string[] = [];
  const acute = [...standingPicture(view.votes, view.case.round).values()].filter((v) => v.concern && v.acuteUnsafe).map((v) => v.orgId);
  if (acute.length > 0) lines.push(`⚠ ${c.danger.acute(orgNames(acute))}`);
  if (f.childrenInvolved) lines.push(`⚠ ${c.danger.children(f.childAges.length > 0 ? t.safety.childAges(f.childAges) : '')}`);
  if (f.weaponMentioned) lines.push(`⚠ ${c.danger.weapon}`);
  if (f.custody === 'heengezonden') lines.push(`⚠ ${c.danger.sentHome}`);
  if (f.victimContactSafe === 'nee') lines.push(`⚠ ${c.danger.contactUnsafe}`);
  return lines;
}

/**
 * Buikpijn that stands from an earlier round, WITH its reason: the organisation did not vote in this
 * round, so its last buikpijn counts ("Politie (staat sinds ronde 1): …").
 */
export function standingReasons(view: CaseCardView, reasonMax: number): string[] {
  const round = view.case.round;
  const votedNow = new Set(view.votes.filter((v) => v.round === round).map((v) => v.orgId));
  const picture = standingPicture(view.votes, round);
  return concernedOrgs(view.votes, round)
    .filter((o) => !votedNow.has(o))
    .map((o) => {
      const v = picture.get(o);
      const reason = v?.reason && reasonMax > 0 ? plainTruncate(v.reason, reasonMax) : '';
      return reason
        ? c.picture.standingReason(t.orgs[o], v?.round ?? round, reason)
        : c.picture.standingNoReason(t.orgs[o], v?.round ?? round);
    });
}

/** Expected organisations that have not voted in the current round (listed once, in the round section). */
export function notVoted(view: CaseCardView): string[] {
  return missingOrgs(view.location.expectedOrgs, view.votes, view.case.round);
}
