import type { Contribution } from '../domain/contribution';
import type { EscalationReason } from '../domain/rounds';
import { MAX_REASON, orgOrder } from '../domain/rounds';
import { nlCards as t } from '../i18n/nl/cards';
import { nlCardsOther as o } from '../i18n/nl/cards-other';
import { nlPrivacy } from '../i18n/nl/privacy';
import { nlViews } from '../i18n/nl/views';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import { bindTemplate, largestFitting } from './bind';
import { cardBytes } from './budget';
import { CASE_CARD_LIMITS } from './case-card';
import {
  factsModel,
  headerModel,
  line,
  safetyModel,
  termijnModel,
  type FactsModel,
  type HeaderModel,
  type LineModel,
  type NoticeModel,
  type SafetyModel,
  type TermijnModel,
} from './case-model';
import { caseRef, contributionCounts, escalationWhy, newestFirst, orgNames } from './sections';
import { formatAmsterdam, formatAmsterdamShort, minTrimmedLength, plainTruncate } from './text';
import { CARD_SCHEMA, type AdaptiveCard } from './types';
import { INPUTS, VERBS } from './verbs';
import type { ActieoverlegCardView } from './view';
import { aoMeetingElementsFor, withMeetingPart } from './ao-meeting';
import { withSafetyPlanPart } from './advice-verdieping';

/**
 * Limits of the Actieoverleg card: the same byte budget as the case card (it is posted the same
 * way). The buikpijn reasons and the news since the escalation get a share each; the context
 * information gets what is left. Shares are measured on the rendered card.
 */
export const ACTIEOVERLEG_CARD_LIMITS = {
  maxBytes: CASE_CARD_LIMITS.maxBytes,
  reasonBytes: 8 * 1024,
  reasonText: 300,
  contributionBytes: 16 * 1024,
  maxContributions: 8,
  contributionText: CASE_CARD_LIMITS.contributionText,
  needToKnow: CASE_CARD_LIMITS.needToKnow,
  summary: CASE_CARD_LIMITS.summary,
} as const;

interface ContributionModel {
  withheld: boolean;
  visibleTo: string | null;
  meta: string;
  text: string | null;
  needToKnow: string | null;
  pii: string | null;
}

/** The view model bound to cards/actieoverleg.json. */
export interface ActieoverlegModel {
  schema: string;
  data: { caseId: string };
  notice: NoticeModel | null;
  status: LineModel;
  title: string;
  question: { heading: string; text: string; pii: string | null };
  termijn: TermijnModel;
  why: { heading: string; text: string };
  safety: SafetyModel;
  people: { attendees: string; owner: LineModel };
  /** The primary actions in the body: become the owner, go to the case message. */
  becomeOwner: string | null;
  caseLink: { title: string; url: string } | null;
  header: HeaderModel;
  reasons: { heading: string; items: { meta: LineModel; text: string; subtle: boolean | null }[]; more: string | null } | null;
  since: { heading: string; none: string | null; items: LineModel[]; more: string | null };
  details: { toggle: string; id: string };
  facts: FactsModel;
  contributions: { heading: string; summary: string; subtle: boolean | null; items: ContributionModel[]; more: string | null };
  /** The chair's control, in the card's own action row (after everything else). */
  editQuestion: {
    title: string;
    label: string;
    value: string;
    max: number;
    regex: string;
    error: string;
    piiConfirm: string;
    submit: string;
  } | null;
  inputs: typeof INPUTS;
  verbs: typeof VERBS;
}

function reasonModel(r: EscalationReason): NonNullable<ActieoverlegModel['reasons']>['items'][number] {
  const meta = t.actieoverleg.reasonMeta(t.orgs[r.orgId], r.round) + (r.acuteUnsafe ? ` · ⚠ ${t.votes.acute}` : '');
  return {
    meta: line(meta, r.acuteUnsafe ? 'attention' : null),
    text: r.reason ? plainTruncate(r.reason, ACTIEOVERLEG_CARD_LIMITS.reasonText) : t.actieoverleg.noReason,
    subtle: r.reason ? null : true,
  };
}

/** What came after the escalation, newest first: votes per organisation (with reason) and new context information. */
function sinceEvents(view: ActieoverlegCardView): LineModel[] {
  const since = view.escalation.at;
  const at = (iso: string) => formatAmsterdamShort(iso, view.now);
  const max = ACTIEOVERLEG_CARD_LIMITS.reasonText;
  return [
    ...view.votes
      .filter((v) => v.castAt > since)
      .map((v) => ({
        at: v.castAt,
        line: v.concern
          ? line(
              `⚠ ${fx.actieoverleg.voteConcern(t.orgs[v.orgId], v.round, at(v.castAt), v.reason ? plainTruncate(v.reason, max) : undefined)}`,
              'attention',
              'bolder',
            )
          : line(fx.actieoverleg.voteNoConcern(t.orgs[v.orgId], v.round, at(v.castAt))),
      })),
    ...view.contributions
      .filter((c) => c.createdAt > since)
      .map((c) => ({ at: c.createdAt, line: line(fx.actieoverleg.contribution(t.orgs[c.orgId], at(c.createdAt))) })),
  ]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map((e) => e.line);
}

