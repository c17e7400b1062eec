/**
 * @module nlp/syntax/words
 * The per-word hashes the tagger and parser read: computed once per sentence from character
 * ranges of a text, into reusable typed arrays (no string is built per word).
 */
import { hashRange, shapeHash } from './hash.js';

/** A sentence as character ranges of one text: word i is text[start[i], end[i]). */
export interface WordRanges {
  text: string;
  start: Int32Array;
  end: Int32Array;
  length: number;
}

/** Hash values standing for "no word here" (before the start, after the end). */
export const PAD_START = 0x5a5a5a5a | 0;
export const PAD_END = 0x3c3c3c3c | 0;

export class WordHashes {
  form = new Int32Array(0);
  lower = new Int32Array(0);
  suffix1 = new Int32Array(0);
  suffix2 = new Int32Array(0);
  suffix3 = new Int32Array(0);
  suffix4 = new Int32Array(0);
  prefix1 = new Int32Array(0);
  prefix2 = new Int32Array(0);
  prefix3 = new Int32Array(0);
  shape = new Int32Array(0);
  length = 0;

  /** Fills the arrays for `words`, growing them when the sentence is longer than any before. */
  fill(words: WordRanges): void {
    const n = words.length;
    if (this.form.length < n) this.grow(Math.max(n, this.form.length * 2, 64));
    this.length = n;
    const text = words.text;
    for (let i = 0; i < n; i++) {
      const s = words.start[i];
      const e = words.end[i];
      this.form[i] = hashRange(text, s, e, false);
      this.lower[i] = numberLike(text, s, e) ? 0x0d16d16 : hashRange(text, s, e, true);
      this.suffix1[i] = hashRange(text, Math.max(s, e - 1), e, true);
      this.suffix2[i] = hashRange(text, Math.max(s, e - 2), e, true) ^ 0x2000;
      this.suffix3[i] = hashRange(text, Math.max(s, e - 3), e, true) ^ 0x3000;
      this.suffix4[i] = hashRange(text, Math.max(s, e - 4), e, true) ^ 0x4000;
      this.prefix1[i] = hashRange(text, s, Math.min(e, s + 1), true) ^ 0x1100;
      this.prefix2[i] = hashRange(text, s, Math.min(e, s + 2), true) ^ 0x2200;
      this.prefix3[i] = hashRange(text, s, Math.min(e, s + 3), true) ^ 0x3300;
      this.shape[i] = shapeHash(text, s, e);
    }
  }

  private grow(size: number): void {
    this.form = new Int32Array(size);
    this.lower = new Int32Array(size);
    this.suffix1 = new Int32Array(size);
    this.suffix2 = new Int32Array(size);
    this.suffix3 = new Int32Array(size);
    this.suffix4 = new Int32Array(size);
    this.prefix1 = new Int32Array(size);
    this.prefix2 = new Int32Array(size);
    this.prefix3 = new Int32Array(size);
    this.shape = new Int32Array(size);
  }
}

/** Digits with optional separators ("1,200", "3.5", "2024"): one word class, so numbers share weights. */
function numberLike(text: string, s: number, e: number): boolean {
  let digits = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 44 && c !== 46 && c !== 45) return false;
  }
  return digits > 0 && e - s > 1;
}

/** Builds WordRanges for a list of word strings (training and tests): words joined by spaces. */
export function rangesOf(words: readonly string[]): WordRanges {
  const start = new Int32Array(words.length);
  const end = new Int32Array(words.length);
  let text = '';
  for (let i = 0; i < words.length; i++) {
    if (i > 0) text += ' ';
    start[i] = text.length;
    text += words[i];
    end[i] = text.length;
  }
  return { text, start, end, length: words.length };
}
