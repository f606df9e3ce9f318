import type { AuditEntry } from '../domain/audit';
import { normalizeCase, type Case } from '../domain/case';
import type { CaseBundle, Versioned } from '../domain/case-bundle';
import type { Contribution } from '../domain/contribution';
import type { CaseDecision, JobIntent } from '../domain/decisions';
import type { EscalationRecord } from '../domain/escalation-record';
import type { AdviceRecord } from '../domain/advice/types';
import type { ReportRow } from '../domain/aftercare/report';
import type { ReturningRecord } from '../domain/aftercare/returning';
import type { CardRef } from '../domain/refs';
import type { VtConsultationRecord } from '../domain/vt/record';
import type { ConcernVote } from '../domain/vote';
import type { DocStore, NewDoc, Stored, WriteOp } from './docstore';
import { newJob, requeuedJob, type Job, type JobType } from './jobs';
import { normalizeStored } from './old-values';
import { verdiepingFromPartition } from './verdieping-store';

/** A case bundle as loaded, with the partition's jobs (needed to coalesce job requests in the commit). */
export interface LoadedCase {
  bundle: CaseBundle;
  jobs: Map<string, Stored<Job>>;
  /** The case's report row (src/store/report-store.ts), if it has one: a command keeps it current. */
  reportRow?: ReportRow;
  /** The version of that row: a write of a row derived outside a case command is conditional on it. */
  reportRowEtag?: string;
}

const versioned = <T>(d: Stored): Versioned<T> => ({ body: d.body as T, etag: d.etag });

/** Document ids inside a case partition (the repository uses the same). */
const IDS = {
  case: 'case',
  escalation: 'escalation',
  vtconsult: 'vtconsult',
  advice: 'advice',
  cardref: 'cardref',
  returning: 'returning',
} as const;

/** One read of a case's partition (DocStore.readPartition): the case and everything next to it; null when there is no case. */
export async function loadCaseBundle(db: DocStore, caseId: string): Promise<LoadedCase | null> {
  const docs = await db.readPartition(caseId);
  let theCase: Versioned<Case> | undefined;
  const votes: ConcernVote[] = [];
  const contributions: Contribution[] = [];
  const jobs = new Map<string, Stored<Job>>();
  let escalation: Versioned<EscalationRecord> | undefined;
  let vtConsultation: Versioned<VtConsultationRecord> | undefined;
  let advice: Versioned<AdviceRecord> | undefined;
  let cardRef: CardRef | undefined;
  let reportRow: ReportRow | undefined;
  let reportRowEtag: string | undefined;
  let returning: ReturningRecord | undefined;
  for (const raw of docs) {
    const d = normalizeStored(raw);
    switch (d.kind) {
      case 'case':
        if (d.id === IDS.case) theCase = { body: normalizeCase(d.body as Case), etag: d.etag };
        break;
      case 'vote':
        votes.push(d.body as ConcernVote);
        break;
      case 'contribution':
        contributions.push(d.body as Contribution);
        break;
      case 'job':
        jobs.set(d.id, d as Stored<Job>);
        break;
      case 'escalation':
        if (d.id === IDS.escalation) escalation = versioned(d);
        break;
      case 'vtconsult':
        if (d.id === IDS.vtconsult) vtConsultation = versioned(d);
        break;
      case 'advice':
        if (d.id === IDS.advice) advice = versioned(d);
        break;
      case 'cardref':
        if (d.id === IDS.cardref) cardRef = d.body as CardRef;
        break;
      case 'returning':
        if (d.id === IDS.returning) returning = d.body as ReturningRecord;
        break;
      case 'reportrow':
        reportRow = d.body as ReportRow;
        reportRowEtag = d.etag;
        break;
      default:
        break;
    }
  }
  if (!theCase) return null;
  return {
    bundle: {
      theCase,
      votes,
      contributions,
      ...(escalation ? { escalation } : {}),
      ...(vtConsultation ? { vtConsultation } : {}),
      ...(advice ? { advice } : {}),
      ...(cardRef ? { cardRef } : {}),
      verdieping: verdiepingFromPartition(docs),
      ...(returning ? { returning } : {}),
    },
    jobs,
    ...(reportRow ? { reportRow } : {}),
    ...(reportRowEtag ? { reportRowEtag } : {}),
  };
}

const jobDoc = (j: Job): NewDoc<Job> => ({ pk: j.caseId, id: j.id, kind: 'job', body: j });

/**
 * A job the committing process takes on itself in the same commit (a "hand-off"): written already
 * leased to `owner` until `until`, so that process delivers it at once from the partition read it
 * makes anyway, with no poll and no claim of its own (docs/decisions.md §38). Only for job `types`
 * that are due now, and only when no run of the job is queued or under way (absent or finished);
 * otherwise the ordinary re-queue applies and the job loop runs it.
 */
export interface JobHandOff {
  owner: string;
  until: string;
  types: ReadonlySet<JobType>;
}

/**
 * A job request against the job as loaded (the rules of Repository.requestJob, decided on the bundle):
 * absent → insert; a run queued that has not started and is due no later → nothing to write; else
 * the job is (re)queued with rev + 1, so a worker that is running it now runs it once more.
 */
