/**
 * CI guard for cross-story clustering: precision and recall of "same event" on the labelled
 * pairs of real news-bench reports (test/cluster/same-event-pairs.jsonl) stay at or above
 * test/cluster/floors.json. Skips, with a message, when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureLinks, NEWS_BENCH, PAIRS } from '../../bench/cluster-links.js';
import { parsePairs } from '../../src/cluster/evaluate.js';

const floors = JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as { precision: number; recall: number };
const present = existsSync(NEWS_BENCH);
if (!present) console.warn(`cluster linking: skipped (${NEWS_BENCH} is absent)`);

describe('the labelled pairs', () => {
  it('hold both kinds, each report named by article and quoted words, notes short', () => {
    const pairs = parsePairs(readFileSync(PAIRS, 'utf8'), PAIRS);
    expect(pairs.filter((p) => p.same).length).toBeGreaterThanOrEqual(25);
    expect(pairs.filter((p) => !p.same).length).toBeGreaterThanOrEqual(25);
    for (const p of pairs) expect(p.a.article).not.toBe(p.b.article);
    for (const p of pairs) expect((p.note ?? '').length).toBeLessThanOrEqual(80);
  });
});

describe.skipIf(!present)('cross-story linking on real reports', () => {
  it('keeps precision and recall of "same event" at or above the floors', { timeout: 120_000 }, async () => {
    const scores = (await measureLinks())!;
    const missing = scores.unmatchedReports.map((r) => `${r.article} "${r.quote}"`).join('; ');
    expect(scores.unmatched, `labelled reports without a coded event: ${missing}`).toBeLessThanOrEqual(4);
    expect(scores.precision).toBeGreaterThanOrEqual(floors.precision);
    expect(scores.recall).toBeGreaterThanOrEqual(floors.recall);
  });
});
