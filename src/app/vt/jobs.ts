import { buildVtConsultationCard } from '../../cards/vt-consultation-card';
import { buildVtMorningSummaryCard } from '../../cards/vt-summary-card';
import type { VtConsultationCardView, VtMorningSummaryView } from '../../cards/view';
import type { VtConsultationRecord } from '../../domain/vt/record';
import { nlMessages } from '../../i18n/nl';
import type { Job } from '../../store/jobs';
import { requestCardRefresh } from '../case-access';
import type { AppDeps } from '../deps';
import type { Outbound } from '../ports';
import { caseLink } from '../course/actieoverleg';
import { applyEvent, changeConsultation } from './consult';
import type { ViewVia } from '../../domain/views';
import type { AdaptiveCard } from '../../cards/types';
import { ok, type Result } from '../errors';
import { auditView, authorizeView } from '../views';

async function consultationView(
  deps: AppDeps,
  r: VtConsultationRecord,
  toBackup: boolean,
  notice?: VtConsultationCardView['notice'],
): Promise<VtConsultationCardView | null> {
  const theCase = await deps.repo.getCase(r.caseId);
  const location = theCase ? deps.directory.location(theCase.locationId) : undefined;
  if (!theCase || !location) return null;
  return { case: theCase, location, consultation: r, toBackup, ...(notice ? { notice } : {}), now: deps.clock.now() };
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
): Promise<Result<AdaptiveCard | null>> {
  const [doc, theCase] = await Promise.all([deps.repo.getVtConsultation(caseId), deps.repo.getCase(caseId)]);
  if (!doc || !theCase) return ok(null);
  const access = await authorizeView(deps, 'vt', theCase, aad);
  if (!access.ok) return access;
  const view = await consultationView(deps, doc.body, !!aad && aad === doc.body.state.backup && aad !== doc.body.state.primary, notice);
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

/** Send the consultation card to the on-call member's 1:1 chat (once; the reference is kept). */
export async function vtSendJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const doc = await deps.repo.getVtConsultation(job.caseId);
  const r = doc?.body;
  if (!r || r.seq !== Number(job.payload.seq) || r.sent.primary || !r.state.primary || r.state.status !== 'gevraagd') return;
  const view = await consultationView(deps, r, false);
  if (!view) return;
  const ref = await outbound.sendToUser(r.state.primary, { card: buildVtConsultationCard(view) });
  await auditDelivered(deps, job.caseId, r.state.primary);
  await changeConsultation(deps, job.caseId, (c) => (c.seq === r.seq ? { ...c, sent: { ...c.sent, primary: ref } } : 'unchanged'));
}

export async function vtReminderJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const at = deps.clock.now().toISOString();
  const next = await changeConsultation(deps, job.caseId, (r) =>
    r.seq === Number(job.payload.seq) ? applyEvent(r, { type: 'reminderDue', at }) : 'unchanged',
  );
  if (typeof next === 'string' || !next.state.primary) return;
  await outbound.sendToUser(next.state.primary, { text: nlMessages.vt.reminder });
  await requestCardRefresh(deps, job.caseId);
}

/** No answer: ask the backup (with the same card) and tell the desk; without a backup the desk hears "geen reactie". */
export async function vtBackupJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const at = deps.clock.now().toISOString();
  const next = await changeConsultation(deps, job.caseId, (r) =>
    r.seq === Number(job.payload.seq) ? applyEvent(r, { type: 'backupDue', at }) : 'unchanged',
  );
  if (typeof next === 'string') return;
  if (next.state.status === 'achterwacht_gevraagd' && next.state.backup && !next.sent.backup) {
    const view = await consultationView(deps, next, true);
    if (view) {
      const ref = await outbound.sendToUser(next.state.backup, { card: buildVtConsultationCard(view) });
      await auditDelivered(deps, job.caseId, next.state.backup);
      await changeConsultation(deps, job.caseId, (c) => (c.seq === next.seq ? { ...c, sent: { ...c.sent, backup: ref } } : 'unchanged'));
    }
    await tellDesk(deps, outbound, job.caseId, nlMessages.vt.deskBackup(next.regionName));
  } else if (next.state.status === 'geen_reactie') {
    await tellDesk(deps, outbound, job.caseId, nlMessages.vt.deskNoAnswer(next.regionName));
  }
  await requestCardRefresh(deps, job.caseId);
}

export async function vtExpireJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
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
  const consultations = (await deps.repo.listVtConsultations(regionId)).filter(
    (c) => c.state.askedAt >= from && c.state.askedAt <= job.dueAt,
  );
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
