import { z } from 'zod';
import {
  markPrepared,
  meetingMomentInputSchema,
  meetingReminderJobId,
  reminderStillValid,
  setMeetingMoment,
  unpreparedInvitees,
  type MeetingError,
  type PrepareError,
} from '../../domain/aftercare/meeting';
import type { AuditEntry } from '../../domain/audit';
import type { EscalationRecord } from '../../domain/escalation-record';
import type { Case } from '../../domain/case';
import type { OutcomeError } from '../../domain/aftercare/outcome';
import { amsterdamShort } from '../../domain/local-time';
import { nlAftercare } from '../../i18n/nl/aftercare';
import { nlCards } from '../../i18n/nl/cards';
import { planJobRequest, type LoadedCase } from '../../store/case-bundle';
import type { Stored, WriteOp } from '../../store/docstore';
import { withEtagRetry } from '../../store/etag-retry';
import type { JobIntent } from '../../domain/decisions';
import type { Job } from '../../store/jobs';
import { auditId } from '../../store/repository';
import { REFRESH_ACTIEOVERLEG_JOB_ID } from '../case-access';
import { auditRefusal, authorizeForCase } from '../actor';
import type { AppDeps } from '../deps';
import { fail, fieldsOf, ok, type Result } from '../errors';
import type { Outbound } from '../ports';
import { checkFreeText } from '../pii-gate';
import type { PartnerOrg } from '../../domain/orgs';

/**
 * The Actieoverleg as a meeting (issue 15, item 1), on the escalation document of the case:
 * the casusverantwoordelijke sets the moment, invitees mark "voorbereid", and a durable timer
 * reminds the Actieoverleg thread the day before at the location's configured local time.
 *
 * Each click: one read of the case partition, a pure decision (src/domain/aftercare/meeting.ts),
 * one commit (the escalation conditional on its version, the audit entry, the jobs).
 */

/** The field path a refusal of an aftercare rule carries (its message is the rule's English code). */
export const AFTERCARE_FIELD = 'aftercare';

type AftercareRefusal = MeetingError | PrepareError | 'no_meeting';
export const refuse = <T>(code: AftercareRefusal | OutcomeError, area: 'meeting' | 'outcome' = 'meeting'): Result<T> =>
  fail('invalid_input', [{ path: `${AFTERCARE_FIELD}.${area}`, message: code }]);

export interface Loaded {
  caseId: string;
  locationId: string;
  escalation: EscalationRecord;
  etag: string;
  actor: { orgId: PartnerOrg; aadObjectId: string };
  jobs: Map<string, Stored<Job>>;
  /** The case as loaded (an outcome also writes its actions onto it). */
  theCase: Case;
  caseEtag: string;
  /** The partition as read (the outcome keeps the case's report row current in its commit). */
  loaded: LoadedCase;
}

/** One partition read, the roster check, open case, escalated. */
export async function load(deps: AppDeps, caseId: string, aad: string | undefined, attempted: string): Promise<Result<Loaded>> {
  const loaded = await deps.repo.cases.loadBundle(caseId);
  if (!loaded) return fail('case_not_found');
  const theCase = loaded.bundle.theCase.body;
  const authz = await authorizeForCase(deps, aad, caseId, theCase.locationId, attempted);
  if (!authz.ok) return authz;
  const actor = { orgId: authz.value.orgId, aadObjectId: authz.value.aadObjectId };
  if (theCase.status !== 'open') {
    await auditRefusal(
      deps,
      { caseId, actorId: actor.aadObjectId, actorOrg: actor.orgId, attempted, reason: 'case_closed' },
      'action.refused',
    );
    return fail('case_closed');
  }
  const e = loaded.bundle.escalation;
  if (!e) return fail('not_escalated');
  return ok({
    caseId,
    locationId: theCase.locationId,
    escalation: e.body,
    etag: e.etag,
    actor,
    jobs: loaded.jobs,
    theCase,
    caseEtag: loaded.bundle.theCase.etag,
    loaded,
  });
}

/** One commit: job re-queues and the escalation (both conditional) first, then the audit entry and new jobs. */
export function commitOps(
  l: Loaded,
  next: EscalationRecord,
  audit: AuditEntry,
  jobs: JobIntent[],
  now: string,
  nextCase?: Case,
): WriteOp[] {
  const jobOps = jobs.map((j) => planJobRequest(l.jobs.get(j.id), j, l.caseId, now)).filter((o): o is WriteOp => o !== null);
  return [
    ...jobOps.filter((o) => o.op === 'replace'),
    { op: 'replace', doc: { pk: l.caseId, id: 'escalation', kind: 'escalation', body: next }, ifMatch: l.etag },
    ...(nextCase
      ? [{ op: 'replace', doc: { pk: l.caseId, id: 'case', kind: 'case', body: nextCase }, ifMatch: l.caseEtag } as WriteOp]
      : []),
    { op: 'audit', entry: audit },
    ...jobOps.filter((o) => o.op !== 'replace'),
  ];
}

export const refreshAo = (now: string): JobIntent => ({
  id: REFRESH_ACTIEOVERLEG_JOB_ID,
  type: 'refreshActieoverleg',
  dueAt: now,
  mode: 'request',
});

export const meetingFormSchema = z
  .object({
    date: z.string().max(20).optional(),
    time: z.string().max(10).optional(),
    place: z.string().max(200).optional(),
    teamsLink: z.string().max(1000).optional(),
  })
  .strict();

