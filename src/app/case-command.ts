import type { CaseBundle } from '../domain/case-bundle';
import type { AuditEntry } from '../domain/audit';
import {
  snapshotOf,
  type CaseSnapshot,
  type Decided,
  type DecisionActor,
  type DecisionContext,
  type DecisionLocation,
} from '../domain/decisions';
import type { PersonalView, ViewVia } from '../domain/views';
import { decisionOps, handedOffJobs } from '../store/case-bundle';
import { withEtagRetry } from '../store/etag-retry';
import { auditId } from '../store/repository';
import { auditRefusal, authorizeForCase, refusalEntry } from './actor';
import type { AppDeps } from './deps';
import { fail, ok, type AppError, type AppErrorCode, type Result } from './errors';
import { reportRowOps } from './report/report-row-hook';

export interface CaseCommand {
  caseId: string;
  aadObjectId: string | undefined;
  /** The action name for refusals (audit `attempted`). */
  attempted: string;
  need?: 'member' | 'chair';
  /**
   * The actor is answered with their personal case view built from the result: that view is
   * audited (`view.opened`, via) in the same commit instead of a write of its own.
   */
  answerView?: ViewVia;
  /** Which personal view that answer is (default the case card; the Actieoverleg card for its verbs). */
  answerViewKind?: PersonalView;
  /**
   * Someone the caller already authorised off the roster (the consulted VT on-call member): no
   * roster check. Absent: the roster of the case's location decides (`need`).
   */
  preAuthorized?: DecisionActor;
  /**
   * The case itself says who may act (the VT member the consultation asked, who need not be on the
   * roster): decided on every load, before the roster. A refusal with `audit` is recorded as an
   * access denial (ids and the code only).
   */
  actorFromCase?: (bundle: CaseBundle) => { ok: true; actor: DecisionActor } | { ok: false; error: AppErrorCode; audit: boolean };
}

export interface CommandOutcome<T> {
  value: T;
  actor: DecisionActor;
  /** The case as this command left it: the answer's view is built from it (no reload). */
  after: CaseSnapshot;
}

/** What a decision needs of the case's location (undefined when it is no longer configured). */
export function decisionLocation(deps: AppDeps, locationId: string): DecisionLocation | undefined {
  const l = deps.directory.location(locationId);
  return l ? { expectedOrgs: l.expectedOrgs, escalation: l.escalation, reminders: l.reminders } : undefined;
}

/**
 * One click, one decision, one commit: load the case partition once, authorise once (the roster of
 * the case's location, in memory; a refusal is audited), decide with a pure function, and commit
 * everything it returns in one DocStore.commit. A lost race on the case version decides again on the
 * newer state (withEtagRetry). On the request path that is two store operations when nothing races.
 */
