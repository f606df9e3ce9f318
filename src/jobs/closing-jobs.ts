import type { AppDeps } from '../app/deps';
import type { Outbound } from '../app/ports';
import { auditView } from '../app/views';
import { partyLabel } from '../cards/case-closing';
import type { AdviceRecord } from '../domain/advice/types';
import { followUpReminder, type FollowUp } from '../domain/aftercare/follow-up';
import type { Case } from '../domain/case';
import { caseCode } from '../domain/case-code';
import type { PartnerOrg } from '../domain/orgs';
import { nlAftercare } from '../i18n/nl/aftercare';
import { nlCards } from '../i18n/nl/cards';
import { nlClosing as n } from '../i18n/nl/closing';
import { withEtagRetry } from '../store/etag-retry';
import { newJob, type Job } from '../store/jobs';
import { caseLink } from '../views/actieoverleg-view';
import { requestCardRefresh } from '../app/case-access';
import { ADVICE_JOB_IDS } from '../domain/decisions/advice-decisions';

/**
 * Jobs of closing with a handover and of "wat is ervan gekomen?" (issue 15 items 2 and 4). They
 * send; what was decided is in the case (closure) and the advice (followUp), committed before.
 */

/** 1:1 to one person, audited as a delivered view; a person without the app installed is logged, not retried. */
async function sendPersonal(deps: AppDeps, outbound: Outbound, theCase: Case, aad: string, text: string): Promise<boolean> {
  try {
    await outbound.sendToUser(aad, { text });
    const member = deps.directory.member(aad);
    await auditView(deps, theCase.id, { aadObjectId: aad, ...(member ? { member, orgId: member.orgId } : {}) }, 'case', 'delivered');
    return true;
  } catch (e) {
    deps.log.info({ caseId: theCase.id, err: e instanceof Error ? e.message.slice(0, 120) : 'error' }, '1:1 message not delivered');
    return false;
  }
}

/**
 * Terugkoppeling of a closing: the thread hears that the case closed and to whom (no content); each
 * contributor and, when the receiving party is a partner in Teams, the roster members of that
 * organisation at the location hear what was handed over, 1:1.
 */
export async function closingFeedbackJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  const closure = theCase?.closure;
  if (!theCase || theCase.status !== 'closed' || !closure?.handover) return;
  const h = closure.handover;
  const location = deps.directory.location(theCase.locationId);
  const ref = caseCode(theCase.id);
  const party = h.kind === 'none' ? null : partyLabel(h, location);
  const cardRef = await deps.repo.getCardRef(theCase.id);
  if (cardRef) await outbound.replyInThread(cardRef, { text: n.feedback.thread(ref, party) });
  const items = h.handedOver.map((i) => nlAftercare.handover.item[i].toLowerCase()).join(', ');
  const text = n.feedback.personal(ref, party, items, h.note ?? null, h.noneReason ?? null);
  const to = new Map<string, string>();
  for (const c of await deps.repo.listContributions(theCase.id)) to.set(c.authorId, text);
  const receiving: PartnerOrg | undefined = h.notifyOrg;
  if (receiving)
    for (const m of deps.directory.membersInLocation(theCase.locationId).filter((x) => x.orgId === receiving))
      to.set(m.aadObjectId, `${text}\n\n${n.feedback.toReceiving(nlCards.orgs[receiving])}`);
  let sent = 0;
  for (const [aad, message] of to) if (await sendPersonal(deps, outbound, theCase, aad, message)) sent++;
  deps.log.info({ caseId: theCase.id, partyId: h.partyId, sent }, 'closing terugkoppeling sent');
}

/** The case lead's organisation and the people of it who get the question 1:1. */
function followUpAddressee(
  deps: AppDeps,
  theCase: Case,
  advice: AdviceRecord,
  owner: string | undefined,
): { orgId: PartnerOrg; aadObjectIds: string[] } | undefined {
  const drafter = deps.directory.member(advice.draftedBy);
  const orgId = theCase.caseLead?.orgId ?? drafter?.orgId;
  if (!orgId) return undefined;
  const onRoster = (aad: string | undefined) => {
    const m = deps.directory.member(aad);
    return m && m.orgId === orgId && m.locations.includes(theCase.locationId) ? m.aadObjectId : undefined;
  };
  // The casusverantwoordelijke of the Actieoverleg, else whoever drafted the advice, if of the lead's organisation.
  const person = onRoster(owner) ?? onRoster(advice.draftedBy);
  if (person) return { orgId, aadObjectIds: [person] };
  // Nobody named: everyone of the lead's organisation at the location.
  return {
    orgId,
    aadObjectIds: deps.directory
      .membersInLocation(theCase.locationId)
      .filter((m) => m.orgId === orgId)
      .map((m) => m.aadObjectId),
  };
}

/** The thread message with a mention of the addressed person (by role label, never a name). */
async function threadWithMention(
  deps: AppDeps,
  outbound: Outbound,
  theCase: Case,
  addressee: { orgId: PartnerOrg; aadObjectIds: string[] } | undefined,
  text: (mention: string) => string,
  plain: string,
): Promise<void> {
  const cardRef = await deps.repo.getCardRef(theCase.id);
  if (!cardRef) return;
  const mris = await deps.repo.getUserMris();
  const label = addressee ? n.followUp.mentionLabel(nlCards.orgs[addressee.orgId]) : undefined;
  const mentions = label
    ? (addressee?.aadObjectIds ?? []).flatMap((a) => (mris[a] ? [{ label, mri: mris[a] as string }] : [])).slice(0, 1)
    : [];
  const mention = mentions[0];
  await outbound.replyInThread(cardRef, mention ? { text: text(`<at>${mention.label}</at>`), mentions } : { text: plain });
}

