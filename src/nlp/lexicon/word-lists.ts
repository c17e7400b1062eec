/**
 * @module nlp/lexicon/word-lists
 * The language layer's word lists (speech verbs, clause ends, titles, first names …) live as
 * data under `data/lexicon/en/<name>.txt`, one entry a line, so that grammar knowledge is edited
 * in one place and every stage reads the same list. Files are read once per process and cached.
 *
 * File format: UTF-8; blank lines and lines starting with `#` are ignored; an entry may be a
 * multi-word phrase (single spaces); entries are compared lower-cased unless the list is read
 * with `{ caseSensitive: true }`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../actors/tsv.js';

export interface WordListOptions {
  /** Keep the case of entries (names, acronyms). Default: lower-case every entry. */
  caseSensitive?: boolean;
  /** Another data/ folder (tests, user dictionaries). Default: the package's own. */
  dataDir?: string;
}

const cache = new Map<string, readonly string[]>();
const setCache = new Map<string, ReadonlySet<string>>();

/** The entries of `data/lexicon/en/<name>.txt`, in file order, without duplicates. */
export function wordListEntries(name: string, options: WordListOptions = {}): readonly string[] {
  const dir = options.dataDir ?? defaultDataDir();
  const key = `${dir}\u0000${name}\u0000${options.caseSensitive ? 1 : 0}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const path = join(dir, 'lexicon', 'en', `${name}.txt`);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`word list '${name}' could not be read from ${path}: ${(err as Error).message}`);
  }
  const seen = new Set<string>();
  for (const line of raw.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const entry = trimmed.replace(/\s+/g, ' ');
    seen.add(options.caseSensitive ? entry : entry.toLowerCase());
  }
  const entries = Object.freeze([...seen]);
  cache.set(key, entries);
  return entries;
}

/** The entries of a word list as a set, for membership tests on hot paths. */
export function wordList(name: string, options: WordListOptions = {}): ReadonlySet<string> {
  const key = `set\u0000${options.dataDir ?? ''}\u0000${name}\u0000${options.caseSensitive ? 1 : 0}`;
  let set = setCache.get(key);
  if (!set) {
    set = new Set(wordListEntries(name, options));
    setCache.set(key, set);
  }
  return set;
}

