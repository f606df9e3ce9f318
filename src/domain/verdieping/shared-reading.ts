import { z } from 'zod';
import { requireMillis, toIso, type Instant } from '../rounds/time';
import { type Result, type VerdiepingActor } from './common';

/**
 * Gezamenlijke duiding: the partners' ONE shared reading of a case, written together. Every change
 * is a new version (who, when, which contributions it rests on); any roster member proposes, the
 * chair confirms. The card and the advice start from the newest CONFIRMED version.
 */
const part = z.string().trim().max(2000);

export const readingInputSchema = z
  .object({
    /** The version the proposer started from (0 = none yet): a proposal on an outdated version is refused. */
    basedOn: z.number().int().min(0),
    whatHappened: part.min(1),
    worries: part.min(1),
    protectiveFactors: part,
    unknowns: part,
    /** "Wat willen we samen bereiken?" */
    sharedGoal: part.min(1),
    /** The contributions (contextinformatie) this reading rests on. */
    contributionIds: z.array(z.string().min(1).max(128)).max(100).default([]),
  })
  .strict();
export type ReadingInput = z.infer<typeof readingInputSchema>;

export const confirmReadingInputSchema = z.object({ version: z.number().int().min(1) }).strict();
export type ConfirmReadingInput = z.infer<typeof confirmReadingInputSchema>;

/** At most this many versions per case (each is its own document; a longer history is not being read). */
export const MAX_READING_VERSIONS = 200;

export interface ReadingVersion {
  caseId: string;
  version: number;
  basedOn: number;
  whatHappened: string;
  worries: string;
  protectiveFactors: string;
  unknowns: string;
  sharedGoal: string;
  contributionIds: string[];
  proposedBy: { userId: string; orgId: VerdiepingActor['orgId'] };
  proposedAt: string;
  confirmed?: { userId: string; at: string };
}

export const latestVersion = (versions: readonly ReadingVersion[]): number => versions.reduce((m, v) => Math.max(m, v.version), 0);

/** The newest confirmed version: what the card shows first and what the advice starts from. */
export function currentReading(versions: readonly ReadingVersion[]): ReadingVersion | undefined {
  return versions.filter((v) => v.confirmed).sort((a, b) => b.version - a.version)[0];
}

/** Proposals newer than the confirmed version, waiting for the chair. */
export function pendingProposals(versions: readonly ReadingVersion[]): ReadingVersion[] {
  const confirmed = currentReading(versions)?.version ?? 0;
  return versions.filter((v) => v.version > confirmed && !v.confirmed).sort((a, b) => a.version - b.version);
}

export type ProposeError = 'case_closed' | 'stale_base' | 'unknown_contribution' | 'too_many_versions' | 'unchanged';

/**
 * A proposal becomes version latest+1. It must start from the latest version: someone who edited an
 * older one would silently drop a colleague's change ('stale_base'; the app shows the newest and asks
 * to re-apply). Two proposals racing on the same base get the same number; the store's
 * insert-if-absent lets exactly one win and the other gets 'stale_base' on retry.
 */
export function proposeReading(args: {
  caseId: string;
  caseOpen: boolean;
  versions: readonly ReadingVersion[];
  actor: VerdiepingActor;
  input: ReadingInput;
  /** Ids of the case's contributions the actor may read (a reading cannot rest on unseen or foreign items). */
  knownContributionIds: ReadonlySet<string>;
  now: Instant;
}): Result<{ version: ReadingVersion }, ProposeError> {
  const { input, versions } = args;
  if (!args.caseOpen) return { ok: false, error: 'case_closed' };
  const latest = latestVersion(versions);
  if (input.basedOn !== latest) return { ok: false, error: 'stale_base' };
  if (versions.length >= MAX_READING_VERSIONS) return { ok: false, error: 'too_many_versions' };
  const contributionIds = [...new Set(input.contributionIds)];
  if (contributionIds.some((id) => !args.knownContributionIds.has(id))) return { ok: false, error: 'unknown_contribution' };
  const base = versions.find((v) => v.version === latest);
  const text = {
    whatHappened: input.whatHappened,
    worries: input.worries,
    protectiveFactors: input.protectiveFactors,
    unknowns: input.unknowns,
    sharedGoal: input.sharedGoal,
  };
  if (
    base &&
    (Object.keys(text) as (keyof typeof text)[]).every((k) => base[k] === text[k]) &&
    sameSet(base.contributionIds, contributionIds)
  )
    return { ok: false, error: 'unchanged' };
  return {
    ok: true,
    version: {
      caseId: args.caseId,
      version: latest + 1,
      basedOn: input.basedOn,
      ...text,
      contributionIds,
      proposedBy: { userId: args.actor.userId, orgId: args.actor.orgId },
      proposedAt: toIso(requireMillis(args.now, 'now')),
    },
  };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

export type ConfirmError = 'not_chair' | 'case_closed' | 'no_such_version' | 'older_than_confirmed';

/**
 * The chair confirms one version (usually the newest proposal). Confirming the confirmed version again
 * changes nothing; confirming one older than the confirmed version is refused (the reading would jump back).
 */
export function confirmReading(args: {
  versions: readonly ReadingVersion[];
  caseOpen: boolean;
  actor: VerdiepingActor;
  version: number;
  now: Instant;
}): Result<{ version: ReadingVersion; changed: boolean }, ConfirmError> {
  if (!args.actor.chair) return { ok: false, error: 'not_chair' };
  if (!args.caseOpen) return { ok: false, error: 'case_closed' };
  const target = args.versions.find((v) => v.version === args.version);
  if (!target) return { ok: false, error: 'no_such_version' };
  if (target.confirmed) return { ok: true, version: target, changed: false };
  const current = currentReading(args.versions);
  if (current && current.version > target.version) return { ok: false, error: 'older_than_confirmed' };
  return {
    ok: true,
    changed: true,
    version: { ...target, confirmed: { userId: args.actor.userId, at: toIso(requireMillis(args.now, 'now')) } },
  };
}
