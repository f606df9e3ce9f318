import { z } from 'zod';
import { OLD_DECISION_SUBJECT, OLD_PHASE } from '../old-values-advice';
import { acceptingOld } from '../old-values';
import { partnerOrgSchema, type PartnerOrg } from '../orgs';
import { requireMillis, type Instant } from '../rounds/time';
import { LOCAL_DATE, type ActieoverlegMeeting } from './meeting';

/**
 * The outcome of the Actieoverleg, recorded by the casusverantwoordelijke after the meeting:
 * decisions on the safety plan and the interventions (each in an intervention phase), actions
 * (who does what by when) and whether the case is registered with the Zorg- en Veiligheidshuis
 * for casusregie.
 */
export const INTERVENTION_PHASES = ['safety', 'care', 'recovery'] as const;
export type InterventionPhase = (typeof INTERVENTION_PHASES)[number];
/** What an Actieoverleg decision is about (stored in Dutch before issue 11 item 6: `OLD_DECISION_SUBJECT`). */
export const DECISION_SUBJECTS = ['safety_plan', 'intervention'] as const;
export type DecisionSubject = (typeof DECISION_SUBJECTS)[number];

export const MAX_OUTCOME_TEXT = 500;
export const MAX_DECISIONS = 20;
export const MAX_ACTIONS = 30;

export const outcomeInputSchema = z
  .object({
    decisions: z
      .array(
        z
          .object({
            subject: acceptingOld(OLD_DECISION_SUBJECT, z.enum(DECISION_SUBJECTS)),
            phase: acceptingOld(OLD_PHASE, z.enum(INTERVENTION_PHASES)),
            text: z.string().trim().min(3).max(MAX_OUTCOME_TEXT),
          })
          .strict(),
      )
      .max(MAX_DECISIONS),
    actions: z
      .array(
        z
          .object({
            owner: partnerOrgSchema,
            what: z.string().trim().min(3).max(MAX_OUTCOME_TEXT),
            due: z.string().regex(LOCAL_DATE),
          })
          .strict(),
      )
      .max(MAX_ACTIONS),
    zvhCasusregie: z.boolean(),
  })
  .strict();
export type OutcomeInput = z.infer<typeof outcomeInputSchema>;

export interface ActieoverlegOutcome extends OutcomeInput {
  caseId: string;
  recordedBy: { orgId: PartnerOrg; aadObjectId: string };
  recordedAt: string;
  /** 1 for the first record; a correction by the casusverantwoordelijke bumps it. */
  revision: number;
}

export type OutcomeError = 'not_case_owner' | 'no_meeting' | 'meeting_not_held' | 'no_decision' | 'due_before_meeting' | 'invalid_due';
export type OutcomeResult = { ok: true; outcome: ActieoverlegOutcome; changed: boolean } | { ok: false; error: OutcomeError };

/**
 * Records (or corrects) the outcome. Rules: only the casusverantwoordelijke's organisation; only
 * after the meeting's moment; at least one decision (an outcome without one is no outcome); every
 * action is due on or after the meeting's date. A resubmission with identical content is no change.
 */
export function recordOutcome(args: {
  caseId: string;
  input: OutcomeInput;
  actor: { orgId: PartnerOrg; aadObjectId: string };
  caseOwnerOrg: PartnerOrg | undefined;
  meeting: ActieoverlegMeeting | undefined;
  previous?: ActieoverlegOutcome;
  now: Instant;
}): OutcomeResult {
  if (!args.caseOwnerOrg || args.actor.orgId !== args.caseOwnerOrg) return { ok: false, error: 'not_case_owner' };
  if (!args.meeting) return { ok: false, error: 'no_meeting' };
  const now = requireMillis(args.now, 'now');
  if (now < Date.parse(args.meeting.at)) return { ok: false, error: 'meeting_not_held' };
  if (args.input.decisions.length === 0) return { ok: false, error: 'no_decision' };
  for (const a of args.input.actions) {
    if (!Number.isFinite(Date.parse(`${a.due}T00:00:00Z`))) return { ok: false, error: 'invalid_due' };
    if (a.due < args.meeting.localDate) return { ok: false, error: 'due_before_meeting' };
  }
  const content: OutcomeInput = { decisions: args.input.decisions, actions: args.input.actions, zvhCasusregie: args.input.zvhCasusregie };
  if (args.previous && sameContent(args.previous, content)) return { ok: true, outcome: args.previous, changed: false };
  return {
    ok: true,
    changed: true,
    outcome: {
      ...content,
      caseId: args.caseId,
      recordedBy: args.actor,
      recordedAt: new Date(now).toISOString(),
      revision: (args.previous?.revision ?? 0) + 1,
    },
  };
}

function sameContent(a: OutcomeInput, b: OutcomeInput): boolean {
  const pick = (o: OutcomeInput) => JSON.stringify([o.decisions, o.actions, o.zvhCasusregie]);
  return pick(a) === pick(b);
}

/** Decisions per intervention phase (for the card and the report row). */
export function decisionsByPhase(outcome: Pick<OutcomeInput, 'decisions'> | undefined): Record<InterventionPhase, number> {
  const counts: Record<InterventionPhase, number> = { safety: 0, care: 0, recovery: 0 };
  for (const d of outcome?.decisions ?? []) counts[d.phase]++;
  return counts;
}

/** Actions per owner organisation, each list ordered by due date: what the thread and contributors are told. */
export function actionsByOwner(outcome: Pick<OutcomeInput, 'actions'>): Map<PartnerOrg, OutcomeInput['actions']> {
  const m = new Map<PartnerOrg, OutcomeInput['actions']>();
  for (const a of [...outcome.actions].sort((x, y) => x.due.localeCompare(y.due))) m.set(a.owner, [...(m.get(a.owner) ?? []), a]);
  return m;
}

/** Actions not done by their due date (local dates compare as strings). */
export function overdueActions(
  outcome: Pick<OutcomeInput, 'actions'>,
  todayLocal: string,
  done: ReadonlySet<number> = new Set(),
): number[] {
  return outcome.actions.flatMap((a, i) => (a.due < todayLocal && !done.has(i) ? [i] : []));
}
