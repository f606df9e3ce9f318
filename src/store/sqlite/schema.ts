import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran. Append only:
 * never edit a shipped step, add a new one (a later build may evolve the schema this way).
 */
const MIGRATIONS: readonly string[] = [
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
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the file to SCHEMA_VERSION. IMMEDIATE, so two processes opening a new file do not both migrate. */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true });
    if (typeof version !== 'number') throw new Error('cannot read user_version');
    if (version > SCHEMA_VERSION) throw new Error(`database schema v${version} is newer than this build (v${SCHEMA_VERSION})`);
    for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
    // PRAGMA takes no bound parameters; SCHEMA_VERSION is a number we control.
    if (version !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
