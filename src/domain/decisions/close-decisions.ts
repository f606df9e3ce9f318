import type { CaseClosure } from '../escalation-record';
import type { Case } from '../case';
import type { CaseBundle } from '../case-bundle';
import type { VerdiepingDocs } from '../verdieping/bundle';
import type { PartnerOrg } from '../orgs';
import { validateHandover, type Handover, type HandoverError, type HandoverInput, type ReceivingParty } from '../aftercare/handover';
import { canClose, closeDespiteConcern } from '../rounds/case-lifecycle';
import { concernedOrgs } from '../rounds/round';
import { personRefs, type PersonRefId } from '../verdieping/common';
import { personsWithoutHolder } from '../verdieping/safety-plan';
import type { AuditEntry } from '../audit';
import { refreshJobs, snapshotOf } from './follow-up';
import type { CaseSnapshot, Decided, DecisionActor, DecisionContext, JobIntent } from './types';
import { actorAudit } from './audit-entry';

/**
 * Closing a case (issue 15 item 2, issue 14's closing rule). A normal close needs: the last round
 * closed without standing buikpijn, a safety holder for every person who needs one (when the safety
 * rule applies, see `safetyRuleApplies`), and a handover (who holds the case from now on). Closing
 * "ondanks" is the chair's, with a reason: it records the remaining buikpijn and the persons without
 * a safety holder, and still names the handover.
 */

/** The job that brings the closing to the thread, the contributors and the receiving party. */
export const CLOSING_JOB_ID = 'job:feedback:closing';

export type CloseMode = 'normal' | 'despite';

export type CloseError =
  | 'case_closed'
  | 'not_chair'
  | 'no_closed_round'
  | 'round_open'
  | 'concern_remaining'
  | 'safety_not_placed'
  | 'reason_too_short'
  | 'reason_too_long'
  | HandoverError;

/**
 * Whether the safety plan's closing rule applies. A case in the ZSM phase nobody has taken into
 * verdieping and whose plan names nobody is closed in the first hours on the buikpijn rule alone (the
 * plan is a verdieping tool, decisions §55); once the case is in verdieping or the plan names anyone,
 * every person who needs a holder must have one.
 */
export function safetyRuleApplies(b: Pick<CaseBundle, 'verdieping'>): boolean {
  const v = b.verdieping;
  return !!v && (v.phase?.body.phase === 'verdieping' || v.safetyPlan.length > 0);
}

/** The persons (labels) without a safety holder, when the rule applies; else none. */
export function unplacedPersons(b: Pick<CaseBundle, 'theCase' | 'verdieping'>): PersonRefId[] {
  return unplacedOf(b.theCase.body, b.verdieping);
}

/** The same from a case and its verdieping documents (what a card view holds). */
export function unplacedOf(theCase: Pick<Case, 'persons'>, verdieping: VerdiepingDocs | undefined): PersonRefId[] {
  if (!safetyRuleApplies(verdieping ? { verdieping } : {})) return [];
  const plan = (verdieping?.safetyPlan ?? []).map((d) => d.body);
  return personsWithoutHolder(personRefs(theCase.persons), plan).map((p) => p.ref);
}

export interface CloseArgs {
  actor: DecisionActor;
  chair: boolean;
  mode: CloseMode;
  /** The chair's reason ("ondanks" only). */
  reason?: string;
  handover: HandoverInput;
  /** The location's receiving parties (configuration). */
  parties: readonly ReceivingParty[];
  /**
   * Closing after the terugkoppeling: the OvJ's decision ended the buikpijn discussion (it may stand
   * "ondanks buikpijn"), so only the safety plan and the handover are checked.
   */
  afterDecision?: boolean;
}

export type ClosureResult = { ok: true; closure: CaseClosure } | { ok: false; error: CloseError };

/** The closure a close would record, or why it may not (pure; the table tests drive this). */
export function closureOf(b: Pick<CaseBundle, 'theCase' | 'votes' | 'verdieping'>, args: CloseArgs, now: string): ClosureResult {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  const unplaced = unplacedPersons(b);
  let despite: { reason: string; remaining: PartnerOrg[] } | undefined;
  if (args.mode === 'normal') {
    const check = args.afterDecision ? ({ ok: true } as const) : canClose(b.votes, c.rounds);
    if (!check.ok) return { ok: false, error: check.error };
    if (unplaced.length > 0) return { ok: false, error: 'safety_not_placed' };
  } else {
    const res = closeDespiteConcern({ actor: { chair: args.chair }, reason: args.reason ?? '', votes: b.votes, rounds: c.rounds });
    if (!res.ok) return { ok: false, error: res.error };
    despite = { reason: res.reason, remaining: res.remainingConcern.length > 0 ? res.remainingConcern : concernedOrgs(b.votes, c.round) };
  }
  const h = validateHandover(args.handover, args.parties);
  if (!h.ok) return { ok: false, error: h.error };
  const closure: CaseClosure = despite
    ? {
        at: now,
        by: args.actor.aadObjectId,
        // "ondanks buikpijn" when buikpijn stands, or when nothing else was overridden (as before the safety rule)
        despiteConcern: despite.remaining.length > 0 || unplaced.length === 0,
        reason: despite.reason,
        remainingConcern: despite.remaining,
        ...(unplaced.length > 0 ? { despiteSafety: true, unplacedSafety: unplaced } : {}),
        handover: h.handover,
      }
    : { at: now, by: args.actor.aadObjectId, despiteConcern: false, remainingConcern: [], handover: h.handover };
  return { ok: true, closure };
}

/** The audit detail of a closing: ids and labels only (the handover note and the reason stay on the case). */
export function closureAuditDetail(closure: CaseClosure, extra: Record<string, string | number | boolean> = {}): AuditEntry['detail'] {
  const h: Handover | undefined = closure.handover;
  return {
    despiteConcern: closure.despiteConcern,
    ...(closure.remainingConcern.length > 0 ? { remaining: closure.remainingConcern.join(',') } : {}),
    ...(closure.unplacedSafety && closure.unplacedSafety.length > 0 ? { unplacedSafety: closure.unplacedSafety.join(',') } : {}),
    ...(h ? { handoverTo: h.partyId, handedOver: h.handedOver.join(',') } : {}),
    ...extra,
  };
}

/** The jobs that follow a closing: the terugkoppeling of the closing (thread, contributors, receiving party). */
export const closingJobs = (now: string): JobIntent[] => [{ id: CLOSING_JOB_ID, type: 'closingFeedback', dueAt: now, mode: 'request' }];

/** "Zaak sluiten" / "Sluiten ondanks …" by the chair: the closure, its audit line, the card refresh and the terugkoppeling. */
export function decideCloseCase(b: CaseBundle, args: CloseArgs, ctx: DecisionContext): Decided<{ closure: CaseClosure }, CloseError> {
  const r = closureOf(b, args, ctx.now);
  if (!r.ok) return r;
  const c = b.theCase.body;
  const nextCase = { ...c, status: 'closed' as const, closure: r.closure };
  const after: CaseSnapshot = { ...snapshotOf(b), theCase: nextCase };
  return {
    ok: true,
    value: { closure: r.closure },
    decision: {
      nextCase,
      votes: [],
      contributions: [],
      audit: [actorAudit(c, args.actor, 'case.close', ctx, closureAuditDetail(r.closure))],
      jobs: [...closingJobs(ctx.now), ...refreshJobs(after, ctx.now, { newEscalation: false })],
    },
    after,
  };
}
