import type { AuditAction, AuditEntry } from '../../domain/audit';
import { normalizeCase, type Case } from '../../domain/case';
import { JOB_IDS, type JobIntent } from '../../domain/decisions';
import type { Contribution } from '../../domain/contribution';
import type { Location, Member } from '../../domain/roster';
import { contributionVisibleTo } from '../../domain/views';
import { personRefs, type PersonRef, type VerdiepingActor } from '../../domain/verdieping/common';
import { planJobRequest } from '../../store/case-bundle';
import type { Stored, WriteOp } from '../../store/docstore';
import { withEtagRetry } from '../../store/etag-retry';
import type { Job } from '../../store/jobs';
import { auditId } from '../../store/repository';
import { toWriteOp, verdiepingFromPartition, type VerdiepingBundle, type VerdiepingWrite } from '../../store/verdieping-store';
import { auditRefusal, authorizeForCase } from '../actor';
import type { AppDeps } from '../deps';
import { fail, ok, type AppError, type AppErrorCode, type Result } from '../errors';

/**
 * The one path of a verdieping command (issue 14 items 1, 2, 3, 6): read the case partition ONCE
 * (the case and its verdieping documents), authorise once against the roster of the case's location
 * (a refusal is audited), decide with a pure domain function, and write everything in ONE commit:
 * the case document (conditional on the version read, so a verdieping change and closing the case
 * are serialised: a change never lands on a case that was closed meanwhile), the verdieping
 * documents (replaced on the etag read, or created), one audit entry, and the jobs (card refresh,
 * the horizon's timers). A lost race decides again on the newer state (withEtagRetry).
 */
export interface VerdiepingCommandArgs {
  caseId: string;
  aadObjectId: string | undefined;
  /** The audit action of the change, also the `attempted` of a refusal. */
  attempted: AuditAction;
  need?: 'member' | 'chair';
}

export interface VerdiepingState {
  theCase: Case;
  location: Location;
  persons: PersonRef[];
  verdieping: VerdiepingBundle;
  actor: VerdiepingActor;
  member: Member;
  /** Ids of the case's contributions the actor may read (a reading rests only on those). */
  contributionIds: Set<string>;
  now: string;
}

/** What a decision returns: a refusal, "nothing to change" (a re-delivered click), or the writes of one change. */
export type VerdiepingDecided<T> =
  | { kind: 'refuse'; code: AppErrorCode; fields?: AppError['fields'] }
  | { kind: 'unchanged'; value: T }
  | {
      kind: 'change';
      value: T;
      writes: VerdiepingWrite[];
      /** The case document as it should be written (default: unchanged, still written to serialise). */
      nextCase?: Case;
      /** Ids, codes and flags only (never text the user wrote). */
      detail: Record<string, string | number | boolean>;
      jobs?: JobIntent[];
      /** A change that creates a document: creationAuditId(doc), so a racing twin writes one line. */
      auditId?: string;
    };

export interface VerdiepingOutcome<T> {
  value: T;
  changed: boolean;
}

const CASE_DOC_ID = 'case';

export async function runVerdiepingCommand<T>(
  deps: AppDeps,
  args: VerdiepingCommandArgs,
  decide: (s: VerdiepingState) => VerdiepingDecided<T>,
): Promise<Result<VerdiepingOutcome<T>>> {
  let member: Member | undefined;
  return withEtagRetry(`verdieping command on ${args.caseId}`, async (): Promise<Result<VerdiepingOutcome<T>>> => {
    const docs = await deps.repo.cases.readPartition(args.caseId);
    const caseDoc = docs.find((d) => d.kind === 'case' && d.id === CASE_DOC_ID);
    if (!caseDoc) return fail('case_not_found');
    const theCase = normalizeCase(caseDoc.body as Case);
    if (!member) {
      const authz = await authorizeForCase(deps, args.aadObjectId, args.caseId, theCase.locationId, args.attempted, args.need);
      if (!authz.ok) return authz;
      member = authz.value;
    }
    if (theCase.status !== 'open') {
      await auditRefusal(
        deps,
        { caseId: args.caseId, actorId: member.aadObjectId, actorOrg: member.orgId, attempted: args.attempted, reason: 'case_closed' },
        'action.refused',
      );
      return fail('case_closed');
    }
    const location = deps.directory.location(theCase.locationId);
    if (!location) return fail('unknown_location');
    const now = deps.clock.now().toISOString();
    const decided = decide({
      theCase,
      location,
      persons: personRefs(theCase.persons),
      verdieping: verdiepingFromPartition(docs),
      actor: { orgId: member.orgId, chair: member.roles.includes('chair'), userId: member.aadObjectId },
      member,
      contributionIds: new Set(
        docs
          .filter((d) => d.kind === 'contribution')
          .map((d) => d.body as Contribution)
          .filter((c) => contributionVisibleTo(c, member?.orgId))
          .map((c) => c.id),
      ),
      now,
    });
    if (decided.kind === 'refuse') {
      if (decided.code !== 'invalid_input')
        await auditRefusal(
          deps,
          { caseId: args.caseId, actorId: member.aadObjectId, actorOrg: member.orgId, attempted: args.attempted, reason: decided.code },
          decided.code === 'not_chair' ? 'access.denied' : 'action.refused',
        );
      return { ok: false, error: { code: decided.code, ...(decided.fields ? { fields: decided.fields } : {}) } };
    }
    if (decided.kind === 'unchanged') return ok({ value: decided.value, changed: false });

    const jobs = new Map<string, Stored<Job>>();
    for (const d of docs) if (d.kind === 'job') jobs.set(d.id, d as Stored<Job>);
    const intents: JobIntent[] = [{ id: JOB_IDS.refreshCard, type: 'refreshCard', dueAt: now, mode: 'request' }, ...(decided.jobs ?? [])];
    const jobOps = intents.map((j) => planJobRequest(jobs.get(j.id), j, args.caseId, now)).filter((o): o is WriteOp => o !== null);
    const audit: AuditEntry = {
      id: decided.auditId ?? auditId({ at: now }),
      caseId: args.caseId,
      at: now,
      action: args.attempted,
      actorId: member.aadObjectId,
      actorOrg: member.orgId,
      detail: decided.detail,
    };
    const writes = decided.writes.map(toWriteOp);
    // Conditional writes first: on Cosmos (ops one by one) a lost race stops before anything else is written.
    const ops: WriteOp[] = [
      { op: 'replace', doc: { pk: args.caseId, id: CASE_DOC_ID, kind: 'case', body: decided.nextCase ?? theCase }, ifMatch: caseDoc.etag },
      ...jobOps.filter((o) => o.op === 'replace'),
      ...writes.filter((o) => o.op === 'replace'),
      ...writes.filter((o) => o.op !== 'replace'),
      { op: 'audit', entry: audit },
      ...jobOps.filter((o) => o.op !== 'replace'),
    ];
    await deps.repo.cases.commit(ops);
    deps.log.info({ caseId: args.caseId, action: args.attempted, orgId: member.orgId }, 'verdieping command committed');
    deps.kickJobs();
    return ok({ value: decided.value, changed: true });
  });
}
