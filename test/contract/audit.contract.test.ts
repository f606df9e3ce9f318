import type { AuditEntry } from '../../src/domain/audit';
import { GENESIS_HASH, verifyChain } from '../../src/domain/audit-chain';
import { sha256Hex } from '../../src/store/audit-hash';
import type { DocStore } from '../../src/store/docstore';
import { contractKinds, useDocStore } from '../helpers/stores';

const entry = (caseId: string, n: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `audit:${n}`,
  caseId,
  at: `2026-01-01T00:00:${String(n).padStart(2, '0')}.000Z`,
  action: 'vote.cast',
  actorId: `user-${n}`,
  detail: { round: n },
  ...over,
});

describe.each(contractKinds)('Audit trail contract: %s', (kind) => {
  const store = useDocStore(kind);
  let db: DocStore;
  beforeEach(() => {
    db = store().db;
  });

  it('appends hash-linked records per chain, seq from 1, and they verify', async () => {
    for (let n = 1; n <= 3; n++) expect(await db.appendAudit(entry('case-a', n))).toBe('created');
    await db.appendAudit(entry('case-b', 9));
    const a = await db.readAudit('case-a');
    expect(a.map((r) => [r.seq, r.entry.id])).toEqual([
      [1, 'audit:1'],
      [2, 'audit:2'],
      [3, 'audit:3'],
    ]);
    expect(a[0].prevHash).toBe(GENESIS_HASH);
    expect(a[1].prevHash).toBe(a[0].hash);
    expect(a[0].entry).toEqual(entry('case-a', 1));
    expect(verifyChain(sha256Hex, a, null)).toBeNull();
    expect((await db.readAudit('case-b')).map((r) => r.seq)).toEqual([1]);
    expect(await db.auditChains()).toEqual(['case-a', 'case-b']);
    expect(await db.auditChains('case-b')).toEqual(['case-b']);
  });

  it('a repeated entry id in the same chain is "exists" and appends nothing', async () => {
    await db.appendAudit(entry('c', 1));
    expect(await db.appendAudit(entry('c', 1, { actorId: 'other' }))).toBe('exists');
    expect(await db.readAudit('c')).toHaveLength(1);
  });

  it('reads pages after a seq, with a limit', async () => {
    for (let n = 1; n <= 5; n++) await db.appendAudit(entry('c', n));
    expect((await db.readAudit('c', { afterSeq: 2, limit: 2 })).map((r) => r.seq)).toEqual([3, 4]);
  });

  it('concurrent appends to one chain get distinct consecutive seqs and still verify', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => db.appendAudit(entry('hot', i + 1))));
    expect(results.every((r) => r === 'created')).toBe(true);
    const all = await db.readAudit('hot');
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(all.map((r) => r.entry.id)).size).toBe(12);
    expect(verifyChain(sha256Hex, all, null)).toBeNull();
  });

  it('two connections (processes) appending to one chain at once: consecutive seqs, nothing lost, verifies', async () => {
    const other = await store().connectAgain();
    try {
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? db : other).appendAudit(entry('shared', i + 1))),
      );
      expect(results.every((r) => r === 'created')).toBe(true);
      const all = await db.readAudit('shared');
      expect(all.map((r) => r.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      expect(new Set(all.map((r) => r.entry.id)).size).toBe(16);
      expect(verifyChain(sha256Hex, all, null)).toBeNull();
    } finally {
      await other.close();
    }
  });

  it('an audit op in a commit is chained with the other writes of that partition', async () => {
    const res = await db.commit([
      { op: 'insert', doc: { pk: 'c', id: 'case', kind: 'case', body: { v: 1 } } },
      { op: 'audit', entry: entry('c', 1) },
      { op: 'audit', entry: entry('c', 1) },
    ]);
    expect(res).toEqual(['created', 'created', 'exists']);
    expect((await db.readAudit('c')).map((r) => r.entry.id)).toEqual(['audit:1']);
    // the audit is not a document of the partition
    expect(await db.listPartition('c', 'audit')).toEqual([]);
  });

  it('a commit may not mix an audit entry of another partition', async () => {
    await expect(
      db.commit([
        { op: 'insert', doc: { pk: 'c', id: 'x', kind: 'job', body: {} } },
        { op: 'audit', entry: entry('other', 1) },
      ]),
    ).rejects.toThrow(/one partition/);
  });

  it('finds entries of a period across chains, ordered by time', async () => {
    await db.appendAudit(entry('b', 3));
    await db.appendAudit(entry('a', 1));
    await db.appendAudit(entry('a', 5));
    const found = await db.auditBetween('2026-01-01T00:00:02.000Z', '2026-01-01T00:00:05.000Z');
    expect(found.map((r) => [r.chain, r.entry.id])).toEqual([['b', 'audit:3']]);
    expect((await db.auditBetween('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z')).map((r) => r.entry.id)).toEqual([
      'audit:1',
      'audit:3',
      'audit:5',
    ]);
  });

  it('expiry keeps an anchor: the rest verifies from it and new entries continue the chain', async () => {
    for (let n = 1; n <= 4; n++) await db.appendAudit(entry('c', n));
    const before = await db.readAudit('c');
    expect(await db.auditChainsWithEntriesBefore('2026-01-01T00:00:03.000Z', 10)).toEqual(['c']);
    expect(await db.expireAudit('c', 2, '2032-01-01T00:00:00.000Z')).toBe(2);
    expect(await db.expireAudit('c', 1, '2032-01-01T00:00:00.000Z')).toBe(0); // anchors never move back
    const anchor = await db.auditAnchor('c');
    expect(anchor).toEqual({ chain: 'c', upToSeq: 2, hash: before[1].hash, at: '2032-01-01T00:00:00.000Z' });
    const rest = await db.readAudit('c');
    expect(rest.map((r) => r.seq)).toEqual([3, 4]);
    expect(verifyChain(sha256Hex, rest, { seq: 2, hash: anchor?.hash ?? '' })).toBeNull();
    expect(verifyChain(sha256Hex, rest, null)).toEqual({ chain: 'c', seq: 1, problem: 'gap' });
    // a fully expired chain is still listed (by its anchor) and continues from it
    await db.expireAudit('c', 4, '2032-01-02T00:00:00.000Z');
    expect(await db.readAudit('c')).toEqual([]);
    expect(await db.auditChains()).toEqual(['c']);
    await db.appendAudit(entry('c', 7));
    const [next] = await db.readAudit('c');
    expect(next.seq).toBe(5);
    expect(next.prevHash).toBe(before[3].hash);
  });

  it('deletePartition removes every document of one partition and leaves the audit', async () => {
    await db.insert({ pk: 'c', id: 'case', kind: 'case', body: {} });
    await db.insert({ pk: 'c', id: 'vote:1', kind: 'vote', body: {} });
    await db.insert({ pk: 'c', id: 'job:x', kind: 'job', body: {} });
    await db.insert({ pk: 'd', id: 'case', kind: 'case', body: {} });
    await db.appendAudit(entry('c', 1));
    expect(await db.deletePartition('c')).toBe(3);
    expect(await db.get('c', 'case')).toBeNull();
    expect(await db.listPartition('c', 'vote')).toEqual([]);
    expect(await db.get('d', 'case')).not.toBeNull();
    expect(await db.readAudit('c')).toHaveLength(1);
    expect(await db.deletePartition('c')).toBe(0);
  });

  it('queries one level down (closure.at) for the retention sweep', async () => {
    await db.insert({ pk: 'x', id: 'case', kind: 'case', body: { status: 'closed', closure: { at: '2026-01-01T00:00:00.000Z' } } });
    await db.insert({ pk: 'y', id: 'case', kind: 'case', body: { status: 'closed', closure: { at: '2026-06-01T00:00:00.000Z' } } });
    await db.insert({ pk: 'z', id: 'case', kind: 'case', body: { status: 'open' } });
    const due = await db.query('case', [
      { field: 'status', op: '=', value: 'closed' },
      { field: 'closure.at', op: '<=', value: '2026-03-01T00:00:00.000Z' },
    ]);
    expect(due.map((d) => d.pk)).toEqual(['x']);
  });
});
