import { caseCode } from '../domain/case-code';
import { buildAdviceCard } from '../cards/advice-card';
import { buildChannelCard } from '../cards/channel-card';
import { contributionVisibleTo, type ViewVia } from '../domain/views';
import type { AdviceCardView } from '../cards/view';
import type { Case } from '../domain/case';
import { mayRecordDecision } from '../domain/roster';
import type { AdaptiveCard } from '../cards/types';
import { nlCards, nlMessages, nlViews, nlVtAdviceFixes as fx } from '../i18n/nl';
import type { PartnerOrg } from '../domain/orgs';
import type { Job } from '../store/jobs';
import type { AppDeps } from '../app/deps';
import { fail, ok, type Result } from '../app/errors';
import type { Outbound } from '../app/ports';
import { auditView, authorizeView, loadChannelSummary } from '../app/views';
import { withEtagRetry } from '../store/etag-retry';
import { loadAdviceVerdieping } from '../views/advice-verdieping';
import { askFollowUpJob } from './closing-jobs';

export async function adviceView(
  deps: AppDeps,
  theCase: Case,
  viewerAad?: string,
  notice?: AdviceCardView['notice'],
): Promise<AdviceCardView | null> {
  const [advice, escalation] = await Promise.all([deps.repo.getAdvice(theCase.id), deps.repo.getEscalation(theCase.id)]);
  const location = deps.directory.location(theCase.locationId);
  if (!advice || !location) return null;
  // The Actieoverleg's outcome flows into the advice (issue 15).
  const aoOutcome = escalation?.body.outcome;
  const viewer = deps.directory.member(viewerAad);
  // The advice holds only what OM may read; a viewer of another organisation (the lead) loses what it may not.
  const draft = advice.body.draft;
  const mayRead = (c: (typeof draft.contributions)[number]) => contributionVisibleTo(c, viewer?.orgId);
  return {
    case: theCase,
    location,
    advice: { ...advice.body, draft: { ...draft, contributions: draft.contributions.filter(mayRead) } },
    palette: deps.directory.palette,
    ...(viewer ? { viewerMayDecide: mayRecordDecision(viewer) } : {}),
    ...(notice ? { notice } : {}),
    ...(aoOutcome ? { aoOutcome } : {}),
    now: deps.clock.now(),
    ...(await loadAdviceVerdieping(deps, theCase, viewer?.orgId)),
  };
}

/** The advice card for the OvJ, the chairs and the organisation with regie; every view is audited. */
export async function viewAdvice(
  deps: AppDeps,
  caseId: string,
  aad: string | undefined,
  notice?: AdviceCardView['notice'],
  via: ViewVia = 'action',
): Promise<Result<AdviceCardView>> {
  const theCase = await deps.repo.getCase(caseId);
  if (!theCase) return fail('case_not_found');
  const access = await authorizeView(deps, 'advice', theCase, aad);
  if (!access.ok) return access;
  const view = await adviceView(deps, theCase, aad, notice);
  if (!view) return fail('no_advice');
  await auditView(deps, caseId, access.value, 'advice', via);
  return ok(view);
}

/**
 * Where the advice lives: the OvJ channel gets the minimal summary (the OvJ opens it personally);
 * without one, the 1:1 chat of the location's OvJ carries that OvJ's personal view (audited as delivered).
 */
async function adviceMessage(deps: AppDeps, theCase: Case): Promise<{ card: AdaptiveCard; to: 'channel' | string } | null> {
  const location = deps.directory.location(theCase.locationId);
  if (!location) return null;
  if (location.ovjChannelId) {
    const channel = await loadChannelSummary(deps, 'advice', theCase, 'advice');
    return channel ? { card: buildChannelCard(channel.summary, channel.refreshUserIds, deps.clock.now()), to: 'channel' } : null;
  }
  const ovj = deps.directory.membersWithRole(theCase.locationId, 'ovj')[0];
  if (!ovj) return null; // the roster requires an OvJ channel or an OvJ member: not reached with a valid roster
  const view = await adviceView(deps, theCase, ovj.aadObjectId);
  if (!view) return null;
  await auditView(deps, theCase.id, { aadObjectId: ovj.aadObjectId, member: ovj, orgId: ovj.orgId }, 'advice', 'delivered');
  return { card: buildAdviceCard(view), to: ovj.aadObjectId };
}

/** The decision as labelled lines: the interventions (each with its note and letter language), the OvJ's text, and why it stands despite buikpijn. */
const decisionText = (deps: AppDeps, view: AdviceCardView, ref: string): string => {
  const fb = fx.feedback;
  const labels = new Map(deps.directory.palette.map((i) => [i.id, i.label]));
  const d = view.advice.decision;
  const chosen = (d?.interventions ?? []).map((i) => fb.intervention(labels.get(i.interventionId) ?? i.interventionId, i.note, i.language));
  const concerned = concernedOrgs(view);
  const lines = [
    fb.title(ref),
    chosen.length > 0 ? fb.interventions(chosen.join('; ')) : fb.noInterventions,
    ...(d?.freeText ? [fb.freeText(d.freeText)] : []),
    ...(d?.concernAcknowledgement && concerned.length > 0
      ? [fb.despiteConcern(concerned.map((o) => nlCards.orgs[o]).join(', '), d.concernAcknowledgement)]
      : []),
  ];
  return lines.join('\n\n');
};

