/** Outbox rows and durable timers share one shape: a job that is due at a moment. */
export type JobType =
  | 'postCard'
  | 'refreshCard'
  | 'postActieoverleg'
  | 'refreshActieoverleg'
  | 'escalationCheck'
  | 'missingVotes'
  | 'deputyReminder'
  | 'termijnReminder'
  | 'termijnPassed'
  | 'agendaReminder'
  | 'vtSend'
  | 'vtReminder'
  | 'vtBackup'
  | 'vtExpire'
  | 'vtSummary'
  /** The VT question of a new case, committed with the case: asks VT's on-call staff outside office hours. */
  | 'vtAskAtIntake'
  | 'sendAdvice'
  | 'refreshAdvice'
  | 'feedback'
  | 'adviceFollowUp'
  | 'retentionSweep'
  | 'purgeCase'
  /** The day-before reminder of the Actieoverleg meeting (issue 15). */
  | 'meetingReminder'
  /** Terugkoppeling of the Actieoverleg's outcome (issue 15). */
  | 'aoOutcomeFeedback'
  /** Oude bekenden: the 1:1 note to an earlier case's lead (issue 15 item 3). */
  | 'returningNote'
  /** An informatievraag still open: a 1:1 reminder to the asked organisation (issue 14). */
  | 'questionReminder'
  /** Terugkoppeling of a closing with its handover: thread, contributors, the receiving party (issue 15 item 2). */
  | 'closingFeedback'
  /** "Wat is ervan gekomen?" unanswered: remind the case lead (issue 15 item 4). */
  | 'followUpReminder';

export interface Job {
  id: string;
  caseId: string;
  type: JobType;
  payload: Record<string, string | number | boolean>;
  status: 'pending' | 'done' | 'dead';
  dueAt: string;
  attempts: number;
  /** ISO instant until which a worker holds the job; EPOCH when free. */
  leaseUntil: string;
  leaseOwner?: string;
  lastError?: string;
  /** Bumped when the same job is requested again while pending or running. */
  rev: number;
  /** The rev a worker claimed; rev > leasedRev means "run again after the current run". */
  leasedRev?: number;
  createdAt: string;
}

export const EPOCH = new Date(0).toISOString();

export function newJob(args: { id: string; caseId: string; type: JobType; dueAt: string; now: string; payload?: Job['payload'] }): Job {
  return {
    id: args.id,
    caseId: args.caseId,
    type: args.type,
    payload: args.payload ?? {},
    status: 'pending',
    dueAt: args.dueAt,
    attempts: 0,
    leaseUntil: EPOCH,
    rev: 0,
    createdAt: args.now,
  };
}

/**
 * The re-queue rule of a job asked for again (`requestJob`, and a command's one commit): a job queued
 * and not yet started needs nothing (it will see the newest state) unless the new request is due
 * earlier; otherwise it is pending again at the earlier due time, with rev bumped so a worker running it
 * now fails its completeJob and it runs once more. Null: nothing to write.
 */
export function requeuedJob(prev: Job, wanted: Pick<Job, 'dueAt' | 'payload'>): Job | null {
  const queuedNotStarted = prev.status === 'pending' && (prev.leasedRev === undefined || prev.rev > prev.leasedRev);
  if (queuedNotStarted && prev.dueAt <= wanted.dueAt) return null;
  const dueAt = prev.status === 'pending' && prev.dueAt < wanted.dueAt ? prev.dueAt : wanted.dueAt;
  return {
    ...prev,
    payload: wanted.payload,
    status: 'pending',
    dueAt,
    rev: prev.rev + 1,
    attempts: prev.status === 'pending' ? prev.attempts : 0,
  };
}
