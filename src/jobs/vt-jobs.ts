import { buildVtConsultationCard } from '../cards/vt-consultation-card';
import { buildVtMorningSummaryCard } from '../cards/vt-summary-card';
import type { VtConsultationCardView, VtMorningSummaryView } from '../cards/view';
import { callBackOpen, type VtConsultationRecord } from '../domain/vt/record';
import { nlMessages, nlVtAdviceFixes as fx } from '../i18n/nl';
import { caseRef } from '../cards/sections';
import { formatAmsterdamShort } from '../cards/text';
import { zsmName } from '../cards/vt-sections';
import { newJob, type Job } from '../store/jobs';
import { auditId } from '../store/repository';
import { RecipientUnreachableError, type Outbound } from '../app/ports';
import { requestCardRefresh } from '../app/case-access';
import type { AppDeps } from '../app/deps';
import { caseLink } from '../views/actieoverleg-view';
import { applyEvent, changeConsultation } from '../app/vt/consult';
import { consultationFollowsHorizon } from '../app/verdieping/consultation-horizon';
import type { ViewVia } from '../domain/views';
import type { AdaptiveCard } from '../cards/types';
import { ok, type Result } from '../app/errors';
import { auditView, authorizeView } from '../app/views';

async function consultationView(
  deps: AppDeps,
  r: VtConsultationRecord,
  toBackup: boolean,
  notice?: VtConsultationCardView['notice'],
  extraDraft?: VtConsultationCardView['extraDraft'],
): Promise<VtConsultationCardView | null> {
  const theCase = await deps.repo.getCase(r.caseId);
  const location = theCase ? deps.directory.location(theCase.locationId) : undefined;
  if (!theCase || !location) return null;
  return {
    case: theCase,
    location,
    consultation: r,
    toBackup,
    ...(notice ? { notice } : {}),
    ...(extraDraft ? { extraDraft } : {}),
    now: deps.clock.now(),
  };
}

/**
 * The consultation card for the person looking at it: the consulted on-call member, the backup once
 * asked, or the location's roster (need-to-know, src/domain/views.ts); audited. A refusal is a Dutch text.
 */
export async function vtCardFor(
  deps: AppDeps,
  caseId: string,
  aad: string | undefined,
  notice?: VtConsultationCardView['notice'],
  via: ViewVia = 'action',
  extraDraft?: VtConsultationCardView['extraDraft'],
): Promise<Result<AdaptiveCard | null>> {
  const [doc, theCase] = await Promise.all([deps.repo.getVtConsultation(caseId), deps.repo.getCase(caseId)]);
  if (!doc || !theCase) return ok(null);
  const access = await authorizeView(deps, 'vt', theCase, aad);
  if (!access.ok) return access;
  const toBackup = !!aad && aad === doc.body.state.backup && aad !== doc.body.state.primary;
  const view = await consultationView(deps, doc.body, toBackup, notice, extraDraft);
  if (!view) return ok(null);
  await auditView(deps, caseId, access.value, 'vt', via);
  return ok(buildVtConsultationCard(view));
}

/** A consultation card sent to one person's 1:1 chat is their personal view: audited as delivered. */
async function auditDelivered(deps: AppDeps, caseId: string, aad: string): Promise<void> {
  const member = deps.directory.member(aad);
  await auditView(deps, caseId, { aadObjectId: aad, ...(member ? { member } : {}), orgId: member?.orgId ?? 'vt' }, 'vt', 'delivered');
}

async function tellDesk(deps: AppDeps, outbound: Outbound, caseId: string, text: string): Promise<void> {
  const ref = await deps.repo.getCardRef(caseId);
  if (ref) await outbound.replyInThread(ref, { text });
}

/** The person cannot get a 1:1 message at all (no personal chat): not worth retrying for a question with a termijn. */
const isUnreachable = (e: unknown): boolean => e instanceof RecipientUnreachableError;

