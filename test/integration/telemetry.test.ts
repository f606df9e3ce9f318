/**
 * Telemetry with a real OpenTelemetry SDK (in-memory exporter instead of Application Insights): the
 * real host handles an intake and posts the card; the job, store and Teams calls produce spans that
 * carry ids only, log lines written inside a span carry its trace id, and the stable event counters
 * count. Without an SDK (every other test, local runs) the same code sends nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { TEST_STORE_KEY } from '../helpers/stores';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { loadConfig } from '../../src/config';
import { startHost, type Host } from '../../src/host';
import { createLogger } from '../../src/log';
import { countEvent, EVENTS, startTelemetry } from '../../src/telemetry';
import { ConnectorStub } from '../helpers/connector-stub';
import { sampleIntake, testRoster, USERS } from '../helpers/fixtures';
import { channelActivity, postSignedCase, sendActivity, TEST_PSEUDONYM_KEY, TEST_SECRET, waitFor } from '../helpers/host';

const spans = new InMemorySpanExporter();
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 60_000 });
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const l of chunk.toString('utf8').split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
    done();
  },
});

describe('telemetry', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zsm-otel-'));
  const stub = new ConnectorStub();
  let host: Host;
  let base: string;

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
    await stub.start();
    const rosterFile = path.join(dir, 'roster.json');
    writeFileSync(rosterFile, JSON.stringify(testRoster()));
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dir,
      ROSTER_FILE: rosterFile,
      INTAKE_HMAC_SECRET: TEST_SECRET,
      PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
      STORE_ENCRYPTION_KEY: TEST_STORE_KEY,
      LOCAL_MODE: 'true',
      JOB_POLL_MS: '100',
    });
    host = await startHost(config, { log: createLogger('info', sink), traced: true });
    base = `http://127.0.0.1:${host.port}`;
  });
  afterAll(async () => {
    await host?.stop();
    await stub.stop();
    await reader.shutdown();
    trace.disable();
    metrics.disable();
    context.disable();
    rmSync(dir, { recursive: true, force: true });
  });

  it('without a connection string nothing is started', async () => {
    await expect(startTelemetry(undefined)).resolves.toMatchObject({ enabled: false });
    await expect(startTelemetry('')).resolves.toMatchObject({ enabled: false });
  });

  it('job, store and Teams spans carry ids only; logs inside a span carry its trace id', async () => {
    await sendActivity(base, channelActivity(stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }));
    const intake = sampleIntake();
    const res = await postSignedCase(base, intake);
    expect(res.status).toBe(201);
    const { caseId } = (await res.json()) as { caseId: string };
    await waitFor('case card posted', () => lines.find((l) => l.msg === 'case card posted' && l.caseId === caseId));
    // The job goes on after that line (it checks for a change made while it posted): its span ends when it returns.
    const isJob = (s: ReadableSpan) => s.name === 'job postCard' && s.attributes['zsm.case_id'] === caseId;
    await waitFor('job span ended', () => spans.getFinishedSpans().find(isJob));

    const finished = spans.getFinishedSpans();
    const job = finished.find(isJob);
    expect(job).toBeDefined();
    expect(job?.attributes).toEqual({ 'zsm.case_id': caseId, 'zsm.job_id': 'job:postCard', 'zsm.attempt': 1 });
    const traceId = job!.spanContext().traceId;
    // Inside the job's trace: store reads/writes and the Teams call.
    const inJob = finished.filter((s) => s.spanContext().traceId === traceId).map((s) => s.name);
    expect(inJob).toEqual(expect.arrayContaining(['store.get', 'teams create channel thread']));
    expect(finished.some((s) => s.name === 'store.commit')).toBe(true);

    // The log line the job wrote is joined to the job's trace.
    const posted = lines.find((l) => l.msg === 'case card posted' && l.caseId === caseId);
    expect(posted?.trace_id).toBe(traceId);
    expect(lines.find((l) => l.msg === 'zsm-hg-bot listening')?.trace_id).toBeUndefined();

    // Ids only: no case text in any span name or attribute.
    const everything = JSON.stringify(finished.map((s) => ({ name: s.name, attributes: s.attributes })));
    expect(everything).not.toContain(intake.summary.slice(0, 20));
    expect(everything).not.toContain(intake.externalId);
  });

  it('counts the stable events as zsm.<event> metrics', async () => {
    countEvent(EVENTS.jobDead, { type: 'postCard', why: 'permanent' });
    countEvent(EVENTS.teamsThrottled, { op: 'update card' });
    await reader.forceFlush();
    const names = metricExporter
      .getMetrics()
      .flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics.map((m) => ({ name: m.descriptor.name, points: m.dataPoints.length }))));
    expect(names).toEqual(
      expect.arrayContaining([
        { name: 'zsm.job.dead', points: 1 },
        { name: 'zsm.teams.throttled', points: 1 },
      ]),
    );
  });
});
