/**
 * @module nlp/syntax/train
 * Trains the tagger and the parser from treebank sentences, deterministically for a given seed
 * (the sentence order of each epoch is a seeded shuffle). The parser learns on gold tags.
 */
import { seededRandom } from '../../util/seeded-random.js';
import type { TreebankSentence } from './conllu.js';
import { relationId, relationInventory, UPOS_TAGS } from './labels.js';
import type { SyntaxModel } from './model-io.js';
import { ParseOutput, Parser } from './parser.js';
import { TrainablePerceptron } from './perceptron.js';
import { buildTagDictionary, Tagger, type TagDictionary } from './tagger.js';
import { rangesOf, WordHashes } from './words.js';
import { evaluateSyntax, type SyntaxScores } from './evaluate.js';

export interface TrainOptions {
  seed: number;
  taggerEpochs: number;
  parserEpochs: number;
  taggerBits: number;
  actionBits: number;
  labelBits: number;
  /** Rows whose largest averaged weight is below this are dropped from the shipped parser. */
  prune: number;
  /** The same for the tagger (smaller, and more sensitive to pruning). */
  taggerPrune: number;
  /** Probability of following the parser's own mistaken transition (after the first epoch). */
  explore: number;
  log: (line: string) => void;
  /** Folds for predicted-tag jackknifing of the parser's training data (0: train on gold tags). */
  jackknife: number;
  /** Parser feature templates (see Parser.featureSet). */
  featureSet: number;
  /** Sentences scored after each parser epoch (dev), or none. */
  dev?: readonly TreebankSentence[];
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  seed: 1,
  taggerEpochs: 6,
  parserEpochs: 10,
  taggerBits: 20,
  actionBits: 21,
  labelBits: 19,
  prune: 0.5,
  taggerPrune: 0.5,
  explore: 0.9,
  jackknife: 0,
  featureSet: 3,
  log: () => {},
};

interface Encoded {
  words: WordHashes;
  tags: Uint8Array;
  heads: Int32Array;
  labels: Int32Array;
}

