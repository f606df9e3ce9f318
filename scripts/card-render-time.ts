/**
 * Render time of the case card for a typical and a large case (docs/decisions.md section 28).
 * Usage: npx tsx scripts/card-render-time.ts [iterations]. Prints median and p95 per build in µs.
 */
import { buildCaseCard } from '../src/cards/case-card';
import { buildAgendaCard } from '../src/cards/agenda-card';
import { cardBytes } from '../src/cards/budget';
import { agendaItem, agendaView, largeView, typicalView } from '../test/unit/cards/fixtures';

const n = Number(process.argv[2] ?? 300);

function measure(name: string, build: () => unknown): void {
  for (let i = 0; i < 20; i++) build(); // warm up (template parse, JIT)
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    bytes = cardBytes(build());
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]?.toFixed(0);
  console.log(`${name.padEnd(28)} median ${at(0.5)} µs  p95 ${at(0.95)} µs  (${bytes} bytes UTF-16, n=${n})`);
}

measure('case card, typical', () => buildCaseCard(typicalView()));
measure('case card, large (chair)', () => buildCaseCard({ ...largeView(), viewerIsChair: true }));
measure('agenda, 3 cases', () => buildAgendaCard(agendaView()));
measure('agenda, 200 cases', () => buildAgendaCard(agendaView({ items: Array.from({ length: 200 }, (_, i) => agendaItem(i)) })));
