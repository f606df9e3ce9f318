import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isRead, type StoreCall } from './reads';
import { fromWireError, type Answer, type WriteValue } from './writes';

/**
 * The main thread's side of the store thread (store-worker.ts, docs/decisions.md §76). The calls made
 * in one turn of the event loop go over as one message (a message has a fixed cost that a busy server
 * would otherwise pay per call) and are answered in order. The thread holds the process open only while
 * a call waits for its answer, so an idle store never keeps a script alive.
 */
export class StoreThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: WriteValue) => void; reject: (e: Error) => void }>();
  private outbox: { id: number; call: StoreCall }[] = [];
  private nextId = 1;
  /** Set once the thread has stopped: every later call fails with it instead of waiting forever. */
  private stopped: Error | undefined;
  private readonly exited: Promise<void>;
  /** Calls sent and the messages they went in; writes sent and the transactions the thread committed them in (bench, tests). */
  readonly stats = { calls: 0, messages: 0, writes: 0, transactions: 0 };

  constructor(file: string, key: string, synchronous: 'NORMAL' | 'FULL') {
    this.worker = startWorker({ file, key, synchronous });
    this.worker.unref();
    this.worker.on('message', ({ answers, transactions }: { answers: { id: number; answer: Answer }[]; transactions: number }) => {
      this.stats.transactions += transactions;
      for (const { id, answer } of answers) {
        const p = this.pending.get(id);
        if (!p) continue;
        this.pending.delete(id);
        if (answer.ok) p.resolve(answer.value);
        else p.reject(fromWireError(answer.error));
      }
      if (this.pending.size === 0) this.worker.unref();
    });
    this.exited = new Promise((resolve) => {
      this.worker.once('error', (e) => this.stop(new Error(`SQLite store thread failed: ${e.message}`)));
      this.worker.once('exit', (code) => {
        this.stop(new Error(`SQLite store thread stopped (exit code ${code})`));
        resolve();
      });
    });
  }

  call(call: StoreCall): Promise<WriteValue> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (!isRead(call)) this.stats.writes++;
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    if (this.outbox.length === 0) setImmediate(() => this.send());
    this.outbox.push({ id, call });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** Lets the calls already made finish, then closes the thread's connection. */
  async close(): Promise<void> {
    if (!this.stopped) {
      this.send();
      this.worker.ref();
      this.worker.postMessage({ close: true });
    }
    await this.exited;
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
function startWorker(workerData: { file: string; key: string; synchronous: 'NORMAL' | 'FULL' }): Worker {
  const ext = extname(__filename);
  const entry = join(__dirname, `store-worker${ext}`);
  if (ext === '.js') return new Worker(entry, { workerData });
  const tsx = require.resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, workerData });
}
