import { cardBytes, takeWithinBudget } from '../../../src/cards/budget';
import { formatAmsterdam, timeLeft, truncate } from '../../../src/cards/text';

describe('takeWithinBudget', () => {
  const size = (s: string) => s.length;

  it('takes items in order while they fit, counting a separator per item', () => {
    expect(takeWithinBudget(['aaaa', 'bbbb', 'cccc'], 12, size)).toEqual({ taken: ['aaaa', 'bbbb'], omitted: 1, bytes: 12 });
    expect(takeWithinBudget(['aaaa', 'bbbb', 'cccc'], 18, size)).toEqual({ taken: ['aaaa', 'bbbb', 'cccc'], omitted: 0, bytes: 18 });
  });

  it('stops at the first item that does not fit, so only the tail is left out', () => {
    expect(takeWithinBudget(['aa', 'bbbbbbbbbb', 'c'], 8, size).taken).toEqual(['aa']);
  });

  it('respects a maximum count and an empty or negative budget', () => {
    expect(takeWithinBudget(['a', 'b', 'c'], 1000, size, 2)).toEqual({ taken: ['a', 'b'], omitted: 1, bytes: 6 });
    expect(takeWithinBudget(['a'], -5, size)).toEqual({ taken: [], omitted: 1, bytes: 0 });
    expect(takeWithinBudget([], 10, size)).toEqual({ taken: [], omitted: 0, bytes: 0 });
  });
});

describe('cardBytes', () => {
  it('counts the JSON as UTF-16, as Teams does', () => {
    expect(cardBytes({ a: 'é' })).toBe(Buffer.byteLength(JSON.stringify({ a: 'é' }), 'utf16le'));
    expect(cardBytes('😀')).toBe(8); // two quotes + a surrogate pair
    expect(cardBytes({ t: 'x'.repeat(100) })).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify({ t: 'x'.repeat(100) }), 'utf8'));
  });
});

describe('truncate', () => {
  it('leaves short text (trimmed) alone', () => {
    expect(truncate('  kort  ', 10)).toBe('kort');
  });

  it('cuts to the maximum including the ellipsis', () => {
    const out = truncate('a'.repeat(50), 10);
    expect(out).toBe(`${'a'.repeat(9)}…`);
    expect(out.length).toBe(10);
  });

  it('never splits a surrogate pair', () => {
    const out = truncate(`${'a'.repeat(8)}😀😀`, 10);
    expect(out).toBe(`${'a'.repeat(8)}…`);
  });
});

describe('Amsterdam time', () => {
  it('formats in winter and summer time', () => {
    expect(formatAmsterdam('2026-11-23T20:15:00Z')).toBe('ma 23 nov 21:15');
    expect(formatAmsterdam('2026-06-23T20:15:00.000Z')).toBe('di 23 jun 22:15');
  });

  it('computes the time left, and a passed termijn at the deadline itself', () => {
    expect(timeLeft('2026-11-24T01:15:00Z', new Date('2026-11-23T21:02:30Z'))).toEqual({ passed: false, hours: 4, minutes: 12 });
    expect(timeLeft('2026-11-24T01:15:00Z', new Date('2026-11-24T01:15:00Z'))).toEqual({ passed: true });
    expect(timeLeft('2026-11-24T01:15:00Z', new Date('2026-11-24T03:00:00Z'))).toEqual({ passed: true });
  });
});
