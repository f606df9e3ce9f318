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
  | { kind: 'inforequest'; id: string; body: InfoRequest; etag: string | null }
  | { kind: 'riskassessment'; id: string; body: RiskAssessment; etag: string | null }
  | { kind: 'measure'; id: string; body: RunningMeasure; etag: string | null };
