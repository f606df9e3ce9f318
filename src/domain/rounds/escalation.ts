import { z } from 'zod';
import type { CaseFacts, CaseStatus } from '../case';
import type { PartnerOrg } from '../orgs';
import { concernPicture, type ConcernVote } from '../vote';
import { currentRoundNumber, isCurrentRoundOpen, orgOrder, standingPicture, type RoundInfo } from './round';
import { HOUR_MS, requireMillis, toIso } from './time';
import { mayEscalateAgain, type DecidedDespiteConcern, type NewDevelopment } from '../aftercare/repeat-escalation';

/** Drafts of the Actieoverleg's concrete question; kept together so they can move to i18n as is. */
export const CONCRETE_QUESTION_NL = {
  prosecution: 'Strafrechtelijk onderzoek en vervolging, ja of nee?',
  safetyNoChildren: 'En wat is nodig voor de veiligheid van de betrokkenen?',
  childrenWithAges: 'En wat is nodig voor de veiligheid van en zorg voor de kinderen ({ages} jr)?',
  childWithAge: 'En wat is nodig voor de veiligheid van en zorg voor het kind ({ages} jr)?',
  childrenNoAges: 'En wat is nodig voor de veiligheid van en zorg voor de kinderen?',
  listSeparator: ', ',
  listLastSeparator: ' en ',
} as const;

/**
 * Per-location thresholds (architecture: configuration, not constants). The acute rule has no
 * switch on purpose: an "acuut onveilig" mark always escalates.
 */
export const escalationPolicySchema = z
  .object({
    /** (b) at least this many organisations ... */
    minOrgs: z.number().int().min(1).max(7).default(2),
    /** (b) ... each with buikpijn in this many consecutive rounds. */
    consecutiveRounds: z.number().int().min(1).max(20).default(2),
    /** (c) buikpijn of any organisation in this many consecutive rounds. */
    persistentRounds: z.number().int().min(2).max(50).default(4),
    /** (d) buikpijn without a clear round in between for this many hours. */
    persistentHours: z
      .number()
      .positive()
      .max(24 * 14)
      .default(12),
    /**
     * (e) hermelding: a person of the case had an earlier case whose intake was at most this many
     * days before this one, and buikpijn stands. Absent: the rule is off (the location switches it on).
     */
    hermeldingDays: z
      .number()
      .int()
      .min(1)
      .max(5 * 365)
      .optional(),
  })
  .strict();
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;
export const DEFAULT_ESCALATION_POLICY: Readonly<EscalationPolicy> = Object.freeze(escalationPolicySchema.parse({}));

export type EscalationRule =
  | 'acute_unsafe'
  | 'persistent_several_orgs'
  | 'persistent_rounds'
  | 'persistent_time'
  | 'repeat_report'
  // safety signals (issue 14, src/domain/verdieping/safety-signals.ts decideSafetyEscalation)
  | 'measure_violation'
  | 'high_risk';

export interface EscalationReason {
  orgId: PartnerOrg;
  round: number;
  reason?: string;
  acuteUnsafe: boolean;
}

export type EscalationDecision =
  { escalate: false; nextCheckAt?: string } | { escalate: true; rule: EscalationRule; orgs: PartnerOrg[]; reasons: EscalationReason[] };

export interface EscalationInput {
  votes: readonly ConcernVote[];
  rounds: readonly RoundInfo[];
  caseStatus: CaseStatus;
  escalatedAlready: boolean;
  now: string;
  /**
   * A decision "ondanks buikpijn" (the OvJ's) and what happened since (issue 15): the same buikpijn
   * does not escalate again; a new reason, organisation, acute mark, violation or incident does.
   */
  /** Days from the last earlier intake of a person of this case (oude bekende) to this case's intake. */
  returningDaysSinceLast?: number;
  repeat?: { decided?: DecidedDespiteConcern; developments: readonly NewDevelopment[] };
}

/** One escalation per case: the store inserts this id if absent, so racing processes agree. */
export function escalationId(caseId: string): string {
  return `escalation:${caseId}`;
}

/** Who sits at the Actieoverleg (domain primer): RvdK only when children are involved. */
export function actieoverlegAttendees(kmFlag: boolean): PartnerOrg[] {
  const base: PartnerOrg[] = ['politie', 'vt', 'om', '3ro'];
  return kmFlag ? [...base, 'rvdk'] : base;
}

