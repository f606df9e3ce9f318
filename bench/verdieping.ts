/**
 * `npx tsx bench/verdieping.ts`: figures only, no assertions. A LARGE verdieping case (issue 14) on
 * both stores: how many bytes the case partition holds and how long the one bundle read
 * (`loadVerdieping` = `readPartition`) and the pure summary take.
 *
 * The large case: 4 persons with a safety-plan entry and an involvement each, 30 duiding versions with
 * every field at its 2,000-character maximum, 30 open questions at maximum length, 6 risk
 * instruments, 6 measures with 10 violations each. Environment: BENCH_READS (20).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AuditEntry } from '../src/domain/audit';
import { personRefs, summarizeVerdieping, type InfoRequest, type ReadingVersion, type RunningMeasure } from '../src/domain/verdieping';
import type { DocStore, NewDoc } from '../src/store/docstore';
import { openDocStore } from '../src/store/index';
import { commitVerdieping, creationAuditId, loadVerdieping, verdiepingDocs } from '../src/store/verdieping-store';
import { startCosmosServer } from '../test/helpers/cosmos-server';

const READS = Number(process.env.BENCH_READS ?? 20);
const CASE = 'bench-verdieping';
const T0 = Date.parse('2026-11-24T09:00:00.000Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const text = (n: number) => 'x'.repeat(n);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const persons = personRefs([
  { role: 'verdachte', age: 34 },
  { role: 'slachtoffer', age: 31 },
  { role: 'kind', age: 13 },
  { role: 'kind', age: 9 },
]);

function largeCase(): NewDoc[] {
  const docs: NewDoc[] = [];
  for (let v = 1; v <= 30; v++) {
    const r: ReadingVersion = {
      caseId: CASE,
      version: v,
      basedOn: v - 1,
      whatHappened: text(2000),
      worries: text(2000),
      protectiveFactors: text(2000),
      unknowns: text(2000),
      sharedGoal: text(2000),
      contributionIds: Array.from({ length: 20 }, (_, i) => `contrib:${at(i)}:${randomUUID()}`),
      proposedBy: { userId: randomUUID(), orgId: 'rvdk' },
      proposedAt: at(v),
      ...(v % 3 === 0 ? { confirmed: { userId: randomUUID(), at: at(v + 1) } } : {}),
    };
    docs.push(verdiepingDocs.reading(r));
  }
  for (let q = 0; q < 30; q++) {
    const req: InfoRequest = {
      id: `inforeq:${at(q)}:${randomUUID()}`,
      caseId: CASE,
      fromOrg: 'politie',
      askedBy: randomUUID(),
      toOrg: q % 2 ? 'rvdk' : 'vt',
      question: text(1000),
      whyNeeded: text(500),
      whatItChanges: text(500),
      status: 'open',
      askedAt: at(q),
    };
    docs.push(verdiepingDocs.infoRequest(req));
  }
  for (const p of persons) {
    docs.push(
      verdiepingDocs.safetyEntry({
        caseId: CASE,
        personRef: p.ref,
        holder: { orgId: 'rvdk', receivingPartyId: 'save' },
        measure: text(500),
        status: 'running',
        checkDate: '2026-12-01',
        updatedAt: at(0),
        updatedBy: { userId: randomUUID(), orgId: 'rvdk' },
      }),
      verdiepingDocs.involvement({
        caseId: CASE,
        personRef: p.ref,
        violenceForm: 'partner_violence',
        relationship: 'partner',
        spokenTo: { byOrg: 'shn', recordedAt: at(0) },
        wishes: text(300),
        informed: true,
        source: 'card',
        updatedAt: at(0),
      }),
    );
  }
  for (let i = 0; i < 6; i++) {
    docs.push(
      verdiepingDocs.riskAssessment({
        id: `risk:${at(i)}:${randomUUID()}`,
        caseId: CASE,
        instrument: 'B-SAFER',
        fromOrg: '3ro',
        requestedBy: { userId: randomUUID(), orgId: 'om' },
        requestedAt: at(i),
        status: 'completed',
        outcome: { level: 'medium', date: '2026-11-24', recordedAt: at(i + 1), recordedBy: randomUUID() },
      }),
    );
    const m: RunningMeasure = {
      id: `measure:${at(i)}:${randomUUID()}`,
      caseId: CASE,
      type: 'location_ban',
      holderOrg: 'om',
      until: '2027-02-24',
      note: text(300),
      createdAt: at(i),
      createdBy: { userId: randomUUID(), orgId: 'om' },
      violations: Array.from({ length: 10 }, (_, k) => ({
        id: `violation:${at(k)}:politie`,
        at: at(k),
        reportedAt: at(k),
        reportedBy: { userId: randomUUID(), orgId: 'politie' as const },
        note: text(500),
      })),
    };
    docs.push(verdiepingDocs.measure(m));
  }
  return docs;
}

async function run(name: string, db: DocStore): Promise<void> {
  const docs = largeCase();
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(JSON.stringify(d.body)), 0);
  const largest = Math.max(...docs.map((d) => Buffer.byteLength(JSON.stringify(d.body))));
  const w0 = performance.now();
  for (const doc of docs) {
    const audit: AuditEntry = { id: creationAuditId(doc), caseId: CASE, at: at(0), action: 'reading.proposed', actorId: 'bench' };
    await commitVerdieping(db, [{ doc, etag: null }], audit);
  }
  const writeMs = (performance.now() - w0) / docs.length;
  const reads: number[] = [];
  const sums: number[] = [];
  for (let i = 0; i < READS; i++) {
    const r0 = performance.now();
    const b = await loadVerdieping(db, CASE);
    reads.push(performance.now() - r0);
    const s0 = performance.now();
    summarizeVerdieping(
      {
        phase: null,
        deadline: at(360),
        persons,
        readings: b.readings.map((x) => x.body),
        safetyPlan: b.safetyPlan.map((x) => x.body),
        infoRequests: b.infoRequests.map((x) => x.body),
        riskAssessments: b.riskAssessments.map((x) => x.body),
        measures: b.measures.map((x) => x.body),
        involvements: b.involvements.map((x) => x.body),
      },
      { orgId: 'rvdk', chair: true },
      at(600),
    );
    sums.push(performance.now() - s0);
  }
  console.log(
    `${name}: ${docs.length} docs, ${(bytes / 1024).toFixed(0)} KiB in the partition (largest doc ${(largest / 1024).toFixed(1)} KiB); ` +
      `create+audit ${writeMs.toFixed(1)} ms/doc; bundle read p50 ${pct(reads, 50).toFixed(1)} ms p95 ${pct(reads, 95).toFixed(1)} ms; ` +
      `summary p50 ${pct(sums, 50).toFixed(2)} ms (${READS} reads)`,
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zsm-bench-verdieping-'));
  const sqlite = await openDocStore({
    store: 'sqlite',
    file: path.join(dir, 'bench.sqlite'),
    key: 'bench-store-encryption-key-0123456789abcdef',
  });
  try {
    await run('sqlite', sqlite);
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const s = await startCosmosServer();
  const cosmos = await openDocStore({
    store: 'cosmos',
    endpoint: s.endpoint,
    key: s.key,
    agent: s.agent,
    databaseId: `bench-${randomUUID()}`,
    containerId: 'docs',
  });
  try {
    await run('cosmos emulator', cosmos);
  } finally {
    await cosmos.close();
    await s.close();
  }
}

void main();
