/**
 * CI guard on the shipped tagger and parser: UPOS, UAS and LAS on the EWT and GUM test sets
 * (../shared/treebank) must not fall below their floors. Issue 8 asks for UPOS ≥ 95, UAS ≥ 86,
 * LAS ≥ 82 on both; where the shipped model does not reach a target yet, its floor is the figure
 * the model does reach (a regression guard), never lower. Evaluation is deterministic, so the
 * figures are exact; they are printed by `npm run eval:syntax` and kept in docs/benchmarks.md.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateSyntax } from './evaluate.js';
import { syntaxAnalyzer } from './load.js';
import { syntaxTestSets } from './test-sets.js';

const treebank = fileURLToPath(new URL('../../../../shared/treebank', import.meta.url));
const present = existsSync(join(treebank, 'en_ewt-ud-test.conllu.gz'));
if (!present) console.warn(`syntax accuracy: skipped, the treebank is not at ${treebank}`);

/** Issue 8's targets. */
const TARGET = { upos: 95, uas: 86, las: 82 };
/** What data/syntax/en-ud.model.gz reaches (npm run eval:syntax, cut to two decimals), where below the target. */
const FLOORS: Record<string, { upos: number; uas: number; las: number }> = {
  'EWT test': { upos: 95.28, uas: 83.86, las: 80.17 },
  'GUM test': { upos: 96.16, uas: 82.99, las: 79.3 },
};

describe.skipIf(!present)('syntax model accuracy on the treebank test sets', () => {
  const sets = present ? syntaxTestSets(treebank, 'test').filter((s) => s.name in FLOORS) : [];
  for (const set of sets) {
    it(`${set.name}: UPOS, UAS and LAS at or above their floors`, () => {
      const scores = evaluateSyntax(syntaxAnalyzer(), set.sentences);
      const floor = FLOORS[set.name];
      for (const k of ['upos', 'uas', 'las'] as const) {
        // The target where the model meets it, otherwise the model's own figure.
        const bound = Math.min(TARGET[k], floor[k]);
        expect(scores[k], `${set.name} ${k}`).toBeGreaterThanOrEqual(bound);
      }
    });
  }
});