/** "Moment vastleggen": the casusverantwoordelijke sets (or moves) the moment of the Actieoverleg. */
export async function setActieoverlegMeeting(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; form: z.infer<typeof meetingFormSchema> },
): Promise<Result<{ at: string; reminderAt?: string }>> {
  const attempted = 'actieoverleg.meeting';
  // Empty inputs are absent (a card sends "" for a field left empty).
  const blank = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());
  const parsed = meetingMomentInputSchema.safeParse({
    date: args.form.date ?? '',
    time: args.form.time ?? '',
    ...(blank(args.form.place) ? { place: blank(args.form.place) } : {}),
    ...(blank(args.form.teamsLink) ? { teamsLink: blank(args.form.teamsLink) } : {}),
  });
  return withEtagRetry(`meeting on ${args.caseId}`, async () => {
    const l = await load(deps, args.caseId, args.aadObjectId, attempted);
    if (!l.ok) return l;
    if (!parsed.success) return fail('invalid_input', fieldsOf(parsed.error.issues));
    const location = deps.directory.location(l.value.locationId);
    if (!location) return fail('unknown_location');
    const now = deps.clock.now().toISOString();
    const e = l.value.escalation;
    const res = setMeetingMoment({
      caseId: args.caseId,
      input: parsed.data,
      actor: l.value.actor,
      caseOwnerOrg: e.caseOwner?.orgId,
      invitees: e.attendees,
      ...(e.meeting ? { previous: e.meeting } : {}),
      reminderLocalTime: location.aftercare.meetingReminderTime,
      now,
    });
    if (!res.ok) return refuse(res.error);
    const m = res.meeting;
    const jobs = [refreshAo(now)];
    if (m.reminderAt)
      jobs.push({
        id: meetingReminderJobId(args.caseId, m.revision),
        type: 'meetingReminder',
        dueAt: m.reminderAt,
        payload: { revision: m.revision },
        mode: 'ensure',
      });
    const audit: AuditEntry = {
      id: auditId({ at: now }),
      caseId: args.caseId,
      at: now,
      action: 'actieoverleg.meeting',
      actorId: l.value.actor.aadObjectId,
      actorOrg: l.value.actor.orgId,
      detail: { revision: String(m.revision), at: m.at, via: m.teamsLink ? 'teams' : 'place' },
    };
    await deps.repo.cases.commit(commitOps(l.value, { ...e, meeting: m }, audit, jobs, now));
    deps.kickJobs();
    return ok({ at: m.at, ...(m.reminderAt ? { reminderAt: m.reminderAt } : {}) });
  });
}

/** "Voorbereid": an invited partner says it is prepared, with what it brings. */
export async function markMeetingPrepared(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; brings: string | undefined },
): Promise<Result<{ changed: boolean }>> {
  const attempted = 'actieoverleg.prepared';
  return withEtagRetry(`prepared on ${args.caseId}`, async () => {
    const l = await load(deps, args.caseId, args.aadObjectId, attempted);
    if (!l.ok) return l;
    const e = l.value.escalation;
    if (!e.meeting) return refuse('no_meeting');
    const now = deps.clock.now().toISOString();
    // What a partner brings is need-to-know context for the meeting: likely identifiers are refused (no names).
    const pii = checkFreeText(deps, [args.brings ?? ''], false);
    if (!pii.ok) return pii;
    const res = markPrepared(e.meeting, l.value.actor, args.brings ?? '', now);
    if (!res.ok) return refuse(res.error);
    if (!res.changed) return ok({ changed: false });
    const audit: AuditEntry = {
      id: auditId({ at: now }),
      caseId: args.caseId,
      at: now,
      action: 'actieoverleg.prepared',
      actorId: l.value.actor.aadObjectId,
      actorOrg: l.value.actor.orgId,
      detail: { revision: String(e.meeting.revision) },
    };
    await deps.repo.cases.commit(commitOps(l.value, { ...e, meeting: res.meeting }, audit, [refreshAo(now)], now));
    deps.kickJobs();
    return ok({ changed: true });
  });
}

const orgList = (orgs: readonly string[]): string => orgs.map((o) => nlCards.orgs[o as keyof typeof nlCards.orgs] ?? o).join(', ');

/**
 * The day-before reminder, in the Actieoverleg thread: the moment, and which invitees are not
 * voorbereid yet. A reminder of a moment that was moved since (another revision) does nothing;
 * the channel post carries no case content (the moment and organisation names only).
 */
export async function meetingReminderJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  const escalation = await deps.repo.getEscalation(job.caseId);
  if (!theCase || theCase.status !== 'open' || !escalation) return;
  const meeting = escalation.body.meeting;
  if (!reminderStillValid(meeting, Number(job.payload.revision)) || !meeting) return;
  const ref = escalation.body.actieoverlegRef;
  if (!ref) throw new Error('Actieoverleg card not posted yet'); // retried once the post job ran
  const missing = unpreparedInvitees(meeting);
  const text = [
    nlAftercare.meeting.reminder(amsterdamShort(meeting.at)),
    ...(missing.length > 0 ? [nlAftercare.meetingExtra.notPrepared(orgList(missing))] : []),
  ].join(' ');
  await outbound.replyInThread(ref, { text });
  deps.log.info({ caseId: job.caseId, revision: meeting.revision }, 'Actieoverleg meeting reminder sent');
}
