/**
 * @module nlp/actors/text-key
 * Lookup keys for dictionary matching. A key is the lower-cased words of a phrase with accents
 * removed and curly apostrophes straightened, so "Élysée", "Elysee" and "ELYSEE" meet in one
 * Map entry. Keys of article phrases are built from token slices of article.text, so the
 * dictionaries never need a tokenizer of their own.
 */
import type { Article } from '../../model/article.js';

// Letters that NFD does not decompose into base letter + mark.
const SPECIAL: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', ß: 'ss', đ: 'd', æ: 'ae', œ: 'oe', ð: 'd', þ: 'th' };

/** Folds a phrase to its lookup key: lower case, no accents, single spaces, straight apostrophes. */
/** Arabic articles glued to a name ("al-Assad", "el-Sisi", "ash-Shaabi"), as a regular-expression alternation. */
export const ARABIC_ARTICLE = 'al|el|ad|as|ash|at|an|ar|az';
const GLUED_ARTICLE = new RegExp(`^(?:${ARABIC_ARTICLE})[-‐]`, 'i');

/** The name without a glued Arabic article: "al-Jaafari" and "Jaafari" are one surname. */
export function withoutArabicArticle(name: string): string {
  return name.replace(GLUED_ARTICLE, '');
}

export function foldKey(phrase: string): string {
  return foldWord(phrase).replace(/\s+/g, ' ').trim();
}

const NON_ASCII = /[^\x00-\x7f]/;

/** foldKey for a single token (no whitespace inside): the hot path, run once per token. */
export function foldWord(word: string): string {
  let s = word.toLowerCase();
  // Fast path: plain ASCII needs no decomposition.
  if (NON_ASCII.test(s)) {
    s = s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[ıłøßđæœðþ]/g, (c) => SPECIAL[c] ?? c);
    s = s.replace(/[‘’ʼ`´]/g, "'").replace(/[‐‑‒–]/g, '-');
  }
  return s;
}

/** Per-article token keys and the separators between tokens, computed once per stage run. */
export interface TokenKeys {
  /** Folded text of token i. */
  key: string[];
  /** True when token i is followed by whitespace (so phrase keys join with a space). */
  spaceAfter: boolean[];
  /** True when the token's first character is an upper-case letter or a digit. */
  capital: boolean[];
  /** The token's surface text. */
  surface: string[];
}

// Both the actors and the places stage read the same keys; they are computed once per token table.
const computed = new WeakMap<object, TokenKeys>();

export function tokenKeys(article: Article): TokenKeys {
  const cached = computed.get(article.tokens);
  if (cached !== undefined) return cached;
  const keys = computeKeys(article);
  computed.set(article.tokens, keys);
  return keys;
}

function computeKeys(article: Article): TokenKeys {
  const { tokens, text } = article;
  const n = tokens.start.length;
  const key = new Array<string>(n);
  const spaceAfter = new Array<boolean>(n);
  const capital = new Array<boolean>(n);
  const surface = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const s = text.slice(tokens.start[i], tokens.end[i]);
    surface[i] = s;
    key[i] = foldWord(s);
    spaceAfter[i] = i + 1 < n && tokens.end[i] < tokens.start[i + 1];
    const c = s.charAt(0);
    capital[i] = c !== c.toLowerCase() || (c >= '0' && c <= '9');
  }
  return { key, spaceAfter, capital, surface };
}

/** Key of tokens [from, to), joined the way the text joins them. */
export function phraseKey(keys: TokenKeys, from: number, to: number): string {
  let s = keys.key[from];
  for (let i = from + 1; i < to; i++) s += (keys.spaceAfter[i - 1] ? ' ' : '') + keys.key[i];
  return s;
}
