/**
 * CI regression guard: the full default pipeline on the development gold set must keep the
 * F1 figures of test/eval/floors.json (which are only ever raised).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, readGold } from '../../src/eval/index.js';

const floors = JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as Record<'code' | 'root' | 'quad', number>;

describe('coder on test/gold/coder-dev.jsonl', () => {
  const report = evaluate(readGold(new URL('../gold/coder-dev.jsonl', import.meta.url).pathname));

  it.each(['code', 'root', 'quad'] as const)('F1 at the %s level stays at or above its floor', (level) => {
    expect(report.levels[level].f1).toBeGreaterThanOrEqual(floors[level]);
  });

  it('runs every record without a stage error', () => {
    expect(report.results.flatMap((r) => r.errors)).toEqual([]);
  });
});
