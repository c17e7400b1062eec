/**
 * Rebuilds the shipped tagger and parser (data/syntax/en-ud.model.gz) from ../shared/treebank:
 * trains on EWT train + GUM train, reports EWT dev after the last epochs. Deterministic (seeded).
 *
 *   npm run train:syntax [-- --quick] [--seed N] [--tagger-epochs N] [--parser-epochs N] [--out PATH]
 *     [--limit N] [--action-bits B] [--label-bits B] [--tagger-bits B] [--prune W] [--tagger-prune W] [--jackknife K]
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConllu } from '../src/nlp/syntax/conllu.js';
import { writeModel } from '../src/nlp/syntax/model-io.js';
import { trainSyntax } from '../src/nlp/syntax/train.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const treebank = join(root, '..', 'shared', 'treebank');
const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const quick = args.includes('--quick');
if (!existsSync(treebank)) {
  console.error(`treebank not found at ${treebank}`);
  process.exit(1);
}
const t0 = performance.now();
// --limit N: only the first N training sentences (quick feature experiments).
const limit = Number(arg('--limit', '0'));
const allTrain = ['en_ewt-ud-train', 'gum-ccby-train', 'gum-ccbysa-train'].flatMap((f) => readConllu(join(treebank, `${f}.conllu.gz`)));
const train = limit > 0 ? allTrain.slice(0, limit) : allTrain;
const dev = readConllu(join(treebank, 'en_ewt-ud-dev.conllu.gz'));
console.log(`read ${train.length} training sentences, ${dev.length} dev sentences`);
const model = trainSyntax(train, {
  seed: Number(arg('--seed', '2')),
  taggerEpochs: Number(arg('--tagger-epochs', quick ? '2' : '6')),
  parserEpochs: Number(arg('--parser-epochs', quick ? '2' : '6')),
  prune: Number(arg('--prune', '1')),
  taggerPrune: Number(arg('--tagger-prune', '0.5')),
  jackknife: Number(arg('--jackknife', quick ? '0' : '4')),
  actionBits: Number(arg('--action-bits', '21')),
  labelBits: Number(arg('--label-bits', '19')),
  taggerBits: Number(arg('--tagger-bits', '20')),
  featureSet: Number(arg('--feature-set', '3')),
  dev,
  log: (line) => console.log(line),
});
const out = arg('--out', join(root, 'data', 'syntax', 'en-ud.model.gz'));
model.info.trainedOn = ['UD_English-EWT v2.16 train', 'UD_English-GUM v2.16 train (CC BY / CC BY-SA documents)'];
const bytes = writeModel(out, model);
const seconds = (performance.now() - t0) / 1000;
console.log(`wrote ${out}: ${(bytes / 1e6).toFixed(2)} MB (${statSync(out).size} bytes); rows tagger ${model.tagger.keys.length}, actions ${model.actions.keys.length}, labels ${model.labels.keys.length}; ${seconds.toFixed(0)} s`);
