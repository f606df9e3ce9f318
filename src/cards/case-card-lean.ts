import { nlCaseCards } from '../i18n/nl/case-cards';
import { nlLeanAnswer } from '../i18n/nl/lean-answer';
import { voteFormModel, CASE_CARD_DENSITIES, type CaseCardModel } from './case-card';
import type { CardDensity } from './case-course';
import { roundSection } from './case-course';
import { dangerLines, statusLine } from './case-top';
import { renderActions } from './parts';
import { safetySignalDangerLines } from './safety-signals';
import { headerSection } from './sections';
import { renderTemplate } from './template';
import type { AdaptiveCard } from './types';
import { verdiepingPicture } from './verdieping-card';
import { VERBS } from './verbs';
import type { CaseCardView } from './view';

/**
 * What `cards/case-card-lean.json` binds: the lean answer to a vote (docs/cards.md "The lean answer").
 * The top of the case card as the layout rule orders it (status and what is asked of this person,
 * danger, the vote row, the picture), then the way to the full card: a refresh for the actor only
 * (Teams fetches the full personal card with the refresh verb) and "Volledige kaart" (the same view,
 * one click). Still a personal view: role labels only, like the full card.
 */
export type LeanCaseCardModel = Pick<
  CaseCardModel,
  'caseId' | 'refreshVerb' | 'refreshUserIds' | 'notice' | 'status' | 'header' | 'dangerHeading' | 'danger' | 'primaryActions' | 'picture'
> & { fullCard: { title: string; hint: string; verb: string } };

/** The vote form with its hint, as on the fullest card. */
const FULL = CASE_CARD_DENSITIES[0] as CardDensity;
/** The picture as one line per organisation with its reason (shortened; the full reasons are on the full card). */
const LINES = CASE_CARD_DENSITIES[1] as CardDensity;

/**
 * `actorMri`: the actor's Teams id as the store knows it (never taken from the activity): the refresh
 * list names the actor only, the one person who sees this answer. Unknown: no automatic refresh, the
 * button stays.
 */
export function leanCaseCardModel(view: CaseCardView, actorMri: string | undefined): LeanCaseCardModel {
  return {
    caseId: view.case.id,
    refreshVerb: VERBS.refresh,
    refreshUserIds: actorMri !== undefined && view.refreshUserIds.includes(actorMri) ? [actorMri] : [],
    ...(view.notice ? { notice: { text: view.notice.text, style: view.notice.kind } } : {}),
    status: statusLine(view),
    header: [headerSection(view, { personal: view.viewerOrg !== undefined, explainFlags: false })],
    dangerHeading: nlCaseCards.danger.heading,
    danger: [...dangerLines(view), ...safetySignalDangerLines(view)],
    primaryActions: view.case.status === 'closed' ? [] : renderActions('vote-form', voteFormModel(view, FULL.hints)),
    picture: [...verdiepingPicture(view, !LINES.hints), ...roundSection(view, LINES)],
    fullCard: { title: nlLeanAnswer.fullCard.title, hint: nlLeanAnswer.fullCard.hint, verb: VERBS.open },
  };
}

export function buildLeanCaseCard(view: CaseCardView, actorMri: string | undefined): AdaptiveCard {
  return renderTemplate('cards', 'case-card-lean', leanCaseCardModel(view, actorMri));
}
