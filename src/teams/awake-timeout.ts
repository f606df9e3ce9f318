/**
 * Like setTimeout, but only time the process is awake counts: a stall of the event loop (a busy or
 * CPU-starved process) counts as at most two ticks. A deadline for "Teams did not answer" must not pass
 * while the answer sits unread in a socket of a stalled process; with a plain timer it did (a card
 * posted twice on a loaded machine). Returns the function that cancels it.
 */
export function awakeTimeout(ms: number, fire: () => void, tickMs = 250, now: () => number = Date.now): () => void {
  const tick = Math.max(1, Math.min(tickMs, ms));
  let awake = 0;
  let last = now();
  let timer: ReturnType<typeof setTimeout>;
  const step = (): void => {
    const t = now();
    awake += Math.min(Math.max(0, t - last), 2 * tick);
    last = t;
    if (awake >= ms) fire();
    else timer = setTimeout(step, Math.min(tick, ms - awake));
  };
  timer = setTimeout(step, tick);
  return () => clearTimeout(timer);
}
