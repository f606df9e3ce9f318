import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { applyKey, BUSY_TIMEOUT_MS, prepareStatements } from './connection';
import { SyncWrites, type WriteAnswer, type WriteCall } from './writes';

/**
 * The write thread of an on-disk SQLite store (write-thread.ts starts it, docs/decisions.md §76): its own
 * connection to the file, which the main thread has already opened, keyed and migrated. It takes the
 * writes that arrived while it was busy and commits them together (SyncWrites.runBatch), so SQLite's
 * synchronous page writes, encryption and checkpoints run beside the event loop, not on it.
 */
const Setup = z.object({ file: z.string().min(1), key: z.string().min(1), synchronous: z.enum(['NORMAL', 'FULL']) });
const setup = Setup.parse(workerData);
if (!parentPort) throw new Error('write-worker: not started as a worker thread');
const port = parentPort;

const db = new Database(setup.file, { timeout: BUSY_TIMEOUT_MS });
applyKey(db, setup.file, setup.key);
db.pragma(`synchronous = ${setup.synchronous}`);
const writes = new SyncWrites(db, prepareStatements(db));

/** Messages come from our own main thread (write-thread.ts), typed there; only the envelope is checked here. */
type Message = { id: number; call: WriteCall } | { close: true };
let queue: { id: number; call: WriteCall }[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const batch = queue;
  queue = [];
  if (batch.length === 0) return;
  let answers: WriteAnswer[];
  try {
    answers = writes.runBatch(batch.map((b) => b.call));
  } catch (e) {
    // The batch's own transaction failed (BEGIN or COMMIT: busy, disk full): none of it was written.
    const message = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: unknown }).code;
    answers = batch.map(() => ({ ok: false, error: { kind: 'error', message, ...(typeof code === 'string' ? { code } : {}) } }));
  }
  port.postMessage(batch.map((b, i) => ({ id: b.id, answer: answers[i] })));
}

port.on('message', (m: Message) => {
  if ('close' in m) {
    flush();
    db.close();
    port.close();
    return;
  }
  queue.push(m);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush); // after the messages already delivered: they join this batch
  }
});
