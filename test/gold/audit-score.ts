/**
 * Prints the figures of the hand-checked real-news audit (test/gold/audit-news.jsonl): 50 events
 * drawn by test/gold/audit-draw.ts, each judged by hand for a real event, its root, source and
 * target (country or organization block) and its date. "Fully right" = a real event with the
 * right root, source and target. The judgements are a snapshot of the coder on the day of the
 * draw (see docs/benchmarks.md); redraw and rejudge after coder changes.
 *
 *   npx tsx test/gold/audit-score.ts [file]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Judged {
  n: number;
  article: string;
  coded: { code: string; source: string | null; target: string | null; date: string | null };
  judged: { real: boolean; root: boolean; source: boolean; target: boolean; date: boolean; note: string };
  excerpt: string;
}

export interface AuditFigures {
  events: number;
  real: number;
  root: number;
  source: number;
  target: number;
  fullyRight: number;
  dates: number;
}

export function scoreAudit(records: Judged[]): AuditFigures {
  const count = (test: (r: Judged) => boolean) => records.filter(test).length;
  return {
    events: records.length,
    real: count((r) => r.judged.real),
    root: count((r) => r.judged.real && r.judged.root),
    source: count((r) => r.judged.source),
    target: count((r) => r.judged.target),
    fullyRight: count((r) => r.judged.real && r.judged.root && r.judged.source && r.judged.target),
    dates: count((r) => r.judged.date),
  };
}

function main(): void {
  const file = process.argv[2] ?? join(import.meta.dirname, 'audit-news.jsonl');
  const records = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Judged);
  const f = scoreAudit(records);
  const pct = (n: number) => `${n}/${f.events} (${((100 * n) / f.events).toFixed(0)} %)`;
  console.log(`real-news audit: ${f.events} events`);
  console.log(`  fully right (real event, root, source, target): ${pct(f.fullyRight)}   target >= 75 %`);
  console.log(`  dates right:                                    ${pct(f.dates)}   target >= 85 %`);
  console.log(`  real events ${pct(f.real)}, right root ${pct(f.root)}, right source ${pct(f.source)}, right target ${pct(f.target)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