export function planJobRequest(
  current: Stored<Job> | undefined,
  intent: JobIntent,
  caseId: string,
  now: string,
  handOff?: JobHandOff,
): WriteOp | null {
  const wanted = newJob({
    id: intent.id,
    caseId,
    type: intent.type,
    dueAt: intent.dueAt,
    now,
    ...(intent.payload ? { payload: intent.payload } : {}),
  });
  // Only a job no run is queued for (absent, or finished): the same writes as without a hand-off, so
  // racing commands contend on nothing more. A queued or running job stays with the loop's rules.
  const finished = !current || current.body.status !== 'pending';
  if (handOff && handOff.types.has(intent.type) && intent.dueAt <= now && finished && !(current && intent.mode === 'ensure')) {
    const base = current ? { ...current.body, payload: wanted.payload, rev: current.body.rev + 1 } : wanted;
    const leased: Job = {
      ...base,
      status: 'pending',
      dueAt: intent.dueAt,
      attempts: 1,
      leaseOwner: handOff.owner,
      leaseUntil: handOff.until,
      leasedRev: base.rev,
    };
    return current ? { op: 'replace', doc: jobDoc(leased), ifMatch: current.etag } : { op: 'insert', doc: jobDoc(leased) };
  }
  if (!current) return { op: 'insert', doc: jobDoc(wanted) };
  if (intent.mode === 'ensure') return null;
  const next = requeuedJob(current.body, wanted);
  if (!next) return null;
  return { op: 'replace', doc: jobDoc(next), ifMatch: current.etag };
}

/** A side document of the case as decided: replaced on the version loaded, or inserted when there was none. */
function sideDocOp(caseId: string, id: string, kind: 'vtconsult' | 'advice', body: unknown, etag: string | undefined): WriteOp[] {
  if (body === undefined) return [];
  const doc = { pk: caseId, id, kind, body };
  return [etag === undefined ? { op: 'insert', doc } : { op: 'replace', doc, ifMatch: etag }];
}

/** The ids of the jobs a commit's ops hand off to `owner` (see JobHandOff). */
export function handedOffJobs(ops: readonly WriteOp[], owner: string): string[] {
  return ops.flatMap((o) => {
    if (o.op === 'audit' || o.op === 'upsert' || o.doc.kind !== 'job') return [];
    const j = o.doc.body as Job;
    return j.leaseOwner === owner && j.leasedRev === j.rev ? [o.doc.id] : [];
  });
}

/**
 * A decision as the write ops of ONE commit. Conditional writes come first (job re-queues, then the
 * case version), so on Cosmos, which applies the ops one by one, a lost race stops the commit before
 * any unconditional write; what a retry then repeats is idempotent (deterministic ids, re-queues).
 */
export function decisionOps(
  loaded: LoadedCase,
  d: CaseDecision,
  now: string,
  extraAudit: AuditEntry[] = [],
  handOff?: JobHandOff,
): WriteOp[] {
  const caseId = loaded.bundle.theCase.body.id;
  const jobOps = d.jobs.map((j) => planJobRequest(loaded.jobs.get(j.id), j, caseId, now, handOff)).filter((o): o is WriteOp => o !== null);
  return [
    ...jobOps.filter((o) => o.op === 'replace'),
    { op: 'replace', doc: { pk: caseId, id: IDS.case, kind: 'case', body: d.nextCase }, ifMatch: loaded.bundle.theCase.etag },
    // documents next to the case that others (the VT and advice jobs) change without the case: conditional too
    ...sideDocOp(caseId, IDS.vtconsult, 'vtconsult', d.vtConsultation, loaded.bundle.vtConsultation?.etag),
    ...sideDocOp(caseId, IDS.advice, 'advice', d.advice, loaded.bundle.advice?.etag),
    ...escalationUpdateOps(loaded, d),
    // verdieping documents right after the case version: a stale one stops the commit before the rest
    ...(d.verdieping ?? []).map((w): WriteOp =>
      w.etag === null
        ? { op: 'insert', doc: { pk: caseId, id: w.id, kind: w.kind, body: w.body } }
        : { op: 'replace', doc: { pk: caseId, id: w.id, kind: w.kind, body: w.body }, ifMatch: w.etag },
    ),
    ...d.votes.map((v): WriteOp => ({ op: 'upsert', doc: { pk: caseId, id: v.id, kind: 'vote', body: v } })),
    ...d.contributions.map((c): WriteOp => ({ op: 'insert', doc: { pk: caseId, id: c.id, kind: 'contribution', body: c } })),
    ...(d.escalation ? [{ op: 'insert', doc: { pk: caseId, id: IDS.escalation, kind: 'escalation', body: d.escalation } } as WriteOp] : []),
    ...[...d.audit, ...extraAudit].map((entry): WriteOp => ({ op: 'audit', entry })),
    ...jobOps.filter((o) => o.op !== 'replace'),
  ];
}

/** A changed escalation, conditional on the version loaded (a post job may have stored the card ref meanwhile). */
function escalationUpdateOps(loaded: LoadedCase, d: CaseDecision): WriteOp[] {
  const current = loaded.bundle.escalation;
  if (!d.escalationUpdate) return [];
  if (!current) throw new Error('decision changes an escalation the case does not have');
  const doc = { pk: loaded.bundle.theCase.body.id, id: IDS.escalation, kind: 'escalation' as const, body: d.escalationUpdate };
  return [{ op: 'replace', doc, ifMatch: current.etag }];
}
