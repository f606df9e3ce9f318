import type { JobIntent } from '../decisions/types';
import { HOUR_MS, requireMillis, toIso } from '../rounds/time';
import type { QuestionReminderPolicy } from './config';
import type { InfoRequest } from './info-request';

/**
 * The reminder of an open informatievraag (issue 14 item 4): the asked organisation hears 1:1, after
 * `afterHours` and again every `afterHours`, at most `times` times, while the question stays open and
 * the case is open. One job per question and per reminder number, so a re-delivered ask or a restart
 * never reminds twice, and an answered or declined question is simply not reminded.
 */
export const questionReminderJobId = (requestId: string, n: number): string => `job:questionReminder:${requestId}:${n}`;

/** The n-th reminder's job (n from 1), or null when the policy has no n-th reminder. */
export function questionReminderIntent(
  request: Pick<InfoRequest, 'id' | 'askedAt'>,
  policy: QuestionReminderPolicy,
  n = 1,
): JobIntent | null {
  if (n < 1 || n > policy.times) return null;
  return {
    id: questionReminderJobId(request.id, n),
    type: 'questionReminder',
    dueAt: toIso(requireMillis(request.askedAt, 'askedAt') + n * policy.afterHours * HOUR_MS),
    payload: { requestId: request.id, n },
    mode: 'ensure',
  };
}

/** Whether the n-th reminder speaks when its job runs: only for a question that is still open on an open case. */
export const questionReminderSpeaks = (request: Pick<InfoRequest, 'status'> | undefined, caseOpen: boolean): boolean =>
  caseOpen && request?.status === 'open';
