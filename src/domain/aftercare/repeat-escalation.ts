import type { PartnerOrg } from '../orgs';
import type { ConcernVote } from '../vote';

/**
 * A case decided "ondanks buikpijn" (the chair closed it, or the OvJ decided, while buikpijn stood)
 * does not escalate again on that same buikpijn. It may again once something new happens: a new
 * vote reason, a violation (overtreding of a measure) or a new incident. The escalation policy
 * calls this before it decides; this function never decides an escalation itself.
 */
export interface DecidedDespiteConcern {
  at: string;
  /** The buikpijn that stood when it was decided: organisation and its reason, as recorded then. */
  concerns: { orgId: PartnerOrg; reason?: string; acuteUnsafe: boolean }[];
}

export type NewDevelopmentKind = 'measure_violation' | 'new_incident';
export interface NewDevelopment {
  kind: NewDevelopmentKind;
  at: string;
}

export type RepeatTrigger = 'no_earlier_decision' | 'new_reason' | 'new_org' | 'acute_unsafe' | NewDevelopmentKind;

export type RepeatEscalationCheck = { allowed: true; trigger: RepeatTrigger } | { allowed: false };

/** Reasons compare without case, surrounding space and repeated whitespace: a retyped reason is the same reason. */
export function normalizeReason(reason: string | undefined): string {
  return (reason ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Whether the escalation policy may escalate again. Something counts as new only when it happened
 * after the decision (`at` strictly later). Order of the trigger when several hold: development
 * (a new incident, then a violation), acute, a new organisation, a new reason.
 */
export function mayEscalateAgain(
  decided: DecidedDespiteConcern | undefined,
  since: { votes: readonly ConcernVote[]; developments: readonly NewDevelopment[] },
): RepeatEscalationCheck {
  if (!decided) return { allowed: true, trigger: 'no_earlier_decision' };
  const after = Date.parse(decided.at);
  const isNew = (at: string): boolean => Date.parse(at) > after;
  const dev = since.developments.filter((d) => isNew(d.at));
  if (dev.some((d) => d.kind === 'new_incident')) return { allowed: true, trigger: 'new_incident' };
  if (dev.some((d) => d.kind === 'measure_violation')) return { allowed: true, trigger: 'measure_violation' };
  const newConcern = since.votes.filter((v) => v.concern && isNew(v.castAt));
  const known = new Map<PartnerOrg, { reasons: Set<string>; acute: boolean }>();
  for (const c of decided.concerns) {
    const k = known.get(c.orgId) ?? { reasons: new Set<string>(), acute: false };
    k.reasons.add(normalizeReason(c.reason));
    k.acute ||= c.acuteUnsafe;
    known.set(c.orgId, k);
  }
  if (newConcern.some((v) => v.acuteUnsafe && !known.get(v.orgId)?.acute)) return { allowed: true, trigger: 'acute_unsafe' };
  if (newConcern.some((v) => !known.has(v.orgId))) return { allowed: true, trigger: 'new_org' };
  if (newConcern.some((v) => !known.get(v.orgId)?.reasons.has(normalizeReason(v.reason)))) return { allowed: true, trigger: 'new_reason' };
  return { allowed: false };
}

/**
 * What of a case the repeat check reads, from its one partition read: the advice (an OvJ decision
 * with a concern acknowledgement is a decision "ondanks buikpijn"), the votes (the acute mark of the
 * buikpijn that stood), the contributions (a new `report` (melding) is a new incident) and the running
 * measures (a reported violation).
 */
export interface RepeatSource {
  advice?: {
    decision?: { at: string; concernAcknowledgement?: string };
    draft: { openConcern: { orgId: PartnerOrg; reason?: string; round: number }[] };
  };
  votes: readonly ConcernVote[];
  contributions: readonly { source: string; createdAt: string }[];
  measures: readonly { violations: readonly { reportedAt: string }[] }[];
}

/**
 * The OvJ decided while buikpijn stood (the advice's open buikpijn, acknowledged with a reason):
 * that buikpijn, as it stood then. Undefined when there is no such decision.
 */
export function decidedDespiteConcernOf(s: Pick<RepeatSource, 'advice' | 'votes'>): DecidedDespiteConcern | undefined {
  const d = s.advice?.decision;
  if (!d || d.concernAcknowledgement === undefined || !s.advice) return undefined;
  const open = s.advice.draft.openConcern;
  if (open.length === 0) return undefined;
  return {
    at: d.at,
    concerns: open.map((o) => ({
      orgId: o.orgId,
      ...(o.reason !== undefined ? { reason: o.reason } : {}),
      acuteUnsafe: s.votes.some((v) => v.orgId === o.orgId && v.round === o.round && v.acuteUnsafe),
    })),
  };
}

/** New developments recorded on the case: a `report` (melding) contribution is a new incident; a reported violation of a measure. */
export function developmentsOf(s: Pick<RepeatSource, 'contributions' | 'measures'>): NewDevelopment[] {
  return [
    ...s.contributions.filter((c) => c.source === 'report').map((c) => ({ kind: 'new_incident' as const, at: c.createdAt })),
    ...s.measures.flatMap((m) => m.violations.map((v) => ({ kind: 'measure_violation' as const, at: v.reportedAt }))),
  ];
}

/** The repeat check's input for decideEscalation, from a case's state. */
export function repeatCheckOf(s: RepeatSource): { decided?: DecidedDespiteConcern; developments: NewDevelopment[] } {
  const decided = decidedDespiteConcernOf(s);
  return { ...(decided ? { decided } : {}), developments: developmentsOf(s) };
}
