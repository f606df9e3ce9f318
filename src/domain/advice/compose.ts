import type { Case, CUSTODY_STATUSES, OFFENCE_CATEGORIES, VICTIM_CONTACT } from '../case';
import type { Contribution } from '../contribution';
import type { PersonRole } from '../persons';
import { orgOrder, standingPicture } from '../rounds/round';
import { concernPicture, type ConcernVote } from '../vote';
import { contributionRef, findPatterns, intakeRef, voteRef, type EarlierCase } from './patterns';
import { PHASES, type AdviceDraft, type Intervention, type ProposedIntervention } from './types';

/**
 * The advice for the OvJ, composed from the case history: the facts (role labels and ages only,
 * never pseudonyms), each partner's context information with its need-to-know reason, the buikpijn
 * picture per round (newest first), the buikpijn that still stands (per organisation, said plainly),
 * the patterns, and the proposed interventions safety first ("gefaseerd samenwerken aan veiligheid").
 *
 * Pure and deterministic: the same history gives the same draft (no clock; every list sorted by time,
 * then id). Texts are kept whole; cards shorten them.
 */

export interface ComposeAdviceInput {
  case: Case;
  contributions: readonly Contribution[];
  votes: readonly ConcernVote[];
  earlierCases: readonly EarlierCase[];
  proposed: readonly ProposedIntervention[];
  palette: readonly Intervention[];
  summary: string;
  version: number;
  composedAt: string;
}

/** The Dutch fact lines; kept together so they can move to i18n as is. */
export const ADVICE_FACTS_NL = {
  offences: {
    mishandeling: 'Mishandeling',
    bedreiging: 'Bedreiging',
    stalking: 'Stalking',
    vernieling: 'Vernieling',
    zedendelict: 'Zedendelict',
    vrijheidsberoving: 'Vrijheidsberoving',
    overig: 'Overig delict',
  } satisfies Record<(typeof OFFENCE_CATEGORIES)[number], string>,
  roles: {
    verdachte: 'verdachte',
    slachtoffer: 'slachtoffer',
    kind: 'kind',
    ouder: 'ouder',
    getuige: 'getuige',
    overig: 'overige betrokkene',
  } satisfies Record<PersonRole, string>,
  custody: {
    in_verzekering: 'in verzekering gesteld',
    heengezonden: 'heengezonden',
    voorgeleiding: 'voorgeleiding bij de rechter-commissaris',
    onbekend: 'onbekend',
  } satisfies Record<(typeof CUSTODY_STATUSES)[number], string>,
  victimContact: {
    ja: 'ja',
    nee: 'nee — niet veilig',
    onbekend: 'onbekend',
  } satisfies Record<(typeof VICTIM_CONTACT)[number], string>,
  offence: (offence: string, flags: string[]) => `Delict: ${offence}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`,
  persons: (labels: string[]) => `Betrokkenen: ${labels.length > 0 ? labels.join(' · ') : 'geen betrokkenen bekend'}`,
  personWithAge: (role: string, age: number) => `${role} (${age} jr)`,
  children: (involved: boolean, ages: readonly number[]) =>
    `Kinderen betrokken: ${involved ? (ages.length > 0 ? `ja — ${ages.map((a) => `${a} jr`).join(', ')}` : 'ja') : 'nee'}`,
  weapon: (mentioned: boolean) => `Wapen genoemd: ${mentioned ? 'ja' : 'nee'}`,
  victimContactLine: (value: string) => `Slachtoffer veilig te benaderen: ${value}`,
  custodyLine: (value: string) => `Verdachte: ${value}`,
  summary: (text: string) => `Samenvatting politie: ${text}`,
} as const;

/** The facts of the intake, in a fixed order: offence, persons (role and age), safety, the police summary. */
function facts(c: Case): AdviceDraft['facts'] {
  const nl = ADVICE_FACTS_NL;
  const f = c.facts;
  const flags = [...(c.hgFlag ? ['HG'] : []), ...(c.kmFlag ? ['KM'] : [])];
  // Role labels and ages only: the pseudonym of a person never leaves the case.
  const persons = c.persons.map((p) => (p.age === undefined ? nl.roles[p.role] : nl.personWithAge(nl.roles[p.role], p.age)));
  const sources = [intakeRef(c)];
  return [
    nl.offence(nl.offences[f.offenceCategory], flags),
    nl.persons(persons),
    nl.children(
      f.childrenInvolved,
      [...f.childAges].sort((a, b) => b - a),
    ),
    nl.weapon(f.weaponMentioned),
    nl.victimContactLine(nl.victimContact[f.victimContactSafe]),
    nl.custodyLine(nl.custody[f.custody]),
    nl.summary(f.summary),
  ].map((text) => ({ text, sources: [...sources] }));
}

