import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { AuditEntry } from '../../../src/domain/audit';
import { canonicalJson, GENESIS_HASH, sealNext, verifyChain, type AuditRecord } from '../../../src/domain/audit-chain';
import { expirableUpTo, retentionCutoffs, sweepSlot, DEFAULT_RETENTION } from '../../../src/domain/retention';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const entry = (n: number, caseId = 'c'): AuditEntry => ({
  id: `e${n}`,
  caseId,
  at: `2026-01-01T00:00:0${n % 10}.000Z`,
  action: 'vote.cast',
  actorId: `u${n}`,
  detail: { n },
});

function chainOf(n: number, chain = 'c'): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (let i = 1; i <= n; i++) out.push(sealNext(sha, out.at(-1) ?? null, chain, entry(i, chain)));
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"z":1}]},"b":1}');
  });
  it('is independent of key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(o));
      }),
    );
  });
});

describe('hash chain', () => {
  it('links each record to the previous hash, starting at the genesis hash', () => {
    const c = chainOf(3);
    expect(c.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(c[0].prevHash).toBe(GENESIS_HASH);
    expect(c[2].prevHash).toBe(c[1].hash);
    expect(verifyChain(sha, c, null)).toBeNull();
  });

  it('reports the first broken link for an edited entry, a removed entry, a swapped order and a moved chain', () => {
    const c = chainOf(5);
    const edited = c.map((r) => (r.seq === 3 ? { ...r, entry: { ...r.entry, actorId: 'someone-else' } } : r));
    expect(verifyChain(sha, edited, null)).toEqual({ chain: 'c', seq: 3, problem: 'hash' });
    const removed = c.filter((r) => r.seq !== 2);
    expect(verifyChain(sha, removed, null)).toEqual({ chain: 'c', seq: 2, problem: 'gap' });
    const rehashed = edited.map((r) =>
      r.seq === 3
        ? { ...r, hash: sha(r.prevHash + canonicalJson({ chain: r.chain, seq: r.seq, prevHash: r.prevHash, entry: r.entry })) }
        : r,
    );
    expect(verifyChain(sha, rehashed, null)).toEqual({ chain: 'c', seq: 4, problem: 'prev_hash' }); // recomputing one hash breaks the next link
    const swapped = [c[0], { ...c[2], seq: 2 }, { ...c[1], seq: 3 }];
    expect(verifyChain(sha, swapped, null)?.seq).toBe(2);
    const moved = c.map((r) => ({ ...r, chain: 'other' }));
    expect(verifyChain(sha, moved, null)).toEqual({ chain: 'other', seq: 1, problem: 'chain' });
  });

  it('any single-field change of any entry is detected (property)', () => {
    const c = chainOf(6);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.string({ minLength: 1 }), (i, v) => {
        const changed = c.map((r, j) => (j === i ? { ...r, entry: { ...r.entry, actorId: r.entry.actorId + v } } : r));
        expect(verifyChain(sha, changed, null)).toEqual({ chain: 'c', seq: i + 1, problem: 'hash' });
      }),
    );
  });

  it('verifies the rest of a chain from an anchor, and pages joined by their last record', () => {
    const c = chainOf(6);
    expect(verifyChain(sha, c.slice(3), { seq: 3, hash: c[2].hash })).toBeNull();
    expect(verifyChain(sha, c.slice(3), { seq: 3, hash: GENESIS_HASH })).toEqual({ chain: 'c', seq: 4, problem: 'prev_hash' });
  });
});

describe('retention rules', () => {
  it('cutoffs are the policy days before now', () => {
    const cut = retentionCutoffs({ ...DEFAULT_RETENTION, closedCaseDays: 30 }, new Date('2026-03-01T00:00:00Z'));
    expect(cut.closedCase).toBe('2026-01-30T00:00:00.000Z');
  });
  it('a sweep slot is stable within its interval', () => {
    expect(sweepSlot(new Date('2026-01-01T10:59:59Z'), 60)).toEqual({
      start: '2026-01-01T10:00:00.000Z',
      next: '2026-01-01T11:00:00.000Z',
    });
  });
  it('expires the leading run of old entries only, stopping at the first young one', () => {
    const r = [
      { seq: 4, at: '2020-01-01' },
      { seq: 5, at: '2020-02-01' },
      { seq: 6, at: '2025-01-01' },
      { seq: 7, at: '2020-03-01' },
    ];
    expect(expirableUpTo(r, '2024-01-01')).toBe(5);
    expect(expirableUpTo(r, '2019-01-01')).toBe(0);
  });
});
