import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Group fsync of the write-ahead log, off the event loop (docs/decisions.md §24).
 *
 * With `synchronous = NORMAL` SQLite writes a commit into the WAL (the OS page cache) and does not
 * fsync it. `durable()` is awaited after every write transaction: it resolves once an fsync of the WAL
 * file that STARTED AFTER the write has finished. The fsync runs on libuv's thread pool, so the event
 * loop keeps serving; all writes that arrive while one fsync runs share the next one (group commit).
 * An fsync on any descriptor of a file flushes all its dirty pages (Linux, macOS with F_FULLFSYNC
 * aside), so SQLite's own descriptor's writes are covered.
 */
export class WalSync {
  private handle: FileHandle | undefined;
  private opening: Promise<FileHandle | undefined> | undefined;
  /** The fsync under way, and the one the writes that arrived meanwhile wait for. */
  private running: Promise<void> | undefined;
  private next: Promise<void> | undefined;
  private closed = false;
  /** fsyncs done and writes that waited for one (the bench and tests read these). */
  readonly stats = { syncs: 0, writes: 0 };

  constructor(private readonly dbFile: string) {}

  /** Resolves when everything written before this call is on disk. */
  durable(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.stats.writes++;
    if (!this.running) {
      this.running = this.syncOnce().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    // An fsync is under way but may have started before this write: wait for the one after it.
    if (!this.next) {
      const after = (): Promise<void> => {
        this.next = undefined;
        return this.durable0();
      };
      this.next = this.running.then(after, after);
    }
    return this.next;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.next?.catch(() => undefined);
    await this.running?.catch(() => undefined);
    await this.handle?.close();
    this.handle = undefined;
  }

  /** Start the fsync the waiting writes share (not counted as a write of its own). */
  private durable0(): Promise<void> {
    if (this.running) {
      const again = (): Promise<void> => this.durable0();
      return this.running.then(again, again);
    }
    this.running = this.syncOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async syncOnce(): Promise<void> {
    const h = await this.wal();
    if (!h) return;
    await h.sync();
    this.stats.syncs++;
  }

  /** The -wal file exists from the first write on (and stays while the database is open). */
  private async wal(): Promise<FileHandle | undefined> {
    if (this.handle) return this.handle;
    this.opening ??= (async () => {
      try {
        const h = await open(`${this.dbFile}-wal`, 'r');
        // Its directory entry too, once: a WAL file created just before a power loss must still be found.
        const dir = await open(dirname(this.dbFile), 'r');
        try {
          await dir.sync();
        } finally {
          await dir.close();
        }
        this.handle = h;
        return h;
      } catch (e) {
        if ((e as { code?: unknown }).code === 'ENOENT') return undefined;
        throw e;
      } finally {
        this.opening = undefined;
      }
    })();
    return this.opening;
  }
}
