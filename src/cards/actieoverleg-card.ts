import type { EscalationReason } from '../domain/rounds';
import { MAX_REASON, orgOrder } from '../domain/rounds';
import { nlCards as t } from '../i18n/nl/cards';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import { cardBytes, takeWithinBudget } from './budget';
import { CASE_CARD_LIMITS } from './case-card';
import { container, heading, text } from './elements';
import {
  caseRef,
  contributionCounts,
  contributionItem,
  escalationWhy,
  factsSection,
  headerSection,
  newestFirst,
  noticeSection,
  orgNames,
  safetySection,
  termijnSection,
} from './sections';
import { formatAmsterdamShort, minTrimmedLength, plainTruncate } from './text';
import { CARD_SCHEMA, type AdaptiveCard, type CardElement } from './types';
import { INPUTS, VERBS } from './verbs';
import type { ActieoverlegCardView } from './view';
import { piiConfirmedMark, piiConfirmToggle } from './free-text';

/**
 * Limits of the Actieoverleg card: the same byte budget as the case card (it is posted the same
 * way). The buikpijn reasons get their own share; the context information gets what is left.
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

/** The concrete question, prominent: it is what the Actieoverleg has to answer. */
function questionSection(view: ActieoverlegCardView): CardElement {
  return container(
    [
      text(t.actieoverleg.question, { weight: 'bolder', size: 'small' }),
      text(plainTruncate(view.escalation.question, MAX_REASON), { weight: 'bolder', size: 'medium', spacing: 'small' }),
      ...piiConfirmedMark(view.escalation.questionPiiConfirmed),
    ],
    { style: 'accent', spacing: 'medium' },
  );
}

function whySection(view: ActieoverlegCardView): CardElement {
  const e = view.escalation;
  return container(
    [
      text(t.actieoverleg.why, { weight: 'bolder' }),
      text(t.actieoverleg.escalatedAt(formatAmsterdamShort(e.at, view.now), escalationWhy(e, view.location)), {
        color: 'attention',
        weight: 'bolder',
        spacing: 'small',
      }),
    ],
    { style: 'attention', spacing: 'medium' },
  );
}

/** Newest round first, then the fixed organisation order: the latest concern leads. */
function reasonItem(r: EscalationReason): CardElement {
  const meta = t.actieoverleg.reasonMeta(t.orgs[r.orgId], r.round) + (r.acuteUnsafe ? ` · ⚠ ${t.votes.acute}` : '');
  return container(
    [
      text(meta, { size: 'small', ...(r.acuteUnsafe ? { color: 'attention' as const } : {}) }),
      text(r.reason ? plainTruncate(r.reason, ACTIEOVERLEG_CARD_LIMITS.reasonText) : t.actieoverleg.noReason, {
        spacing: 'none',
        ...(r.reason ? {} : { isSubtle: true }),
      }),
    ],
    { spacing: 'small' },
  );
}

function reasonsSection(view: ActieoverlegCardView): CardElement[] {
  const reasons = [...view.escalation.reasons].sort((a, b) => b.round - a.round || orgOrder(a.orgId, b.orgId));
  if (reasons.length === 0) return [];
  const note = (n: number) => text(t.actieoverleg.moreReasons(n), { isSubtle: true, size: 'small' });
  const fit = takeWithinBudget(reasons.map(reasonItem), ACTIEOVERLEG_CARD_LIMITS.reasonBytes - cardBytes(note(reasons.length)), cardBytes);
  return [heading(t.actieoverleg.reasonsHeading), ...fit.taken, ...(fit.omitted > 0 ? [note(fit.omitted)] : [])];
}

/**
 * What came after the escalation, newest first, each with its time: buikpijn (with its reason) and
 * geen buikpijn per organisation, and new context information. Keeps the card current.
 */
