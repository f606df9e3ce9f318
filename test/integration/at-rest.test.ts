import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { VERBS, INPUTS } from '../../src/cards/verbs';
import type { DocKind } from '../../src/store/docstore';
import { ConnectorStub } from '../helpers/connector-stub';
import { sampleIntake, USERS } from '../helpers/fixtures';
import {
  channelActivity,
  executeInvoke,
  postSignedCase,
  sendActivity,
  settle,
  startTestHost,
  waitFor,
  type TestHost,
} from '../helpers/host';

/**
 * Issue 10, part 5: seed a unique canary into every free-text field of the core loop, then read the
 * raw bytes of the SQLite files. The canaries must be in the store (read back through the key) and
 * nowhere readable on disk; the clear external id must be nowhere at all.
 */
const tag = () =>
  randomBytes(6)
    .toString('hex')
    .replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]); // letters only: no identifier look-alikes
const CANARIES = {
  summary: `KANARIE-SAMENVATTING-${tag()}`,
  displayReference: `KANARIE-REF-${tag()}`,
  contributionText: `KANARIE-BIJDRAGE-${tag()}`,
  needToKnow: `KANARIE-NEEDTOKNOW-${tag()}`,
  voteReason: `KANARIE-BUIKPIJN-${tag()}`,
  acuteReason: `KANARIE-ACUUT-${tag()}`,
  aoQuestion: `KANARIE-VRAAG-ACTIEOVERLEG-${tag()}`,
  adviceSummary: `KANARIE-ADVIES-${tag()}`,
};
const EXTERNAL_ID = `BVH-KANARIE-${tag()}`;
const KINDS: DocKind[] = [
  'case',
  'contribution',
  'vote',
  'audit',
  'cardref',
  'convref',
  'job',
  'escalation',
  'vtconsult',
  'advice',
  'personidx',
];

const dataDir = mkdtempSync(join(tmpdir(), 'zsm-at-rest-'));
const dbFile = join(dataDir, 'zsm.db');
const files = () => [dbFile, `${dbFile}-wal`, `${dbFile}-shm`].filter((f) => existsSync(f));
let t: TestHost;
let caseId: string;

/** Where a string appears in a file's raw bytes, as UTF-8 or UTF-16 (SQLite stores text in either). */
function hits(file: string, needle: string): number {
  const bytes = readFileSync(file);
  let n = 0;
  for (const enc of ['utf8', 'utf16le'] as const) {
    const pattern = Buffer.from(needle, enc);
    for (let at = bytes.indexOf(pattern); at >= 0; at = bytes.indexOf(pattern, at + 1)) n++;
  }
  return n;
}
const figures: string[] = [];
function scan(when: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const f of files()) {
    const name = f.slice(dataDir.length + 1);
    const total = [...Object.values(CANARIES), EXTERNAL_ID].reduce((sum, c) => sum + hits(f, c), 0);
    found[name] = total;
    figures.push(`${when}: ${name} ${statSync(f).size} bytes, ${total} canary hits, mode ${(statSync(f).mode & 0o777).toString(8)}`);
  }
  return found;
}

async function invoke(from: string, verb: string, data: Record<string, unknown>): Promise<string> {
  const res = await sendActivity(t.base, executeInvoke(t.stub.url, from, verb, data));
  expect(res.status).toBe(200);
  return JSON.stringify((res.body as { value: unknown }).value);
}