/** Send the consultation card to the on-call member's 1:1 chat (once; the reference is kept). */
export async function vtSendJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const doc = await deps.repo.getVtConsultation(job.caseId);
  const r = doc?.body;
  if (!r || r.seq !== Number(job.payload.seq) || r.sent.primary || !r.state.primary || r.state.status !== 'asked') return;
  const view = await consultationView(deps, r, false);
  if (!view) return;
  let ref;
  try {
    ref = await outbound.sendToUser(r.state.primary, { card: buildVtConsultationCard(view) });
  } catch (e) {
    if (!isUnreachable(e)) throw e;
    await unreachable(deps, outbound, job.caseId, r.seq, r.state.primary);
    return;
  }
  await auditDelivered(deps, job.caseId, r.state.primary);
  await changeConsultation(deps, job.caseId, (c) => (c.seq === r.seq ? { ...c, sent: { ...c.sent, primary: ref } } : 'unchanged'));
}

/**
 * A 1:1 message could not be delivered: said on the case card at once, and the next person is asked
 * now (the primary's question goes to the backup; an unreachable backup closes it as geen reactie).
 */
async function unreachable(deps: AppDeps, outbound: Outbound, caseId: string, seq: number, who: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  const next = await changeConsultation(deps, caseId, (r) =>
    r.seq === seq ? applyEvent(r, { type: 'unreachable', at, who }) : 'unchanged',
  );
  if (typeof next === 'string') return;
  deps.log.warn({ caseId, seq, role: who === next.state.primary ? 'primary' : 'backup' }, 'VT on-call member cannot be reached in Teams');
  await deps.repo.appendAudit({
    id: auditId({ at }),
    caseId,
    at,
    action: 'vt.unreachable',
    actorId: 'system',
    detail: { seq, role: who === next.state.primary ? 'primary' : 'backup' },
  });
  await requestCardRefresh(deps, caseId);
  if (next.state.status === 'backup_asked') {
    await tellDesk(deps, outbound, caseId, fx.vt.deskPrimaryUnreachable(next.regionName));
    await askBackup(deps, outbound, caseId, next);
  } else {
    await tellDesk(deps, outbound, caseId, fx.vt.deskUnreachable(next.regionName));
  }
}

/** Send the card to the backup and schedule the backup's own reminder and "geen reactie". */
async function askBackup(deps: AppDeps, outbound: Outbound, caseId: string, r: VtConsultationRecord): Promise<void> {
  const s = r.state;
  if (s.status !== 'backup_asked' || !s.backup || r.sent.backup) return;
  const now = deps.clock.now().toISOString();
  const job = (id: string, type: 'vtReminder' | 'vtBackup', dueAt: string | undefined, target: string) =>
    dueAt ? deps.repo.requestJob(newJob({ id, caseId, type, dueAt, now, payload: { seq: r.seq, target } })) : Promise.resolve();
  await job(`job:vtReminder:${r.seq}:backup`, 'vtReminder', s.backupRemindAt, 'backup');
  await job(`job:vtBackup:${r.seq}:silent`, 'vtBackup', s.backupSilentAt, 'silent');
  deps.kickJobs();
  const view = await consultationView(deps, r, true);
  if (!view) return;
  let ref;
  try {
    ref = await outbound.sendToUser(s.backup, { card: buildVtConsultationCard(view) });
  } catch (e) {
    if (!isUnreachable(e)) throw e;
    await unreachable(deps, outbound, caseId, r.seq, s.backup);
    return;
  }
  await auditDelivered(deps, caseId, s.backup);
  await changeConsultation(deps, caseId, (c) => (c.seq === r.seq ? { ...c, sent: { ...c.sent, backup: ref } } : 'unchanged'));
}

/** The reminder names the case, its termijn and the question: with two open questions it is never ambiguous. */
async function reminderText(deps: AppDeps, r: VtConsultationRecord): Promise<string> {
  const theCase = await deps.repo.getCase(r.caseId);
  const location = theCase ? deps.directory.location(theCase.locationId) : undefined;
  return fx.vt.reminder(
    zsmName(location?.name ?? 'ZSM'),
    caseRef(r.caseId),
    r.question,
    formatAmsterdamShort(theCase?.deadline ?? r.state.expiresAt, deps.clock.now()),
  );
}