export async function runCaseCommand<T, E extends AppErrorCode>(
  deps: AppDeps,
  cmd: CaseCommand,
  decide: (bundle: CaseBundle, actor: DecisionActor, ctx: DecisionContext) => Decided<T, E> | Promise<Decided<T, E>>,
): Promise<Result<CommandOutcome<T>>> {
  let actor: DecisionActor | undefined = cmd.preAuthorized;
  // A commit loses to any writer of the partition (the case, or a job the loop is claiming), so a
  // busy case can lose more often than the default allows: as many tries as requestJob.
  return withEtagRetry(
    `case command on ${cmd.caseId}`,
    async (): Promise<Result<CommandOutcome<T>>> => {
      const loaded = await deps.repo.cases.loadBundle(cmd.caseId);
      if (!loaded) return fail('case_not_found');
      const theCase = loaded.bundle.theCase.body;
      if (cmd.actorFromCase) {
        const who = cmd.actorFromCase(loaded.bundle);
        if (!who.ok) {
          if (who.audit)
            await auditRefusal(deps, { caseId: cmd.caseId, actorId: cmd.aadObjectId, attempted: cmd.attempted, reason: who.error });
          return fail(who.error);
        }
        actor = who.actor;
      }
      if (!actor) {
        // A case never changes location: one authorisation serves every retry.
        const authz = await authorizeForCase(deps, cmd.aadObjectId, cmd.caseId, theCase.locationId, cmd.attempted, cmd.need);
        if (!authz.ok) return authz;
        actor = { aadObjectId: authz.value.aadObjectId, orgId: authz.value.orgId };
      }
      const now = deps.clock.now().toISOString();
      const ctx: DecisionContext = { now, newAuditId: () => auditId({ at: now }) };
      const viewAudit: AuditEntry[] = cmd.answerView
        ? [
            {
              id: ctx.newAuditId(),
              caseId: cmd.caseId,
              at: now,
              action: 'view.opened' as const,
              actorId: actor.aadObjectId,
              actorOrg: actor.orgId,
              detail: { view: cmd.answerViewKind ?? 'case', via: cmd.answerView },
            },
          ]
        : [];
      // A refusal answered with the actor's personal view (the case card, the Actieoverleg card): that
      // view is the case as loaded here (`seen`, no second read), audited in the refusal's one write when
      // there is a view to show (an Actieoverleg card only once the case has an escalation; before, the
      // answer is the reason only).
      const kind = cmd.answerViewKind ?? 'case';
      const refusedWithSeen = cmd.answerView !== undefined && (kind === 'case' || kind === 'actieoverleg');
      const viewShown = refusedWithSeen && (kind === 'case' || loaded.bundle.escalation !== undefined);
      const refuse = async (code: E | AppErrorCode, refusal?: AuditEntry): Promise<Result<CommandOutcome<T>>> => {
        const entries = [...(refusal ? [refusal] : []), ...(viewShown ? viewAudit : [])];
        if (entries.length === 1) await deps.repo.appendAudit(entries[0]);
        else if (entries.length > 1) await deps.repo.cases.commit(entries.map((entry) => ({ op: 'audit' as const, entry })));
        return refusedWithSeen ? { ok: false, error: { code }, seen: snapshotOf(loaded.bundle) } : fail(code);
      };
      if (theCase.status !== 'open') {
        const who = { caseId: cmd.caseId, actorId: actor.aadObjectId, actorOrg: actor.orgId, attempted: cmd.attempted, at: now };
        return refuse('case_closed', refusalEntry(deps, { ...who, reason: 'case_closed' }, 'action.refused'));
      }
      const decided = await decide(loaded.bundle, actor, ctx);
      if (!decided.ok) return refuse(decided.error);
      const d = decided.decision;
      const nothing =
        d.nextCase === theCase && d.votes.length + d.contributions.length + d.audit.length + d.jobs.length + viewAudit.length === 0;
      // A click that changes nothing (e.g. "teruggebeld" twice) writes nothing.
      if (nothing && !d.escalation && !d.vtConsultation && !d.advice) return ok({ value: decided.value, actor, after: decided.after });
      const h = deps.handOff;
      const handOff = h ? { owner: h.owner, types: h.types, until: new Date(Date.parse(now) + h.leaseMs).toISOString() } : undefined;
      // The case's report row in the same commit, when the command changed one of its figures.
      const ops = [...decisionOps(loaded, decided.decision, now, viewAudit, handOff), ...reportRowOps(deps, loaded, decided.after)];
      const results = await deps.repo.cases.commit(ops);
      const escalationAt = ops.findIndex((o) => o.op === 'insert' && o.doc.kind === 'escalation');
      if (decided.decision.escalation && escalationAt >= 0 && results[escalationAt] === 'created')
        deps.log.info({ caseId: cmd.caseId, rule: decided.decision.escalation.rule }, 'case escalated to the Actieoverleg');
      deps.log.info({ caseId: cmd.caseId, action: cmd.attempted, orgId: actor.orgId }, 'case command committed');
      const handed = h ? handedOffJobs(ops, h.owner) : [];
      if (h && handed.length > 0) h.run(cmd.caseId, handed);
      if (decided.decision.jobs.length > handed.length) deps.kickJobs();
      return ok({ value: decided.value, actor, after: decided.after });
    },
    { attempts: 50, maxPauseMs: 20 },
  );
}

/** A decision's refusal that carries more than its code (field hints): answered as it was. */
export interface RefusedWith {
  ok: false;
  refusal: AppError;
}

/** A decision's refusal with field hints (the code goes through runCaseCommand, the hints come back to the caller). */
export const refusedWith = (code: AppErrorCode, fields?: AppError['fields']): RefusedWith => ({
  ok: false,
  refusal: { code, ...(fields ? { fields } : {}) },
});

/**
 * runCaseCommand for a command with typed input: the input is checked only after the roster and the
 * closed-case checks (whoever may not act learns nothing about what the input should be), and its refusal
 * (with its field hints) is returned as it was. The decision may refuse with field hints too (RefusedWith).
 */
export async function runCaseCommandWithInput<I, T, E extends AppErrorCode>(
  deps: AppDeps,
  cmd: CaseCommand,
  input: () => Result<I>,
  decide: (
    bundle: CaseBundle,
    actor: DecisionActor,
    ctx: DecisionContext,
    input: I,
  ) => Decided<T, E> | RefusedWith | Promise<Decided<T, E> | RefusedWith>,
): Promise<Result<CommandOutcome<T>>> {
  let refusal: AppError | undefined;
  const r = await runCaseCommand(deps, cmd, async (b, actor, ctx): Promise<Decided<T, E | AppErrorCode>> => {
    refusal = undefined;
    const checked = input();
    if (!checked.ok) {
      refusal = checked.error;
      return { ok: false, error: checked.error.code };
    }
    const d = await decide(b, actor, ctx, checked.value);
    if ('refusal' in d) {
      refusal = d.refusal;
      return { ok: false, error: d.refusal.code };
    }
    return d;
  });
  return !r.ok && refusal && r.error.code === refusal.code ? { ok: false, error: refusal, ...(r.seen ? { seen: r.seen } : {}) } : r;
}
