/**
 * `npx tsx bench/purge.ts`: time to purge one case (start + the purge job: delete the partition and the
 * pseudonym-index entries, replace the posted cards, audit), per adapter. Teams is an Outbound that
 * answers at once, so the figure is the store's part; real Teams adds one update call per card.
 * A case here: the case, 10 contributions, 6 votes, 5 jobs, a card ref, an escalation with an
 * Actieoverleg card, 2 index entries and 30 audit entries. Environment: BENCH_PURGE_CASES (30).
 */
import { performance } from 'node:perf_hooks';
import { startPurge, PURGE_PK } from '../src/app/privacy/purge';
import { purgeCaseJob } from '../src/jobs/purge-job';
import type { AppDeps } from '../src/app/deps';
import type { Outbound } from '../src/app/ports';
import { createLogger } from '../src/log';
import type { DocStore } from '../src/store/docstore';
import { newJob, type Job } from '../src/store/jobs';
import { Repository } from '../src/store/repository';
import { closeSharedCosmosServer, makeDocStore } from '../test/helpers/stores';

const N = Number(process.env.BENCH_PURGE_CASES ?? 30);
const ref = (n: number) => ({
  conversationId: `19:c@thread.tacv2;messageid=${n}`,
  activityId: String(n),
  serviceUrl: 'https://smba/',
  postedAt: '2026-01-01T00:00:00.000Z',
});

async function seed(repo: Repository, db: DocStore, i: number): Promise<string> {
  const caseId = i.toString(16).padStart(24, '0');
  const at = '2026-01-01T00:00:00.000Z';
  await db.insert({
    pk: caseId,
    id: 'case',
    kind: 'case',
    body: {
      id: caseId,
      status: 'closed',
      intakeAt: at,
      closure: { at },
      persons: [
        { role: 'verdachte', pseudonym: `p${i}a` },
        { role: 'slachtoffer', pseudonym: `p${i}b` },
      ],
      rounds: [],
      actions: [],
    },
  });
  for (let k = 0; k < 10; k++) await db.insert({ pk: caseId, id: `contrib:${k}`, kind: 'contribution', body: { text: 'x'.repeat(400) } });
  for (let k = 0; k < 6; k++) await db.insert({ pk: caseId, id: `vote:1:${k}`, kind: 'vote', body: { k } });
  for (let k = 0; k < 5; k++)
    await db.insert({
      pk: caseId,
      id: `job:${k}`,
      kind: 'job',
      body: newJob({ id: `job:${k}`, caseId, type: 'refreshCard', dueAt: at, now: at }),
    });
  await repo.putCardRef(caseId, ref(2 * i));
  await db.insert({ pk: caseId, id: 'escalation', kind: 'escalation', body: { caseId, actieoverlegRef: ref(2 * i + 1) } });
  for (const p of ['a', 'b']) await db.insert({ pk: `_person:p${i}${p}`, id: caseId, kind: 'personidx', body: { caseId, intakeAt: at } });
  for (let k = 0; k < 30; k++) await repo.appendAudit({ id: `a${k}`, caseId, at, action: 'vote.cast', actorId: 'u' });
  return caseId;
}

async function run(kind: 'sqlite' | 'cosmos'): Promise<void> {
  const store = await makeDocStore(kind);
  const repo = new Repository(store.db);
  let updates = 0;
  const outbound = { updateCard: async () => void updates++ } as unknown as Outbound;
  const deps = { repo, clock: { now: () => new Date() }, log: createLogger('silent'), kickJobs: () => undefined } as unknown as AppDeps;
  const ids: string[] = [];
  for (let i = 1; i <= N; i++) ids.push(await seed(repo, store.db, i));
  const times: number[] = [];
  for (const caseId of ids) {
    const t0 = performance.now();
    await startPurge(deps, caseId, 'retention_closed', { actorId: 'retention' });
    const job = (await store.db.get<Job>(PURGE_PK, `job:purge:${caseId}`))?.body as Job;
    await purgeCaseJob(deps, outbound, job);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  const left = (await Promise.all(ids.map((id) => store.db.listPartition(id, 'contribution')))).flat().length;
  console.log(
    `${kind}: ${N} cases purged, p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms per case; ${updates} cards replaced; ${left} documents left`,
  );
  await store.cleanup();
}

(async () => {
  await run('sqlite');
  await run('cosmos');
  await closeSharedCosmosServer();
})().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
