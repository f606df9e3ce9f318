import type { Case } from './case';
import type { Contribution } from './contribution';
import type { ConcernVote } from './vote';
import type { PartnerOrg } from './orgs';
import type { Member } from './roster';

/**
 * Need-to-know per view, per person (pure rules). A channel message is seen by everyone in the team,
 * so it carries only the minimal channel summary; the full content of each card is a personal view,
 * shown only to the people below, and every personal view is audited by the app layer.
 */
export const PERSONAL_VIEWS = ['case', 'actieoverleg', 'advice', 'vt'] as const;
export type PersonalView = (typeof PERSONAL_VIEWS)[number];

/** How a personal view reached the person: Teams' automatic refresh, the "Openen" action, the answer to an action, or a 1:1 delivery. */
export type ViewVia = 'refresh' | 'open' | 'action' | 'delivered';

export interface ViewContext {
  /** The case's ZSM location. */
  locationId: string;
  /** The organisation that has regie (case lead), if any. */
  caseLeadOrg?: PartnerOrg;
  /** The VT consultation: who was asked (the backup only once asked). */
  vt?: { primary?: string; backup?: string; backupAsked: boolean };
  /** The Actieoverleg's casusverantwoordelijke (Entra object id), once someone became it. */
  actieoverlegOwner?: string;
}

export type ViewDecision = { ok: true } | { ok: false; reason: 'not_on_roster' | 'not_for_location' | 'not_for_view' };

const onLocation = (m: Member | undefined, locationId: string): boolean => !!m && m.locations.includes(locationId);

/**
 * May this person see this card's full content?
 * - case: the roster of the case's location.
 * - actieoverleg: its invitees (the location's roster; the casusverantwoordelijke even when not on it).
 * - advice: the location's OvJ (role `ovj`), its chairs, and members of the organisation with regie.
 * - vt: the consulted on-call member, the backup once asked, or the location's roster.
 */
export function mayView(view: PersonalView, aadObjectId: string | undefined, member: Member | undefined, ctx: ViewContext): ViewDecision {
  if (!aadObjectId) return { ok: false, reason: 'not_on_roster' };
  const roster = onLocation(member, ctx.locationId);
  switch (view) {
    case 'case':
      break;
    case 'actieoverleg':
      if (ctx.actieoverlegOwner === aadObjectId) return { ok: true };
      break;
    case 'vt':
      if (ctx.vt?.primary === aadObjectId) return { ok: true };
      if (ctx.vt?.backupAsked && ctx.vt.backup === aadObjectId) return { ok: true };
      break;
    case 'advice':
      if (!roster || !member) break;
      if (member.roles.includes('ovj') || member.roles.includes('chair')) return { ok: true };
      if (ctx.caseLeadOrg && member.orgId === ctx.caseLeadOrg) return { ok: true };
      return { ok: false, reason: 'not_for_view' };
  }
  if (roster) return { ok: true };
  return { ok: false, reason: member ? 'not_for_location' : 'not_on_roster' };
}

/** May an organisation read this contribution? Unrestricted ones: everyone who may see the case; the author's own organisation always. */
export function contributionVisibleTo(c: Pick<Contribution, 'orgId' | 'visibleTo'>, org: PartnerOrg | undefined): boolean {
  if (!c.visibleTo) return true;
  if (!org) return false;
  return org === c.orgId || c.visibleTo.includes(org);
}

/**
 * The contributions as an organisation may see them: a restricted one it may not read keeps only
 * that it exists (organisation, time, for whom) — no text, source or need-to-know reason.
 */
export function contributionsFor(contributions: readonly Contribution[], org: PartnerOrg | undefined): Contribution[] {
  return contributions.map((c) =>
    contributionVisibleTo(c, org) ? c : { ...c, text: '', needToKnow: '', source: 'other' as const, withheld: true as const },
  );
}

/**
 * What the add-contribution form sends back as "visible to" (comma-separated org ids): the author's
 * organisation is always included; choosing every roster organisation means no restriction.
 */
export function restrictionFrom(
  chosen: readonly PartnerOrg[] | undefined,
  authorOrg: PartnerOrg,
  rosterOrgs: readonly PartnerOrg[],
): PartnerOrg[] | undefined {
  if (!chosen || chosen.length === 0) return undefined;
  const set = new Set<PartnerOrg>([...chosen, authorOrg]);
  if (rosterOrgs.every((o) => set.has(o))) return undefined;
  return [...set].sort();
}

/**
 * The minimal channel summary: only what every member (and guest) of a channel may see. Built from
 * the case with an explicit field list, so no content field (summary, persons, contributions,
 * reasons, phone numbers, advice, decision, question) can reach a channel message by accident.
 */
export interface ChannelSummary {
  kind: 'case' | 'actieoverleg' | 'advice';
  caseId: string;
  locationName: string;
  offenceCategory: Case['facts']['offenceCategory'];
  hg: boolean;
  km: boolean;
  closed: boolean;
  deadline: string;
  round: { number: number; voted: number; expected: number; concern: number };
  escalated: boolean;
  /** advice only: concept / verzonden / besloten. */
  adviceStatus?: string;
}

export function channelSummary(args: {
  kind: ChannelSummary['kind'];
  theCase: Case;
  locationName: string;
  expectedOrgs: readonly PartnerOrg[];
  votes: readonly ConcernVote[];
  escalated: boolean;
  adviceStatus?: string;
}): ChannelSummary {
  const c = args.theCase;
  const round = c.round;
  const inRound = args.votes.filter((v) => v.round === round);
  const voted = new Set(inRound.map((v) => v.orgId));
  return {
    kind: args.kind,
    caseId: c.id,
    locationName: args.locationName,
    offenceCategory: c.facts.offenceCategory,
    hg: c.hgFlag,
    km: c.kmFlag,
    closed: c.status === 'closed',
    deadline: c.deadline,
    round: {
      number: round,
      voted: voted.size,
      expected: new Set([...args.expectedOrgs, ...voted]).size,
      concern: new Set(inRound.filter((v) => v.concern).map((v) => v.orgId)).size,
    },
    escalated: args.escalated,
    ...(args.adviceStatus ? { adviceStatus: args.adviceStatus } : {}),
  };
}
