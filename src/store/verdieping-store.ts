import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../domain/audit';
import { VERDIEPING_DOC_IDS } from '../domain/verdieping/bundle';
import type { PartnerOrg } from '../domain/orgs';
import type { PersonRefId } from '../domain/verdieping/common';
import type { InfoRequest } from '../domain/verdieping/info-request';
import type { Involvement } from '../domain/verdieping/people';
import type { PhaseState } from '../domain/verdieping/phase';
import type { SafetyPlanEntry } from '../domain/verdieping/safety-plan';
import type { ReadingVersion } from '../domain/verdieping/shared-reading';
import type { RiskAssessment, RunningMeasure } from '../domain/verdieping/safety-signals';
import { normalizeStored } from './old-values';
import { PreconditionFailedError, type DocKind, type DocStore, type NewDoc, type Stored, type WriteOp } from './docstore';

/**
 * The verdieping documents (issue 14), all in the case's partition so the one bundle read
 * (`DocStore.readPartition`) gets them with the case. Functions over DocStore, no repository changes:
 * pure document builders and a partition parser for the command side's single read and single commit,
 * plus a commit helper and the cross-partition query for "questions asked of my organisation".
 *
 * Ids are deterministic where one document per thing must exist (one phase per case, one safety-plan
 * entry and one involvement per person, one document per reading version), so racing writers meet on
 * insert-if-absent; free-standing items (questions, instruments, measures) get a time + uuid id.
 */
export const VERDIEPING_KINDS = [
  'phase',
  'reading',
  'safetyplan',
  'inforequest',
  'riskassessment',
  'measure',
  'involvement',
] as const satisfies readonly DocKind[];
export type VerdiepingKind = (typeof VERDIEPING_KINDS)[number];

export const PHASE_ID = VERDIEPING_DOC_IDS.phase;
export const readingId = (version: number): string => VERDIEPING_DOC_IDS.reading(version);
export const safetyEntryId = (ref: PersonRefId): string => VERDIEPING_DOC_IDS.safetyEntry(ref);
export const involvementId = (ref: PersonRefId): string => VERDIEPING_DOC_IDS.involvement(ref);
export const newInfoRequestId = (now: string): string => `inforeq:${now}:${randomUUID()}`;
export const newRiskAssessmentId = (now: string): string => `risk:${now}:${randomUUID()}`;
export const newMeasureId = (now: string): string => `measure:${now}:${randomUUID()}`;

/** A document body with the version tag it was read at (the etag for a compare-and-swap write). */
export interface Versioned<T> {
  body: T;
  etag: string;
}

/** Every verdieping document of one case, as read in the bundle. Lists are in a stable order. */
export interface VerdiepingBundle {
  phase: Versioned<PhaseState> | null;
  /** Ascending by version number. */
  readings: Versioned<ReadingVersion>[];
  /** By person ref. */
  safetyPlan: Versioned<SafetyPlanEntry>[];
  /** Oldest first (ids start with the moment asked). */
  infoRequests: Versioned<InfoRequest>[];
  riskAssessments: Versioned<RiskAssessment>[];
  measures: Versioned<RunningMeasure>[];
  involvements: Versioned<Involvement>[];
}

const pick = <T>(docs: readonly Stored[], kind: VerdiepingKind): Versioned<T>[] =>
  docs
    .filter((d) => d.kind === kind)
    .map(normalizeStored)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((d) => ({ body: d.body as T, etag: d.etag }));

/** Pure: the verdieping part of a case partition as `readPartition` returned it (other kinds are ignored). */
export function verdiepingFromPartition(docs: readonly Stored[]): VerdiepingBundle {
  // Old (Dutch) stored values read as the new ones (issue 11 item 6); a current document is passed through as it is.
  const found = docs.find((d) => d.kind === 'phase' && d.id === PHASE_ID);
  const phase = found ? normalizeStored(found) : undefined;
  return {
    phase: phase ? { body: phase.body as PhaseState, etag: phase.etag } : null,
    readings: pick<ReadingVersion>(docs, 'reading').sort((a, b) => a.body.version - b.body.version),
    safetyPlan: pick(docs, 'safetyplan'),
    infoRequests: pick(docs, 'inforequest'),
    riskAssessments: pick(docs, 'riskassessment'),
    measures: pick(docs, 'measure'),
    involvements: pick(docs, 'involvement'),
  };
}