export function defaultConcreteQuestion(facts: Pick<CaseFacts, 'childrenInvolved' | 'childAges'>): string {
  const t = CONCRETE_QUESTION_NL;
  if (!facts.childrenInvolved) return `${t.prosecution} ${t.safetyNoChildren}`;
  const ages = [...facts.childAges].sort((a, b) => b - a);
  if (ages.length === 0) return `${t.prosecution} ${t.childrenNoAges}`;
  const list = ages.length === 1 ? String(ages[0]) : `${ages.slice(0, -1).join(t.listSeparator)}${t.listLastSeparator}${ages.at(-1)}`;
  const template = ages.length === 1 ? t.childWithAge : t.childrenWithAges;
  return `${t.prosecution} ${template.replace('{ages}', list)}`;
}

/**
 * The escalation policy, a pure function of the case history. Model (see round.ts): buikpijn stands
 * until the organisation withdraws it. Counting rounds, every past round and a closed current round
 * count with what stood at their end; the OPEN current round counts only for an organisation that
 * confirmed buikpijn in it, and an organisation that has not voted in it yet is judged on the rounds
 * before (its streak is neither broken nor extended). So a rule fires on the vote that completes it,
 * a freshly started round never fires a round rule by itself, and a decision missed by a crash is
 * caught on the next evaluation. Order when several fire: acute, hermelding, multiple orgs, rounds, time.
 */
export function decideEscalation(input: EscalationInput, policy: EscalationPolicy): EscalationDecision {
  if (input.caseStatus === 'closed' || input.escalatedAlready) return { escalate: false };
  const now = requireMillis(input.now, 'now');
  const h = history(input.votes, input.rounds);
  const d =
    acute(h) ??
    returning(h, policy, input.returningDaysSinceLast) ??
    multipleOrgs(h, policy) ??
    persistentRounds(h, policy) ??
    persistentTime(h, policy, now);
  // After a decision "ondanks buikpijn" nothing fires on that same buikpijn; no timer either, as
  // only a new vote or development (each re-evaluated when it is recorded) can change that.
  if (
    d.escalate &&
    input.repeat &&
    !mayEscalateAgain(input.repeat.decided, { votes: input.votes, developments: input.repeat.developments }).allowed
  )
    return { escalate: false };
  return d;
}

interface History {
  votes: readonly ConcernVote[];
  current: number;
  open: boolean;
  /** Standing vote per organisation at the end of each round 1..current (index = round). */
  standing: Map<PartnerOrg, ConcernVote>[];
  /** Votes cast in the current round. */
  castNow: Map<PartnerOrg, ConcernVote>;
}

function history(votes: readonly ConcernVote[], rounds: readonly RoundInfo[]): History {
  const current = currentRoundNumber(rounds);
  const standing: Map<PartnerOrg, ConcernVote>[] = [];
  for (let r = 0; r <= current; r++) standing.push(standingPicture(votes, r));
  return { votes, current, open: isCurrentRoundOpen(rounds), standing, castNow: concernPicture([...votes], current) };
}

const hasConcern = (v: ConcernVote | undefined): v is ConcernVote => v?.concern === true;

/** The last round that counts for this organisation (see decideEscalation). */
function lastCountedRound(h: History, org: PartnerOrg): number {
  return h.open && !h.castNow.has(org) ? h.current - 1 : h.current;
}

/** Consecutive rounds, ending at its last counted round, in which this organisation's buikpijn stood. */
function orgStreak(h: History, org: PartnerOrg): number {
  let n = 0;
  for (let r = lastCountedRound(h, org); r >= 1 && hasConcern(h.standing[r].get(org)); r--) n++;
  return n;
}

/** Organisations whose buikpijn stands right now (votes in the open round override older ones). */
function liveOrgs(h: History): PartnerOrg[] {
  return [...h.standing[h.current].values()]
    .filter(hasConcern)
    .map((v) => v.orgId)
    .sort(orgOrder);
}

/** Concern votes actually cast in rounds from..to (inclusive), optionally for some organisations only. */
function concernVotes(h: History, from: number, to: number, orgs?: readonly PartnerOrg[]): EscalationReason[] {
  const reasons: EscalationReason[] = [];
  for (let r = Math.max(1, from); r <= to; r++) {
    const cast = [...concernPicture([...h.votes], r).values()].filter((v) => v.concern && (!orgs || orgs.includes(v.orgId)));
    cast.sort((a, b) => orgOrder(a.orgId, b.orgId));
    reasons.push(...cast.map(toReason));
  }
  return reasons;
}

function toReason(v: ConcernVote): EscalationReason {
  return { orgId: v.orgId, round: v.round, ...(v.reason ? { reason: v.reason } : {}), acuteUnsafe: v.acuteUnsafe };
}

