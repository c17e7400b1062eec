/**
 * @module nlp/actors/lexicon
 * One phrase index for every actor dictionary (countries, roles, organizations, people):
 * a Map from folded phrase key to the entries that phrase can mean. Matching at a token
 * grows the key one token at a time and keeps the longest phrase found, so a 1,000-word
 * article costs a few thousand Map lookups, whatever the size of the dictionaries.
 */
import { phraseKey, type TokenKeys } from './text-key.js';
import { ARABIC_ARTICLE, foldKey } from './text-key.js';

export type CountryForm = 'name' | 'adjective' | 'capital' | 'seat';
export type RoleKind = 'head' | 'weak' | 'modifier' | 'title';

export interface Organization {
  name: string;
  code: string | null;
  country: string | null;
  kind: string;
}

export interface Tenure {
  code: string;
  office: string;
  start: string;
  end: string | null;
}

export interface Person {
  name: string;
  surname: string;
  tenures: Tenure[];
  /**
   * The code when no tenure covers the date (a row with neither start nor end: PETRARCH's
   * undated fallback, usually the country's ELI), or undefined.
   */
  otherwise?: string;
  /** 'f' or 'm' when the dictionary says, for resolving "he" and "she". */
  gender?: 'f' | 'm';
}

export type LexEntry =
  | { type: 'country'; country: string; role: string | null; form: CountryForm; name: string }
  | { type: 'role'; role: string | null; kind: RoleKind; person: boolean; defaultCountry: string | null }
  | { type: 'org'; org: Organization }
  | { type: 'person'; person: Person; surnameOnly: boolean };

/**
 * How the surface must be written: 'exact' for short all-capital abbreviations ("US" must not
 * match "us"), 'capital' for names (first letter upper case), 'any' for common nouns.
 */
export type CaseRule = 'any' | 'capital' | 'exact';

interface Stored {
  entry: LexEntry;
  rule: CaseRule;
  surface: string;
}

export interface LexMatch {
  from: number;
  to: number;
  entries: LexEntry[];
}

/** Longest phrase, in tokens, tried at one position. */
const MAX_TOKENS = 8;

export class PhraseIndex {
  private readonly map = new Map<string, Stored[]>();
  /** Every leading part of every key, so that growing a phrase stops as soon as nothing can match. */
  private readonly prefixes = new Set<string>();

  /** Adds `phrase` for `entry`; `rule` defaults from the phrase's own spelling. */
  add(phrase: string, entry: LexEntry, rule?: CaseRule): void {
    const key = foldKey(phrase);
    if (key === '') return;
    const letters = phrase.replace(/[^\p{L}]/gu, '');
    const resolved: CaseRule =
      rule ?? (letters.length <= 3 && letters === letters.toUpperCase() && letters.length > 0 ? 'exact' : 'any');
    // Longest first: once a prefix is known, every shorter one was added with it (tens of
    // thousands of generated names share their first letters, so this keeps loading fast).
    for (let i = key.length - 1; i >= 1; i--) {
      const prefix = key.slice(0, i);
      if (this.prefixes.has(prefix)) break;
      this.prefixes.add(prefix);
    }
    let list = this.map.get(key);
    if (list === undefined) {
      list = [];
      this.map.set(key, list);
    }
    list.push({ entry, rule: resolved, surface: phrase.replace(/\s+/g, ' ') });
  }

  /** True when some phrase in the index starts with `key` (and is longer). */
  hasPrefix(key: string): boolean {
    return this.prefixes.has(key);
  }

  /** Every entry stored under a key, ignoring case rules (for dictionary-side checks). */
  has(phrase: string): boolean {
    return this.map.has(foldKey(phrase));
  }

  /**
   * The longest dictionary phrase starting at token `from` and ending before `limit`, with
   * the entries whose case rule the surface satisfies; null when none.
   */
  match(keys: TokenKeys, from: number, limit: number, text: string, starts: Int32Array, ends: Int32Array): LexMatch | null {
    let best: LexMatch | null = null;
    let key = '';
    const last = Math.min(limit, from + MAX_TOKENS);
    for (let to = from + 1; to <= last; to++) {
      key = to === from + 1 ? keys.key[from] : key + (keys.spaceAfter[to - 2] ? ' ' : '') + keys.key[to - 1];
      const stored = this.map.get(key);
      if (stored !== undefined) {
        let surface: string | null = null;
        const entries: LexEntry[] = [];
        for (const s of stored) {
          if (s.rule === 'exact' && surface === null) surface = text.slice(starts[from], ends[to - 1]).replace(/\s+/g, ' ');
          if (caseFits(s, surface ?? '', keys.capital[from] || articleBeforeCapital(text, starts[from], ends[to - 1]))) entries.push(s.entry);
        }
        if (entries.length > 0) best = { from, to, entries };
      }
      if (!this.prefixes.has(key)) break;
    }
    return best;
  }

  /** Key of a token range, exposed for callers that look up single phrases. */
  static key(keys: TokenKeys, from: number, to: number): string {
    return phraseKey(keys, from, to);
  }
}

/** Arabic articles written in lower case before a name: "al-Qaeda", "al Shabaab", "el-Sisi". */
const ARTICLE_BEFORE_NAME = new RegExp(`^(?:${ARABIC_ARTICLE})[-‐\\s]+\\p{Lu}`, 'u');

/** "al-Shabab": a name that opens with a lower-case Arabic article is written as a name. */
function articleBeforeCapital(text: string, start: number, end: number): boolean {
  return ARTICLE_BEFORE_NAME.test(text.slice(start, Math.min(end, start + 8)));
}

function caseFits(stored: Stored, surface: string, capital: boolean): boolean {
  if (stored.rule === 'any') return true;
  if (stored.rule === 'capital') return capital;
  return surface === stored.surface;
}