/** The organisations whose buikpijn still stood in the advice the OvJ decided on. */
const concernedOrgs = (view: AdviceCardView): PartnerOrg[] => [...new Set(view.advice.draft.openConcern.map((c) => c.orgId))];

/** Post the advice card to the OvJ: the OvJ channel of the location, else a 1:1 chat with its OvJ. */
export async function sendAdviceJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  const doc = await deps.repo.getAdvice(job.caseId);
  if (!theCase || !doc || doc.body.adviceRef) return;
  const message = await adviceMessage(deps, theCase);
  const location = deps.directory.location(theCase.locationId);
  if (!message || !location) {
    deps.log.error({ caseId: job.caseId }, 'no OvJ target for the advice (roster lacks ovjChannelId and an ovj member)');
    return;
  }
  const ref =
    message.to === 'channel' && location.ovjChannelId
      ? await outbound.postCardToChannel(location.ovjChannelId, message.card, { idempotencyKey: `advice:${theCase.id}` })
      : await outbound.sendToUser(message.to, { card: message.card });
  const stored = await withEtagRetry(`advice ref of ${job.caseId}`, async () => {
    const current = await deps.repo.getAdvice(job.caseId);
    if (!current) return false;
    await deps.repo.putAdvice({ ...current.body, adviceRef: ref }, current.etag);
    return true;
  });
  if (!stored) return;
  deps.log.info({ caseId: job.caseId, activityId: ref.activityId }, 'advice sent to the OvJ');
}

export async function refreshAdviceJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  const doc = await deps.repo.getAdvice(job.caseId);
  if (!theCase || !doc?.body.adviceRef) return;
  const message = await adviceMessage(deps, theCase);
  if (message) await outbound.updateCard(doc.body.adviceRef, message.card);
}

/** Terugkoppeling: in the case thread, and to everyone who contributed (1:1, where the app is installed for them). */
export async function feedbackJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  if (!theCase) return;
  const view = await adviceView(deps, theCase);
  if (!view) return;
  const ref = caseCode(theCase.id);
  const f = view.advice.followUp;
  const followUp = job.payload.what === 'followUp' && !!f?.answer;
  // 1:1 to each contributor: a personal message, so it may carry the content (audited as delivered).
  const text = followUp && f?.answer ? nlMessages.advice.feedbackFollowUp(ref, f.answer, !!f.closed) : decisionText(deps, view, ref);
  // The case thread is in the location channel: only that there is news.
  const threadText = followUp ? nlViews.thread.feedbackFollowUp(ref, !!f?.closed) : nlViews.thread.feedbackDecision(ref);
  const cardRef = await deps.repo.getCardRef(theCase.id);
  if (cardRef) await outbound.replyInThread(cardRef, { text: threadText });
  const authors = [...new Set((await deps.repo.listContributions(theCase.id)).map((c) => c.authorId))];
  // "Ondanks buikpijn": whoever voted buikpijn for a concerned organisation hears the OvJ's reason in person.
  const ack = view.advice.decision?.concernAcknowledgement;
  const personal = new Map<string, string>(authors.map((a) => [a, text]));
  if (job.payload.what !== 'followUp' && ack) {
    const concerned = new Set(concernedOrgs(view));
    for (const v of await deps.repo.listVotes(theCase.id)) {
      if (!v.concern || !concerned.has(v.orgId)) continue;
      const note = fx.feedback.toConcerned(ref, nlCards.orgs[v.orgId], ack);
      personal.set(v.voterId, `${text}\n\n${note}`);
    }
  }
  for (const [aad, message] of personal) {
    try {
      await outbound.sendToUser(aad, { text: message });
      const member = deps.directory.member(aad);
      await auditView(deps, theCase.id, { aadObjectId: aad, ...(member ? { member, orgId: member.orgId } : {}) }, 'case', 'delivered');
    } catch (e) {
      // A contributor without the app installed still sees it in the thread; do not fail the thread post again.
      deps.log.info(
        { caseId: theCase.id, err: e instanceof Error ? e.message.slice(0, 120) : 'error' },
        'terugkoppeling 1:1 not delivered',
      );
    }
  }
}

/** After the configured days: ask the case lead what came of it (1:1 with a mention in the thread; src/jobs/closing-jobs.ts). */
export async function adviceFollowUpJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  await askFollowUpJob(deps, outbound, job);
}
