import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocStore, WriteOp } from '../../src/store/docstore';
import { openDocStore } from '../../src/store/index';
import type { Job } from '../../src/store/jobs';
import { ConnectorStub } from '../helpers/connector-stub';
import { sampleIntake, USERS } from '../helpers/fixtures';
import {
  channelActivity,
  ManualClock,
  personalActivity,
  postSignedCase,
  sendActivity,
  settle,
  startTestHost,
  waitFor,
  type TestHost,
} from '../helpers/host';
import { TEST_STORE_KEY } from '../helpers/stores';

/**
 * Issue 11, item 1: the intake commits the case, its jobs and its VT question job together, so a
 * failure of the VT question after the case was stored is retried by the job loop, never lost.
 */
jest.setTimeout(60_000);
const ON_CALL = 'vt-oncall-utrecht-1';

let t: TestHost;
let real: DocStore;
let clock: ManualClock;
const commits: WriteOp[][] = [];
let failVtWrites = 0;
const stub = new ConnectorStub();
const dir = mkdtempSync(join(tmpdir(), 'zsm-intake-vt-'));

beforeAll(async () => {
  clock = new ManualClock(Date.parse('2026-11-23T20:00:00Z')); // Monday 21:00 in Amsterdam: VT is not at the desk
  await stub.start();
  writeFileSync(join(dir, 'vt.json'), readFileSync('config/vt.example.json', 'utf8'));
  real = await openDocStore({ store: 'sqlite', file: join(dir, 'zsm.db'), key: TEST_STORE_KEY });
  // The real store; it records the commits, and the next N writes of a VT consultation fail as a broken disk would.
  const db: DocStore = new Proxy(real, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (prop === 'commit') commits.push(args[0] as WriteOp[]);
        const doc = args[0] as { kind?: string } | undefined;
        const writesVt =
          ((prop === 'insert' || prop === 'replace') && doc?.kind === 'vtconsult') ||
          (prop === 'commit' && (args[0] as WriteOp[]).some((o) => o.op !== 'audit' && o.doc.kind === 'vtconsult'));
        if (writesVt && failVtWrites > 0) {
          failVtWrites--;
          return Promise.reject(new Error('SQLITE_IOERR: disk I/O error'));
        }
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  t = await startTestHost({ db, clock, dataDir: dir, stub, env: { VT_CONFIG_FILE: join(dir, 'vt.json'), JOB_BACKOFF_BASE_MS: '10' } });
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
  );
  await sendActivity(t.base, personalActivity(t.stub.url, ON_CALL));
});
afterAll(async () => {
  await t.stop();
  await real.close();
  await stub.stop();
  rmSync(dir, { recursive: true, force: true });
});

const personalSends = () => t.stub.successful('send').filter((c) => c.conversationId === `a:personal-${ON_CALL}`);

async function intake(): Promise<string> {
  const res = await postSignedCase(t.base, sampleIntake({ intakeAt: clock.now().toISOString(), municipality: 'Utrecht' }), {
    timestamp: Math.floor(clock.now().getTime() / 1000),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { caseId: string }).caseId;
}

it('the VT question job is in the same commit as the case and its other jobs', async () => {
  commits.length = 0;
  const caseId = await intake();
  const intakeCommit = commits.find((ops) => ops.some((o) => o.op === 'insert' && o.doc.kind === 'case' && o.doc.pk === caseId));
  expect(intakeCommit).toBeDefined();
  const jobTypes = intakeCommit!.flatMap((o) => (o.op === 'insert' && o.doc.kind === 'job' ? [(o.doc.body as Job).type] : []));
  expect(jobTypes).toEqual(expect.arrayContaining(['postCard', 'termijnReminder', 'termijnPassed', 'vtAskAtIntake']));
  await settle(t);
  expect((await t.host.deps.repo.getVtConsultation(caseId))?.body.state.status).toBe('asked');
});

it('a store failure of the VT question is retried by the job loop: the on-call member is asked exactly once', async () => {
  const before = personalSends().length;
  failVtWrites = 1;
  const caseId = await intake();
  // the first run fails on the consultation write; the job stays pending with a backoff
  const job = await waitFor('the VT question to fail once', async () => {
    await t.host.runner.runOnce();
    const j = await t.host.deps.repo.getJob(caseId, 'job:vtAskAtIntake');
    return j && j.body.attempts >= 1 && j.body.lastError ? j : undefined;
  });
  expect(job.body.status).toBe('pending');
  expect(failVtWrites).toBe(0);
  expect(await t.host.deps.repo.getVtConsultation(caseId)).toBeNull();
  expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
  clock.advance(60_000); // past the backoff
  await settle(t);
  expect((await t.host.deps.repo.getJob(caseId, 'job:vtAskAtIntake'))?.body.status).toBe('done');
  expect((await t.host.deps.repo.getVtConsultation(caseId))?.body).toMatchObject({ askedBy: 'auto', state: { status: 'asked' } });
  const sent = personalSends().slice(before);
  expect(sent).toHaveLength(1);
  expect(JSON.stringify(sent[0].body)).toContain('Is dit gezin bekend bij Veilig Thuis?');
});

it('a rerun after a crash between the consultation and its jobs repairs the missing jobs, and asks nobody twice', async () => {
  const before = personalSends().length;
  const caseId = await intake();
  await settle(t);
  expect(personalSends().length).toBe(before + 1);
  // simulate the crash window: the consultation is there, its ladder jobs are not
  const ladder = ['job:vtSend:1', 'job:vtReminder:1', 'job:vtBackup:1', 'job:vtExpire:1'];
  for (const id of ladder) await real.delete(caseId, id);
  const { vtAskAtIntakeJob } = await import('../../src/app/vt/intake-question');
  const jobDoc = (await t.host.deps.repo.getJob(caseId, 'job:vtAskAtIntake'))!;
  await vtAskAtIntakeJob(t.host.deps, jobDoc.body);
  for (const id of ladder) expect(await t.host.deps.repo.getJob(caseId, id)).not.toBeNull();
  await settle(t);
  // vtSend runs again: the consultation already records the message, so nobody gets a second one
  expect(personalSends().length).toBe(before + 1);
});
