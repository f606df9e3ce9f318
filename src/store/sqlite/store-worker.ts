import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { applyKey, BUSY_TIMEOUT_MS, prepareStatements } from './connection';
import { isRead, SyncReads, type StoreCall } from './reads';
import { answerOf, SyncWrites, toWireError, type Answer, type WriteCall } from './writes';

/**
 * The store thread of an on-disk SQLite store (store-thread.ts starts it, docs/decisions.md §76): its
 * own connection to the file, which the main thread has already opened, keyed and migrated. It takes
 * the calls that arrived while it was busy, in order: each run of writes is committed together
 * (SyncWrites.runBatch), each read runs between them on the same connection, so its page cache stays
 * warm and SQLite's page reads, encryption, fsyncs and checkpoints run beside the event loop.
 */
const Setup = z.object({ file: z.string().min(1), key: z.string().min(1), synchronous: z.enum(['NORMAL', 'FULL']) });
const setup = Setup.parse(workerData);
if (!parentPort) throw new Error('store-worker: not started as a worker thread');
const port = parentPort;

const db = new Database(setup.file, { timeout: BUSY_TIMEOUT_MS });
applyKey(db, setup.file, setup.key);
db.pragma(`synchronous = ${setup.synchronous}`);
const statements = prepareStatements(db);
const writes = new SyncWrites(db, statements);
const reads = new SyncReads(db, statements);
// Started: a thread that dies from now on is started again (store-thread.ts); one that never got here is not.
parentPort.postMessage({ ready: true });

/** Calls come from our own main thread (store-thread.ts), in batches of what it sent in one turn. */
type Message = { calls: { id: number; call: StoreCall }[] } | { close: true };
let queue: { id: number; call: StoreCall }[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const todo = queue;
  queue = [];
  const out: { id: number; answer: Answer }[] = [];
  let transactions = 0;
  for (let i = 0; i < todo.length;) {
    const { id, call } = todo[i];
    if (isRead(call)) {
      out.push({ id, answer: answerOf(() => reads.run(call)) });
      i++;
      continue;
    }
    let j = i;
    while (j < todo.length && !isRead(todo[j].call)) j++;
    const run = todo.slice(i, j);
    const answers = commitTogether(run.map((c) => c.call as WriteCall));
    transactions++;
    run.forEach((c, k) => out.push({ id: c.id, answer: answers[k] }));
    i = j;
  }
  if (out.length > 0) port.postMessage({ answers: out, transactions });
}

function commitTogether(calls: WriteCall[]): Answer[] {
  try {
    return writes.runBatch(calls);
  } catch (e) {
    // The batch's own transaction failed (BEGIN or COMMIT: busy, disk full): none of it was written.
    const error = toWireError(e);
    return calls.map(() => ({ ok: false, error }));
  }
}

port.on('message', (m: Message) => {
  if ('close' in m) {
    flush();
    db.close();
    port.close();
    return;
  }
  for (const c of m.calls) queue.push(c);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush); // after the messages already delivered: their writes join this batch
  }
});
