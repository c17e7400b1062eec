/**
 * @module nlp/syntax/perceptron
 * Averaged multi-class perceptron over hashed features. A feature is a bucket index (its hash
 * masked to `bits` bits); each bucket holds one weight per class, contiguous, so scoring a
 * feature touches one short row. Training keeps dense rows for every bucket; the shipped model
 * keeps only the rows that survived pruning, quantised to 16 bits ({@link CompactPerceptron}).
 */

/** What the tagger and parser need from a model: add the rows of the active features. */
export interface Scorer {
  readonly classes: number;
  /** Writes the score of every class for features `feats[0..n)` into `out`. */
  score(feats: Int32Array, n: number, out: Float32Array): void;
}

/** Trainable weights. Averaging uses the "w − u/c" trick: two arrays instead of three. */
export class TrainablePerceptron implements Scorer {
  readonly classes: number;
  readonly bits: number;
  readonly weights: Float32Array;
  private readonly stamped: Float32Array;
  private clock = 1;

  constructor(bits: number, classes: number) {
    this.bits = bits;
    this.classes = classes;
    this.weights = new Float32Array((1 << bits) * classes);
    this.stamped = new Float32Array((1 << bits) * classes);
  }

  score(feats: Int32Array, n: number, out: Float32Array): void {
    const c = this.classes;
    const w = this.weights;
    out.fill(0, 0, c);
    for (let i = 0; i < n; i++) {
      const row = feats[i] * c;
      for (let k = 0; k < c; k++) out[k] += w[row + k];
    }
  }

  /** Moves weight from the predicted class to the gold one for the given features. */
  update(feats: Int32Array, n: number, gold: number, predicted: number): void {
    this.clock += 1;
    if (gold === predicted) return;
    const c = this.classes;
    const t = this.clock;
    for (let i = 0; i < n; i++) {
      const row = feats[i] * c;
      this.weights[row + gold] += 1;
      this.stamped[row + gold] += t;
      this.weights[row + predicted] -= 1;
      this.stamped[row + predicted] -= t;
    }
  }

  /** Counts an example without an update (keeps the averaging clock honest). */
  tick(): void {
    this.clock += 1;
  }

  /** Averaged weights (a new array; training can go on afterwards). */
  averaged(): Float32Array {
    const out = new Float32Array(this.weights.length);
    const c = this.clock;
    for (let i = 0; i < out.length; i++) out[i] = this.weights[i] - this.stamped[i] / c;
    return out;
  }

  /** A compact copy of the averaged weights: rows whose largest weight is below `minWeight` are dropped. */
  compact(minWeight: number): CompactPerceptron {
    return CompactPerceptron.fromDense(this.averaged(), this.bits, this.classes, minWeight);
  }
}

/** The shipped form: kept bucket ids, sorted, and their rows quantised to Int16 with one scale. */
export class CompactPerceptron implements Scorer {
  readonly classes: number;
  readonly bits: number;
  /** Sorted bucket ids of the kept rows. */
  readonly keys: Int32Array;
  /** Row r holds the weights of keys[r]: rows[r * classes + k]. */
  readonly rows: Int16Array;
  /** Real weight = rows[...] / scale. */
  readonly scale: number;
  /** Bucket → row + 1 (0: no row), built on load so a lookup is one array read. */
  private readonly index: Int32Array;

  constructor(bits: number, classes: number, keys: Int32Array, rows: Int16Array, scale: number) {
    this.bits = bits;
    this.classes = classes;
    this.keys = keys;
    this.rows = rows;
    this.scale = scale;
    this.index = new Int32Array(1 << bits);
    for (let r = 0; r < keys.length; r++) this.index[keys[r]] = r + 1;
  }

  static fromDense(weights: Float32Array, bits: number, classes: number, minWeight: number): CompactPerceptron {
    const buckets = 1 << bits;
    const kept: number[] = [];
    let max = 0;
    for (let b = 0; b < buckets; b++) {
      let rowMax = 0;
      for (let k = 0; k < classes; k++) rowMax = Math.max(rowMax, Math.abs(weights[b * classes + k]));
      if (rowMax >= minWeight && rowMax > 0) {
        kept.push(b);
        max = Math.max(max, rowMax);
      }
    }
    const scale = max > 0 ? 32767 / max : 1;
    const rows = new Int16Array(kept.length * classes);
    for (let r = 0; r < kept.length; r++) {
      const base = kept[r] * classes;
      for (let k = 0; k < classes; k++) rows[r * classes + k] = Math.round(weights[base + k] * scale);
    }
    return new CompactPerceptron(bits, classes, Int32Array.from(kept), rows, scale);
  }

  score(feats: Int32Array, n: number, out: Float32Array): void {
    const c = this.classes;
    const rows = this.rows;
    const index = this.index;
    out.fill(0, 0, c);
    for (let i = 0; i < n; i++) {
      const r = index[feats[i]];
      if (r === 0) continue;
      const base = (r - 1) * c;
      for (let k = 0; k < c; k++) out[k] += rows[base + k];
    }
  }
}

/** Index of the highest score among the first `n` entries, restricted by `allowed` when given. */
export function argmax(scores: Float32Array, n: number, allowed?: Uint8Array): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let k = 0; k < n; k++) {
    if (allowed && !allowed[k]) continue;
    if (scores[k] > bestScore) {
      bestScore = scores[k];
      best = k;
    }
  }
  return best;
}
