/**
 * @module coder/tokens
 * Read-only helpers over the article's token table that the coder asks again and again:
 * base-form candidates (computed once per token), word classes, passive voice, and
 * mapping character spans to token ranges.
 */
import type { Article } from '../model/article.js';
import { syntaxOf, type SyntaxQuery } from '../nlp/syntax/query.js';
import { lemmaCandidates } from './cameo/lemma.js';

/** Verbs that report speech or thought: the clause after them has its own subject. */
export const SPEECH_VERBS = new Set([
  'say', 'tell', 'add', 'announce', 'state', 'report', 'claim', 'believe', 'think', 'note', 'insist', 'argue', 'write',
  'declare', 'confirm', 'stress', 'explain', 'suggest', 'indicate', 'reveal', 'acknowledge', 'admit', 'know', 'show',
  'mean', 'hope', 'fear', 'expect', 'understand', 'see', 'learn', 'hear', 'feel', 'assert', 'emphasize', 'emphasise', 'allege',
  'view', 'regard', 'consider', 'deem', 'term', 'label', 'brand', 'find', 'conclude', 'certify',
]);

const BE_FORMS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'got', 'gets', 'getting', "'s", '’s']);
const IRREGULAR_PARTICIPLE = /(ed|en|wn|un|ught|ept|elt|ent|ilt|old|ound|ung|ade|ot|id|et|ut)$/;

export class TokenView {
  readonly article: Article;
  /** The article's dependency parse (nlp.syntax.v1, through its query API). */
  readonly q: SyntaxQuery;
  private readonly cache: (string[] | undefined)[];

  constructor(article: Article) {
    this.article = article;
    this.q = syntaxOf(article);
    this.cache = new Array(article.tokens.start.length);
  }

  get count(): number {
    return this.article.tokens.start.length;
  }

  /** Base-form candidates of token i (cached). */
  forms(i: number): string[] {
    let c = this.cache[i];
    if (c === undefined) {
      c = lemmaCandidates(this.article.tokens.normal[i], this.article.tokens.lemma[i]);
      this.cache[i] = c;
    }
    return c;
  }

  /** True when token i matches any word of `words`. */
  is(i: number, words: Set<string>): boolean {
    for (const f of this.forms(i)) if (words.has(f)) return true;
    return false;
  }

  normal(i: number): string {
    return this.article.tokens.normal[i];
  }

  private dateTokens: Uint8Array | null = null;

  /** Is token i part of a date expression the dates stage found ("on Monday", "in March 1987")? */
  inDate(i: number): boolean {
    if (this.dateTokens === null) {
      const marks = new Uint8Array(this.count);
      const { start, end } = this.article.tokens;
      let k = 0;
      for (const d of [...this.article.dates].sort((a, b) => a.start - b.start)) {
        while (k < this.count && end[k] <= d.start) k++;
        for (let j = k; j < this.count && start[j] < d.end; j++) marks[j] = 1;
      }
      this.dateTokens = marks;
    }
    return this.dateTokens[i] === 1;
  }

  pos(i: number): string {
    return this.article.tokens.pos[i];
  }

  /** A verb in the passive: a form of be/get before it (adverbs and "not" may stand between) and a participle form. */
  isPassive(i: number, from: number): boolean {
    const word = this.normal(i);
    if (word.endsWith('ing')) return false;
    // The parse knows "was hit", "were cut" (participles the same as their base form) by their passive auxiliary.
    if (this.q.children(i, 'aux:pass').length > 0) return true;
    if (word === this.article.tokens.lemma[i] && !IRREGULAR_PARTICIPLE.test(word)) return false;
    // A reduced relative: "the student released by North Korea", "detainees freed by Pyongyang".
    if (i + 1 < this.count && this.normal(i + 1) === 'by' && i > from && this.pos(i - 1) !== 'AUX' && /(ed|en|wn)$/.test(word)) return true;
    for (let j = i - 1; j >= Math.max(from, i - 4); j--) {
      const n = this.normal(j);
      if (BE_FORMS.has(n)) return n !== "'s" && n !== '’s' || this.pos(j) === 'AUX';
      const p = this.pos(j);
      if (p !== 'ADV' && p !== 'PART' && n !== 'not' && n !== "n't") return false;
    }
    return false;
  }
}

/** Token range [first, last] covered by a character span, or null if no token lies in it. */
export function tokenRange(article: Article, start: number, end: number): [number, number] | null {
  const t = article.tokens;
  let lo = 0;
  let hi = t.start.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.end[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= t.start.length || t.start[lo] >= end) return null;
  let last = lo;
  while (last + 1 < t.start.length && t.start[last + 1] < end) last++;
  return [lo, last];
}
