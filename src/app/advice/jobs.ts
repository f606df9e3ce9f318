import { buildAdviceCard } from '../../cards/advice-card';
import type { AdviceCardView } from '../../cards/view';
import type { Case } from '../../domain/case';
import { nlCards, nlMessages, nlVtAdviceFixes as fx } from '../../i18n/nl';
import type { PartnerOrg } from '../../domain/orgs';
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
    ...(viewer ? { viewerMayDecide: viewer.roles.includes('ovj') || viewer.roles.includes('chair') } : {}),
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
      : decisionText(deps, view, ref);
  const cardRef = await deps.repo.getCardRef(theCase.id);
  if (cardRef) await outbound.replyInThread(cardRef, { text });
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
