import { spawnSync } from 'node:child_process';
import { caseCode } from '../../src/domain/case-code';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { INPUTS, VERBS } from '../../src/cards/verbs';
import { verifyAllChains } from '../../src/app/privacy/audit-trail';
import { PURGE_PK, type PurgeRecord } from '../../src/app/privacy/purge';
import { nlPrivacy } from '../../src/i18n/nl/privacy';
import type { DocKind } from '../../src/store/docstore';
import { AO_CHANNEL, sampleIntake, USERS } from '../helpers/fixtures';
import {
  executeInvoke,
  ManualClock,
  postSignedCase,
  sendActivity,
  settle,
  settleUntil,
  startTestHost,
  type TestHost,
  greetAllUsers,
} from '../helpers/host';
import { closeSharedCosmosServer, makeDocStore, storeKinds, TEST_STORE_KEY, type TestStore } from '../helpers/stores';
import { HANDOVER_DATA } from '../helpers/handover';

jest.setTimeout(60_000);
const DAY = 86_400_000;
const KINDS: DocKind[] = ['case', 'contribution', 'vote', 'job', 'cardref', 'escalation', 'advice', 'vtconsult'];

afterAll(closeSharedCosmosServer);

describe.each(storeKinds)('retention on %s: a closed case past its period is purged', (kind) => {
  let store: TestStore;
  let t: TestHost;
  let clock: ManualClock;

  beforeAll(async () => {
    store = await makeDocStore(kind);
    clock = new ManualClock(Date.parse('2026-11-23T19:00:00Z'));
    t = await startTestHost({ clock, db: store.db, env: { RETENTION_CLOSED_CASE_DAYS: '30', RETENTION_SWEEP_MINUTES: '60' } });
    await greetAllUsers(t);
  });
  afterAll(async () => {
    await t.stop();
    await store.cleanup();
  });

  const invoke = async (from: string, verb: string, data: Record<string, unknown>) => {
    const res = await sendActivity(t.base, executeInvoke(t.stub.url, from, verb, data));
    expect(res.status).toBe(200);
  };

  let lastIntake: ReturnType<typeof sampleIntake> | undefined;
  async function newCase(): Promise<{ caseId: string; pseudonym: string }> {
    lastIntake = sampleIntake({ intakeAt: clock.now().toISOString() });
    const res = await postSignedCase(t.base, lastIntake, {
      timestamp: Math.floor(clock.now().getTime() / 1000),
    });
    expect(res.status).toBe(201);
    const { caseId } = (await res.json()) as { caseId: string };
    await settleUntil(t, 'card ref', async () => (await t.host.deps.repo.getCardRef(caseId)) !== null);
    const theCase = await t.host.deps.repo.getCase(caseId);
    const pseudonym = theCase?.persons.find((p) => p.pseudonym)?.pseudonym;
    if (!pseudonym) throw new Error('sample intake has a person key');
    return { caseId, pseudonym };
  }

  it('purges store, index and cards, audits it, keeps the chain verifiable; a young case stays', async () => {
    const { caseId, pseudonym } = await newCase();
    const intake = lastIntake;
    // An acute-unsafety vote escalates at once: a second card (the Actieoverleg) is posted for the case.
    await invoke(USERS.politie, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Dreiging met mes', [INPUTS.voteAcute]: 'true' });
    await settle(t);
    const esc = await t.host.deps.repo.getEscalation(caseId);
    expect(esc?.body.actieoverlegRef).toBeDefined();
    await invoke(USERS.om, VERBS.closeRound, { caseId });
    await invoke(USERS.om, VERBS.closeDespiteConcern, {
      caseId,
      ...HANDOVER_DATA,
      [INPUTS.closeReason]: 'Besluit genomen: voorgeleiding; VT volgt het gezin.',
    });
    await settle(t);
    expect((await t.host.deps.repo.getCase(caseId))?.status).toBe('closed');
    const cardKeys = [...t.stub.messages.entries()]
      .filter(([, body]) => JSON.stringify(body).includes(`Zaak ${caseCode(caseId)}`) || JSON.stringify(body).includes(caseCode(caseId)))
      .map(([k]) => k);
    const rootKeys = [
      ...new Set(
        [(await t.host.deps.repo.getCardRef(caseId))!, esc!.body.actieoverlegRef!].map((r) => `${r.conversationId}|${r.activityId}`),
      ),
    ];
    expect(rootKeys).toHaveLength(2);
    expect(cardKeys).toEqual(expect.arrayContaining(rootKeys));
    expect(rootKeys.some((k) => k.startsWith(AO_CHANNEL))).toBe(true);

    // A second case, closed later: it must survive the first sweep.
    const young = await newCase();
    expect(await t.host.db.listPartition(`_person:${pseudonym}`, 'personidx')).toHaveLength(2); // same person key
    expect((await verifyAllChains(t.host.db)).broken).toBeNull();

    // An instance died with a post of this case unanswered and nobody came back for it: its marker
    // names the case and the channel, so it goes with the job retention (30 days), not never.
    const marks = t.host.deps.repo.postMarks;
    const leftBehind = `${AO_CHANNEL}|actieoverleg:${caseId}`;
    await marks.begin(leftBehind, clock.now().toISOString());

    // 31 days later the sweep finds the first case due (closed 31 days ago) and purges it.
    clock.advance(31 * DAY);
    const inFlight = `${AO_CHANNEL}|agenda:retention-test`; // a post under way right now stays
    await marks.begin(inFlight, clock.now().toISOString());
    const wallStart = Date.now();
    await settle(t);
    await settleUntil(t, 'purge done', async () => (await t.host.db.get<PurgeRecord>(PURGE_PK, caseId))?.body.step === 'done');

    for (const k of KINDS) expect(await t.host.db.listPartition(caseId, k)).toEqual([]);
    expect(await marks.peek(leftBehind)).toBeNull();
    expect(await marks.peek(inFlight)).not.toBeNull();
    expect((await t.host.db.listPartition<{ caseId: string }>(`_person:${pseudonym}`, 'personidx')).map((d) => d.body.caseId)).toEqual([
      young.caseId,
    ]);
    expect(await t.host.deps.repo.getCase(young.caseId)).not.toBeNull();
    for (const key of rootKeys) {
      const now = JSON.stringify(t.stub.messages.get(key));
      expect(now).toContain(nlPrivacy.tombstone.retention);
      expect(now).not.toContain(caseCode(caseId));
      expect(now).not.toContain('Dreiging met mes');
    }
    const record = (await t.host.db.get<PurgeRecord>(PURGE_PK, caseId))?.body;
    expect(record).toMatchObject({ step: 'done', reason: 'retention_closed', tombstoned: 2, missing: 0, pseudonyms: [] });
    const audit = await t.host.deps.repo.listAudit(caseId);
    const purged = audit.find((e) => e.action === 'case.purged');
    expect(purged).toMatchObject({ actorId: 'retention', detail: { reason: 'retention_closed', cardsReplaced: 2 } });
    expect(JSON.stringify(audit)).not.toContain('Dreiging met mes');
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['case.intake', 'vote.cast', 'case.close', 'case.purgeStarted']));
    // A purge time per case, for the report (not asserted: tests never assert wall-clock time).
    process.stdout.write(
      `[retention ${kind}] purge incl. sweep: ${Date.now() - wallStart} ms wall clock for sweep + purge of one case (2 cards)\n`,
    );

    // A late re-delivery of the purged case's intake does not bring it back.
    const again = await postSignedCase(t.base, intake, { timestamp: Math.floor(clock.now().getTime() / 1000) });
    expect(again.status).toBe(409);
    expect(await t.host.deps.repo.getCase(caseId)).toBeNull();

    // The chain still verifies after the purge; a re-run of the sweep starts nothing new.
    expect((await verifyAllChains(t.host.db)).broken).toBeNull();
    expect(await t.host.db.get(PURGE_PK, `job:purge:${caseId}`)).not.toBeNull();
  });

  if (kind === 'sqlite') {
    const cli = (...args: string[]) =>
      spawnSync(path.join('node_modules', '.bin', 'tsx'), ['scripts/audit.ts', ...args], {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, STORE_ENCRYPTION_KEY: TEST_STORE_KEY },
      });

    it('npm run audit:verify passes, then fails after a row is edited in the file, naming the first broken link', async () => {
      const file = store.file as string;
      const before = cli('verify', '--sqlite', file);
      expect(before.stdout).toMatch(/^OK: \d+ chains, \d+ entries, no broken link/);
      expect(before.status).toBe(0);
      const raw = new Database(file);
      raw.pragma(`cipher = 'chacha20'`);
      raw.key(Buffer.from(TEST_STORE_KEY, 'utf8'));
      const [{ chain }] = raw.prepare(`SELECT chain FROM audit WHERE chain NOT LIKE '\\_%' ESCAPE '\\' ORDER BY chain LIMIT 1`).all() as {
        chain: string;
      }[];
      expect(() =>
        raw.prepare(`UPDATE audit SET body = json_set(body, '$.actorId', 'someone-else') WHERE chain = ? AND seq = 2`).run(chain),
      ).toThrow(/append-only/);
      // Someone with access to the file drops the trigger and edits the entry.
      raw.exec('DROP TRIGGER audit_no_update');
      raw.prepare(`UPDATE audit SET body = json_set(body, '$.actorId', 'someone-else') WHERE chain = ? AND seq = 2`).run(chain);
      raw.close();
      const report = await verifyAllChains(t.host.db);
      expect(report.broken).toEqual({ chain, seq: 2, problem: 'hash' });
      const after = cli('verify', '--sqlite', file);
      expect(after.stdout).toContain(`BROKEN: chain ${chain} at seq 2 (hash)`);
      expect(after.status).toBe(1);
    });

    it('npm run audit:export writes the trail of one case as CSV and audits the export', async () => {
      const file = store.file as string;
      const [chain] = (await t.host.db.auditChains()).filter((c) => !c.startsWith('_'));
      const out = cli('export', '--sqlite', file, '--case', caseCode(chain), '--format', 'csv');
      expect(out.status).toBe(0);
      const lines = out.stdout.trim().split('\n');
      expect(lines[0]).toBe('chain,seq,at,action,actorId,actorOrg,detail,prevHash,hash');
      expect(lines.length - 1).toBe((await t.host.db.readAudit(chain)).length);
      expect(lines[1]).toContain('"case.intake"');
      const exported = (await t.host.db.readAudit('_privacy')).filter((r) => r.entry.action === 'audit.exported');
      expect(exported.at(-1)?.entry.detail).toMatchObject({ selection: `case:${chain}`, format: 'csv' });
      const bad = cli('export', '--sqlite', file);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('give --case, or --from and --to');
    });
  }
});
