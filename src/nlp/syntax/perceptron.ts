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

/**
 * The shipped form: kept bucket ids, sorted, and their rows quantised to Int16 with one scale.
 * A model with many classes (tags, relations) has mostly zero weights in a row, so rows are held
 * sparse there — per row its non-zero classes and values (CSR) — which makes both the file and
 * the scoring loop several times smaller; a model with few classes (the transitions) keeps dense rows.
 */
export class CompactPerceptron implements Scorer {
  readonly classes: number;
  readonly bits: number;
  /** Sorted bucket ids of the kept rows. */
  readonly keys: Int32Array;
  /** Real weight = stored value / scale. */
  readonly scale: number;
  /** Dense rows (row r holds the weights of keys[r]: dense[r * classes + k]), or null when sparse. */
  readonly dense: Int16Array | null;
  /** Sparse rows: row r's entries are [start[r], start[r + 1]) of `cls` (class id) and `values`. */
  readonly start: Int32Array | null;
  readonly cls: Uint8Array | null;
  readonly values: Int16Array | null;
  /*
   * Scoring is bound by memory reads (a feature's bucket is a random place in megabytes of
   * weights), so the load builds layouts that read as few cache lines per feature as possible:
   * dense rows are spread over every bucket (`table`, bucket b at b * classes: one read);
   * sparse rows are packed, each as its length then (class << 16 | value) entries, with
   * `index` giving bucket → offset + 1 (0: no row): two reads instead of four.
   */
  private readonly table: Int16Array | null;
  private readonly index: Int32Array | null;
  private readonly packed: Int32Array | null;

  constructor(bits: number, classes: number, keys: Int32Array, scale: number, rows: { dense: Int16Array } | { start: Int32Array; cls: Uint8Array; values: Int16Array }) {
    this.bits = bits;
    this.classes = classes;
    this.keys = keys;
    this.scale = scale;
    if (classes > 256) throw new Error(`perceptron: ${classes} classes, at most 256 fit a row's class ids`);
    if ('dense' in rows) {
      this.dense = rows.dense;
      this.start = this.cls = this.values = null;
    } else {
      this.dense = null;
      this.start = rows.start;
      this.cls = rows.cls;
      this.values = rows.values;
    }
    if (this.dense) {
      const dense = this.dense;
      this.index = this.packed = null;
      const table = (this.table = new Int16Array((1 << bits) * classes));
      for (let r = 0; r < keys.length; r++) {
        const from = r * classes;
        const to = keys[r] * classes;
        for (let k = 0; k < classes; k++) table[to + k] = dense[from + k];
      }
    } else {
      const start = this.start!;
      const cls = this.cls!;
      const values = this.values!;
      this.table = null;
      this.index = new Int32Array(1 << bits);
      this.packed = new Int32Array(keys.length + values.length);
      let at = 0;
      for (let r = 0; r < keys.length; r++) {
        this.index[keys[r]] = at + 1;
        this.packed[at++] = start[r + 1] - start[r];
        for (let j = start[r]; j < start[r + 1]; j++) this.packed[at++] = (cls[j] << 16) | (values[j] & 0xffff);
      }
    }
  }

  /** Whether rows of this many classes are kept sparse. */
  static sparseFor(classes: number): boolean {
    return classes > 8;
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
    const dense = new Int16Array(kept.length * classes);
    for (let r = 0; r < kept.length; r++) {
      const base = kept[r] * classes;
      for (let k = 0; k < classes; k++) dense[r * classes + k] = Math.round(weights[base + k] * scale);
    }
    const keys = Int32Array.from(kept);
    if (!CompactPerceptron.sparseFor(classes)) return new CompactPerceptron(bits, classes, keys, scale, { dense });
    return new CompactPerceptron(bits, classes, keys, scale, sparseRows(dense, kept.length, classes));
  }

  score(feats: Int32Array, n: number, out: Float32Array): void {
    const c = this.classes;
    out.fill(0, 0, c);
    const table = this.table;
    if (table) {
      if (c === 3) {
        // The transitions, unrolled.
        let a = 0, b = 0, d = 0;
        for (let i = 0; i < n; i++) {
          const base = feats[i] * 3;
          a += table[base];
          b += table[base + 1];
          d += table[base + 2];
        }
        out[0] = a;
        out[1] = b;
        out[2] = d;
        return;
      }
      for (let i = 0; i < n; i++) {
        const base = feats[i] * c;
        for (let k = 0; k < c; k++) out[k] += table[base + k];
      }
      return;
    }
    const index = this.index!;
    const packed = this.packed!;
    for (let i = 0; i < n; i++) {
      const at = index[feats[i]];
      if (at === 0) continue;
      const end = at + packed[at - 1];
      for (let j = at; j < end; j++) {
        const e = packed[j];
        out[e >>> 16] += (e << 16) >> 16;
      }
    }
  }
}

/** CSR form of `rows` dense rows of `classes` values: only the non-zero ones. */
export function sparseRows(dense: Int16Array, rows: number, classes: number): { start: Int32Array; cls: Uint8Array; values: Int16Array } {
  let nonZero = 0;
  for (let i = 0; i < dense.length; i++) if (dense[i] !== 0) nonZero++;
  const start = new Int32Array(rows + 1);
  const cls = new Uint8Array(nonZero);
  const values = new Int16Array(nonZero);
  let j = 0;
  for (let r = 0; r < rows; r++) {
    start[r] = j;
    for (let k = 0; k < classes; k++) {
      const v = dense[r * classes + k];
      if (v !== 0) {
        cls[j] = k;
        values[j++] = v;
      }
    }
  }
  start[rows] = j;
  return { start, cls, values };
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