const byTimeThenId =
  <T extends { id: string }>(at: (x: T) => string) =>
  (a: T, b: T) => {
    const ta = at(a);
    const tb = at(b);
    return ta < tb ? -1 : ta > tb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };

/** Each contribution with its need-to-know reason and its source, oldest first. */
function contributions(input: ComposeAdviceInput): AdviceDraft['contributions'] {
  return input.contributions
    .filter((c) => c.caseId === input.case.id)
    .sort(byTimeThenId((c) => c.createdAt))
    .map((c) => ({
      orgId: c.orgId,
      at: c.createdAt,
      source: c.source,
      text: c.text,
      needToKnow: c.needToKnow,
      ref: contributionRef(c),
      ...(c.visibleTo ? { visibleTo: c.visibleTo } : {}),
    }));
}

/** The rounds in which votes were cast, newest first; per round each organisation's latest vote, in the fixed partner order. */
function rounds(votes: readonly ConcernVote[]): AdviceDraft['rounds'] {
  const numbers = [...new Set(votes.map((v) => v.round))].filter((n) => n >= 1).sort((a, b) => b - a);
  return numbers.map((round) => ({
    round,
    votes: [...concernPicture([...votes], round).values()]
      .sort((a, b) => orgOrder(a.orgId, b.orgId))
      .map((v) => ({
        orgId: v.orgId,
        concern: v.concern,
        ...(v.reason ? { reason: v.reason } : {}),
        acuteUnsafe: v.acuteUnsafe,
        ref: voteRef(v),
      })),
  }));
}

/**
 * Buikpijn that stands at the case's current round: per organisation its latest vote, and buikpijn
 * stands until that organisation withdraws it (a geen-buikpijn of another organisation changes nothing).
 */
function openConcern(votes: readonly ConcernVote[], round: number): AdviceDraft['openConcern'] {
  return [...standingPicture(votes, round).values()]
    .filter((v) => v.concern)
    .sort((a, b) => orgOrder(a.orgId, b.orgId))
    .map((v) => ({ orgId: v.orgId, ...(v.reason ? { reason: v.reason } : {}), round: v.round, ref: voteRef(v) }));
}

/**
 * The proposed interventions that are in the palette (unknown ids dropped, repeats once), ordered
 * veiligheid → zorg → herstel and in palette order within a phase. The phase is the palette's.
 */
export function orderInterventions(proposed: readonly ProposedIntervention[], palette: readonly Intervention[]): ProposedIntervention[] {
  const index = new Map(palette.map((i, n) => [i.id, { item: i, n }]));
  const seen = new Set<string>();
  const kept: { p: ProposedIntervention; n: number; phase: number }[] = [];
  for (const p of proposed) {
    const known = index.get(p.interventionId);
    if (!known || seen.has(p.interventionId)) continue;
    seen.add(p.interventionId);
    const note = p.note?.trim();
    const language = known.item.allowsLanguage ? p.language?.trim() : undefined;
    kept.push({
      p: { interventionId: p.interventionId, phase: known.item.phase, ...(note ? { note } : {}), ...(language ? { language } : {}) },
      n: known.n,
      phase: PHASES.indexOf(known.item.phase),
    });
  }
  return kept.sort((a, b) => a.phase - b.phase || a.n - b.n).map((k) => k.p);
}

export function composeAdvice(input: ComposeAdviceInput): AdviceDraft {
  const c = input.case;
  // Sorted first, so that the store's order never decides which of two votes counts.
  const votes = input.votes.filter((v) => v.caseId === c.id).sort(byTimeThenId((v) => v.castAt));
  return {
    caseId: c.id,
    version: input.version,
    composedAt: input.composedAt,
    facts: facts(c),
    contributions: contributions(input),
    rounds: rounds(votes),
    openConcern: openConcern(votes, c.round),
    patterns: findPatterns({ case: c, contributions: input.contributions, votes, earlierCases: input.earlierCases }),
    interventions: orderInterventions(input.proposed, input.palette),
    summary: input.summary,
  };
}
