import { buildAdviceCard } from '../../cards/advice-card';
import type { AdviceCardView } from '../../cards/view';
import type { Case } from '../../domain/case';
import { mayRecordDecision } from '../../domain/roster';
import { nlMessages } from '../../i18n/nl';
import { PreconditionFailedError } from '../../store/docstore';
import type { Job } from '../../store/jobs';
import { auditId } from '../../store/repository';
import { requestCardRefresh } from '../case-access';
import { openCaseFor } from '../case-access';
import type { AppDeps } from '../deps';
import { fail, ok, type Result } from '../errors';
import type { Outbound } from '../ports';

export async function adviceView(
  deps: AppDeps,
  theCase: Case,
  viewerAad?: string,
  notice?: AdviceCardView['notice'],
): Promise<AdviceCardView | null> {
  const advice = await deps.repo.getAdvice(theCase.id);
  const location = deps.directory.location(theCase.locationId);
  if (!advice || !location) return null;
  const viewer = deps.directory.member(viewerAad);
  return {
    case: theCase,
    location,
    advice: advice.body,
    palette: deps.directory.palette,
    ...(viewer ? { viewerMayDecide: mayRecordDecision(viewer) } : {}),
    ...(notice ? { notice } : {}),
    now: deps.clock.now(),
  };
}

/** The advice card for a viewer on the roster of the case's location; every read is audited. */
export async function viewAdvice(
  deps: AppDeps,
  caseId: string,
  aad: string | undefined,
  notice?: AdviceCardView['notice'],
): Promise<Result<AdviceCardView>> {
  const access = await openCaseFor(deps, caseId, aad, 'advice.read', { mustBeOpen: false });
  if (!access.ok) return access;
  const view = await adviceView(deps, access.value.theCase, aad, notice);
  if (!view) return fail('no_advice');
  const at = deps.clock.now().toISOString();
  await deps.repo.appendAudit({
    id: auditId({ at }),
    caseId,
    at,
    action: 'advice.read',
    actorId: access.value.member.aadObjectId,
    actorOrg: access.value.member.orgId,
  });
  return ok(view);
}

const decisionText = (deps: AppDeps, view: AdviceCardView): string => {
  const labels = new Map(deps.directory.palette.map((i) => [i.id, i.label]));
  const d = view.advice.decision;
  const parts = [
    ...(d?.interventions ?? []).map((i) => labels.get(i.interventionId) ?? i.interventionId),
    ...(d?.freeText ? [d.freeText] : []),
  ];
  return parts.join('; ');
};

/** Post the advice card to the OvJ: the OvJ channel of the location, else a 1:1 chat with its OvJ. */
export async function sendAdviceJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  const doc = await deps.repo.getAdvice(job.caseId);
  if (!theCase || !doc || doc.body.adviceRef) return;
  const view = await adviceView(deps, theCase);
  if (!view) return;
  const card = buildAdviceCard(view);
  const ovj = deps.directory.membersWithRole(theCase.locationId, 'ovj')[0];
  const ref = view.location.ovjChannelId
    ? await outbound.postCardToChannel(view.location.ovjChannelId, card, { idempotencyKey: `advice:${theCase.id}` })
    : ovj
      ? await outbound.sendToUser(ovj.aadObjectId, { card })
      : await outbound.postCardToChannel(view.location.channelId, card, { idempotencyKey: `advice:${theCase.id}` });
  for (let attempt = 0; attempt < 20; attempt++) {
    const current = await deps.repo.getAdvice(job.caseId);
    if (!current) return;
    try {
      await deps.repo.putAdvice({ ...current.body, adviceRef: ref }, current.etag);
      break;
    } catch (e) {
      if (!(e instanceof PreconditionFailedError)) throw e;
    }
  }
  deps.log.info({ caseId: job.caseId, activityId: ref.activityId }, 'advice sent to the OvJ');
}

export async function refreshAdviceJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  const doc = await deps.repo.getAdvice(job.caseId);
  if (!theCase || !doc?.body.adviceRef) return;
  const view = await adviceView(deps, theCase);
  if (view) await outbound.updateCard(doc.body.adviceRef, buildAdviceCard(view));
}

/** Terugkoppeling: in the case thread, and to everyone who contributed (1:1, where the app is installed for them). */
export async function feedbackJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  if (!theCase) return;
  const view = await adviceView(deps, theCase);
  if (!view) return;
  const ref = theCase.id.slice(0, 8);
  const f = view.advice.followUp;
  const text =
    job.payload.what === 'followUp' && f?.answer
      ? nlMessages.advice.feedbackFollowUp(ref, f.answer, !!f.closed)
      : nlMessages.advice.feedbackDecision(ref, decisionText(deps, view));
  const cardRef = await deps.repo.getCardRef(theCase.id);
  if (cardRef) await outbound.replyInThread(cardRef, { text });
  const authors = [...new Set((await deps.repo.listContributions(theCase.id)).map((c) => c.authorId))];
  for (const aad of authors) {
    try {
      await outbound.sendToUser(aad, { text });
    } catch (e) {
      // A contributor without the app installed still sees it in the thread; do not fail the thread post again.
      deps.log.info(
        { caseId: theCase.id, err: e instanceof Error ? e.message.slice(0, 120) : 'error' },
        'terugkoppeling 1:1 not delivered',
      );
    }
  }
}

/** After the configured days: ask the case lead what came of it (in the thread; the card shows the form). */
export async function adviceFollowUpJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  const doc = await deps.repo.getAdvice(job.caseId);
  if (!theCase || !doc || doc.body.status !== 'besloten' || doc.body.followUp?.askedAt) return;
  const at = deps.clock.now().toISOString();
  await deps.repo.putAdvice({ ...doc.body, followUp: { ...doc.body.followUp, askedAt: at } }, doc.etag);
  const cardRef = await deps.repo.getCardRef(theCase.id);
  if (cardRef) await outbound.replyInThread(cardRef, { text: nlMessages.advice.followUpQuestion(theCase.id.slice(0, 8)) });
  await requestCardRefresh(deps, theCase.id);
}