/** The case card and the OvJ's advice card show the question's state. */
async function refreshBoth(deps: AppDeps, caseId: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.repo.requestJob(newJob({ id: ADVICE_JOB_IDS.refreshAdvice, caseId, type: 'refreshAdvice', dueAt: now, now }));
  await requestCardRefresh(deps, caseId);
}

/** The first reminder's job: one id per reminder, so a retried job never sends a later one early. */
export const followUpReminderJobId = (n: number): string => `job:followUpReminder:${n}`;

/**
 * "Wat is ervan gekomen?", the configured days after the decision: asked 1:1 of the case lead
 * (casusverantwoordelijke), with a mention in the thread; the reminders are planned.
 */
export async function askFollowUpJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  if (!theCase || theCase.status !== 'open') return;
  const escalation = await deps.repo.getEscalation(theCase.id);
  const location = deps.directory.location(theCase.locationId);
  const config = location?.aftercare.followUp ?? { reminderAfterHours: 48, maxReminders: 2 };
  const now = deps.clock.now();
  // Mark it asked first (conditional): a second run of this job sees it was asked and sends nothing.
  const asked = await withEtagRetry(`follow-up of ${job.caseId}`, async () => {
    const doc = await deps.repo.getAdvice(job.caseId);
    if (!doc || doc.body.status !== 'decided' || doc.body.followUp?.askedAt || doc.body.followUp?.answer) return undefined;
    const addressee = followUpAddressee(deps, theCase, doc.body, escalation?.body.caseOwner?.aadObjectId);
    const nextReminderAt =
      config.maxReminders > 0 ? new Date(now.getTime() + config.reminderAfterHours * 3_600_000).toISOString() : undefined;
    const followUp: NonNullable<AdviceRecord['followUp']> = {
      ...doc.body.followUp,
      askedAt: now.toISOString(),
      ...(addressee ? { addressee } : {}),
      remindersSent: 0,
      ...(nextReminderAt ? { nextReminderAt } : {}),
    };
    await deps.repo.putAdvice({ ...doc.body, followUp }, doc.etag);
    return followUp;
  });
  if (!asked) return;
  if (asked.nextReminderAt)
    await deps.repo.ensureJob(
      newJob({
        id: followUpReminderJobId(1),
        caseId: theCase.id,
        type: 'followUpReminder',
        dueAt: asked.nextReminderAt,
        now: now.toISOString(),
        payload: { n: 1 },
      }),
    );
  const ref = caseCode(theCase.id);
  const link = await caseLink(deps, theCase);
  for (const aad of asked.addressee?.aadObjectIds ?? []) await sendPersonal(deps, outbound, theCase, aad, n.followUp.personal(ref, link));
  await threadWithMention(deps, outbound, theCase, asked.addressee, (m) => n.followUp.thread(ref, m), n.followUp.threadNoLead(ref));
  await refreshBoth(deps, theCase.id);
  deps.log.info({ caseId: theCase.id, to: asked.addressee?.aadObjectIds.length ?? 0 }, 'follow-up asked of the case lead');
}

/** A reminder while "wat is ervan gekomen?" is unanswered (the domain's followUpReminder decides), and the next one planned. */
export async function followUpReminderJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  if (!theCase || theCase.status !== 'open') return;
  const location = deps.directory.location(theCase.locationId);
  const config = location?.aftercare.followUp ?? { reminderAfterHours: 48, maxReminders: 2 };
  const number = Number(job.payload.n);
  const now = deps.clock.now();
  const doc = await deps.repo.getAdvice(job.caseId);
  const f = doc?.body.followUp;
  // Only reminder n while n-1 were sent: a retried or outdated job sends nothing.
  if (!doc || !f?.askedAt || f.answer || (f.remindersSent ?? 0) !== number - 1) return;
  const asDomain: FollowUp = {
    caseId: theCase.id,
    askedAt: f.askedAt,
    askedBy: 'bot',
    addressee: { orgId: f.addressee?.orgId ?? 'om' },
    remindersSent: f.remindersSent ?? 0,
    ...(f.nextReminderAt ? { nextReminderAt: f.nextReminderAt } : {}),
  };
  const due = followUpReminder(asDomain, config, now);
  if (!due.due) return;
  const ref = caseCode(theCase.id);
  const link = await caseLink(deps, theCase);
  // Sent before it is marked: a crash in between repeats a reminder rather than losing it.
  for (const aad of f.addressee?.aadObjectIds ?? [])
    await sendPersonal(deps, outbound, theCase, aad, n.followUp.reminderPersonal(ref, number, link));
  await threadWithMention(deps, outbound, theCase, f.addressee, (m) => n.followUp.reminderThread(ref, m), n.followUp.threadNoLead(ref));
  const next = due.followUp.nextReminderAt;
  await withEtagRetry(`follow-up reminder of ${job.caseId}`, async () => {
    const cur = await deps.repo.getAdvice(job.caseId);
    if (!cur?.body.followUp || (cur.body.followUp.remindersSent ?? 0) >= number) return true;
    const { nextReminderAt: _old, ...rest } = cur.body.followUp;
    await deps.repo.putAdvice(
      { ...cur.body, followUp: { ...rest, remindersSent: number, ...(next ? { nextReminderAt: next } : {}) } },
      cur.etag,
    );
    return true;
  });
  if (next)
    await deps.repo.ensureJob(
      newJob({
        id: followUpReminderJobId(number + 1),
        caseId: theCase.id,
        type: 'followUpReminder',
        dueAt: next,
        now: now.toISOString(),
        payload: { n: number + 1 },
      }),
    );
  await refreshBoth(deps, theCase.id);
  deps.log.info({ caseId: theCase.id, reminder: number }, 'follow-up reminder sent');
}