/** (a) An acute-unsafety mark that stands now. Counted even if `concern` were false: safety first. */
function acute(h: History): EscalationDecision | undefined {
  const marks = [...h.standing[h.current].values()].filter((v) => v.acuteUnsafe).sort((a, b) => orgOrder(a.orgId, b.orgId));
  if (marks.length === 0) return undefined;
  return { escalate: true, rule: 'acute_unsafe', orgs: marks.map((v) => v.orgId), reasons: marks.map(toReason) };
}

/**
 * (e) Hermelding: the person came back within the location's period, and buikpijn stands now (in
 * the open round as cast, else as it stood): a returning family with a partner's worry goes to the
 * Actieoverleg without waiting for the round or time rules.
 */
function returning(h: History, p: EscalationPolicy, daysSinceLast: number | undefined): EscalationDecision | undefined {
  if (p.hermeldingDays === undefined || daysSinceLast === undefined || daysSinceLast > p.hermeldingDays) return undefined;
  const live = liveOrgs(h);
  if (live.length === 0) return undefined;
  const reasons = live.map((org) => toReason(h.standing[h.current].get(org) as ConcernVote));
  return { escalate: true, rule: 'repeat_report', orgs: live, reasons };
}

/** (b) The same organisations keep buikpijn: at least minOrgs of them, each for consecutiveRounds rounds. */
function multipleOrgs(h: History, p: EscalationPolicy): EscalationDecision | undefined {
  const streaks = liveOrgs(h)
    .map((org) => ({ org, n: orgStreak(h, org) }))
    .filter((s) => s.n >= p.consecutiveRounds);
  if (streaks.length < p.minOrgs) return undefined;
  const reasons = streaks
    .flatMap((s) => concernVotes(h, lastCountedRound(h, s.org) - s.n + 1, lastCountedRound(h, s.org), [s.org]))
    .sort((a, b) => a.round - b.round || orgOrder(a.orgId, b.orgId));
  return { escalate: true, rule: 'persistent_several_orgs', orgs: streaks.map((s) => s.org), reasons };
}

/**
 * Consecutive rounds with any buikpijn, ending now. The open round counts once someone confirmed
 * buikpijn in it; while nobody has, the streak ends at the previous round if that buikpijn still
 * stands (someone has not voted yet), and is zero if it has all been withdrawn.
 */
function roundStreak(h: History): { from: number; to: number } {
  let to = h.current;
  if (h.open && ![...h.castNow.values()].some(hasConcern)) {
    if (liveOrgs(h).length === 0) return { from: to + 1, to };
    to = h.current - 1;
  }
  let from = to + 1;
  while (from - 1 >= 1 && [...h.standing[from - 1].values()].some(hasConcern)) from--;
  return { from, to };
}

/** (c) Buikpijn, whoever has it, does not go away over persistentRounds rounds. */
function persistentRounds(h: History, p: EscalationPolicy): EscalationDecision | undefined {
  const { from, to } = roundStreak(h);
  if (to - from + 1 < p.persistentRounds) return undefined;
  return { escalate: true, rule: 'persistent_rounds', orgs: liveOrgs(h), reasons: concernVotes(h, from, to) };
}

/**
 * (d) Buikpijn stands persistentHours after it first appeared with no clear round since. A clear
 * round is a finished one (past, or the closed current round) at whose end nobody's buikpijn stood.
 * Clock start = the earliest buikpijn vote after the last clear round; a re-vote overwrites its
 * castAt, which can only start the clock later, never early.
 */
function persistentTime(h: History, p: EscalationPolicy, now: number): EscalationDecision {
  const live = liveOrgs(h);
  if (live.length === 0) return { escalate: false };
  let lastClear = 0;
  for (let r = h.current - 1; r >= 1; r--) {
    if (![...h.standing[r].values()].some(hasConcern)) {
      lastClear = r;
      break;
    }
  }
  const reasons = concernVotes(h, lastClear + 1, h.current);
  let since = Infinity;
  for (let r = lastClear + 1; r <= h.current; r++) {
    for (const v of concernPicture([...h.votes], r).values()) if (v.concern) since = Math.min(since, requireMillis(v.castAt, 'castAt'));
  }
  if (!Number.isFinite(since)) return { escalate: false };
  const fireAt = since + p.persistentHours * HOUR_MS;
  if (now >= fireAt) return { escalate: true, rule: 'persistent_time', orgs: live, reasons };
  return { escalate: false, nextCheckAt: toIso(fireAt) };
}
