/**
 * @module nlp/syntax/parser
 * Greedy transition-based dependency parser: arc-hybrid transitions (Kuhlmann et al. 2011) with
 * the root at the end of the buffer, so that exactly one word attaches to it. One averaged
 * perceptron chooses the transition (SHIFT / LEFT / RIGHT) from Zhang & Nivre (2011) style
 * features; a second one labels each arc as it is made. Training follows the dynamic oracle of
 * Goldberg & Nivre (2013): the cost of a transition is the number of gold arcs it makes
 * unreachable, and the parser learns from its own mistakes by following its predictions.
 */
import { finish, mix } from './hash.js';
import { argmax, type Scorer, type TrainablePerceptron } from './perceptron.js';
import type { WordHashes } from './words.js';

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
const ACTIONS = 3;
const MAX_FEATURES = 128;

const NO_WORD = 0x6e6f6e65;
const ROOT_WORD = 0x726f6f74;

/** What training passes in for one sentence. */
export interface ParserGold {
  /** Gold head per word (0-based), -1 for the root. */
  heads: Int32Array;
  /** Gold relation id per word. */
  labels: Int32Array;
}

export interface ParserLearners {
  actions: TrainablePerceptron;
  labels: TrainablePerceptron;
  /** Probability of following the parser's own (wrong) choice instead of the oracle's. */
  explore: number;
  random: () => number;
}

/** Parse result buffers, reused across sentences (read them before the next call). */
export class ParseOutput {
  heads = new Int32Array(0);
  labels = new Int32Array(0);
  length = 0;
}

export class Parser {
  readonly actionModel: Scorer & { bits: number };
  readonly labelModel: Scorer & { bits: number };
  readonly relations: readonly string[];
  readonly tagCount: number;
  private readonly actionMask: number;
  private readonly labelMask: number;
  private readonly feats = new Int32Array(MAX_FEATURES);
  private readonly actionScores = new Float32Array(ACTIONS);
  private readonly labelScores: Float32Array;
  private readonly valid = new Uint8Array(ACTIONS);
  private readonly costs = new Int32Array(ACTIONS);
  // Configuration, sized to the longest sentence seen.
  private cap = 0;
  private stack = new Int32Array(0);
  private sp = 0;
  private b = 0;
  private n = 0;
  private inStack = new Uint8Array(0);
  private heads = new Int32Array(0);
  private labels = new Int32Array(0);
  private left1 = new Int32Array(0);
  private left2 = new Int32Array(0);
  private right1 = new Int32Array(0);
  private right2 = new Int32Array(0);
  private leftCount = new Int32Array(0);
  private rightCount = new Int32Array(0);
  private leftLabels = new Int32Array(0);
  private rightLabels = new Int32Array(0);
  private words!: WordHashes;
  private tags!: Uint8Array;

  /** 1: the first shipped feature templates; 2: with suffix templates (models that carry a tag dictionary); 3: with label-set, pair-distance and child-word templates. */
  readonly featureSet: number;

  constructor(actionModel: Scorer & { bits: number }, labelModel: Scorer & { bits: number }, relations: readonly string[], tagCount: number, featureSet = 3) {
    this.featureSet = featureSet;
    this.actionModel = actionModel;
    this.labelModel = labelModel;
    this.relations = relations;
    this.tagCount = tagCount;
    this.actionMask = (1 << actionModel.bits) - 1;
    this.labelMask = (1 << labelModel.bits) - 1;
    this.labelScores = new Float32Array(relations.length);
  }

