import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PARTNER_ORGS } from '../../src/domain/orgs';
import { EPOCH, newJob, type Job } from '../../src/store/jobs';
import { Repository } from '../../src/store/repository';
import { SqliteDocStore } from '../../src/store/sqlite/sqlite-docstore';
import { storeKinds, useDocStore, makeDocStore, TEST_STORE_KEY } from '../helpers/stores';
import { T0, aCase, aContribution, aVote, anAudit, at, intakeAudit } from './fixtures/domain';

const CASE = 'case-1';
const LEASE_MS = 60_000;
const job = (id: string, dueAt: string, caseId = CASE): Job => newJob({ id, caseId, type: 'refreshCard', dueAt, now: T0 });

describe.each(storeKinds)('Repository contract: %s', (kind) => {
  const store = useDocStore(kind);
  let repo: Repository;
  beforeEach(() => {
    repo = new Repository(store().db);
  });

  describe('cases', () => {
    it('intakeCase creates once; a re-delivery with the same ids is "exists" and duplicates nothing', async () => {
      const c = aCase(CASE);
      expect(await repo.intakeCase(c, intakeAudit(CASE), [job('postCard', T0)])).toBe('created');
      expect(await repo.intakeCase(aCase(CASE, 'andere tekst'), intakeAudit(CASE), [job('postCard', at(5))])).toBe('exists');
      expect(await repo.getCase(CASE)).toEqual(c);
      expect(await repo.listAudit(CASE)).toEqual([intakeAudit(CASE)]);
      const jobs = await store().db.listPartition<Job>(CASE, 'job');
      expect(jobs.map((j) => [j.id, j.body.dueAt])).toEqual([['postCard', T0]]);
      expect(await repo.getCase('other')).toBeNull();
    });

    it('a re-run of an interrupted intake repairs the missing audit entry and job', async () => {
      await store().db.insert({ pk: CASE, id: 'case', kind: 'case', body: aCase(CASE) }); // as if the rest was lost
      expect(await repo.intakeCase(aCase(CASE), intakeAudit(CASE), [job('postCard', T0)])).toBe('exists');
      expect(await repo.listAudit(CASE)).toHaveLength(1);
      expect(await repo.getJob(CASE, 'postCard')).not.toBeNull();
    });
  });

  describe('contributions, votes, audit', () => {
    it('putVote overwrites the same organisation in the same round, not other rounds', async () => {
      await repo.putVote(aVote(CASE, 'om', 'u1', at(1)), anAudit(CASE, 'vote.cast', at(1)));
      const second = aVote(CASE, 'om', 'u2', at(2), 1, false);
      await repo.putVote(second, anAudit(CASE, 'vote.cast', at(2)));
      const round2 = aVote(CASE, 'om', 'u2', at(3), 2);
      await repo.putVote(round2, anAudit(CASE, 'vote.cast', at(3)));
      await repo.requestJob(job('refreshCard', at(3)));
      expect(await repo.listVotes(CASE)).toEqual([second, round2]);
      expect(await repo.listAudit(CASE)).toHaveLength(3);
      expect((await repo.getJob(CASE, 'refreshCard'))?.body.status).toBe('pending');
    });

    it('addContribution stores each contribution with its audit entry, in time order', async () => {
      const a = aContribution(CASE, at(1), 'eerste');
      const b = aContribution(CASE, at(2), 'tweede');
      await repo.addContribution(b, anAudit(CASE, 'contribution.add', at(2)));
      await repo.addContribution(a, anAudit(CASE, 'contribution.add', at(1)));
      expect(await repo.listContributions(CASE)).toEqual([a, b]);
      expect(await repo.listContributions('other')).toEqual([]);
      expect((await repo.listAudit(CASE)).map((e) => e.action)).toEqual(['contribution.add', 'contribution.add']);
    });

    it('listAudit is chronological whatever the insertion order', async () => {
      const entries = [5, 1, 3, 2, 4].map((s) => anAudit(CASE, 'case.detailsRead', at(s)));
      for (const e of entries) await repo.appendAudit(e);
      await repo.appendAudit(anAudit('case-2', 'case.detailsRead', at(0)));
      expect((await repo.listAudit(CASE)).map((e) => e.at)).toEqual([1, 2, 3, 4, 5].map(at));
    });
  });

  describe('card and conversation references', () => {
    it('card refs are per case and overwritten', async () => {
      expect(await repo.getCardRef(CASE)).toBeNull();
      const ref = { conversationId: '19:abc@thread.tacv2', activityId: '1', serviceUrl: 'https://smba/', postedAt: T0 };
      await repo.putCardRef(CASE, ref);
      await repo.putCardRef(CASE, { ...ref, activityId: '2' });
      expect(await repo.getCardRef(CASE)).toEqual({ ...ref, activityId: '2' });
      expect(await repo.getCardRef('case-2')).toBeNull();
    });

    it('conversation refs are keyed (keys may hold any characters)', async () => {
      const ref = { serviceUrl: 'https://smba/', conversationId: '19:x@thread.tacv2', channelId: 'msteams', tenantId: 't' };
      const keys = ['channel:19:x@thread.tacv2', 'user:a/b?c#d', 'team:_latest'];
      for (const [i, key] of keys.entries()) await repo.putConversationRef(key, { ...ref, conversationId: `c${i}` });
      for (const [i, key] of keys.entries()) expect(await repo.getConversationRef(key)).toEqual({ ...ref, conversationId: `c${i}` });
      expect(await repo.getConversationRef('channel:other')).toBeNull();
    });
  });

  describe('jobs', () => {
    const now = new Date(at(100));
    const due = async () => (await repo.findDueJobs(now.toISOString(), 10)).map((d) => d.id);
    const claim = async (id: string, owner = 'w1', when = now) => {
      const doc = await repo.getJob(CASE, id);
      if (!doc) throw new Error(`no job ${id}`);
      return repo.claimJob(doc, owner, when, LEASE_MS);
    };

    it('findDueJobs returns only due, pending, unleased jobs, oldest first, across cases, up to the limit', async () => {
      const put = (j: Job) => store().db.insert({ pk: j.caseId, id: j.id, kind: 'job', body: j });
      await put(job('due-late', at(90)));
      await put(job('due-early', at(10), 'case-2'));
      await put({ ...job('lease-expired', at(50)), leaseUntil: at(99), leaseOwner: 'crashed' });
      await put({ ...job('leased', at(20)), leaseUntil: at(160), leaseOwner: 'busy' });
      await put(job('future', at(101)));
      await put({ ...job('done', at(1)), status: 'done' });
      await put({ ...job('dead', at(1)), status: 'dead' });
      await store().db.insert({ pk: CASE, id: 'not-a-job', kind: 'audit', body: { ...job('x', at(1)) } });
      expect(await due()).toEqual(['due-early', 'lease-expired', 'due-late']);
      expect((await repo.findDueJobs(now.toISOString(), 2)).map((d) => d.id)).toEqual(['due-early', 'lease-expired']);
    });

    it('of two workers claiming the same job at once exactly one wins', async () => {
      await repo.requestJob(job('j', at(1)));
      const doc = await repo.getJob(CASE, 'j');
      if (!doc) throw new Error('missing');
      const results = await Promise.all([repo.claimJob(doc, 'w1', now, LEASE_MS), repo.claimJob(doc, 'w2', now, LEASE_MS)]);
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      const stored = await repo.getJob(CASE, 'j');
      expect(stored?.body).toMatchObject({ leaseOwner: winners[0]?.body.leaseOwner, attempts: 1, leaseUntil: at(160) });
      expect(await due()).toEqual([]); // leased
      expect((await repo.findDueJobs(at(161), 10)).map((d) => d.id)).toEqual(['j']); // lease ran out
    });

    it('completeJob marks the job done and frees it', async () => {
      await repo.requestJob(job('j', at(1)));
      const claimed = await claim('j');
      expect(await repo.completeJob(claimed ?? fail('not claimed'))).toBe('done');
      expect((await repo.getJob(CASE, 'j'))?.body).toMatchObject({ status: 'done', leaseUntil: EPOCH });
      expect((await repo.getJob(CASE, 'j'))?.body.leaseOwner).toBeUndefined();
      expect(await due()).toEqual([]);
    });

    it('a job requested again while running is requeued on completion and runs once more', async () => {
      await repo.requestJob(job('j', at(1)));
      const first = (await claim('j')) ?? fail('not claimed');
      await repo.requestJob(job('j', at(2)));
      expect((await repo.getJob(CASE, 'j'))?.body).toMatchObject({ rev: 1, leaseOwner: 'w1' }); // lease kept
      expect(await repo.completeJob(first)).toBe('requeued');
      expect((await repo.getJob(CASE, 'j'))?.body).toMatchObject({ status: 'pending', rev: 1, leaseUntil: EPOCH });
      expect(await due()).toEqual(['j']);
      const second = (await claim('j', 'w2')) ?? fail('not reclaimed');
      expect(await repo.completeJob(second)).toBe('done');
    });

    it('requestJob creates a missing job and keeps the earlier due time of a pending one', async () => {
      await repo.requestJob(job('j', at(50)));
      await repo.requestJob(job('j', at(80)));
      // A run that is queued and not started already sees the newest state: nothing is rewritten.
      expect((await repo.getJob(CASE, 'j'))?.body).toMatchObject({ dueAt: at(50), rev: 0, status: 'pending' });
      await repo.requestJob(job('j', at(20)));
      expect((await repo.getJob(CASE, 'j'))?.body).toMatchObject({ dueAt: at(20), rev: 1, status: 'pending' });
    });

    it('failJob reschedules; failJob with null gives up (dead)', async () => {
      await repo.requestJob(job('j', at(1)));
      const claimed = (await claim('j')) ?? fail('not claimed');
      await repo.failJob(claimed, at(200), 'HTTP 502');
      expect((await repo.getJob(CASE, 'j'))?.body).toMatchObject({
        status: 'pending',
        dueAt: at(200),
        lastError: 'HTTP 502',
        leaseUntil: EPOCH,
      });
      expect(await due()).toEqual([]);
      expect((await repo.findDueJobs(at(200), 10)).map((d) => d.id)).toEqual(['j']);

      const again = (await claim('j', 'w1', new Date(at(200)))) ?? fail('not reclaimed');
      expect(again.body.attempts).toBe(2);
      await repo.failJob(again, null, 'HTTP 403');
      expect((await repo.getJob(CASE, 'j'))?.body).toMatchObject({ status: 'dead', lastError: 'HTTP 403' });
      expect(await repo.findDueJobs(at(99_999), 10)).toEqual([]);
    });
  });

  it('20 votes and 20 contributions at once on one case lose nothing', async () => {
    await repo.intakeCase(aCase(CASE), intakeAudit(CASE), []);
    const votes = Array.from({ length: 20 }, (_, i) => aVote(CASE, PARTNER_ORGS[i % PARTNER_ORGS.length], `voter-${i}`, at(i)));
    const contributions = Array.from({ length: 20 }, (_, i) => aContribution(CASE, at(i), `bijdrage ${i}`));
    await Promise.all([
      ...votes.map((v) => repo.putVote(v, anAudit(CASE, 'vote.cast', v.castAt)).then(() => repo.requestJob(job('refreshCard', v.castAt)))),
      ...contributions.map((c) =>
        repo
          .addContribution(c, anAudit(CASE, 'contribution.add', c.createdAt))
          .then(() => repo.requestJob(job('refreshCard', c.createdAt))),
      ),
    ]);
    expect((await repo.listContributions(CASE)).map((c) => c.text).sort()).toEqual(contributions.map((c) => c.text).sort());
    const stored = await repo.listVotes(CASE);
    expect(stored.map((v) => v.orgId).sort()).toEqual([...PARTNER_ORGS].sort()); // one doc per org and round
    for (const v of stored) expect(votes.filter((x) => x.orgId === v.orgId)).toContainEqual(v);
    const audit = await repo.listAudit(CASE);
    expect(audit.filter((e) => e.action === 'vote.cast')).toHaveLength(20);
    expect(audit.filter((e) => e.action === 'contribution.add')).toHaveLength(20);
    expect(await store().db.listPartition(CASE, 'job')).toHaveLength(1);
  });
});

