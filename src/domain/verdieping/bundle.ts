import type { InfoRequest } from './info-request';
import type { Involvement } from './people';
import type { PhaseState } from './phase';
import type { SafetyPlanEntry } from './safety-plan';
import type { RiskAssessment, RunningMeasure } from './safety-signals';
import type { ReadingVersion } from './shared-reading';

/** A document body with the version tag it was read at. */
export interface VersionedDoc<T> {
  body: T;
  etag: string;
}

/**
 * Every verdieping document of one case as the case bundle's single partition read gives it (the
 * domain's copy of the store's VerdiepingBundle, so decisions can take it without importing the store).
 */
export interface VerdiepingDocs {
  phase: VersionedDoc<PhaseState> | null;
  readings: VersionedDoc<ReadingVersion>[];
  safetyPlan: VersionedDoc<SafetyPlanEntry>[];
  infoRequests: VersionedDoc<InfoRequest>[];
  riskAssessments: VersionedDoc<RiskAssessment>[];
  measures: VersionedDoc<RunningMeasure>[];
  involvements: VersionedDoc<Involvement>[];
}

/**
 * Ids of the verdieping documents that exist once per thing (one phase per case, one document per
 * reading version, one safety-plan entry and one involvement per person): racing writers meet on them.
 * The store (src/store/verdieping-store.ts) uses the same.
 */
export const VERDIEPING_DOC_IDS = {
  phase: 'phase',
  reading: (version: number): string => `reading:v${String(version).padStart(4, '0')}`,
  safetyEntry: (ref: string): string => `safety:${ref}`,
  involvement: (ref: string): string => `involvement:${ref}`,
} as const;

export const EMPTY_VERDIEPING: Readonly<VerdiepingDocs> = Object.freeze({
  phase: null,
  readings: [],
  safetyPlan: [],
  infoRequests: [],
  riskAssessments: [],
  measures: [],
  involvements: [],
});

/**
 * A verdieping document a decision writes in the case's one commit: created (etag null, insert if
 * absent) or replacing the version that was read (etag). The store adds the partition key.
 */
export type VerdiepingDocWrite =
  | { kind: 'phase'; id: string; body: PhaseState; etag: string | null }
  | { kind: 'reading'; id: string; body: ReadingVersion; etag: string | null }
  | { kind: 'safetyplan'; id: string; body: SafetyPlanEntry; etag: string | null }
  | { kind: 'involvement'; id: string; body: Involvement; etag: string | null }
  | { kind: 'inforequest'; id: string; body: InfoRequest; etag: string | null }
  | { kind: 'riskassessment'; id: string; body: RiskAssessment; etag: string | null }
  | { kind: 'measure'; id: string; body: RunningMeasure; etag: string | null };
