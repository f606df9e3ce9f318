/**
 * Closed-loop HTTP load client, run as a child process of the bench (so the clients do not share the
 * server's event loop). `concurrency` clients on keep-alive connections each send a request, wait for
 * the whole answer, and send the next, until `count` requests were answered. Bodies are taken in turn.
 *
 * Protocol (IPC): the parent sends a `LoadJob`, the child answers with a `LoadResult`; `{ stop: true }` ends it.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';

const loadJob = z.object({
  url: z.string().url(),
  bodies: z.array(z.string()).min(1),
  concurrency: z.number().int().positive(),
  count: z.number().int().positive(),
  /** A 200 answer counts as good only when its body contains this. */
  expect: z.string(),
});
export type LoadJob = z.infer<typeof loadJob>;

export interface LoadResult {
  latencies: number[];
  /** Response body bytes of every answered request. */
  bytes: number[];
  errors: number;
  elapsedMs: number;
}

function post(agent: http.Agent, url: URL, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * One keep-alive agent per server and concurrency, kept between jobs: a round's clients find their
 * connections open (a vote's time is not a TCP connect). Opening 50 connections at once cost some
 * of them a ~1 s SYN retry, which landed in the figures as a tail that had nothing to do with a vote.
 */
const agents = new Map<string, http.Agent>();
function agentFor(url: URL, concurrency: number): http.Agent {
  const key = `${url.host}|${concurrency}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, keepAliveMsecs: 60_000 });
    agents.set(key, agent);
  }
  return agent;
}

async function run(job: LoadJob): Promise<LoadResult> {
  const url = new URL(job.url);
  const agent = agentFor(url, job.concurrency);
  const latencies: number[] = [];
  const bytes: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < job.count) {
        const i = next++;
        const s = performance.now();
        try {
          const res = await post(agent, url, job.bodies[i % job.bodies.length]);
          latencies.push(performance.now() - s);
          bytes.push(Buffer.byteLength(res.text));
          if (res.status !== 200 || !res.text.includes(job.expect)) errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsedMs = performance.now() - t0;
  return { latencies, bytes, errors, elapsedMs };
}

process.on('message', (msg: unknown) => {
  if ((msg as { stop?: unknown }).stop === true) {
    process.exit(0);
  }
  const job = loadJob.parse(msg);
  void run(job).then((r) => process.send?.(r));
});
