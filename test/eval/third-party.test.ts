/**
 * CI regression guard on third-party gold: every file of ../shared/gold/*.jsonl is scored with
 * the full default pipeline and must keep the figures of third-party-floors.json (which are only
 * ever raised). Skips, with a message, when ../shared is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluatePassages, readGoldFile } from '../../src/eval/index.js';

const GOLD_DIR = new URL('../../../shared/gold/', import.meta.url).pathname;
const floors = JSON.parse(readFileSync(new URL('./third-party-floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number>>;
const files = existsSync(GOLD_DIR) ? readdirSync(GOLD_DIR).filter((f) => f.endsWith('.jsonl')).sort() : [];

if (files.length === 0) {
  console.warn(`third-party gold: ${GOLD_DIR} is absent or holds no .jsonl file; skipping the third-party floors`);
}

describe.skipIf(files.length === 0)('coder on third-party gold (../shared/gold)', () => {
  it('has a floor for every gold file', () => {
    expect(files.filter((f) => floors[f] === undefined)).toEqual([]);
  });

  describe.each(files.filter((f) => floors[f] !== undefined))('%s', (file) => {
    const gold = readGoldFile(GOLD_DIR + file);
    const floor = floors[file];
    const figures: Record<string, number> = {};
    if (gold.kind === 'passages') {
      const report = evaluatePassages(gold.records);
      figures.root = report.rootRate;
      figures.code = report.codeRate;
    } else {
      const report = evaluate(gold.records);
      figures.code = report.levels.code.f1;
      figures.root = report.levels.root.f1;
      figures.quad = report.levels.quad.f1;
      figures.rootPrecision = report.levels.root.precision;
    }

    it.each(Object.keys(floor))('%s stays at or above its floor', (name) => {
      expect(figures[name], `${file}: ${name} ${figures[name]?.toFixed(3)} < floor ${floor[name]}`).toBeGreaterThanOrEqual(floor[name]);
    });
  });
});