export function trainSyntax(train: readonly TreebankSentence[], options: Partial<TrainOptions> = {}): SyntaxModel {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const tags = [...UPOS_TAGS] as string[];
  const relations = relationInventory(train.flatMap((s) => s.deprels));
  if (!relations.includes('dep')) relations.push('dep');
  const encoded: Encoded[] = train.map((s) => {
    const words = new WordHashes();
    words.fill(rangesOf(s.forms));
    const t = new Uint8Array(s.forms.length);
    for (let i = 0; i < s.forms.length; i++) {
      const id = tags.indexOf(s.upos[i]);
      t[i] = id < 0 ? tags.indexOf('X') : id;
    }
    return { words, tags: t, heads: s.heads, labels: Int32Array.from(s.deprels, (d) => relationId(relations, d)) };
  });
  const random = seededRandom(o.seed);
  const order = encoded.map((_, i) => i);
  const shuffle = () => {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
  };

  // Tagger.
  const dictionary = dictionaryOf(encoded);
  const taggerWeights = trainTagger(encoded, order, shuffle, tags, dictionary, o, o.dev);
  const taggerModel = taggerWeights.compact(o.taggerPrune);

  // The parser learns on tags as the tagger will predict them: each fold is tagged by a
  // tagger trained on the other folds (jackknifing), so tagging errors are seen in training.
  const parserTags = encoded.map((e) => e.tags);
  if (o.jackknife > 1) {
    for (let fold = 0; fold < o.jackknife; fold++) {
      const rest = encoded.filter((_, i) => i % o.jackknife !== fold);
      const restOrder = rest.map((_, i) => i);
      const restShuffle = () => {
        for (let i = restOrder.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [restOrder[i], restOrder[j]] = [restOrder[j], restOrder[i]];
        }
      };
      const foldDictionary = dictionaryOf(rest);
      const weights = trainTagger(rest, restOrder, restShuffle, tags, foldDictionary, { ...o, log: () => {} });
      const foldTagger = new Tagger(weights, tags, foldDictionary);
      let correct = 0;
      let total = 0;
      for (let i = fold; i < encoded.length; i += o.jackknife) {
        const predicted = new Uint8Array(encoded[i].words.length);
        foldTagger.tag(encoded[i].words, predicted);
        for (let w = 0; w < predicted.length; w++) if (predicted[w] === encoded[i].tags[w]) correct++;
        total += predicted.length;
        parserTags[i] = predicted;
      }
      o.log(`jackknife fold ${fold + 1}/${o.jackknife}: tag accuracy ${((100 * correct) / total).toFixed(2)}`);
    }
  }

  // Parser.
  const actionWeights = new TrainablePerceptron(o.actionBits, 3);
  const labelWeights = new TrainablePerceptron(o.labelBits, relations.length);
  const parser = new Parser(actionWeights, labelWeights, relations, tags.length, o.featureSet);
  const out = new ParseOutput();
  let model: SyntaxModel | null = null;
  const history: (SyntaxScores & { epoch: number })[] = [];
  for (let epoch = 0; epoch < o.parserEpochs; epoch++) {
    const t0 = performance.now();
    shuffle();
    let correct = 0;
    let total = 0;
    const learners = { actions: actionWeights, labels: labelWeights, explore: epoch === 0 ? 0 : o.explore, random };
    for (const i of order) {
      const e = encoded[i];
      correct += parser.parse(e.words, parserTags[i], out, { heads: e.heads, labels: e.labels }, learners);
      total += e.words.length;
    }
    let line = `parser epoch ${epoch + 1}: train UAS ${((100 * correct) / total).toFixed(2)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`;
    if (o.dev && (epoch >= o.parserEpochs - 3 || epoch % 2 === 1)) {
      model = { tags, relations, tagger: taggerModel, tagDictionary: dictionary, actions: actionWeights.compact(o.prune), labels: labelWeights.compact(o.prune), info: { featureSet: o.featureSet } };
      const s = evaluateSyntax(model, o.dev);
      history.push({ epoch: epoch + 1, ...s });
      line += ` dev UPOS ${s.upos.toFixed(2)} UAS ${s.uas.toFixed(2)} LAS ${s.las.toFixed(2)}`;
    }
    o.log(line);
  }
  return {
    tags,
    relations,
    tagger: taggerModel,
    actions: actionWeights.compact(o.prune),
    labels: labelWeights.compact(o.prune),
    tagDictionary: dictionary,
    info: {
      seed: o.seed,
      featureSet: o.featureSet,
      taggerEpochs: o.taggerEpochs,
      parserEpochs: o.parserEpochs,
      prune: o.prune,
      taggerPrune: o.taggerPrune,
      explore: o.explore,
      trainSentences: train.length,
      dev: history,
    },
  };
}

function trainTagger(
  encoded: readonly Encoded[],
  order: number[],
  shuffle: () => void,
  tags: readonly string[],
  dictionary: TagDictionary,
  o: TrainOptions,
  dev?: readonly TreebankSentence[],
): TrainablePerceptron {
  const weights = new TrainablePerceptron(o.taggerBits, tags.length);
  const tagger = new Tagger(weights, tags, dictionary);
  const scratch = new Uint8Array(1024);
  const devWords = new WordHashes();
  for (let epoch = 0; epoch < o.taggerEpochs; epoch++) {
    const t0 = performance.now();
    shuffle();
    let correct = 0;
    let total = 0;
    for (const i of order) {
      const e = encoded[i];
      correct += tagger.tag(e.words, scratch, e.tags, weights);
      total += e.words.length;
    }
    let line = `tagger epoch ${epoch + 1}: train acc ${((100 * correct) / total).toFixed(2)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`;
    if (dev) {
      const averaged = new Tagger(weights.compact(o.taggerPrune), tags, dictionary);
      let ok = 0;
      let n = 0;
      for (const s of dev) {
        devWords.fill(rangesOf(s.forms));
        averaged.tag(devWords, scratch);
        for (let i = 0; i < s.forms.length; i++) if (tags[scratch[i]] === s.upos[i]) ok++;
        n += s.forms.length;
      }
      line += ` dev UPOS ${((100 * ok) / n).toFixed(2)}`;
    }
    o.log(line);
  }
  return weights;
}

function dictionaryOf(encoded: readonly Encoded[]): TagDictionary {
  function* words() {
    for (const e of encoded) for (let i = 0; i < e.words.length; i++) yield { lower: e.words.lower[i], tag: e.tags[i] };
  }
  return buildTagDictionary(words());
}
