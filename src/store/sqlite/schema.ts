import type Database from 'better-sqlite3-multiple-ciphers';
import type { DocKind } from '../docstore';
import { META_FIELDS, metaOf } from './meta';

/** A step is SQL, or code for what SQL alone cannot do (v6 computes each document's `meta` in TypeScript). */
export type Migration = string | ((db: Database.Database) => void);

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran. Append only:
 * never edit a shipped step, add a new one (a later build may evolve the schema this way).
 */

export const MIGRATIONS: readonly Migration[] = [
  // v1: one table of JSON documents. The expression index serves the job poller
  // (kind = 'job' AND status = 'pending' AND dueAt <= now ORDER BY dueAt) and any kind-only query;
  // the query builder emits exactly these json_extract expressions so the planner can match them.
  `CREATE TABLE docs (
     pk   TEXT NOT NULL,
     id   TEXT NOT NULL,
     kind TEXT NOT NULL,
     body TEXT NOT NULL,
     etag TEXT NOT NULL,
     PRIMARY KEY (pk, id)
   );
   CREATE INDEX docs_kind_status_due ON docs (kind, json_extract(body, '$.status'), json_extract(body, '$.dueAt'), pk, id);`,
  // v2: the audit trail in its own table (same file, so a change and its audit entry commit together),
  // hash-chained per chain (= case id, or a reserved "_…" partition). Append-only: triggers refuse every
  // UPDATE, and every DELETE that the retention path did not announce first by writing an anchor
  // (chain, up_to_seq, hash of that entry) into audit_anchor. Anchors only ever move forward and are
  // never deleted, so the rest of the chain keeps verifying against them. The triggers stop the
  // application and casual edits with SQL tools; someone who can drop triggers can edit the file, which
  // the hash chain then reveals (npm run audit:verify). Retention indexes for the purge sweep.
  `CREATE TABLE audit (
     chain     TEXT NOT NULL,
     seq       INTEGER NOT NULL,
     entry_id  TEXT NOT NULL,
     at        TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash      TEXT NOT NULL,
     body      TEXT NOT NULL,
     PRIMARY KEY (chain, seq),
     UNIQUE (chain, entry_id)
   );
   CREATE INDEX audit_at ON audit (at, chain, seq);
   CREATE TABLE audit_anchor (
     chain     TEXT PRIMARY KEY,
     up_to_seq INTEGER NOT NULL,
     hash      TEXT NOT NULL,
     at        TEXT NOT NULL
   );
   CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
   BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
   CREATE TRIGGER audit_delete_only_expired BEFORE DELETE ON audit
   WHEN NOT EXISTS (SELECT 1 FROM audit_anchor a WHERE a.chain = OLD.chain AND a.up_to_seq >= OLD.seq)
   BEGIN SELECT RAISE(ABORT, 'audit is append-only: only entries behind a retention anchor may be removed'); END;
   CREATE TRIGGER audit_anchor_forward BEFORE UPDATE ON audit_anchor
   WHEN NEW.chain <> OLD.chain OR NEW.up_to_seq <= OLD.up_to_seq
   BEGIN SELECT RAISE(ABORT, 'audit anchors only move forward'); END;
   CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor
   BEGIN SELECT RAISE(ABORT, 'audit anchors are kept'); END;
   CREATE INDEX docs_retention_closed ON docs (kind, json_extract(body, '$.status'), json_extract(body, '$.closure.at'));
   CREATE INDEX docs_retention_intake ON docs (kind, json_extract(body, '$.intakeAt'));`,
  // v3: the agenda (open cases of ONE location) and the VT morning summary (consultations of ONE region
  // asked in a time window) seek an index instead of scanning every case / every consultation. The
  // expressions are exactly what the query builder emits for `locationId`, `status`, `regionId` and
  // `state.askedAt`, so the planner matches them (test/contract/queries.contract.test.ts checks the plan).
  `CREATE INDEX docs_agenda ON docs (kind, json_extract(body, '$.locationId'), json_extract(body, '$.status'));
   CREATE INDEX docs_vt_window ON docs (kind, json_extract(body, '$.regionId'), json_extract(body, '$.state.askedAt'));`,
  // v4: the rapportage reads report rows (kind 'reportrow', one small document per case) by location
  // and intake period; this index serves `kind = ? AND locationId = ? AND intakeAt >= ? AND intakeAt < ?`
  // (without a location, docs_retention_intake serves the period alone).
  `CREATE INDEX docs_report_location_intake ON docs (kind, json_extract(body, '$.locationId'), json_extract(body, '$.intakeAt'));`,
  // v5: partial indexes, one set per document kind (docs/decisions.md §73). Every index above covers ALL
  // documents, so each write of any document (a vote, an audit-adjacent job, a report row) evaluated six
  // json_extract expressions on its body and rewrote six index entries, old and new. Now a document only
  // touches the indexes of its own kind (a vote: none). Measured: a vote's commit 1.44 -> 0.8 ms CPU.
  // The query builder writes the kind as a literal (`kind = 'case'`) so the planner can prove a query
  // matches an index's WHERE; test/contract/queries.contract.test.ts checks the plans.
  `DROP INDEX docs_kind_status_due;
   DROP INDEX docs_retention_closed;
   DROP INDEX docs_retention_intake;
   DROP INDEX docs_agenda;
   DROP INDEX docs_vt_window;
   DROP INDEX docs_report_location_intake;
   CREATE INDEX docs_job_due ON docs (json_extract(body, '$.status'), json_extract(body, '$.dueAt'), pk, id) WHERE kind = 'job';
   CREATE INDEX docs_inforequest_open ON docs (json_extract(body, '$.toOrg'), json_extract(body, '$.status'), json_extract(body, '$.askedAt')) WHERE kind = 'inforequest';
   CREATE INDEX docs_case_closed ON docs (json_extract(body, '$.status'), json_extract(body, '$.closure.at')) WHERE kind = 'case';
   CREATE INDEX docs_case_open_intake ON docs (json_extract(body, '$.status'), json_extract(body, '$.intakeAt')) WHERE kind = 'case';
   CREATE INDEX docs_case_ref ON docs (json_extract(body, '$.id')) WHERE kind = 'case';
   CREATE INDEX docs_agenda ON docs (json_extract(body, '$.locationId'), json_extract(body, '$.status')) WHERE kind = 'case';
   CREATE INDEX docs_personidx_intake ON docs (json_extract(body, '$.intakeAt')) WHERE kind = 'personidx';
   CREATE INDEX docs_vt_window ON docs (json_extract(body, '$.regionId'), json_extract(body, '$.state.askedAt')) WHERE kind = 'vtconsult';
   CREATE INDEX docs_report_location_intake ON docs (json_extract(body, '$.locationId'), json_extract(body, '$.intakeAt')) WHERE kind = 'reportrow';
   CREATE INDEX docs_report_intake ON docs (json_extract(body, '$.intakeAt')) WHERE kind = 'reportrow';`,
  // v6: the indexes on a `meta` column (the indexed fields of a document, src/store/sqlite/meta.ts) instead
  // of `body` (docs/decisions.md §75). SQLite rewrites every index on an expression of `body` whenever
  // `body` changes, so each vote rewrote the case's four index entries though none of their values changed
  // (4 of a vote's 13-18 WAL pages). The store now writes `meta` only when it differs.
  (db) => {
    db.exec(`ALTER TABLE docs ADD COLUMN meta TEXT;
      DROP INDEX docs_job_due;
      DROP INDEX docs_inforequest_open;
      DROP INDEX docs_case_closed;
      DROP INDEX docs_case_open_intake;
      DROP INDEX docs_case_ref;
      DROP INDEX docs_agenda;
      DROP INDEX docs_personidx_intake;
      DROP INDEX docs_vt_window;
      DROP INDEX docs_report_location_intake;
      DROP INDEX docs_report_intake;`);
    const kinds = Object.keys(META_FIELDS);
    // In pages by rowid: better-sqlite3 allows no write while a statement iterates.
    const read = db.prepare<[string, number], { rowid: number; kind: DocKind; body: string }>(
      'SELECT rowid, kind, body FROM docs WHERE kind = ? AND rowid > ? ORDER BY rowid LIMIT 1000',
    );
    const write = db.prepare<[string | null, number]>('UPDATE docs SET meta = ? WHERE rowid = ?');
    for (const kind of kinds) {
      for (let after = 0, page = read.all(kind, after); page.length > 0; page = read.all(kind, after)) {
        for (const r of page) write.run(metaOf(r.kind, JSON.parse(r.body)), r.rowid);
        after = page[page.length - 1].rowid;
      }
    }
    db.exec(`CREATE INDEX docs_job_due ON docs (json_extract(meta, '$.status'), json_extract(meta, '$.dueAt'), pk, id) WHERE kind = 'job';
      CREATE INDEX docs_inforequest_open ON docs (json_extract(meta, '$.toOrg'), json_extract(meta, '$.status'), json_extract(meta, '$.askedAt')) WHERE kind = 'inforequest';
      CREATE INDEX docs_case_closed ON docs (json_extract(meta, '$.status'), json_extract(meta, '$.closure.at')) WHERE kind = 'case';
      CREATE INDEX docs_case_open_intake ON docs (json_extract(meta, '$.status'), json_extract(meta, '$.intakeAt')) WHERE kind = 'case';
      CREATE INDEX docs_case_ref ON docs (json_extract(meta, '$.id')) WHERE kind = 'case';
      CREATE INDEX docs_agenda ON docs (json_extract(meta, '$.locationId'), json_extract(meta, '$.status')) WHERE kind = 'case';
      CREATE INDEX docs_personidx_intake ON docs (json_extract(meta, '$.intakeAt')) WHERE kind = 'personidx';
      CREATE INDEX docs_vt_window ON docs (json_extract(meta, '$.regionId'), json_extract(meta, '$.state.askedAt')) WHERE kind = 'vtconsult';
      CREATE INDEX docs_report_location_intake ON docs (json_extract(meta, '$.locationId'), json_extract(meta, '$.intakeAt')) WHERE kind = 'reportrow';
      CREATE INDEX docs_report_intake ON docs (json_extract(meta, '$.intakeAt')) WHERE kind = 'reportrow';`);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the file to SCHEMA_VERSION. IMMEDIATE, so two processes opening a new file do not both migrate. */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true });
    if (typeof version !== 'number') throw new Error('cannot read user_version');
    if (version > SCHEMA_VERSION) throw new Error(`database schema v${version} is newer than this build (v${SCHEMA_VERSION})`);
    for (let v = version; v < SCHEMA_VERSION; v++) {
      const step = MIGRATIONS[v];
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    // PRAGMA takes no bound parameters; SCHEMA_VERSION is a number we control.
    if (version !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