const shortOrgs = (orgs: readonly Contribution['orgId'][]): string => orgs.map((org) => nlViews.orgsShort[org]).join(', ');

/** A contribution; restricted to other organisations: only that it exists, never its text, source or reason. */
function contributionModel(c: Contribution): ContributionModel {
  if (c.withheld)
    return {
      withheld: true,
      visibleTo: null,
      meta: nlViews.restricted.withheld(nlViews.orgsShort[c.orgId], shortOrgs(c.visibleTo ?? [])),
      text: formatAmsterdam(c.createdAt),
      needToKnow: null,
      pii: null,
    };
  return {
    withheld: false,
    visibleTo: c.visibleTo ? nlViews.restricted.visibleTo(shortOrgs(c.visibleTo)) : null,
    meta: t.contributions.meta(t.orgs[c.orgId], formatAmsterdam(c.createdAt), t.sources[c.source]),
    text: plainTruncate(c.text, ACTIEOVERLEG_CARD_LIMITS.contributionText),
    needToKnow: `**${t.contributions.needToKnow}** ${plainTruncate(c.needToKnow, ACTIEOVERLEG_CARD_LIMITS.needToKnow)}`,
    pii: c.piiConfirmed && c.piiConfirmed.length > 0 ? nlPrivacy.piiConfirmedMark : null,
  };
}

function statusLine(view: ActieoverlegCardView, termijn: TermijnModel): LineModel {
  if (view.case.status === 'closed') return line(o.actieoverleg.statusClosed, null, 'bolder');
  // Once the outcome is recorded the termijn is no longer what the card asks about (issue 12 line 1).
  const outcome = view.escalation.outcome;
  if (outcome)
    return line(o.actieoverleg.statusOutcome(formatAmsterdamShort(outcome.recordedAt, view.now), outcome.actions.length), 'good', 'bolder');
  return termijn.passed
    ? line(`⚠ ${o.actieoverleg.statusPassed}`, 'attention', 'bolder')
    : line(o.actieoverleg.status(termijn.short), 'accent', 'bolder');
}

/** The model with every list whole; `buildActieoverlegCard` then takes what fits. */
export function actieoverlegModel(view: ActieoverlegCardView): ActieoverlegModel {
  const e = view.escalation;
  const caseId = view.case.id;
  const termijn = termijnModel(view);
  const reasons = [...e.reasons].sort((a, b) => b.round - a.round || orgOrder(a.orgId, b.orgId));
  const since = sinceEvents(view);
  const count = view.contributions.length;
  return {
    schema: CARD_SCHEMA,
    data: { caseId },
    notice: view.notice ?? null,
    status: statusLine(view, termijn),
    title: t.actieoverleg.title(caseRef(caseId)),
    question: {
      heading: t.actieoverleg.question,
      text: plainTruncate(e.question, MAX_REASON),
      pii: e.questionPiiConfirmed && e.questionPiiConfirmed.length > 0 ? nlPrivacy.piiConfirmedMark : null,
    },
    termijn,
    why: {
      heading: t.actieoverleg.why,
      text: `⚠ ${t.actieoverleg.escalatedAt(formatAmsterdamShort(e.at, view.now), escalationWhy(e, view.location))}`,
    },
    safety: safetyModel(view),
    people: {
      attendees: `**${t.actieoverleg.attendees}:** ${orgNames(e.attendees)}`,
      owner: e.caseOwner
        ? line(t.actieoverleg.owner(t.orgs[e.caseOwner.orgId], formatAmsterdamShort(e.caseOwner.at, view.now)), null, 'bolder')
        : line(t.actieoverleg.ownerNone, null, 'bolder'),
    },
    becomeOwner: e.caseOwner ? null : t.actieoverleg.becomeOwner,
    caseLink: view.caseLink ? { title: t.actieoverleg.toCase, url: view.caseLink } : null,
    header: headerModel(view),
    reasons: reasons.length > 0 ? { heading: t.actieoverleg.reasonsHeading, items: reasons.map(reasonModel), more: null } : null,
    since: {
      heading: fx.actieoverleg.sinceHeading(formatAmsterdamShort(e.at, view.now)),
      none: since.length === 0 ? fx.actieoverleg.sinceNone : null,
      items: since,
      more: null,
    },
    details: { toggle: o.actieoverleg.details, id: 'aoDetails' },
    facts: factsModel(view, ACTIEOVERLEG_CARD_LIMITS.summary),
    contributions: {
      heading: t.contributions.heading(count),
      summary: count === 0 ? t.contributions.none : `${t.contributions.byOrg}: ${contributionCounts(view.contributions)}`,
      subtle: count === 0 ? true : null,
      items: newestFirst(view.contributions).map(contributionModel),
      more: null,
    },
    editQuestion: view.viewerIsChair
      ? {
          title: t.actieoverleg.editQuestion,
          label: t.actieoverleg.questionInput,
          value: e.question,
          max: MAX_REASON,
          regex: minTrimmedLength(10),
          error: t.actieoverleg.questionError,
          piiConfirm: nlPrivacy.piiConfirmToggle,
          submit: t.actieoverleg.questionSubmit,
        }
      : null,
    inputs: INPUTS,
    verbs: VERBS,
  };
}

