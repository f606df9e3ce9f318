import type { Case } from '../case';
import type { Contribution } from '../contribution';
import type { ConcernVote } from '../vote';
import type { AdvicePattern, PatternKind, SourceRef } from './types';

/**
 * Patterns the researchers who followed the pilots ask to look for, found in the case history:
 * "oude bekenden" (earlier cases of the same persons), children, a weapon, and keywords in what the
 * partners wrote (stalking, dwingende controle, the risk instruments they name). Every pattern says
 * where it was found (SourceRef), never who the persons are. Pure and deterministic.
 */

/** An earlier case that shares persons with this one (the repository finds them by keyed pseudonym). */
export interface EarlierCase {
  caseId: string;
  intakeAt: string;
  /** How many persons the two cases share (> 0 to count). */
  sharedPseudonyms: number;
}

export interface PatternInput {
  case: Case;
  contributions: readonly Contribution[];
  votes: readonly ConcernVote[];
  earlierCases: readonly EarlierCase[];
}

/** Non-personal details of the patterns; kept together so they can move to i18n as is. */
export const PATTERNS_NL = {
  earlierCases: (n: number) => `${n} ${n === 1 ? 'eerdere zaak' : 'eerdere zaken'} met dezelfde personen`,
  childrenWithAges: (ages: readonly number[]) => `kinderen betrokken (${ages.map((a) => `${a} jr`).join(', ')})`,
  children: 'kinderen betrokken',
  weaponAtIntake: 'wapen genoemd bij de melding',
  weaponInText: 'wapen genoemd in de contextinformatie',
  stalking: 'stalking genoemd',
  stalkingOffence: 'delict: stalking',
  coerciveControl: 'dwingende controle genoemd',
} as const;

/**
 * Keyword marks, matched case-insensitively as whole words (letters or digits on either side do not
 * count, so "mes" does not match "messing"). Each entry is one pattern; the instruments are one each.
 */
interface Mark {
  kind: PatternKind;
  detail: string;
  words: RegExp;
}

const w = (body: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'iu');

export const KEYWORD_MARKS: readonly Mark[] = [
  { kind: 'weapon', detail: PATTERNS_NL.weaponInText, words: w('wapens?|vuurwapens?|mes|messen|pistool|pistolen') },
  { kind: 'stalking', detail: PATTERNS_NL.stalking, words: w('stalking|stalker|stalken|stalkt|stalkte|gestalkt|belaging|belaagd') },
  { kind: 'coercive_control', detail: PATTERNS_NL.coerciveControl, words: w('dwingende\\s+controle|coercive\\s+control') },
  { kind: 'risk_assessment', detail: 'B-SAFER', words: w('b[-\\s]?safer') },
  { kind: 'risk_assessment', detail: 'SASH', words: w('sash') },
  { kind: 'risk_assessment', detail: 'RiHG', words: w('rihg') },
  { kind: 'risk_assessment', detail: 'MASIC', words: w('masic') },
];

/** Oldest first, then by kind and id: the same sources always come out in the same order. */
export function compareRefs(a: SourceRef, b: SourceRef): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function uniqueSorted(refs: readonly SourceRef[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const r of refs) {
    const key = `${r.kind}\u0000${r.id}`;
    if (!seen.has(key)) seen.set(key, r);
  }
  return [...seen.values()].sort(compareRefs);
}

export const intakeRef = (c: Case): SourceRef => ({ kind: 'intake', id: c.id, at: c.intakeAt });
export const contributionRef = (c: Contribution): SourceRef => ({ kind: 'contribution', id: c.id, orgId: c.orgId, at: c.createdAt });
export const voteRef = (v: ConcernVote): SourceRef => ({ kind: 'vote', id: v.id, orgId: v.orgId, at: v.castAt });

/** The texts that are searched, each with its source: the intake summary, contributions, vote reasons. */
function searchable(input: PatternInput): { text: string; ref: SourceRef }[] {
  const own = (x: { caseId: string }) => x.caseId === input.case.id;
  return [
    { text: input.case.facts.summary, ref: intakeRef(input.case) },
    ...input.contributions.filter(own).map((c) => ({ text: `${c.text}\n${c.needToKnow}`, ref: contributionRef(c) })),
    ...input.votes.filter(own).flatMap((v) => (v.reason ? [{ text: v.reason, ref: voteRef(v) }] : [])),
  ];
}

/** Earlier cases of the same persons: this case itself, later cases and repeats left out; oldest first. */
export function earlierCasesOf(input: Pick<PatternInput, 'case' | 'earlierCases'>): EarlierCase[] {
  const byId = new Map<string, EarlierCase>();
  for (const e of input.earlierCases) {
    const later = e.intakeAt > input.case.intakeAt;
    if (e.caseId === input.case.id || later || e.sharedPseudonyms <= 0 || byId.has(e.caseId)) continue;
    byId.set(e.caseId, e);
  }
  return [...byId.values()].sort((a, b) => (a.intakeAt < b.intakeAt ? -1 : a.intakeAt > b.intakeAt ? 1 : a.caseId < b.caseId ? -1 : 1));
}

/**
 * The patterns of a case, in a fixed order: oude bekende, kinderen, wapen, stalking, dwingende
 * controle, then each risk instrument named (B-SAFER, SASH, RiHG, MASIC). A kind found both at intake
 * and in the texts is one pattern with all its sources.
 */
export function findPatterns(input: PatternInput): AdvicePattern[] {
  const c = input.case;
  const patterns: AdvicePattern[] = [];

  const earlier = earlierCasesOf(input);
  if (earlier.length > 0) {
    patterns.push({
      kind: 'returning',
      detail: PATTERNS_NL.earlierCases(earlier.length),
      sources: uniqueSorted(earlier.map((e) => ({ kind: 'earlier_case', id: e.caseId, at: e.intakeAt }))),
    });
  }

  if (c.facts.childrenInvolved || c.kmFlag) {
    const ages = [...c.facts.childAges].sort((a, b) => b - a);
    patterns.push({
      kind: 'children',
      detail: ages.length > 0 ? PATTERNS_NL.childrenWithAges(ages) : PATTERNS_NL.children,
      sources: [intakeRef(c)],
    });
  }

  const texts = searchable(input);
  const found = (m: Mark) => texts.filter((t) => m.words.test(t.text)).map((t) => t.ref);

  for (const mark of KEYWORD_MARKS) {
    const refs = found(mark);
    if (mark.kind === 'weapon' && c.facts.weaponMentioned) {
      patterns.push({ kind: 'weapon', detail: PATTERNS_NL.weaponAtIntake, sources: uniqueSorted([intakeRef(c), ...refs]) });
      continue;
    }
    if (mark.kind === 'stalking' && c.facts.offenceCategory === 'stalking') {
      patterns.push({ kind: 'stalking', detail: PATTERNS_NL.stalkingOffence, sources: uniqueSorted([intakeRef(c), ...refs]) });
      continue;
    }
    if (refs.length > 0) patterns.push({ kind: mark.kind, detail: mark.detail, sources: uniqueSorted(refs) });
  }
  return patterns;
}
