/**
 * Accuracy of the shipped tagger and parser on the treebank test sets: UPOS, UAS, LAS on EWT
 * test, GUM test (gum-ccby-test + gum-ccbysa-test) and GUM's news documents alone.
 *
 *   npm run eval:syntax [-- --model PATH] [--dev]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntaxTestSets } from '../src/nlp/syntax/test-sets.js';
import { evaluateSyntax } from '../src/nlp/syntax/evaluate.js';
import { readModel } from '../src/nlp/syntax/model-io.js';
import { defaultModelPath } from '../src/nlp/syntax/load.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const treebank = join(root, '..', 'shared', 'treebank');
const args = process.argv.slice(2);
const modelAt = args.indexOf('--model');
const path = modelAt >= 0 ? args[modelAt + 1] : defaultModelPath();
if (!existsSync(treebank)) {
  console.error(`treebank not found at ${treebank}`);
  process.exit(1);
}
const model = readModel(path);
console.log(`model ${path}`);
console.log('set                     words    UPOS     UAS     LAS');
for (const set of syntaxTestSets(treebank, args.includes('--dev') ? 'dev' : 'test')) {
  const t0 = performance.now();
  const s = evaluateSyntax(model, set.sentences);
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `${set.name.padEnd(22)} ${String(s.words).padStart(6)}  ${s.upos.toFixed(2).padStart(6)}  ${s.uas.toFixed(2).padStart(6)}  ${s.las.toFixed(2).padStart(6)}   (${Math.round(s.words / seconds)} words/s)`,
  );
}
