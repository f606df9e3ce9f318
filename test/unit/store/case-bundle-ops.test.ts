import { PreconditionFailedError, type Stored } from '../../../src/store/docstore';
import { handedOffJobs, planJobRequest, type JobHandOff } from '../../../src/store/case-bundle';
import { withEtagRetry } from '../../../src/store/etag-retry';
import { EPOCH, newJob, type Job } from '../../../src/store/jobs';
import type { JobIntent } from '../../../src/domain/decisions';

const NOW = '2026-11-23T21:30:00.000Z';
const LATER = '2026-11-23T22:30:00.000Z';
const EARLIER = '2026-11-23T20:30:00.000Z';
const intent = (dueAt = NOW, mode: JobIntent['mode'] = 'request'): JobIntent => ({
  id: 'job:refreshCard',
  type: 'refreshCard',
  dueAt,
  mode,
});
const stored = (over: Partial<Job>): Stored<Job> => ({
  pk: 'c1',
  id: 'job:refreshCard',
  kind: 'job',
  etag: 'e1',
  body: { ...newJob({ id: 'job:refreshCard', caseId: 'c1', type: 'refreshCard', dueAt: EARLIER, now: EARLIER }), ...over },
});

describe('planJobRequest (the requestJob rules, decided on the loaded job)', () => {
  it.each([
    ['absent: inserted', undefined, intent(), 'insert', undefined],
    ['queued, not started, due sooner: nothing to write', stored({ status: 'pending', dueAt: EARLIER }), intent(), null, undefined],
    [
      'queued, due later than asked: moved earlier',
      stored({ status: 'pending', dueAt: LATER }),
      intent(),
      'replace',
      { dueAt: NOW, rev: 1 },
    ],
    [
      'running now (leased at this rev): rev + 1, so it runs once more',
      stored({ status: 'pending', leasedRev: 0, leaseUntil: LATER, leaseOwner: 'w1' }),
      intent(),
      'replace',
      { rev: 1, dueAt: EARLIER },
    ],
    [
      'done: pending again, attempts reset',
      stored({ status: 'done', attempts: 3, leaseUntil: EPOCH }),
      intent(),
      'replace',
      { status: 'pending', attempts: 0, rev: 1, dueAt: NOW },
    ],
    ['ensure on an existing job: never reset', stored({ status: 'done' }), intent(NOW, 'ensure'), null, undefined],
  ])('%s', (_n, current, wanted, op, body) => {
    const planned = planJobRequest(current, wanted, 'c1', NOW);
    expect(planned?.op ?? null).toBe(op);
    if (planned?.op === 'replace') {
      expect(planned.ifMatch).toBe('e1');
      expect(planned.doc.body).toMatchObject(body as object);
    }
  });
});

describe('planJobRequest with a hand-off (the committing process leases the job to itself)', () => {
  const UNTIL = '2026-11-23T21:30:25.000Z';
  const handOff: JobHandOff = { owner: 'me', until: UNTIL, types: new Set(['refreshCard']) };
  const leasedToMe = { status: 'pending', leaseOwner: 'me', leaseUntil: UNTIL };
  it.each([
    ['absent: inserted leased to me', undefined, intent(), 'insert', { ...leasedToMe, rev: 0, leasedRev: 0, attempts: 1 }],
    [
      'done: leased to me at rev + 1',
      stored({ status: 'done', attempts: 2 }),
      intent(),
      'replace',
      { ...leasedToMe, rev: 1, leasedRev: 1, attempts: 1 },
    ],
    ['queued, not started: left to the loop (nothing to write)', stored({ status: 'pending', dueAt: EARLIER }), intent(), null, {}],
    [
      'a lease that ran out (its process died): the ordinary re-queue, the loop takes it',
      stored({ status: 'pending', leasedRev: 0, leaseUntil: EARLIER, leaseOwner: 'dead', attempts: 1 }),
      intent(),
      'replace',
      { rev: 1, leaseOwner: 'dead', leasedRev: 0 },
    ],
    [
      'running elsewhere (lease held): the ordinary re-queue, the holder runs it once more',
      stored({ status: 'pending', leasedRev: 0, leaseUntil: LATER, leaseOwner: 'w1' }),
      intent(),
      'replace',
      { rev: 1, leaseOwner: 'w1', leaseUntil: LATER, leasedRev: 0 },
    ],
    ['due later: left to the loop', undefined, intent(LATER), 'insert', { status: 'pending', leaseUntil: EPOCH }],
  ])('%s', (_n, current, wanted, op, body) => {
    const planned = planJobRequest(current, wanted, 'c1', NOW, handOff);
    expect(planned?.op ?? null).toBe(op);
    if (planned && planned.op !== 'audit') expect(planned.doc.body).toMatchObject(body as object);
    expect(planned ? handedOffJobs([planned], 'me') : []).toEqual(
      (body as { leaseOwner?: string }).leaseOwner === 'me' ? ['job:refreshCard'] : [],
    );
  });

  it('a job type not named is never handed off', () => {
    const planned = planJobRequest(undefined, { id: 'job:x', type: 'missingVotes', dueAt: NOW, mode: 'request' }, 'c1', NOW, handOff);
    expect(planned?.op).toBe('insert');
    expect(handedOffJobs(planned ? [planned] : [], 'me')).toEqual([]);
  });
});

describe('withEtagRetry', () => {
  it('decides again after a lost race, and only then', async () => {
    let calls = 0;
    const r = await withEtagRetry('x', async () => {
      calls++;
      if (calls < 3) throw new PreconditionFailedError('c1', 'case');
      return 'won';
    });
    expect(r).toBe('won');
    expect(calls).toBe(3);
  });

  it('passes any other error on at once', async () => {
    let calls = 0;
    await expect(
      withEtagRetry('x', async () => {
        calls++;
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(calls).toBe(1);
  });

  it('gives up after the bounded number of lost races', async () => {
    let calls = 0;
    await expect(
      withEtagRetry(
        'case command on c1',
        async () => {
          calls++;
          throw new PreconditionFailedError('c1', 'case');
        },
        { attempts: 4, maxPauseMs: 0 },
      ),
    ).rejects.toThrow('case command on c1: too much contention');
    expect(calls).toBe(4);
  });
});
