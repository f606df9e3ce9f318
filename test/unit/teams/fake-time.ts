import type { TimeSource } from '../../../src/teams/rate-limit';

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A clock that only moves when the test says so; sleepers wake in time order (ties: in order of sleeping). */
export class FakeTime implements TimeSource {
  t = 0;
  private seq = 0;
  private sleepers: { at: number; seq: number; wake: () => void }[] = [];

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, wake }));
  }

  get sleeping(): number {
    return this.sleepers.length;
  }

  /** Move to `to`, waking every sleeper due on the way and letting what it triggers run. */
  async advanceTo(to: number): Promise<void> {
    await flush();
    for (;;) {
      this.sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.sleepers[0];
      if (!next || next.at > to) break;
      this.sleepers.shift();
      this.t = Math.max(this.t, next.at);
      next.wake();
      await flush();
    }
    this.t = Math.max(this.t, to);
    await flush();
  }
}

/** Deterministic PRNG (mulberry32) for reproducible "random" tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