/** The reminder to the primary (or, with `target: 'backup'`, to the backup after it was asked). */
export async function vtReminderJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const at = deps.clock.now().toISOString();
  if (job.payload.target === 'callBack') {
    // The desk's open call-back: remind in the case's thread until someone marks it "teruggebeld".
    const r = (await deps.repo.getVtConsultation(job.caseId))?.body;
    if (r?.seq === Number(job.payload.seq) && r.callBack && callBackOpen(r))
      await tellDesk(deps, outbound, job.caseId, fx.vt.deskCallBackReminder(r.regionName));
    return;
  }
  const toBackup = job.payload.target === 'backup';
  const next = await changeConsultation(deps, job.caseId, (r) =>
    r.seq === Number(job.payload.seq) ? applyEvent(r, { type: toBackup ? 'backupReminderDue' : 'reminderDue', at }) : 'unchanged',
  );
  if (typeof next === 'string') return;
  const to = toBackup ? next.state.backup : next.state.primary;
  if (!to) return;
  try {
    await outbound.sendToUser(to, { text: await reminderText(deps, next) });
  } catch (e) {
    if (!isUnreachable(e)) throw e;
    await unreachable(deps, outbound, job.caseId, next.seq, to);
  }
  await requestCardRefresh(deps, job.caseId);
}

/**
 * No answer: ask the backup (with the same card) and tell the desk; without a backup the desk hears
 * "geen reactie". With `target: 'silent'`: the backup did not answer either — the desk is told.
 */
export async function vtBackupJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const at = deps.clock.now().toISOString();
  const silent = job.payload.target === 'silent';
  const next = await changeConsultation(deps, job.caseId, (r) =>
    r.seq === Number(job.payload.seq) ? applyEvent(r, { type: silent ? 'backupSilentDue' : 'backupDue', at }) : 'unchanged',
  );
  if (typeof next === 'string') return;
  if (next.state.status === 'backup_asked') {
    await tellDesk(deps, outbound, job.caseId, nlMessages.vt.deskBackup(next.regionName));
    await askBackup(deps, outbound, job.caseId, next);
  } else if (next.state.status === 'no_answer') {
    await tellDesk(
      deps,
      outbound,
      job.caseId,
      silent ? fx.vt.deskBackupSilent(next.regionName) : nlMessages.vt.deskNoAnswer(next.regionName),
    );
  }
  await requestCardRefresh(deps, job.caseId);
}

export async function vtExpireJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  // A case taken into verdieping keeps its consultation open until the horizon (issue 14 item 1).
  if (await consultationFollowsHorizon(deps, job.caseId)) return;
  const at = deps.clock.now().toISOString();
  const next = await changeConsultation(deps, job.caseId, (r) =>
    r.seq === Number(job.payload.seq) ? applyEvent(r, { type: 'expire', at }) : 'unchanged',
  );
  if (typeof next === 'string') return;
  await tellDesk(deps, outbound, job.caseId, nlMessages.vt.deskNoAnswer(next.regionName));
  await requestCardRefresh(deps, job.caseId);
}

/** At the start of office hours: the evening's consultations of a region, for VT's day team. */
export async function vtSummaryJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const regionId = String(job.payload.regionId);
  const from = String(job.payload.from);
  const region = deps.directory.vt?.regions.find((r) => r.id === regionId);
  if (!region?.dayTeamChannelId) {
    deps.log.warn({ regionId }, 'no dayTeamChannelId for the VT region: morning summary not sent');
    return;
  }
  const consultations = await deps.queries.vtConsultationsAskedBetween(regionId, from, job.dueAt);
  const items: VtMorningSummaryView['items'] = [];
  for (const c of consultations) {
    const theCase = await deps.repo.getCase(c.caseId);
    const location = theCase ? deps.directory.location(theCase.locationId) : undefined;
    if (!theCase || !location) continue;
    const link = await caseLink(deps, theCase);
    items.push({ case: theCase, locationName: location.name, consultation: c, ...(link ? { caseLink: link } : {}) });
  }
  if (items.length === 0) return;
  await outbound.postCardToChannel(
    region.dayTeamChannelId,
    buildVtMorningSummaryCard({ regionName: region.name, from, to: job.dueAt, items, now: deps.clock.now() }),
    {
      idempotencyKey: `vtSummary:${regionId}:${job.dueAt}`,
    },
  );
}
