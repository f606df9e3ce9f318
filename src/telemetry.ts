/**
 * Traces, metrics and log correlation. Everything here goes through `@opentelemetry/api`, which does
 * nothing until an SDK is registered: locally and in tests no telemetry is sent and the Azure Monitor
 * distro is never loaded. With `APPLICATIONINSIGHTS_CONNECTION_STRING` set, `startTelemetry` loads
 * `@azure/monitor-opentelemetry` (lazily) before the HTTP stack is imported, so incoming requests,
 * outgoing Connector calls and Cosmos DB calls are traced automatically; the helpers below add job,
 * store and Teams spans and the counters the operations guide alerts on (docs/operations.md).
 *
 * Attributes are ids, types and counts only: never case text, names or card content.
 */
import { metrics, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import type { DocStore } from './store/docstore';

const SCOPE = 'zsm-hg-bot';

/**
 * Stable event names: logged as the `event` field and counted as metrics of the same name, so an
 * alert rule can use either (Log Analytics: `AppTraces | where Properties.event == "job.dead"`;
 * metrics: `customMetrics | where name == "zsm.job.dead"`).
 */
export const EVENTS = {
  /** A job gave up for good (permanent error or out of attempts): a card or message never arrived. */
  jobDead: 'job.dead',
  /** A turn was refused: no valid Bot Framework token, a tenant outside the allowlist. */
  turnRefused: 'turn.refused',
  /** Teams answered 429 (throttled) to a Connector call. */
  teamsThrottled: 'teams.throttled',
} as const;
export type EventName = (typeof EVENTS)[keyof typeof EVENTS];

/** Count an operational event (a no-op without a metrics SDK). */
export function countEvent(name: EventName, attributes: Attributes = {}): void {
  metrics.getMeter(SCOPE).createCounter(`zsm.${name}`).add(1, attributes);
}

/** Run `fn` in a span named `name` (ended and marked failed on an exception). */
export async function withSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  return trace.getTracer(SCOPE).startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (e) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: e instanceof Error ? e.name : 'error' });
      throw e;
    } finally {
      span.end();
    }
  });
}

/** A span the caller ends itself (where an extra await would change timing). */
export function startSpan(name: string, attributes: Attributes): Span {
  return trace.getTracer(SCOPE).startSpan(name, { attributes });
}

export { SpanStatusCode };

/** For pino's `mixin`: the active span's ids, so a log line can be joined with its trace. */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const ctx = trace.getActiveSpan()?.spanContext();
  if (!ctx || !trace.isSpanContextValid(ctx)) return {};
  return { trace_id: ctx.traceId, span_id: ctx.spanId };
}

export interface Telemetry {
  enabled: boolean;
  /** Flush and stop exporting (at shutdown). */
  shutdown(): Promise<void>;
}

/**
 * Start Azure Monitor export when a connection string is configured. Call it before importing the
 * host (express, http) so that the HTTP instrumentation can hook in.
 */
export async function startTelemetry(
  connectionString: string | undefined,
  opts: { cloudRole?: string; samplingRatio?: number } = {},
): Promise<Telemetry> {
  if (!connectionString) return { enabled: false, shutdown: async () => undefined };
  if (opts.cloudRole && !process.env.OTEL_SERVICE_NAME) process.env.OTEL_SERVICE_NAME = opts.cloudRole;
  const monitor = await import('@azure/monitor-opentelemetry');
  monitor.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    // Request bodies and headers are not recorded by these instrumentations; keep the noisy,
    // unused ones off. Azure SDK (Cosmos) and HTTP (requests, Connector calls) stay on.
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
    },
    enableLiveMetrics: false,
    // Share of traces kept (metrics and logs are never sampled); the job loop's idle polls are most of them.
    samplingRatio: opts.samplingRatio ?? 1,
  });
  return { enabled: true, shutdown: () => monitor.shutdownAzureMonitor() };
}

const STORE_OPS = ['get', 'insert', 'upsert', 'replace', 'delete', 'listPartition', 'query', 'commit'] as const;

/**
 * The store with a span per operation (`store.get`, `store.commit`, …) carrying the partition key
 * (a case id or a reserved key) and the document kind — never a body.
 */
export function tracedDocStore(db: DocStore): DocStore {
  const traced: Partial<Record<(typeof STORE_OPS)[number], unknown>> = {};
  const attrs = (op: string, args: unknown[]): Attributes => {
    const [a, b] = args;
    if (op === 'get' || op === 'delete') return { 'zsm.store': db.name, 'zsm.pk': String(a) };
    if (op === 'listPartition') return { 'zsm.store': db.name, 'zsm.pk': String(a), 'zsm.kind': String(b) };
    if (op === 'query') return { 'zsm.store': db.name, 'zsm.kind': String(a) };
    if (op === 'commit') return { 'zsm.store': db.name, 'zsm.ops': Array.isArray(a) ? a.length : 0 };
    const doc = a as { pk?: unknown; kind?: unknown } | undefined;
    return { 'zsm.store': db.name, 'zsm.pk': String(doc?.pk), 'zsm.kind': String(doc?.kind) };
  };
  for (const op of STORE_OPS) {
    const original = (db[op] as (...args: unknown[]) => Promise<unknown>).bind(db);
    traced[op] = (...args: unknown[]) => withSpan(`store.${op}`, attrs(op, args), () => original(...args));
  }
  return Object.assign(Object.create(db) as DocStore, traced, { name: db.name, close: () => db.close() });
}
