import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE, amsterdamToUtc } from '../local-time';
import { orgOrder } from '../rounds/round';
import { requireMillis, type Instant } from '../rounds/time';
import type { PartnerOrg } from '../orgs';

/**
 * The Actieoverleg as a meeting: the casusverantwoordelijke sets the moment (a local date and time
 * in Europe/Amsterdam, and a place or a Teams meeting link), the invited partners mark "voorbereid"
 * with what they bring, and everyone gets a reminder the day before.
 */

export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const MEETING_MAX_DAYS_AHEAD = 60;
export const MAX_PLACE = 120;
export const MAX_BRINGS = 500;

/** Only Teams' own meeting hosts: a link on a case card must not lead anywhere else. */
const TEAMS_MEETING_HOSTS = ['teams.microsoft.com', 'teams.live.com'] as const;

export const meetingMomentInputSchema = z
  .object({
    date: z.string().regex(LOCAL_DATE),
    time: z.string().regex(LOCAL_TIME),
    place: z.string().trim().min(2).max(MAX_PLACE).optional(),
    teamsLink: z.string().trim().max(1000).optional(),
  })
  .strict();
export type MeetingMomentInput = z.infer<typeof meetingMomentInputSchema>;

export interface MeetingPreparation {
  orgId: PartnerOrg;
  by: string;
  at: string;
  /** What the partner brings (information gathered beforehand); may be empty. */
  brings: string;
}

export interface ActieoverlegMeeting {
  caseId: string;
  /** The moment as a UTC instant, and as the casusverantwoordelijke entered it (local). */
  at: string;
  localDate: string;
  localTime: string;
  place?: string;
  teamsLink?: string;
  invitees: PartnerOrg[];
  setBy: { orgId: PartnerOrg; aadObjectId: string };
  setAt: string;
  /** Bumped on every change of the moment, so reminders of an earlier moment can tell they are stale. */
  revision: number;
  /** When the day-before reminder is due (UTC), or absent when that moment had passed at setting. */
  reminderAt?: string;
  preparations: MeetingPreparation[];
}

export type MeetingError =
  'not_case_owner' | 'invalid_moment' | 'not_in_future' | 'too_far' | 'no_place_or_link' | 'link_not_teams' | 'no_invitees';

export type MeetingResult = { ok: true; meeting: ActieoverlegMeeting } | { ok: false; error: MeetingError };

/** A Teams meeting link: https on one of Teams' hosts, no credentials in the URL. */
export function isTeamsMeetingLink(link: string): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    (TEAMS_MEETING_HOSTS as readonly string[]).includes(url.hostname)
  );
}

/**
 * The day-before reminder: on the local calendar day before the meeting, at `reminderLocalTime`
 * Amsterdam time (so a DST change between the two days does not shift it). Absent when that moment
 * is not after `now` (the invitees hear of the moment right now anyway).
 */
export function meetingReminderAt(localDate: string, reminderLocalTime: string, now: Instant): string | undefined {
  const dayBefore = DateTime.fromISO(localDate, { zone: ZONE }).minus({ days: 1 }).toISODate();
  const at = dayBefore ? amsterdamToUtc(dayBefore, reminderLocalTime) : null;
  if (!at) return undefined;
  return Date.parse(at) > requireMillis(now, 'now') ? at : undefined;
}

/**
 * Setting (or moving) the moment. Only the casusverantwoordelijke's organisation sets it; a move keeps
 * the preparations (what a partner gathered does not go stale because the time changed).
 */
