import type { Case } from '../../domain/case';
import type { VtConfig, VtRegion } from '../../domain/vt/config';
import { applyConsultationEvent, startConsultation, type ConsultationEvent } from '../../domain/vt/consultation';
import { isVtOfficeHours, nextOfficeHoursStart, regionForMunicipality } from '../../domain/vt/office-hours';
import { resolveOnCall } from '../../domain/vt/on-call';
import type { VtConsultationRecord } from '../../domain/vt/record';
import { consultationExpiry } from '../../domain/verdieping/time-follows';
import { nlMessages } from '../../i18n/nl';
import type { CaseDecision, DecidedJobType, JobIntent } from '../../domain/decisions';
import { decisionOps } from '../../store/case-bundle';
import { withEtagRetry } from '../../store/etag-retry';
import { newJob, type Job } from '../../store/jobs';
import { auditId } from '../../store/repository';
import { REFRESH_CARD_JOB_ID } from '../case-access';
import type { AppDeps } from '../deps';
import { reportRowOps, syncReportRow } from '../report/report-row-hook';
import { snapshotOf } from '../../domain/decisions';
import { fail, ok, type Result } from '../errors';

export const vtPartition = (regionId: string): string => `_vt:${regionId}`;

/** The case's VT region: set on the case (desk correction), else from the intake's municipality. */
export function vtRegionOf(deps: Pick<AppDeps, 'directory'>, theCase: Case): VtRegion | undefined {
  const vt = deps.directory.vt;
  if (!vt) return undefined;
  const id = theCase.vtRegionId;
  return id ? vt.regions.find((r) => r.id === id) : undefined;
}

/** Region from the municipality at intake (a miss leaves it unknown: the card asks the desk). */
export function regionIdForIntake(vt: VtConfig | undefined, municipality: string | undefined, locationId: string): string | undefined {
  if (!vt || !municipality) return undefined;
  const hit = regionForMunicipality(vt, municipality, locationId);
  return hit.kind === 'hit' ? hit.regionId : undefined;
}

/** The schedule with the overrides staff set from Teams ("ik heb nu dienst") merged in. */
async function effectiveConfig(deps: AppDeps, region: VtRegion): Promise<VtConfig> {
  const vt = deps.directory.vt as VtConfig;
  const stored = (await deps.repo.getVtOverrides(region.id))?.body.overrides ?? [];
  if (stored.length === 0) return vt;
  return {
    ...vt,
    regions: vt.regions.map((r) =>
      r.id === region.id ? { ...r, onCall: { ...r.onCall, overrides: [...r.onCall.overrides, ...stored] } } : r,
    ),
  };
}

/**
 * Change the consultation with optimistic concurrency (the VT jobs: sent refs, reminders, backup,
 * expiry — they change the consultation only, not the case); returns the new record or why not.
 */
export async function changeConsultation(
  deps: AppDeps,
  caseId: string,
  change: (r: VtConsultationRecord) => VtConsultationRecord | 'refuse-closed' | 'unchanged',
): Promise<VtConsultationRecord | 'missing' | 'refuse-closed' | 'unchanged'> {
  const r = await withEtagRetry(`changeConsultation on ${caseId}`, async () => {
    const doc = await deps.repo.getVtConsultation(caseId);
    if (!doc) return 'missing' as const;
    const next = change(doc.body);
    if (typeof next === 'string') return next;
    await deps.repo.putVtConsultation(next, doc.etag);
    return next;
  });
  // The VT figures of the report (evening consultations, response times) follow the consultation.
  if (typeof r !== 'string') await syncReportRow(deps, caseId);
  return r;
}

/** Apply a timeline event (reminder, backup, expiry, answer) to the consultation. */
export function applyEvent(r: VtConsultationRecord, event: ConsultationEvent): VtConsultationRecord | 'unchanged' {
  const res = applyConsultationEvent(r.state, event);
  return res.ok ? { ...r, state: res.state } : 'unchanged';
}

/**
 * The jobs of a consultation, all with ids derived from it: the 1:1 message, reminder, backup and
 * expiry (none when nobody was on call), and the next morning's summary for VT's day team (the
 * consultations of the evening and night), in the region's own partition.
 */
export function consultationJobs(region: VtRegion, record: VtConsultationRecord): { ladder: Job[]; morningSummary: Job | null } {
  const { state, seq } = record;
  const now = state.askedAt;
  const job = (type: 'vtSend' | 'vtReminder' | 'vtBackup' | 'vtExpire', dueAt: string): Job =>
    newJob({ id: `job:${type}:${seq}`, caseId: record.caseId, type, dueAt, now, payload: { seq } });
  const ladder =
    state.status === 'no_answer'
      ? []
      : [job('vtSend', now), job('vtReminder', state.reminderAt), job('vtBackup', state.backupAt), job('vtExpire', state.expiresAt)];
  const morning = nextOfficeHoursStart(region, now);
  const id = `job:vtSummary:${morning}`;
  const morningSummary = morning
    ? newJob({ id, caseId: vtPartition(region.id), type: 'vtSummary', dueAt: morning, now, payload: { regionId: region.id, from: now } })
    : null;
  return { ladder, morningSummary };
}