  /**
   * Parses one sentence of `words` with tags `tags` into `out`. With `gold` and `learners` it
   * trains on the sentence instead and returns the number of correctly attached words.
   */
  parse(words: WordHashes, tags: Uint8Array, out: ParseOutput, gold?: ParserGold, learners?: ParserLearners): number {
    const n = words.length;
    this.reset(words, tags, n);
    const training = gold !== undefined && learners !== undefined;
    while (!(this.b === n && this.sp === 0)) {
      this.validActions();
      const k = this.actionFeatures();
      this.actionModel.score(this.feats, k, this.actionScores);
      const predicted = argmax(this.actionScores, ACTIONS, this.valid);
      let action = predicted;
      if (training) {
        this.actionCosts(gold.heads);
        let minCost = Infinity;
        for (let a = 0; a < ACTIONS; a++) if (this.valid[a] && this.costs[a] < minCost) minCost = this.costs[a];
        let best = -1;
        for (let a = 0; a < ACTIONS; a++) {
          if (this.valid[a] && this.costs[a] === minCost && (best < 0 || this.actionScores[a] > this.actionScores[best])) best = a;
        }
        if (this.costs[predicted] > minCost) {
          learners.actions.update(this.feats, k, best, predicted);
          action = learners.random() < learners.explore ? predicted : best;
        } else {
          learners.actions.tick();
        }
      }
      this.apply(action, gold, learners);
    }
    if (out.heads.length < n) {
      out.heads = new Int32Array(Math.max(n, 64));
      out.labels = new Int32Array(Math.max(n, 64));
    }
    out.length = n;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const h = this.heads[i];
      out.heads[i] = h === n ? -1 : h;
      out.labels[i] = this.labels[i];
      if (gold && out.heads[i] === gold.heads[i]) correct++;
    }
    return correct;
  }

  private reset(words: WordHashes, tags: Uint8Array, n: number): void {
    if (this.cap < n + 1) {
      const c = Math.max(n + 1, this.cap * 2, 64);
      this.cap = c;
      this.stack = new Int32Array(c);
      this.inStack = new Uint8Array(c);
      this.heads = new Int32Array(c);
      this.labels = new Int32Array(c);
      this.left1 = new Int32Array(c);
      this.left2 = new Int32Array(c);
      this.right1 = new Int32Array(c);
      this.right2 = new Int32Array(c);
      this.leftCount = new Int32Array(c);
      this.rightCount = new Int32Array(c);
      this.leftLabels = new Int32Array(c);
      this.rightLabels = new Int32Array(c);
    }
    this.words = words;
    this.tags = tags;
    this.n = n;
    this.sp = 0;
    this.b = 0;
    for (let i = 0; i <= n; i++) {
      this.inStack[i] = 0;
      this.heads[i] = -1;
      this.labels[i] = -1;
      this.left1[i] = -1;
      this.left2[i] = -1;
      this.right1[i] = -1;
      this.right2[i] = -1;
      this.leftCount[i] = 0;
      this.rightCount[i] = 0;
      this.leftLabels[i] = 0;
      this.rightLabels[i] = 0;
    }
  }

  private validActions(): void {
    const { sp, b, n } = this;
    this.valid[SHIFT] = b < n ? 1 : 0;
    this.valid[LEFT] = sp >= 1 && (b < n || sp === 1) ? 1 : 0;
    this.valid[RIGHT] = sp >= 2 ? 1 : 0;
  }

  /** Gold arcs each transition would make unreachable (Goldberg & Nivre 2013, arc-hybrid). */
  private actionCosts(goldHeads: Int32Array): void {
    const { sp, b, n, stack } = this;
    const goldHead = (i: number) => (goldHeads[i] < 0 ? n : goldHeads[i]);
    const s0 = sp > 0 ? stack[sp - 1] : -1;
    const s1 = sp > 1 ? stack[sp - 2] : -1;
    this.costs.fill(0);
    if (s0 >= 0) {
      let childrenInBuffer = 0;
      for (let d = b; d < n; d++) if (goldHead(d) === s0) childrenInBuffer++;
      const h = goldHead(s0);
      this.costs[LEFT] = childrenInBuffer + (h !== b && (h === s1 || h > b) ? 1 : 0);
      this.costs[RIGHT] = childrenInBuffer + (h !== s1 && h >= b ? 1 : 0);
    }
    if (b < n) {
      let cost = 0;
      const h = goldHead(b);
      if (h !== s0 && h < n && this.inStack[h]) cost++;
      for (let i = 0; i < sp; i++) if (goldHead(stack[i]) === b) cost++;
      this.costs[SHIFT] = cost;
    }
  }

  private apply(action: number, gold?: ParserGold, learners?: ParserLearners): void {
    if (action === SHIFT) {
      this.stack[this.sp++] = this.b;
      this.inStack[this.b] = 1;
      this.b++;
      return;
    }
    const dep = this.stack[--this.sp];
    this.inStack[dep] = 0;
    const head = action === LEFT ? this.b : this.stack[this.sp - 1];
    const k = this.labelFeatures(dep, head);
    this.labelModel.score(this.feats, k, this.labelScores);
    let label = argmax(this.labelScores, this.relations.length);
    if (gold && learners) {
      const goldLabel = gold.labels[dep];
      learners.labels.update(this.feats, k, goldLabel, label);
      label = goldLabel;
    }
    this.attach(dep, head, label);
  }

  private attach(dep: number, head: number, label: number): void {
    this.heads[dep] = head;
    this.labels[dep] = label;
    const bit = 1 << (label & 31);
    if (dep < head) {
      this.leftCount[head]++;
      this.leftLabels[head] |= bit;
      const l1 = this.left1[head];
      if (l1 < 0 || dep < l1) {
        this.left2[head] = l1;
        this.left1[head] = dep;
      } else if (this.left2[head] < 0 || dep < this.left2[head]) {
        this.left2[head] = dep;
      }
    } else {
      this.rightCount[head]++;
      this.rightLabels[head] |= bit;
      const r1 = this.right1[head];
      if (r1 < 0 || dep > r1) {
        this.right2[head] = r1;
        this.right1[head] = dep;
      } else if (this.right2[head] < 0 || dep > this.right2[head]) {
        this.right2[head] = dep;
      }
    }
  }

  // Feature writers: no closures, so that extracting features allocates nothing.
  private k = 0;
  private m = 0;
  private p1(t: number, a: number): void {
    this.feats[this.k++] = finish(mix(t, a)) & this.m;
  }
  private p2(t: number, a: number, c: number): void {
    this.feats[this.k++] = finish(mix(mix(t, a), c)) & this.m;
  }
  private p3(t: number, a: number, c: number, d: number): void {
    this.feats[this.k++] = finish(mix(mix(mix(t, a), c), d)) & this.m;
  }

  private word(i: number): number {
    return i < 0 ? NO_WORD : i === this.n ? ROOT_WORD : this.words.lower[i];
  }

  private suffix(i: number): number {
    return i < 0 ? NO_WORD : i === this.n ? ROOT_WORD : this.words.suffix3[i];
  }

  private tag(i: number): number {
    return i < 0 ? this.tagCount : i === this.n ? this.tagCount + 1 : this.tags[i];
  }

  private label(i: number): number {
    return i < 0 || i === this.n ? -2 : this.labels[i];
  }

  private actionFeatures(): number {
    const { sp, b, n, stack } = this;
    const m = this.actionMask;
    const s0 = sp > 0 ? stack[sp - 1] : -1;
    const s1 = sp > 1 ? stack[sp - 2] : -1;
    const s2 = sp > 2 ? stack[sp - 3] : -1;
    const b0 = b;
    const b1 = b + 1 <= n ? b + 1 : -1;
    const b2 = b + 2 <= n ? b + 2 : -1;
    const s0w = this.word(s0), s0t = this.tag(s0);
    const s1w = this.word(s1), s1t = this.tag(s1);
    const s2w = this.word(s2), s2t = this.tag(s2);
    const b0w = this.word(b0), b0t = this.tag(b0);
    const b1w = this.word(b1), b1t = this.tag(b1);
    const b2w = this.word(b2), b2t = this.tag(b2);
    const s0l1 = s0 >= 0 ? this.left1[s0] : -1;
    const s0l2 = s0 >= 0 ? this.left2[s0] : -1;
    const s0r1 = s0 >= 0 ? this.right1[s0] : -1;
    const s0r2 = s0 >= 0 ? this.right2[s0] : -1;
    const b0l1 = this.left1[b0];
    const b0l2 = this.left2[b0];
    const s1l1 = s1 >= 0 ? this.left1[s1] : -1;
    const s1r1 = s1 >= 0 ? this.right1[s1] : -1;
    const dist = s0 >= 0 ? bucketDistance(b0 - s0) : 0;
    const dist01 = s1 >= 0 ? bucketDistance(s0 - s1) : 0;
    const s0vl = s0 >= 0 ? this.leftCount[s0] : -1;
    const s0vr = s0 >= 0 ? this.rightCount[s0] : -1;
    const b0vl = this.leftCount[b0];
    const s0ll = s0 >= 0 ? this.leftLabels[s0] : -1;
    const s0rl = s0 >= 0 ? this.rightLabels[s0] : -1;
    const b0ll = this.leftLabels[b0];
    const s0wt = mix(s0w, s0t), s1wt = mix(s1w, s1t), b0wt = mix(b0w, b0t), b1wt = mix(b1w, b1t);
    this.k = 0;
    this.m = m;
    this.p1(1, 0);
    // Single words.
    this.p1(2, s0w); this.p1(3, s0t); this.p1(4, s0wt);
    this.p1(5, s1w); this.p1(6, s1t); this.p1(7, s1wt);
    this.p1(8, s2w); this.p1(9, s2t);
    this.p1(10, b0w); this.p1(11, b0t); this.p1(12, b0wt);
    this.p1(13, b1w); this.p1(14, b1t); this.p1(15, b1wt);
    this.p1(16, b2w); this.p1(17, b2t);
    // Pairs.
    this.p2(20, s0wt, b0wt); this.p2(21, s0wt, b0w); this.p2(22, s0w, b0wt); this.p2(23, s0wt, b0t);
    this.p2(24, s0t, b0wt); this.p2(25, s0w, b0w); this.p2(26, s0t, b0t); this.p2(27, b0t, b1t);
    this.p2(28, s1wt, s0wt); this.p2(29, s1w, s0w); this.p2(30, s1t, s0t); this.p2(31, s1t, b0t);
    this.p2(32, s1w, s0t); this.p2(33, s1t, s0w); this.p2(34, b0w, b1w); this.p2(35, s0w, b1t);
    this.p2(36, s1wt, b0wt);
    // Tag triples.
    this.p3(40, b0t, b1t, b2t); this.p3(41, s0t, b0t, b1t); this.p3(42, s1t, s0t, b0t); this.p3(43, s2t, s1t, s0t);
    this.p3(44, s1t, s0t, b1t);
    // Distance.
    this.p2(50, s0w, dist); this.p2(51, s0t, dist); this.p2(52, b0w, dist); this.p2(53, b0t, dist);
    this.p3(54, s0t, b0t, dist); this.p3(55, s1t, s0t, dist01); this.p2(56, s1w, dist01);
    // Valency.
    this.p2(60, s0w, s0vr); this.p2(61, s0t, s0vr); this.p2(62, s0w, s0vl); this.p2(63, s0t, s0vl);
    this.p2(64, b0w, b0vl); this.p2(65, b0t, b0vl);
    // Children.
    this.p1(70, this.word(s0l1)); this.p1(71, this.tag(s0l1)); this.p1(72, this.label(s0l1));
    this.p1(73, this.word(s0r1)); this.p1(74, this.tag(s0r1)); this.p1(75, this.label(s0r1));
    this.p1(76, this.word(b0l1)); this.p1(77, this.tag(b0l1)); this.p1(78, this.label(b0l1));
    this.p1(79, this.tag(s1r1)); this.p1(80, this.label(s1r1)); this.p1(81, this.tag(s1l1));
    this.p1(82, this.tag(s0l2)); this.p1(83, this.label(s0l2)); this.p1(84, this.tag(s0r2)); this.p1(85, this.label(s0r2));
    this.p1(86, this.tag(b0l2)); this.p1(87, this.label(b0l2));
    this.p3(88, s0t, this.tag(s0l1), this.tag(s0l2)); this.p3(89, s0t, this.tag(s0r1), this.tag(s0r2));
    this.p3(90, b0t, this.tag(b0l1), this.tag(b0l2));
    this.p3(91, s0t, b0t, this.tag(s0l1)); this.p3(92, s0t, b0t, this.tag(b0l1)); this.p3(93, s0t, b0t, this.tag(s0r1));
    // Label sets.
    this.p2(94, s0w, s0ll); this.p2(95, s0t, s0rl); this.p2(96, b0w, b0ll);
    if (this.featureSet < 2) return this.k;
    // Suffixes, for words too rare to have weights of their own.
    const s0s = this.suffix(s0), b0s = this.suffix(b0), b1s = this.suffix(b1);
    this.p2(97, s0s, s0t); this.p2(98, b0s, b0t); this.p2(99, b1s, b1t);
    this.p3(100, s0s, b0s, b0t); this.p3(101, s0t, b0s, b0t);
    if (this.featureSet < 3) return this.k;
    // The rest of Zhang & Nivre's label sets and word-pair distance, and heads with their children's words.
    this.p3(102, s0w, b0w, dist); this.p2(103, s0w, s0rl); this.p2(104, s0t, s0ll); this.p2(105, b0t, b0ll);
    this.p2(106, s0wt, this.word(s0l1)); this.p2(107, s0wt, this.word(s0r1)); this.p2(108, b0wt, this.word(b0l1));
    this.p3(109, s1t, s0t, this.tag(s1r1)); this.p3(110, s1w, s0t, b0t); this.p3(111, s0t, b0w, b1t);
    return this.k;
  }

  private labelFeatures(dep: number, head: number): number {
    const m = this.labelMask;
    const w = this.words;
    const dw = this.word(dep), dt = this.tag(dep);
    const hw = this.word(head), ht = this.tag(head);
    const dir = dep < head ? 1 : 2;
    const dist = bucketDistance(Math.abs(head - dep)) * dir;
    const dl1 = this.left1[dep], dr1 = this.right1[dep];
    const hl1 = this.left1[head], hr1 = this.right1[head];
    const dwt = mix(dw, dt), hwt = mix(hw, ht);
    const dSuffix = dep < this.n ? w.suffix3[dep] : NO_WORD;
    const prev = dep > 0 ? this.word(dep - 1) : NO_WORD;
    const next = dep + 1 < this.n ? this.word(dep + 1) : NO_WORD;
    this.k = 0;
    this.m = m;
    this.p1(1, 0);
    this.p1(2, dw); this.p1(3, dt); this.p1(4, dwt);
    this.p1(5, hw); this.p1(6, ht); this.p1(7, hwt);
    this.p2(8, dwt, hwt); this.p2(9, dt, ht); this.p3(10, dt, ht, dir); this.p3(11, dt, ht, dist);
    this.p2(12, dw, ht); this.p2(13, dt, hw); this.p2(14, dw, dir); this.p2(15, dt, dist);
    this.p1(16, this.word(dl1)); this.p1(17, this.tag(dl1)); this.p1(18, this.label(dl1));
    this.p1(19, this.word(dr1)); this.p1(20, this.tag(dr1)); this.p1(21, this.label(dr1));
    this.p2(22, dt, this.word(dl1)); this.p3(23, dt, ht, this.word(dl1));
    this.p2(24, ht, this.leftLabels[head]); this.p2(25, ht, this.rightLabels[head]);
    this.p3(26, dt, dir, this.leftLabels[head]);
    this.p2(27, this.word(hl1), this.label(hl1)); this.p2(28, this.word(hr1), this.label(hr1));
    this.p2(29, dSuffix, dt); this.p3(30, dSuffix, ht, dir);
    this.p2(31, prev, dt); this.p2(32, next, dt);
    this.p2(33, dt, this.leftLabels[dep]); this.p2(34, dt, this.rightLabels[dep]);
    this.p3(35, hw, dt, dir); this.p3(36, ht, head === this.n ? 1 : 0, dt);
    return this.k;
  }
}

function bucketDistance(d: number): number {
  if (d <= 4) return d;
  if (d <= 7) return 5;
  if (d <= 12) return 6;
  return 7;
}