function sinceSection(view: ActieoverlegCardView): CardElement[] {
  const since = view.escalation.at;
  const at = (iso: string) => formatAmsterdamShort(iso, view.now);
  const events: { at: string; el: CardElement }[] = [
    ...view.votes
      .filter((v) => v.castAt > since)
      .map((v) => ({
        at: v.castAt,
        el: text(
          v.concern
            ? fx.actieoverleg.voteConcern(
                t.orgs[v.orgId],
                v.round,
                at(v.castAt),
                v.reason ? plainTruncate(v.reason, ACTIEOVERLEG_CARD_LIMITS.reasonText) : undefined,
              )
            : fx.actieoverleg.voteNoConcern(t.orgs[v.orgId], v.round, at(v.castAt)),
          { size: 'small', spacing: 'small', ...(v.concern ? { color: 'attention' as const, weight: 'bolder' as const } : {}) },
        ),
      })),
    ...view.contributions
      .filter((c) => c.createdAt > since)
      .map((c) => ({
        at: c.createdAt,
        el: text(fx.actieoverleg.contribution(t.orgs[c.orgId], at(c.createdAt)), { size: 'small', spacing: 'small' }),
      })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const head = heading(fx.actieoverleg.sinceHeading(at(since)));
  if (events.length === 0) return [head, text(fx.actieoverleg.sinceNone, { isSubtle: true, size: 'small', spacing: 'none' })];
  const note = (n: number) => text(fx.actieoverleg.more(n), { isSubtle: true, size: 'small' });
  const fit = takeWithinBudget(
    events.map((e) => e.el),
    ACTIEOVERLEG_CARD_LIMITS.reasonBytes - cardBytes(note(events.length)),
    cardBytes,
  );
  return [head, ...fit.taken, ...(fit.omitted > 0 ? [note(fit.omitted)] : [])];
}

function peopleSection(view: ActieoverlegCardView): CardElement {
  const e = view.escalation;
  const owner = e.caseOwner
    ? text(t.actieoverleg.owner(t.orgs[e.caseOwner.orgId], formatAmsterdamShort(e.caseOwner.at, view.now)), {
        weight: 'bolder',
        spacing: 'small',
      })
    : text(t.actieoverleg.ownerNone, { weight: 'bolder', color: 'warning', spacing: 'small' });
  return container([text(`**${t.actieoverleg.attendees}:** ${orgNames(e.attendees)}`), owner], { spacing: 'medium' });
}

function actions(view: ActieoverlegCardView): CardElement[] {
  const caseId = view.case.id;
  const list: CardElement[] = [];
  if (!view.escalation.caseOwner) {
    list.push({
      type: 'Action.Execute',
      title: t.actieoverleg.becomeOwner,
      verb: VERBS.aoBecomeOwner,
      data: { caseId },
      associatedInputs: 'none',
      style: 'positive',
    });
  }
  if (view.viewerIsChair) {
    list.push({
      type: 'Action.ShowCard',
      title: t.actieoverleg.editQuestion,
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: INPUTS.aoQuestion,
            value: view.escalation.question,
            label: t.actieoverleg.questionInput,
            isMultiline: true,
            maxLength: MAX_REASON,
            regex: minTrimmedLength(10),
            isRequired: true,
            errorMessage: t.actieoverleg.questionError,
          },
          piiConfirmToggle(INPUTS.aoQuestionPiiConfirm),
        ],
        actions: [
          {
            type: 'Action.Execute',
            title: t.actieoverleg.questionSubmit,
            verb: VERBS.aoEditQuestion,
            data: { caseId },
            associatedInputs: 'auto',
          },
        ],
      },
    });
  }
  if (view.caseLink) list.push({ type: 'Action.OpenUrl', title: t.actieoverleg.toCase, url: view.caseLink });
  return list;
}

/**
 * The card for the Actieoverleg: the escalated case with its question, why it escalated (rule and
 * the buikpijn per organisation), who should be there and who owns it, then the minimised facts and
 * the context information so far (newest first, within the budget). Persons only as role + age;
 * no personal ids (the case owner is shown as an organisation).
 */
export function buildActieoverlegCard(view: ActieoverlegCardView): AdaptiveCard {
  const caseId = view.case.id;
  const list = actions(view);
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    msteams: { width: 'Full' },
    refresh: { action: { type: 'Action.Execute', verb: VERBS.aoRefresh, data: { caseId } } },
    body: [],
    ...(list.length > 0 ? { actions: list } : {}),
  };
  const count = view.contributions.length;
  const before: CardElement[] = [
    ...(view.notice ? [noticeSection(view.notice)] : []),
    text(t.actieoverleg.title(caseRef(caseId)), { weight: 'bolder', size: 'large' }),
    headerSection(view),
    questionSection(view),
    whySection(view),
    peopleSection(view),
    termijnSection(view),
    safetySection(view),
    ...factsSection(view, ACTIEOVERLEG_CARD_LIMITS.summary),
    ...reasonsSection(view),
    ...sinceSection(view),
    heading(t.contributions.heading(count)),
    count === 0
      ? text(t.contributions.none, { isSubtle: true, spacing: 'none' })
      : text(`${t.contributions.byOrg}: ${contributionCounts(view.contributions)}`, { spacing: 'none' }),
  ];
  const items = newestFirst(view.contributions).map((c) =>
    contributionItem(c, { textMax: ACTIEOVERLEG_CARD_LIMITS.contributionText, needMax: ACTIEOVERLEG_CARD_LIMITS.needToKnow }),
  );
  const olderNote = (n: number) => text(t.actieoverleg.olderContributions(n), { isSubtle: true, size: 'small' });
  const rest = cardBytes({ ...card, body: before }) + cardBytes(olderNote(items.length));
  const budget = Math.min(ACTIEOVERLEG_CARD_LIMITS.contributionBytes, ACTIEOVERLEG_CARD_LIMITS.maxBytes - rest);
  const fit = takeWithinBudget(items, budget, cardBytes, ACTIEOVERLEG_CARD_LIMITS.maxContributions);
  card.body = [...before, ...fit.taken, ...(fit.omitted > 0 ? [olderNote(fit.omitted)] : [])];
  return card;
}
