/**
 * @module coder/cameo/patterns
 * Reads the coder's pattern files (`data/cameo/patterns/*.txt`, format in docs/patterns.md)
 * and compiles them once into an index keyed by head lemma, so that coding a token costs a
 * few map look-ups, never a scan over all patterns.
 *
 * A line is `CODE KIND HEAD ELEMENT...`, e.g. `174 verb expel diplomat|ambassador [from]`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DetenteError } from '../../errors.js';
import type { Codebook } from './codebook.js';

export type PatternKind = 'verb' | 'noun';

/** One slot of a pattern: any of `words` (base forms). */
export interface PatternElement {
  words: Set<string>;
  /** The first alternative, used to name the rule. */
  label: string;
  /** Optional elements raise a match's score but are not needed; prepositions among them mark where the target is. */
  optional: boolean;
  /** One of the words is a preposition (so, when optional, it marks the target). */
  preposition: boolean;
  /** One of the words is a preposition or particle (so, when required, it must follow closely). */
  particle: boolean;
}

/** Particles of phrasal verbs ("call off", "shoot down"). */
const PARTICLES = new Set(['off', 'out', 'up', 'down', 'back', 'over', 'away']);

export interface Pattern {
  code: string;
  /** `057~`: the event runs both ways between the actors ("A and B signed a deal"). */
  reciprocal: boolean;
  /** `042>043`: the target also does `reverseCode` to the source ("A visited B" → B hosted A). */
  reverseCode: string | null;
  kind: PatternKind;
  heads: string[];
  /** Words that must (or may) follow the head, in order. */
  after: PatternElement[];
  /** Words that must stand just before the head (modifiers: "air strike", "joint exercise"). */
  before: PatternElement[];
  /** Words whose presence after the head rules the pattern out. */
  forbid: Set<string>;
  /** Provenance name, e.g. "verb:expel+diplomat". */
  rule: string;
  /** Where it was written, for error messages and docs. */
  file: string;
  line: number;
}

export interface PatternIndex {
  /** Patterns whose head is `lemma` and whose kind is `kind`, most specific first. */
  lookup(kind: PatternKind, lemma: string): Pattern[] | undefined;
  size: number;
}

/** Words treated as prepositions: an optional preposition in a pattern says "the target follows me". */
export const PREPOSITIONS = new Set([
  'on', 'against', 'with', 'to', 'at', 'from', 'of', 'for', 'into', 'between', 'toward', 'towards', 'upon', 'over', 'by', 'in', 'about',
]);

function parseElement(raw: string, file: string, line: number): PatternElement {
  const optional = raw.startsWith('[') && raw.endsWith(']');
  const body = optional ? raw.slice(1, -1) : raw;
  const words = body.split('|').map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0);
  if (words.length === 0 || words.some((w) => !/^[a-z][a-z'-]*$/.test(w))) {
    throw new DetenteError('E_PATTERN', `${file}:${line}: expected words like "a|b" or "[a|b]", found "${raw}"`);
  }
  const preposition = words.some((w) => PREPOSITIONS.has(w));
  return { words: new Set(words), label: words[0], optional, preposition, particle: preposition || words.every((w) => PARTICLES.has(w)) };
}

/**
 * Parses one pattern file's text.
 * @param codebook every pattern's code must be in it
 */
export function parsePatterns(text: string, file: string, codebook: Codebook): Pattern[] {
  const out: Pattern[] = [];
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const content = lines[n].replace(/#.*$/, '').trim();
    if (content === '') continue;
    const fields = content.split(/\s+/);
    const [codeField, kind, head, ...rest] = fields;
    const where = `${file}:${n + 1}`;
    const codeMatch = /^(\d{2,4})(~|>(\d{2,4}))?$/.exec(codeField);
    if (codeMatch === null) throw new DetenteError('E_PATTERN', `${where}: expected a code like "163", "057~" or "042>043", found "${codeField}"`);
    const code = codeMatch[1];
    const reverseCode = codeMatch[3] ?? null;
    if (reverseCode !== null && !codebook.has(reverseCode)) throw new DetenteError('E_PATTERN', `${where}: "${reverseCode}" is not a CAMEO event code in the codebook`);
    if (!codebook.has(code)) throw new DetenteError('E_PATTERN', `${where}: "${code}" is not a CAMEO event code in the codebook`);
    if (kind !== 'verb' && kind !== 'noun') throw new DetenteError('E_PATTERN', `${where}: expected kind "verb" or "noun", found "${kind}"`);
    if (head === undefined) throw new DetenteError('E_PATTERN', `${where}: a pattern needs a head word after its kind`);
    const heads = parseElement(head, file, n + 1);
    const after: PatternElement[] = [];
    const before: PatternElement[] = [];
    const forbid = new Set<string>();
    for (const raw of rest) {
      if (raw.startsWith('<')) before.push(parseElement(raw.slice(1), file, n + 1));
      else if (raw.startsWith('!')) for (const w of parseElement(raw.slice(1), file, n + 1).words) forbid.add(w);
      else after.push(parseElement(raw, file, n + 1));
    }
    const rule =
      `${kind}:${heads.label}` +
      before.map((e) => `+${e.label}`).join('') +
      after.filter((e) => !e.optional).map((e) => `+${e.label}`).join('');
    out.push({ code, reciprocal: codeMatch[2] === '~', reverseCode, kind, heads: [...heads.words], after, before, forbid, rule, file, line: n + 1 });
  }
  return out;
}

/** How specific a pattern is: more required words first, so "expel diplomat" beats "expel". */
export function specificity(p: Pattern): number {
  return 2 * (p.before.length + p.after.filter((e) => !e.optional).length) + (p.forbid.size > 0 ? 1 : 0);
}

/** Builds the head-lemma index. Within one head, patterns are kept most specific first, then in file order. */
export function indexPatterns(patterns: Pattern[]): PatternIndex {
  const maps: Record<PatternKind, Map<string, Pattern[]>> = { verb: new Map(), noun: new Map() };
  for (const p of patterns) {
    for (const h of p.heads) {
      const list = maps[p.kind].get(h) ?? [];
      list.push(p);
      maps[p.kind].set(h, list);
    }
  }
  for (const map of Object.values(maps)) {
    for (const list of map.values()) list.sort((a, b) => specificity(b) - specificity(a));
  }
  return { lookup: (kind, lemma) => maps[kind].get(lemma), size: patterns.length };
}

/** Reads every `*.txt` file of a pattern directory, in name order. */
export function loadPatterns(dir: string, codebook: Codebook): Pattern[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.flatMap((f) => parsePatterns(readFileSync(join(dir, f), 'utf8'), f, codebook));
}
