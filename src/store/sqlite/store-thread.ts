import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isRead, type StoreCall } from './reads';
import { fromWireError, type Answer, type WriteValue } from './writes';

/** How many times a thread that had started may die within RESTART_WINDOW_MS before the store gives up. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;
/**
 * A turn that has collected calls for this long sends them without waiting for its end (decisions §81):
 * under load one turn handles a batch of answers for tens of milliseconds, and if its calls waited for
 * the end the two threads would take turns, each idle while the other works.
 */
export const SEND_AFTER_MS = 1;

type WorkerData = { file: string; key: string; synchronous: 'NORMAL' | 'FULL' };
type FromWorker = { ready: true } | { answers: { id: number; answer: Answer }[]; transactions: number };

/**
 * The main thread's side of the store thread (store-worker.ts, docs/decisions.md §76). The calls made
 * in one turn of the event loop go over as one message (a message has a fixed cost that a busy server
 * would otherwise pay per call), or sooner once the turn has collected them for SEND_AFTER_MS (§81), and
 * are answered in order. The thread holds the process open only while a call waits for its answer, so
 * an idle store never keeps a script alive.
 *
 * A thread that dies after it had started (a native crash, out of memory) fails the calls it held (their
 * outcome is unknown to the caller, as with a lost connection) and is started again, so the store does
 * not refuse everything until the process restarts; a thread that cannot start (wrong key, unreadable
 * file), or dies more than MAX_RESTARTS times in a minute, stops the store for good with its reason.
 */
export class StoreThread {
  private worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: WriteValue) => void; reject: (e: Error) => void }>();
  private outbox: { id: number; call: StoreCall }[] = [];
  private nextId = 1;
  /** When the first call now in the outbox was made (performance.now()). */
  private outboxSince = 0;
  /** Set once the store has stopped: every later call fails with it instead of waiting forever. */
  private stopped: Error | undefined;
  private closing = false;
  private exited!: Promise<void>;
  private readonly restartsAt: number[] = [];
  /** Calls sent and the messages they went in; writes sent and the transactions the thread committed them in; restarts (bench, tests). */
  readonly stats = { calls: 0, messages: 0, writes: 0, transactions: 0, restarts: 0 };

  constructor(
    private readonly setup: WorkerData,
    private readonly start: (data: WorkerData) => Worker = startWorker,
  ) {
    this.worker = this.attach(this.start(setup));
  }

  call(call: StoreCall): Promise<WriteValue> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (!isRead(call)) this.stats.writes++;
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    const answer = new Promise<WriteValue>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    const now = performance.now();
    if (this.outbox.length === 0) {
      this.outboxSince = now;
      setImmediate(() => this.send()); // finds the outbox empty if a later call already sent it
    }
    this.outbox.push({ id, call });
    if (now - this.outboxSince >= SEND_AFTER_MS) this.send();
    return answer;
  }

  /** Lets the calls already made finish, then closes the thread's connection. */
  async close(): Promise<void> {
    this.closing = true;
    if (!this.stopped) {
      this.send();
      this.worker.ref();
      this.worker.postMessage({ close: true });
    }
    await this.exited;
  }

  private attach(worker: Worker): Worker {
    let ready = false;
    worker.unref();
    worker.on('message', (m: FromWorker) => {
      if ('ready' in m) {
        ready = true;
        return;
      }
      this.stats.transactions += m.transactions;
      for (const { id, answer } of m.answers) {
        const p = this.pending.get(id);
        if (!p) continue;
        this.pending.delete(id);
        if (answer.ok) p.resolve(answer.value);
        else p.reject(fromWireError(answer.error));
      }
      if (this.pending.size === 0) worker.unref();
    });
    let failure: Error | undefined;
    worker.once('error', (e) => (failure = new Error(`SQLite store thread failed: ${e.message}`)));
    this.exited = new Promise((resolve) => {
      worker.once('exit', (code) => {
        const reason = failure ?? new Error(`SQLite store thread stopped (exit code ${code})`);
        if (this.closing || !ready || !this.mayRestart()) this.stop(reason);
        else this.restart(reason); // close() waits for the new thread's exit (this.exited is its own)
        resolve();
      });
    });
    return worker;
  }

  /** At most MAX_RESTARTS in RESTART_WINDOW_MS: a thread that dies at every start is not started forever. */
  private mayRestart(): boolean {
    const now = Date.now();
    while (this.restartsAt.length > 0 && this.restartsAt[0] <= now - RESTART_WINDOW_MS) this.restartsAt.shift();
    return this.restartsAt.length < MAX_RESTARTS;
  }

  /** The calls the dead thread held fail (their outcome is unknown); the ones not yet sent go to the new thread. */
  private restart(reason: Error): void {
    this.restartsAt.push(Date.now());
    this.stats.restarts++;
    const unsent = new Set(this.outbox.map((o) => o.id));
    for (const [id, p] of this.pending) {
      if (unsent.has(id)) continue;
      p.reject(reason);
      this.pending.delete(id);
    }
    this.worker = this.attach(this.start(this.setup));
    if (this.pending.size > 0) this.worker.ref();
    // The store has no logger of its own: a Node warning reaches stderr (the process log), without the reason's text.
    process.emitWarning(`SQLite store thread ended unexpectedly; started again (${this.stats.restarts} so far)`, 'StoreThreadRestart');
  }

  private send(): void {
    if (this.outbox.length === 0 || this.stopped) return;
    this.stats.calls += this.outbox.length;
    this.stats.messages++;
    this.worker.postMessage({ calls: this.outbox });
    this.outbox = [];
  }

  private stop(reason: Error): void {
    this.stopped ??= reason;
    for (const p of this.pending.values()) p.reject(this.stopped);
    this.pending.clear();
    this.outbox = [];
  }
}

/**
 * From TypeScript sources (tsx, Jest) the worker registers tsx's loader itself; a built copy (dist/)
 * runs the compiled .js beside this file.
 */
export function startWorker(workerData: WorkerData): Worker {
  const ext = extname(__filename);
  const entry = join(__dirname, `store-worker${ext}`);
  if (ext === '.js') return new Worker(entry, { workerData });
  const tsx = require.resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, workerData });
}