/**
 * Ask VT's on-call member of the case's region (automatically outside VT's office hours, or when the
 * desk presses "Vraag VT"). The chat message, the reminder, the backup and the expiry are durable jobs.
 * Nobody on call is said at once on the case card, never silence.
 *
 * One read of the case partition and ONE commit on it: the consultation, its audit entry, its jobs and
 * the card refresh, conditional on the case version loaded (two asks at the same moment: the second is
 * decided again and finds the consultation open). Apart from it: the read of the region's on-call
 * overrides and the insert-if-absent of the region's morning summary, both in the region's own
 * partition (`_vt:<region>`), which a case-partition commit cannot reach (Cosmos batches are per
 * partition). A crash between the two loses nothing the next ask of that night does not insert again;
 * the summary of a night with one ask would then be missing (it is an overview, the case card shows all).
 */
export async function askVt(
  deps: AppDeps,
  args: { caseId: string; askedBy: string; onlyOutsideOfficeHours?: boolean },
): Promise<Result<VtConsultationRecord>> {
  return withEtagRetry(
    `askVt on ${args.caseId}`,
    async (): Promise<Result<VtConsultationRecord>> => {
      const loaded = await deps.repo.cases.loadBundle(args.caseId);
      if (!loaded) return fail('case_not_found');
      const theCase = loaded.bundle.theCase.body;
      if (theCase.status !== 'open') return fail('case_closed');
      const region = vtRegionOf(deps, theCase);
      if (!region || !deps.directory.vt) return fail('vt_region_unknown');
      const now = deps.clock.now().toISOString();
      if (args.onlyOutsideOfficeHours && isVtOfficeHours(region, now)) return fail('vt_already_asked');
      const existing = loaded.bundle.vtConsultation;
      const open = existing && ['asked', 'reminded', 'backup_asked'].includes(existing.body.state.status);
      if (open) return fail('vt_already_asked');
      const onCall = resolveOnCall(await effectiveConfig(deps, region), region.id, now);
      const state = startConsultation({
        askedAt: now,
        onCall: { ...(onCall.primary ? { primary: onCall.primary } : {}), ...(onCall.backup ? { backup: onCall.backup } : {}) },
        delays: deps.directory.vt.delays,
        // In verdieping the consultation waits until the horizon, not the termijn that passed (issue 14 item 1).
        expiresAt: consultationExpiry(loaded.bundle.verdieping?.phase?.body, theCase.deadline, now),
      });
      const record: VtConsultationRecord = {
        caseId: theCase.id,
        seq: (existing?.body.seq ?? 0) + 1,
        regionId: region.id,
        regionName: region.name,
        question: nlMessages.vt.defaultQuestion,
        askedBy: args.askedBy,
        state,
        sent: {},
        answers: [],
      };
      const jobs = consultationJobs(region, record);
      const decision: CaseDecision = {
        nextCase: theCase,
        votes: [],
        contributions: [],
        vtConsultation: record,
        audit: [
          {
            id: auditId({ at: now }),
            caseId: theCase.id,
            at: now,
            action: 'vt.asked',
            actorId: args.askedBy,
            detail: { regionId: region.id, seq: record.seq, onCall: onCall.source },
          },
        ],
        jobs: [
          ...jobs.ladder.map((j): JobIntent => ({
            id: j.id,
            type: j.type as DecidedJobType,
            dueAt: j.dueAt,
            payload: j.payload,
            mode: 'request',
          })),
          { id: REFRESH_CARD_JOB_ID, type: 'refreshCard', dueAt: now, mode: 'request' },
        ],
      };
      // The report row (VT evening figures) in the same commit (issue 15).
      const after = { ...snapshotOf(loaded.bundle), vtConsultation: record };
      await deps.repo.cases.commit([...decisionOps(loaded, decision, now), ...reportRowOps(deps, loaded, after)]);
      if (jobs.morningSummary) await deps.repo.ensureJob(jobs.morningSummary);
      deps.log.info({ caseId: theCase.id, regionId: region.id, seq: record.seq, onCall: onCall.source }, 'VT consulted');
      deps.kickJobs();
      return ok(record);
    },
    { attempts: 50, maxPauseMs: 20 },
  );
}
