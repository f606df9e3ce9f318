import { PreconditionFailedError } from './docstore';

/**
 * The one optimistic-concurrency loop: run `attempt` (read → decide → conditional write) again when
 * its conditional write lost to another writer (PreconditionFailedError), after a short random pause
 * so racing writers spread out. Any other error goes to the caller. After `attempts` lost races the
 * caller gets an Error naming `what` (ids only).
 */
export async function withEtagRetry<T>(
  what: string,
  attempt: () => Promise<T>,
  opts: { attempts?: number; maxPauseMs?: number } = {},
): Promise<T> {
  const attempts = opts.attempts ?? 20;
  const maxPause = opts.maxPauseMs ?? 20;
  for (let i = 0; i < attempts; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof PreconditionFailedError)) throw e;
      if (i < attempts - 1) await new Promise((r) => setTimeout(r, Math.random() * maxPause));
    }
  }
  throw new Error(`${what}: too much contention`);
}
