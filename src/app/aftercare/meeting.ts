import { z } from 'zod';
import { meetingMomentInputSchema, reminderStillValid, unpreparedInvitees } from '../../domain/aftercare/meeting';
import type { OutcomeError } from '../../domain/aftercare/outcome';
import type { CaseSnapshot, Decided } from '../../domain/decisions';
import { decideMeetingMoment, decidePrepared, type MeetingRefusal } from '../../domain/decisions/aftercare-decisions';
import { amsterdamShort } from '../../domain/local-time';
import type { ViewVia } from '../../domain/views';
import { nlAftercare } from '../../i18n/nl/aftercare';
import { nlCards } from '../../i18n/nl/cards';
import type { Job } from '../../store/jobs';
import { refusedWith, runCaseCommandWithInput, type CaseCommand, type RefusedWith } from '../case-command';
import type { AppDeps } from '../deps';
import { fail, fieldsOf, ok, type AppErrorCode, type Result } from '../errors';
import type { Outbound } from '../ports';
import { checkFreeText } from '../pii-gate';

/**
 * The Actieoverleg as a meeting (issue 15, item 1), on the escalation document of the case:
 * the casusverantwoordelijke sets the moment, invitees mark "voorbereid", and a durable timer
 * reminds the Actieoverleg thread the day before at the location's configured local time.
 *
 * Each click is runCaseCommand's one path: one read of the case partition, the roster and the
 * closed-case checks, then the input, a pure decision (src/domain/decisions/aftercare-decisions.ts)
 * and one commit (the escalation conditional on its version, the audit entry, the jobs).
 */

/** The field path a refusal of an aftercare rule carries (its message is the rule's English code). */
export const AFTERCARE_FIELD = 'aftercare';

/** An aftercare rule's refusal: invalid input with the rule's code under `aftercare.<area>` (the verbs' Dutch table knows it). */
export const refuse = <T>(code: MeetingRefusal | OutcomeError, area: 'meeting' | 'outcome' = 'meeting'): Result<T> =>
  fail('invalid_input', [{ path: `${AFTERCARE_FIELD}.${area}`, message: code }]);

/** Refusals that are about the case, not the aftercare rules: passed on as their own codes. */
const CASE_REFUSALS: ReadonlySet<string> = new Set(['case_closed', 'not_escalated']);

/** A decision of this area for runCaseCommandWithInput: a rule's refusal becomes the field hint `aftercare.<area>`. */
export function aftercareDecided<T, E extends string>(
  d: Decided<T, E>,
  area: 'meeting' | 'outcome',
): Decided<T, AppErrorCode> | RefusedWith {
  if (d.ok) return d;
  if (CASE_REFUSALS.has(d.error)) return { ok: false, error: d.error as AppErrorCode };
  return refusedWith('invalid_input', [{ path: `${AFTERCARE_FIELD}.${area}`, message: d.error }]);
}

/** The command of an Actieoverleg verb: answered with the Actieoverleg card built from its commit (that view audited in it). */
export const aoCommand = (
  args: { caseId: string; aadObjectId: string | undefined; answerView?: ViewVia },
  attempted: string,
): CaseCommand => ({
  caseId: args.caseId,
  aadObjectId: args.aadObjectId,
  attempted,
  ...(args.answerView ? { answerView: args.answerView, answerViewKind: 'actieoverleg' as const } : {}),
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
  args: { caseId: string; aadObjectId: string | undefined; form: z.infer<typeof meetingFormSchema>; answerView?: ViewVia },
): Promise<Result<{ at: string; reminderAt?: string; after: CaseSnapshot }>> {
  // Empty inputs are absent (a card sends "" for a field left empty).
  const blank = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());
  const input = () => {
    const parsed = meetingMomentInputSchema.safeParse({
      date: args.form.date ?? '',
      time: args.form.time ?? '',
      ...(blank(args.form.place) ? { place: blank(args.form.place) } : {}),
      ...(blank(args.form.teamsLink) ? { teamsLink: blank(args.form.teamsLink) } : {}),
    });
    return parsed.success ? ok(parsed.data) : fail<never>('invalid_input', fieldsOf(parsed.error.issues));
  };
  const r = await runCaseCommandWithInput(deps, aoCommand(args, 'actieoverleg.meeting'), input, (b, actor, ctx, data) => {
    const location = deps.directory.location(b.theCase.body.locationId);
    if (!location) return refusedWith('unknown_location');
    return aftercareDecided(
      decideMeetingMoment(b, { actor, input: data, reminderLocalTime: location.aftercare.meetingReminderTime }, ctx),
      'meeting',
    );
  });
  return r.ok ? ok({ ...r.value.value, after: r.value.after }) : r;
}

/** "Voorbereid": an invited partner says it is prepared, with what it brings. */
export async function markMeetingPrepared(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; brings: string | undefined; answerView?: ViewVia },
): Promise<Result<{ changed: boolean; after: CaseSnapshot }>> {
  // What a partner brings is need-to-know context for the meeting: likely identifiers are refused (no names).
  const input = () => {
    const pii = checkFreeText(deps, [args.brings ?? ''], false);
    return pii.ok ? ok(args.brings ?? '') : pii;
  };
  const r = await runCaseCommandWithInput(deps, aoCommand(args, 'actieoverleg.prepared'), input, (b, actor, ctx, brings) =>
    aftercareDecided(decidePrepared(b, { actor, brings }, ctx), 'meeting'),
  );
  return r.ok ? ok({ ...r.value.value, after: r.value.after }) : r;
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