beforeAll(async () => {
  t = await startTestHost({ dataDir });
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
  );
  const res = await postSignedCase(
    t.base,
    sampleIntake({ externalId: EXTERNAL_ID, displayReference: CANARIES.displayReference, summary: `Melding. ${CANARIES.summary}` }),
  );
  expect(res.status).toBe(201);
  caseId = ((await res.json()) as { caseId: string }).caseId;
  await waitFor('card ref', () => t.host.deps.repo.getCardRef(caseId).then((r) => r ?? undefined));
  // The core loop: context information, buikpijn, an acute vote (escalation), the chair's question and an advice draft.
  await invoke(USERS.politie, VERBS.addContribution, {
    caseId,
    [INPUTS.contribText]: `Eerdere melding. ${CANARIES.contributionText}`,
    [INPUTS.contribSource]: 'own_system',
    [INPUTS.contribNeedToKnow]: `Bepaalt de aanpak. ${CANARIES.needToKnow}`,
  });
  await invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: `Zorgen. ${CANARIES.voteReason}` });
  await invoke(USERS.politie, VERBS.voteConcern, {
    caseId,
    [INPUTS.voteReason]: `Acuut. ${CANARIES.acuteReason}`,
    [INPUTS.voteAcute]: 'true',
  });
  await waitFor('escalation', () => t.host.db.get(caseId, 'escalation').then((d) => d ?? undefined));
  await invoke(USERS.om, VERBS.aoEditQuestion, { caseId, [INPUTS.aoQuestion]: `Wat is nodig? ${CANARIES.aoQuestion}` });
  await invoke(USERS.om, VERBS.editAdvice, { caseId, [INPUTS.adviceSummary]: `Advies. ${CANARIES.adviceSummary}` });
  await settle(t);
}, 60_000);

afterAll(async () => {
  await t?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(`[at-rest figures]\n  ${figures.join('\n  ')}\n`);
});

describe('at rest: the embedded store', () => {
  it('holds every canary (read back through the key), but not the clear external id', async () => {
    const docs = (await Promise.all(KINDS.map((k) => t.host.db.query(k, [])))).flat();
    const all = JSON.stringify(docs);
    for (const [field, canary] of Object.entries(CANARIES))
      expect({ field, stored: all.includes(canary) }).toEqual({ field, stored: true });
    expect(all).not.toContain(EXTERNAL_ID);
    figures.push(`store: ${docs.length} documents, ${Object.keys(CANARIES).length} canaries stored, external id stored in clear: no`);
  });

  it('has no canary, no external id and no plaintext page in the raw bytes of the database, -wal and -shm files (running)', () => {
    expect(files().map((f) => f.slice(dataDir.length + 1))).toEqual(['zsm.db', 'zsm.db-wal', 'zsm.db-shm']);
    expect(statSync(`${dbFile}-wal`).size).toBeGreaterThan(0); // the loop's writes are (also) in the WAL
    expect(Object.values(scan('running')).every((n) => n === 0)).toBe(true);
    for (const f of files()) {
      const bytes = readFileSync(f);
      expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
      expect(bytes.includes(Buffer.from('"summary"'))).toBe(false); // JSON keys of the documents: no readable page at all
      expect(bytes.includes(Buffer.from('contribution'))).toBe(false);
    }
  });

  it('the scanner does find a canary in an unencrypted file (the check can fail)', () => {
    const control = join(dataDir, 'control.sqlite');
    const plain = new Database(control);
    plain.pragma('journal_mode = WAL');
    plain.exec('CREATE TABLE t (v TEXT)');
    plain.prepare('INSERT INTO t VALUES (?)').run(CANARIES.summary);
    expect(hits(`${control}-wal`, CANARIES.summary)).toBeGreaterThan(0);
    plain.close();
    expect(hits(control, CANARIES.summary)).toBeGreaterThan(0);
    rmSync(control);
  });

  it('keeps the folder 0700 and every file 0600', () => {
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const f of files()) expect({ f, mode: statSync(f).mode & 0o777 }).toEqual({ f, mode: 0o600 });
  });

  it('after a clean stop (WAL checkpointed into the database file) still nothing readable; a wrong key is refused', async () => {
    await t.stop();
    expect(Object.values(scan('stopped')).every((n) => n === 0)).toBe(true);
    expect(readFileSync(dbFile).length).toBeGreaterThan(4096);
    // Another key: the start is refused with a message naming the variable, and the file is left as it was.
    const before = readFileSync(dbFile);
    const stub = new ConnectorStub();
    await stub.start();
    try {
      await expect(
        startTestHost({ dataDir, stub, env: { STORE_ENCRYPTION_KEY: 'a-different-key-of-sufficient-length-0123' } }),
      ).rejects.toThrow(/STORE_ENCRYPTION_KEY does not open/);
    } finally {
      await stub.stop();
    }
    expect(readFileSync(dbFile).equals(before)).toBe(true);
    // Reopened with the key: everything is still there.
    t = await startTestHost({ dataDir });
    expect((await t.host.deps.repo.getCase(caseId))?.facts.summary).toContain(CANARIES.summary);
  });
});
