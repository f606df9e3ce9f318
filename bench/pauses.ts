/**
 * Pauses of one process's main thread, per measured round (issue 11's p99): garbage-collection time by
 * kind (PerformanceObserver 'gc' entries: each one's duration is a pause of the main thread) and the
 * longest event-loop delay (perf_hooks' histogram). `take()` returns what happened since the last
 * `take()` and starts over, so a round's figures are its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import {
  constants,
  monitorEventLoopDelay,
  performance,
  PerformanceObserver,
  type EventLoopUtilization,
  type IntervalHistogram,
} from 'node:perf_hooks';

export interface Pauses {
  /** GC pause time, ms: young generation (scavenges) and the rest (mark-sweep, incremental marking steps, weak callbacks). */
  gcMinorMs: number;
  gcMajorMs: number;
  /** Full mark-sweep-compacts. */
  gcMajorN: number;
  /** Longest single GC pause, ms. */
  gcMaxMs: number;
  /** Longest event-loop delay, ms (a stall of the main thread, whatever its cause). */
  loopMaxMs: number;
  /** The main thread's busy time (event-loop utilisation: running, not waiting for I/O or a timer) and the time measured, ms. */
  loopBusyMs: number;
  loopWallMs: number;
}
export const noPauses = (): Pauses => ({ gcMinorMs: 0, gcMajorMs: 0, gcMajorN: 0, gcMaxMs: 0, loopMaxMs: 0, loopBusyMs: 0, loopWallMs: 0 });

/** Sums of several rounds: times add up, maxima stay maxima. */
export function addPauses(a: Pauses, b: Pauses): Pauses {
  return {
    gcMinorMs: a.gcMinorMs + b.gcMinorMs,
    gcMajorMs: a.gcMajorMs + b.gcMajorMs,
    gcMajorN: a.gcMajorN + b.gcMajorN,
    gcMaxMs: Math.max(a.gcMaxMs, b.gcMaxMs),
    loopMaxMs: Math.max(a.loopMaxMs, b.loopMaxMs),
    loopBusyMs: a.loopBusyMs + b.loopBusyMs,
    loopWallMs: a.loopWallMs + b.loopWallMs,
  };
}

export class PauseMeter {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private acc = noPauses();
  private elu: EventLoopUtilization = performance.eventLoopUtilization();
  private readonly observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind; // GC entries carry their kind here
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) this.acc.gcMinorMs += e.duration;
      else this.acc.gcMajorMs += e.duration;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) this.acc.gcMajorN++;
      this.acc.gcMaxMs = Math.max(this.acc.gcMaxMs, e.duration);
    }
  });
  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
    this.loop.enable();
  }
  take(): Pauses {
    const elu = performance.eventLoopUtilization(this.elu);
    this.elu = performance.eventLoopUtilization();
    const loopMaxMs = this.loop.count > 0 ? this.loop.max / 1e6 : 0;
    const out = { ...this.acc, loopMaxMs, loopBusyMs: elu.active, loopWallMs: elu.active + elu.idle };
    this.acc = noPauses();
    this.loop.reset();
    return out;
  }
  stop(): void {
    this.observer.disconnect();
    this.loop.disable();
  }
}

/** This process's thread ids (Linux); empty where /proc is not there. */
export function threadIds(): string[] {
  try {
    return readdirSync('/proc/self/task');
  } catch {
    return [];
  }
}

/**
 * CPU time (µs) so far of some of this process's threads (default: the main thread), from Linux's
 * per-thread accounting (10 ms ticks: exact enough over a round of seconds); NaN where /proc is not
 * there. The rest of the process's CPU is its other threads: V8's GC and compiler helpers, libuv's pool.
 */
export function threadCpuUs(tids: readonly string[] = [String(process.pid)]): number {
  let ticks = 0;
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from the third field on (state, ppid, …)
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      return NaN;
    }
  }
  return (ticks * 1e6) / 100; // USER_HZ = 100 on Linux
}

/**
 * CPU time (ms, all CPUs) the hypervisor gave to others while this VM wanted to run ("steal", the eighth
 * figure of /proc/stat's cpu line) so far; NaN where /proc is not there. A round's share tells a stall of
 * the machine from one of ours.
 */
export function machineStealMs(): number {
  return machineCpuMs([8]);
}

/**
 * CPU time (ms, all CPUs) the machine had nothing to run so far (idle and iowait, the fifth and sixth
 * figures); NaN where /proc is not there. A round's share tells whether a side was bound by the CPU
 * or by waits (decisions §80).
 */
export function machineIdleMs(): number {
  return machineCpuMs([4, 5]);
}

function machineCpuMs(fields: readonly number[]): number {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
    return (fields.reduce((sum, i) => sum + Number(cpu[i]), 0) * 1000) / 100; // USER_HZ = 100 on Linux
  } catch {
    return NaN;
  }
}
