import { awakeTimeout } from '../../../src/teams/awake-timeout';

describe('awakeTimeout: a deadline that a stalled process does not use up', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-29T20:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  /** A stall: the wall clock moves on while no timer runs (the event loop is blocked). */
  const stall = (ms: number): void => {
    jest.setSystemTime(Date.now() + ms);
  };

  it('fires after the time when the process was awake throughout', () => {
    const fire = jest.fn();
    awakeTimeout(1000, fire, 100);
    jest.advanceTimersByTime(999);
    expect(fire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('does not fire once cancelled', () => {
    const fire = jest.fn();
    const cancel = awakeTimeout(300, fire, 100);
    jest.advanceTimersByTime(200);
    cancel();
    jest.advanceTimersByTime(10_000);
    expect(fire).not.toHaveBeenCalled();
  });

  it('a stall counts as at most two ticks, however long it lasts', () => {
    const fire = jest.fn();
    awakeTimeout(1000, fire, 100);
    jest.advanceTimersByTime(300); // awake 300
    stall(5000);
    jest.advanceTimersByTime(100); // the first tick after the stall sees 5,100 ms and counts 200: awake 500
    expect(fire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(499); // awake 900 (all of the stall: fired long ago; none of it: 100 ms later)
    expect(fire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('a deadline shorter than a tick fires on time', () => {
    const fire = jest.fn();
    awakeTimeout(40, fire, 250);
    jest.advanceTimersByTime(39);
    expect(fire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });
});

describe('awakeTimeout in a really stalled process', () => {
  it('a stall longer than the deadline does not use it up, where a plain timer fires', async () => {
    const fire = jest.fn();
    const plain = jest.fn();
    awakeTimeout(300, fire, 50);
    setTimeout(plain, 300); // (control) a plain timer started at the same moment
    const until = Date.now() + 1000;
    while (Date.now() < until) {
      /* the event loop is blocked: busy, or starved of CPU */
    }
    // Right after the stall the due timers run; then this check (setImmediate runs after the timers).
    await new Promise((r) => setTimeout(() => setImmediate(r), 0));
    expect(plain).toHaveBeenCalledTimes(1);
    expect(fire).not.toHaveBeenCalled(); // the stall counted as two ticks (100 ms) of 300
    await new Promise<void>((resolve) => {
      const poll = (): void => (fire.mock.calls.length > 0 ? resolve() : void setTimeout(poll, 10));
      poll();
    });
    expect(fire).toHaveBeenCalledTimes(1);
  });
});