/** One query for the whole partition (the same read the case bundle makes). */
export async function loadVerdieping(db: DocStore, caseId: string): Promise<VerdiepingBundle> {
  return verdiepingFromPartition(await db.readPartition(caseId));
}

// ---- documents ----

export const verdiepingDocs = {
  phase: (s: PhaseState): NewDoc<PhaseState> => ({ pk: s.caseId, id: PHASE_ID, kind: 'phase', body: s }),
  reading: (v: ReadingVersion): NewDoc<ReadingVersion> => ({ pk: v.caseId, id: readingId(v.version), kind: 'reading', body: v }),
  safetyEntry: (e: SafetyPlanEntry): NewDoc<SafetyPlanEntry> => ({
    pk: e.caseId,
    id: safetyEntryId(e.personRef),
    kind: 'safetyplan',
    body: e,
  }),
  infoRequest: (r: InfoRequest): NewDoc<InfoRequest> => ({ pk: r.caseId, id: r.id, kind: 'inforequest', body: r }),
  riskAssessment: (a: RiskAssessment): NewDoc<RiskAssessment> => ({ pk: a.caseId, id: a.id, kind: 'riskassessment', body: a }),
  measure: (m: RunningMeasure): NewDoc<RunningMeasure> => ({ pk: m.caseId, id: m.id, kind: 'measure', body: m }),
  involvement: (i: Involvement): NewDoc<Involvement> => ({ pk: i.caseId, id: involvementId(i.personRef), kind: 'involvement', body: i }),
};

/** A write of one verdieping document: create it (etag null: insert if absent) or replace the version read. */
export interface VerdiepingWrite {
  doc: NewDoc;
  etag: string | null;
}

export const toWriteOp = (w: VerdiepingWrite): WriteOp =>
  w.etag === null ? { op: 'insert', doc: w.doc } : { op: 'replace', doc: w.doc, ifMatch: w.etag };

/**
 * The audit id for a change that creates a document: deterministic, so when two writers race to
 * create the same document (the same reading version, the first safety-plan entry of a person) the
 * loser's audit entry is dropped with its insert and the trail has one line per change.
 */
export const creationAuditId = (doc: Pick<NewDoc, 'id'>): string => `audit:${doc.id}:created`;

export type VerdiepingCommitResult = 'written' | 'conflict';

/**
 * Write one change with its audit entry in one commit (one partition): either ONE created document
 * (audit id = creationAuditId(doc)) or any number of replaced ones. 'conflict' when someone else was
 * first (a create that found the document there, or a stale etag): the caller reloads the bundle and
 * decides again, and a repeated identical request then comes out as "unchanged". A stale etag throws
 * before anything is written (SQLite rolls the transaction back; on Cosmos the replaces come before
 * the audit entry, and mixing creates with replaces is refused so no half change can remain).
 */
export async function commitVerdieping(
  db: DocStore,
  writes: readonly VerdiepingWrite[],
  audit: AuditEntry,
): Promise<VerdiepingCommitResult> {
  if (writes.length === 0) throw new Error('commitVerdieping: nothing to write');
  const creates = writes.filter((w) => w.etag === null);
  if (creates.length > 0 && writes.length > 1) throw new Error('commitVerdieping: a create is committed on its own');
  if (creates.length === 1 && audit.id !== creationAuditId(creates[0].doc))
    throw new Error('commitVerdieping: a change that creates a document needs creationAuditId(doc) as its audit id');
  try {
    const results = await db.commit([...writes.map(toWriteOp), { op: 'audit', entry: audit }]);
    return results[0] === 'exists' ? 'conflict' : 'written';
  } catch (e) {
    if (e instanceof PreconditionFailedError) return 'conflict';
    throw e;
  }
}

/**
 * Open questions asked of one organisation across cases, oldest first: its personal view and the
 * reminder job. A cross-partition query on top-level fields (`toOrg`, `status`, ordered by `askedAt`).
 */
export async function openInfoRequestsFor(db: DocStore, toOrg: PartnerOrg, limit = 100): Promise<InfoRequest[]> {
  const docs = await db.query<InfoRequest>(
    'inforequest',
    [
      { field: 'toOrg', op: '=', value: toOrg },
      { field: 'status', op: '=', value: 'open' },
    ],
    { orderBy: 'askedAt', limit },
  );
  return docs.map((d) => normalizeStored(d).body);
}