const render = (model: ActieoverlegModel): AdaptiveCard => bindTemplate('cards', 'actieoverleg', model);

/** The model with the first `r` reasons, `s` news items and `c` contributions, and a count of the rest. */
function take(full: ActieoverlegModel, r: number, s: number, c: number): ActieoverlegModel {
  const reasons = full.reasons;
  const restR = (reasons?.items.length ?? 0) - r;
  const restS = full.since.items.length - s;
  const restC = full.contributions.items.length - c;
  return {
    ...full,
    reasons: reasons ? { ...reasons, items: reasons.items.slice(0, r), more: restR > 0 ? t.actieoverleg.moreReasons(restR) : null } : null,
    since: { ...full.since, items: full.since.items.slice(0, s), more: restS > 0 ? fx.actieoverleg.more(restS) : null },
    contributions: {
      ...full.contributions,
      items: full.contributions.items.slice(0, c),
      more: restC > 0 ? t.actieoverleg.olderContributions(restC) : null,
    },
  };
}

/**
 * The card for the Actieoverleg, laid out by cards/actieoverleg.json: line 1 that the Actieoverleg
 * is asked and the time left; the concrete question and the termijn; why it escalated and the
 * danger; "Ik word casusverantwoordelijke" and "Naar de zaak"; who should be there; the buikpijn per
 * organisation and what came since; the facts and the context information behind a toggle (newest
 * first, what does not fit counted). Persons only as role + age; the owner only as an organisation.
 */
export function buildActieoverlegCard(view: ActieoverlegCardView): AdaptiveCard {
  // The meeting and outcome parts (issue 15) come off the budget of the rest (its lists step down);
  // when even that does not fit, the parts go compact.
  const build = (compact: boolean): AdaptiveCard => {
    const meeting = aoMeetingElementsFor(view, compact);
    // JSON of the elements plus a comma each: what splicing them in adds.
    const reserved = cardBytes(meeting) + 2 * meeting.length;
    // The safety plan per person (issue 14) after the primary actions; it steps down before the meeting
    // goes compact. The meeting part goes in last, right after the primary actions, so it stands above the plan.
    const withPlan = withSafetyPlanPart(
      view,
      (r) => buildActieoverlegCardWithoutMeeting(view, reserved + r),
      ACTIEOVERLEG_CARD_LIMITS.maxBytes - reserved,
    );
    return withMeetingPart(withPlan, meeting);
  };
  const full = build(false);
  return cardBytes(full) <= ACTIEOVERLEG_CARD_LIMITS.maxBytes ? full : build(true);
}

function buildActieoverlegCardWithoutMeeting(view: ActieoverlegCardView, reserved: number): AdaptiveCard {
  const maxBytes = ACTIEOVERLEG_CARD_LIMITS.maxBytes - reserved;
  const full = actieoverlegModel(view);
  const L = ACTIEOVERLEG_CARD_LIMITS;
  const nR = full.reasons?.items.length ?? 0;
  const nS = full.since.items.length;
  const nC = Math.min(full.contributions.items.length, L.maxContributions);
  const base = cardBytes(render(take(full, 0, 0, 0)));
  // Usual case: all of it together is within the smallest share, so within every share.
  const all = render(take(full, nR, nS, nC));
  if (cardBytes(all) - base <= L.reasonBytes && cardBytes(all) <= maxBytes) return all;
  const r = largestFitting(nR, (k) => cardBytes(render(take(full, k, 0, 0))) - base <= L.reasonBytes);
  const withR = cardBytes(render(take(full, r, 0, 0)));
  const s = largestFitting(nS, (k) => cardBytes(render(take(full, r, k, 0))) - withR <= L.reasonBytes);
  const withRS = cardBytes(render(take(full, r, s, 0)));
  const c = largestFitting(nC, (k) => {
    const bytes = cardBytes(render(take(full, r, s, k)));
    return bytes - withRS <= L.contributionBytes && bytes <= maxBytes;
  });
  return render(take(full, r, s, c));
}
