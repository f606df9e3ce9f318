import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fromWireError, type WriteAnswer, type WriteCall, type WriteValue } from './writes';

/**
 * The main thread's side of the store's write thread (write-worker.ts, docs/decisions.md §76): every
 * write is posted as a message and answered in order. The worker holds the process open only while a
 * write is waiting for its answer, so a store that is idle never keeps a script alive.
 */
export class WriteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: WriteValue) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  /** Set once the thread has stopped: every later write fails with it instead of waiting forever. */
  private stopped: Error | undefined;
  private readonly exited: Promise<void>;
  /** Writes answered, and the batches (transactions) they came in: the bench prints both. */
  readonly stats = { writes: 0, batches: 0 };

  constructor(file: string, key: string, synchronous: 'NORMAL' | 'FULL') {
    this.worker = startWorker({ file, key, synchronous });
    this.worker.unref();
    this.worker.on('message', (answers: { id: number; answer: WriteAnswer }[]) => {
      this.stats.batches++;
      this.stats.writes += answers.length;
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
      this.worker.once('error', (e) => this.stop(new Error(`SQLite write thread failed: ${e.message}`)));
      this.worker.once('exit', (code) => {
        this.stop(new Error(`SQLite write thread stopped (exit code ${code})`));
        resolve();
      });
    });
  }

  write(call: WriteCall): Promise<WriteValue> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, call });
    });
  }

  /** Lets the writes already posted finish, then closes the thread's connection. */
  async close(): Promise<void> {
    if (!this.stopped) {
      this.worker.ref();
      this.worker.postMessage({ close: true });
    }
    await this.exited;
  }

  private stop(reason: Error): void {
    this.stopped ??= reason;
    for (const p of this.pending.values()) p.reject(this.stopped);
    this.pending.clear();
  }
}

/**
 * From TypeScript sources (tsx, Jest) the worker registers tsx's loader itself; a built copy (dist/)
 * runs the compiled .js beside this file.
 */
function startWorker(workerData: { file: string; key: string; synchronous: 'NORMAL' | 'FULL' }): Worker {
  const ext = extname(__filename);
  const entry = join(__dirname, `write-worker${ext}`);
  if (ext === '.js') return new Worker(entry, { workerData });
  const tsx = require.resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, workerData });
}
