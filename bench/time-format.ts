/**
 * Time formatting before/after (issue 11, item 4): the luxon formatting the cards used (a zoned,
 * localised DateTime per call, plus two more for the CET/CEST check) against src/domain/local-time.ts
 * (one cached Intl.DateTimeFormat, parts memoised per minute). Distinct instants (no memo hits) and a
 * card's worth of repeated instants (what a re-render formats again).
 */
import { DateTime } from 'luxon';
import { performance } from 'node:perf_hooks';
import { formatAmsterdam } from '../src/domain/local-time';

const ZONE = 'Europe/Amsterdam';

/** The formatting as it was (src/cards/text.ts before this change), kept here only to measure against. */
function luxonFormatAmsterdam(iso: string): string {
  const at = DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE).setLocale('nl');
  const wall = (d: DateTime) => d.toFormat('yyyy-LL-dd HH:mm');
  const twice = wall(at.plus({ hours: 1 })) === wall(at) || wall(at.minus({ hours: 1 })) === wall(at);
  return at.toFormat('ccc d LLL HH:mm') + (twice ? (at.offset === 60 ? ' CET' : ' CEST') : '');
}

/** Warm-up on other instants (another year), so the memo holds none of the measured ones. */
const WARM = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 97 * 60_000).toISOString());

function timeIt(label: string, inputs: string[], fn: (s: string) => string): number {
  for (const s of WARM) fn(s);
  const t0 = performance.now();
  for (const s of inputs) fn(s);
  const us = ((performance.now() - t0) * 1000) / inputs.length;
  console.log(`   ${label.padEnd(44)} ${us.toFixed(2).padStart(8)} µs/call`);
  return us;
}

export function benchTimeFormat(): void {
  const base = Date.UTC(2026, 0, 1);
  // Distinct minutes across a year (both DST changes): every call misses the memo.
  const distinct = Array.from({ length: 3000 }, (_, i) => new Date(base + i * 175 * 60_000 + 7_000).toISOString());
  // A card's dozen times, rendered again and again.
  const card = distinct.slice(0, 12);
  const repeated = Array.from({ length: 3000 }, (_, i) => card[i % card.length]);
  const a = timeIt('luxon (before), distinct instants', distinct, luxonFormatAmsterdam);
  const b = timeIt('cached Intl (after), distinct instants', distinct, formatAmsterdam);
  const c = timeIt('luxon (before), a card re-rendered', repeated, luxonFormatAmsterdam);
  const d = timeIt('cached Intl + memo (after), a card re-rendered', repeated, formatAmsterdam);
  let mismatches = 0;
  for (const s of distinct) if (luxonFormatAmsterdam(s) !== formatAmsterdam(s)) mismatches++;
  console.log(
    `   speed-up: ${(a / b).toFixed(1)}× distinct, ${(c / d).toFixed(0)}× repeated; outputs differing from luxon: ${mismatches} of ${distinct.length}`,
  );
}
