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

export type NewDevelopmentKind = 'overtreding' | 'nieuw_incident';
export interface NewDevelopment {
  kind: NewDevelopmentKind;
  at: string;
}

export type RepeatTrigger = 'geen_eerder_besluit' | 'nieuwe_reden' | 'nieuwe_organisatie' | 'acuut_onveilig' | NewDevelopmentKind;

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
  if (!decided) return { allowed: true, trigger: 'geen_eerder_besluit' };
  const after = Date.parse(decided.at);
  const isNew = (at: string): boolean => Date.parse(at) > after;
  const dev = since.developments.filter((d) => isNew(d.at));
  if (dev.some((d) => d.kind === 'nieuw_incident')) return { allowed: true, trigger: 'nieuw_incident' };
  if (dev.some((d) => d.kind === 'overtreding')) return { allowed: true, trigger: 'overtreding' };
  const newConcern = since.votes.filter((v) => v.concern && isNew(v.castAt));
  const known = new Map<PartnerOrg, { reasons: Set<string>; acute: boolean }>();
  for (const c of decided.concerns) {
    const k = known.get(c.orgId) ?? { reasons: new Set<string>(), acute: false };
    k.reasons.add(normalizeReason(c.reason));
    k.acute ||= c.acuteUnsafe;
    known.set(c.orgId, k);
  }
  if (newConcern.some((v) => v.acuteUnsafe && !known.get(v.orgId)?.acute)) return { allowed: true, trigger: 'acuut_onveilig' };
  if (newConcern.some((v) => !known.has(v.orgId))) return { allowed: true, trigger: 'nieuwe_organisatie' };
  if (newConcern.some((v) => !known.get(v.orgId)?.reasons.has(normalizeReason(v.reason))))
    return { allowed: true, trigger: 'nieuwe_reden' };
  return { allowed: false };
}