export function setMeetingMoment(args: {
  caseId: string;
  input: MeetingMomentInput;
  actor: { orgId: PartnerOrg; aadObjectId: string };
  caseOwnerOrg: PartnerOrg | undefined;
  invitees: readonly PartnerOrg[];
  previous?: ActieoverlegMeeting;
  reminderLocalTime: string;
  now: Instant;
}): MeetingResult {
  const { input } = args;
  if (!args.caseOwnerOrg || args.actor.orgId !== args.caseOwnerOrg) return { ok: false, error: 'not_case_owner' };
  const at = amsterdamToUtc(input.date, input.time);
  if (!at || !LOCAL_TIME.test(input.time) || !sameLocalMoment(at, input.date, input.time)) return { ok: false, error: 'invalid_moment' };
  const now = requireMillis(args.now, 'now');
  const ms = Date.parse(at);
  if (ms <= now) return { ok: false, error: 'not_in_future' };
  if (ms - now > MEETING_MAX_DAYS_AHEAD * 86_400_000) return { ok: false, error: 'too_far' };
  if (!input.place && !input.teamsLink) return { ok: false, error: 'no_place_or_link' };
  if (input.teamsLink !== undefined && !isTeamsMeetingLink(input.teamsLink)) return { ok: false, error: 'link_not_teams' };
  const invitees = [...new Set(args.invitees)].sort(orgOrder);
  if (invitees.length === 0) return { ok: false, error: 'no_invitees' };
  const reminderAt = meetingReminderAt(input.date, args.reminderLocalTime, args.now);
  return {
    ok: true,
    meeting: {
      caseId: args.caseId,
      at,
      localDate: input.date,
      localTime: input.time,
      ...(input.place ? { place: input.place } : {}),
      ...(input.teamsLink ? { teamsLink: input.teamsLink } : {}),
      invitees,
      setBy: args.actor,
      setAt: new Date(now).toISOString(),
      revision: (args.previous?.revision ?? 0) + 1,
      ...(reminderAt ? { reminderAt } : {}),
      preparations: (args.previous?.preparations ?? []).filter((p) => invitees.includes(p.orgId)),
    },
  };
}

/** A local time that does not exist (the hour skipped in spring) is refused rather than silently moved. */
function sameLocalMoment(utc: string, date: string, time: string): boolean {
  const local = DateTime.fromISO(utc, { zone: 'utc' }).setZone(ZONE);
  return local.toISODate() === date && local.toFormat('HH:mm') === time;
}

export type PrepareError = 'not_invited' | 'meeting_started' | 'brings_too_long';
export type PrepareResult = { ok: true; meeting: ActieoverlegMeeting; changed: boolean } | { ok: false; error: PrepareError };

/** "Voorbereid" by an invited partner, with what it brings; marking again replaces its earlier mark. */
export function markPrepared(
  meeting: ActieoverlegMeeting,
  actor: { orgId: PartnerOrg; aadObjectId: string },
  brings: string,
  now: Instant,
): PrepareResult {
  if (!meeting.invitees.includes(actor.orgId)) return { ok: false, error: 'not_invited' };
  const nowMs = requireMillis(now, 'now');
  if (nowMs >= Date.parse(meeting.at)) return { ok: false, error: 'meeting_started' };
  const text = brings.trim();
  if (text.length > MAX_BRINGS) return { ok: false, error: 'brings_too_long' };
  const prev = meeting.preparations.find((p) => p.orgId === actor.orgId);
  if (prev && prev.brings === text) return { ok: true, meeting, changed: false };
  const mark: MeetingPreparation = { orgId: actor.orgId, by: actor.aadObjectId, at: new Date(nowMs).toISOString(), brings: text };
  const preparations = [...meeting.preparations.filter((p) => p.orgId !== actor.orgId), mark].sort((a, b) => orgOrder(a.orgId, b.orgId));
  return { ok: true, meeting: { ...meeting, preparations }, changed: true };
}

/** Invitees that have not marked "voorbereid" yet, in the fixed partner order. */
export function unpreparedInvitees(meeting: ActieoverlegMeeting): PartnerOrg[] {
  const done = new Set(meeting.preparations.map((p) => p.orgId));
  return meeting.invitees.filter((o) => !done.has(o));
}

/** Deterministic id of the reminder job of one revision of the moment (a moved meeting gets a new one). */
export function meetingReminderJobId(caseId: string, revision: number): string {
  return `meeting-reminder:${caseId}:${revision}`;
}

/** A reminder job runs only for the revision it was planned for. */
export function reminderStillValid(meeting: ActieoverlegMeeting | undefined, revision: number): boolean {
  return meeting !== undefined && meeting.revision === revision && meeting.reminderAt !== undefined;
}
