/**
 * At shutdown a worker frees the leases it still holds, so another instance can take those jobs at
 * once instead of waiting for the lease to run out — and never frees another worker's lease.
 */
import { newJob } from '../../src/store/jobs';
import { Repository } from '../../src/store/repository';
import { storeKinds, useDocStore } from '../helpers/stores';

describe.each(storeKinds)('releaseLeasesOf (%s)', (kind) => {
  const store = useDocStore(kind);

  it('frees only the given worker’s leases, and those jobs are due again at once', async () => {
    const repo = new Repository(store().db);
    const now = new Date();
    const iso = now.toISOString();
    for (const caseId of ['c1', 'c2', 'c3'])
      await repo.requestJob(newJob({ id: 'job:postCard', caseId, type: 'postCard', dueAt: iso, now: iso }));
    const due = await repo.findDueJobs(iso, 10);
    expect(due).toHaveLength(3);
    const owners: Record<string, string> = { c1: 'worker-a', c2: 'worker-a', c3: 'worker-b' };
    for (const d of due) expect(await repo.claimJob(d, owners[d.body.caseId], now, 60_000)).not.toBeNull();
    expect(await repo.findDueJobs(iso, 10)).toHaveLength(0);

    expect(await repo.releaseLeasesOf('worker-a')).toBe(2);

    const free = (await repo.findDueJobs(iso, 10)).map((d) => d.body.caseId).sort();
    expect(free).toEqual(['c1', 'c2']);
    expect((await repo.getJob('c3', 'job:postCard'))?.body).toMatchObject({ leaseOwner: 'worker-b', status: 'pending' });
    expect(await repo.releaseLeasesOf('worker-a')).toBe(0);
  });
});