describe('Repository on SQLite: several connections and processes on one file', () => {
  it('two SqliteDocStore instances on the same file racing claimJob: exactly one wins', async () => {
    const { db, file, cleanup } = await makeDocStore('sqlite');
    const other = SqliteDocStore.open(file ?? fail('no file'), TEST_STORE_KEY);
    try {
      const a = new Repository(db);
      const b = new Repository(other);
      for (let i = 0; i < 10; i++) await a.requestJob(job(`j${i}`, at(i)));
      const now = new Date(at(100));
      for (let i = 0; i < 10; i++) {
        const [seenA, seenB] = [await a.getJob(CASE, `j${i}`), await b.getJob(CASE, `j${i}`)];
        if (!seenA || !seenB) throw new Error('job missing');
        const won = await Promise.all([a.claimJob(seenA, 'A', now, LEASE_MS), b.claimJob(seenB, 'B', now, LEASE_MS)]);
        expect(won.filter((w) => w !== null)).toHaveLength(1);
      }
      expect(await b.findDueJobs(now.toISOString(), 100)).toEqual([]);
    } finally {
      await other.close();
      await cleanup();
    }
  });

  it('three processes polling one file claim every job exactly once', async () => {
    const { db, file, cleanup } = await makeDocStore('sqlite');
    try {
      const repo = new Repository(db);
      const jobs = Array.from({ length: 60 }, (_, i) => job(`j${String(i).padStart(2, '0')}`, at(i), `case-${i % 6}`));
      for (const j of jobs) await repo.requestJob(j);
      await db.close();
      const worker = join(__dirname, 'fixtures', 'claim-worker.ts');
      const startAt = String(Date.now() + 1500); // after all three have loaded
      const run = promisify(execFile);
      const outputs = await Promise.all(
        ['P1', 'P2', 'P3'].map((owner) =>
          run(process.execPath, ['--import', 'tsx', worker, file ?? '', owner, startAt], { cwd: join(__dirname, '..', '..') }),
        ),
      );
      const claimed = outputs.map((o): string[] => JSON.parse(o.stdout));
      expect(claimed.flat().sort()).toEqual(jobs.map((j) => j.id).sort());
      const checkDb = SqliteDocStore.open(file ?? '', TEST_STORE_KEY);
      const check = new Repository(checkDb);
      const audit = (await Promise.all(Array.from({ length: 6 }, (_, i) => check.listAudit(`case-${i}`)))).flat();
      expect(audit).toHaveLength(60);
      await checkDb.close();
    } finally {
      await cleanup();
    }
  }, 30_000);
});

function fail(message: string): never {
  throw new Error(message);
}
