/**
 * @module nlp/syntax/tagger
 * Greedy left-to-right UPOS tagger: an averaged perceptron over word, affix, shape and context
 * features (Collins 2002 style), with the two previous predicted tags as features.
 */
import { finish, mix } from './hash.js';
import { argmax, type Scorer, type TrainablePerceptron } from './perceptron.js';
import { PAD_END, PAD_START, WordHashes } from './words.js';

export const TAGGER_FEATURES = 34;

/**
 * The tags each frequent training word was seen with, as a bit mask per lower-cased word hash
 * ("ambiguity classes"): "that" → DET|PRON|SCONJ, "close" → ADJ|ADV|VERB. A word's own class and
 * its neighbours' are features, which gives the greedy tagger a look at the right context.
 */
export type TagDictionary = Map<number, number>;

/** Builds the dictionary: words seen `minCount` times, tags making up at least `minShare` of them. */
export function buildTagDictionary(words: Iterable<{ lower: number; tag: number }>, minCount = 3, minShare = 0.02): TagDictionary {
  const counts = new Map<number, Map<number, number>>();
  for (const { lower, tag } of words) {
    let m = counts.get(lower);
    if (!m) counts.set(lower, (m = new Map()));
    m.set(tag, (m.get(tag) ?? 0) + 1);
  }
  const dict: TagDictionary = new Map();
  for (const [lower, m] of counts) {
    let total = 0;
    for (const c of m.values()) total += c;
    if (total < minCount) continue;
    let mask = 0;
    for (const [tag, c] of m) if (c / total >= minShare) mask |= 1 << tag;
    dict.set(lower, mask);
  }
  return dict;
}

export class Tagger {
  readonly model: Scorer;
  readonly tags: readonly string[];
  private readonly mask: number;
  private readonly feats = new Int32Array(TAGGER_FEATURES);
  private readonly scores: Float32Array;
  /** Null for models trained without one (their features stop at template 26). */
  private readonly dictionary: TagDictionary | null;
  private ambiguity = new Int32Array(256);

  constructor(model: Scorer & { bits: number }, tags: readonly string[], dictionary: TagDictionary | null) {
    this.model = model;
    this.tags = tags;
    this.dictionary = dictionary;
    this.mask = (1 << model.bits) - 1;
    this.scores = new Float32Array(tags.length);
  }

  /** Tags the words of `w` into `out` (tag ids). With `gold` and a trainable model, learns as it goes. */
  tag(w: WordHashes, out: Uint8Array, gold?: Uint8Array, learner?: TrainablePerceptron): number {
    const n = w.length;
    let correct = 0;
    if (this.ambiguity.length < n) this.ambiguity = new Int32Array(n * 2);
    // Unknown words get class -1 (distinct from any mask).
    const dictionary = this.dictionary;
    if (dictionary) for (let i = 0; i < n; i++) this.ambiguity[i] = dictionary.get(w.lower[i]) ?? -1;
    for (let i = 0; i < n; i++) {
      const k = this.features(w, out, i);
      this.model.score(this.feats, k, this.scores);
      const guess = argmax(this.scores, this.tags.length);
      if (gold && learner) {
        learner.update(this.feats, k, gold[i], guess);
        out[i] = gold[i];
      } else {
        out[i] = guess;
      }
      if (gold && guess === gold[i]) correct++;
    }
    return correct;
  }

  private features(w: WordHashes, tags: Uint8Array, i: number): number {
    const n = w.length;
    const f = this.feats;
    const m = this.mask;
    const none = this.tags.length;
    const t1 = i > 0 ? tags[i - 1] : none;
    const t2 = i > 1 ? tags[i - 2] : none + 1;
    const lowerPrev = i > 0 ? w.lower[i - 1] : PAD_START;
    const lowerPrev2 = i > 1 ? w.lower[i - 2] : PAD_START;
    const lowerNext = i + 1 < n ? w.lower[i + 1] : PAD_END;
    const lowerNext2 = i + 2 < n ? w.lower[i + 2] : PAD_END;
    const suffixPrev = i > 0 ? w.suffix3[i - 1] : PAD_START;
    const suffixNext = i + 1 < n ? w.suffix3[i + 1] : PAD_END;
    const shapeNext = i + 1 < n ? w.shape[i + 1] : PAD_END;
    const lower = w.lower[i];
    const amb = this.ambiguity;
    const a0 = amb[i];
    const aPrev = i > 0 ? amb[i - 1] : -2;
    const aNext = i + 1 < n ? amb[i + 1] : -3;
    const aNext2 = i + 2 < n ? amb[i + 2] : -3;
    let k = 0;
    f[k++] = finish(mix(1, 0)) & m;
    f[k++] = finish(mix(2, lower)) & m;
    f[k++] = finish(mix(3, w.form[i])) & m;
    f[k++] = finish(mix(4, w.suffix1[i])) & m;
    f[k++] = finish(mix(5, w.suffix2[i])) & m;
    f[k++] = finish(mix(6, w.suffix3[i])) & m;
    f[k++] = finish(mix(7, w.suffix4[i])) & m;
    f[k++] = finish(mix(8, w.prefix1[i])) & m;
    f[k++] = finish(mix(9, w.prefix2[i])) & m;
    f[k++] = finish(mix(10, w.prefix3[i])) & m;
    f[k++] = finish(mix(11, w.shape[i])) & m;
    f[k++] = finish(mix(12, t1)) & m;
    f[k++] = finish(mix(mix(13, t1), t2)) & m;
    f[k++] = finish(mix(mix(14, t1), lower)) & m;
    f[k++] = finish(mix(15, lowerPrev)) & m;
    f[k++] = finish(mix(16, suffixPrev)) & m;
    f[k++] = finish(mix(17, lowerPrev2)) & m;
    f[k++] = finish(mix(18, lowerNext)) & m;
    f[k++] = finish(mix(19, suffixNext)) & m;
    f[k++] = finish(mix(20, lowerNext2)) & m;
    f[k++] = finish(mix(mix(21, lowerPrev), lower)) & m;
    f[k++] = finish(mix(mix(22, lower), lowerNext)) & m;
    f[k++] = finish(mix(mix(23, t1), lowerNext)) & m;
    f[k++] = finish(mix(mix(24, i === 0 ? 1 : 0), w.shape[i])) & m;
    f[k++] = finish(mix(25, shapeNext)) & m;
    f[k++] = finish(mix(mix(26, t1), w.suffix3[i])) & m;
    if (!this.dictionary) return k;
    f[k++] = finish(mix(27, a0)) & m;
    f[k++] = finish(mix(28, aNext)) & m;
    f[k++] = finish(mix(29, aNext2)) & m;
    f[k++] = finish(mix(mix(30, t1), a0)) & m;
    f[k++] = finish(mix(mix(31, a0), aNext)) & m;
    f[k++] = finish(mix(mix(32, lower), aNext)) & m;
    f[k++] = finish(mix(mix(mix(33, t1), a0), aNext)) & m;
    f[k++] = finish(mix(mix(34, aPrev), a0)) & m;
    return k;
  }
}
