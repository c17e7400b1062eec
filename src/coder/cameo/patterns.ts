/**
 * @module coder/cameo/patterns
 * Reads the coder's pattern files (`data/cameo/patterns/*.txt`, format in docs/patterns.md)
 * and compiles them once into an index keyed by head lemma, so that coding a token costs a
 * few map look-ups, never a scan over all patterns.
 *
 * A line is `CODE KIND HEAD ELEMENT...`, e.g. `174 verb expel diplomat|ambassador [from]`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DetenteError } from '../../errors.js';
import type { Codebook } from './codebook.js';

export type PatternKind = 'verb' | 'noun';

/**
 * What a pattern element says about the sentence:
 * - `word`: a word that follows the head (the old, unnamed form);
 * - `obj`: the head noun of the verb's object (`obj:diplomat`);
 * - `prep`: a phrase opened by the preposition `prep` (`to:border`, `against:*`, `to:TARGET`);
 * - `subj`: the head noun of the subject (`subj:police`);
 * - `before`: a modifier right before the head (`<air`).
 */
export type SlotKind = 'word' | 'obj' | 'prep' | 'subj' | 'before';

/** One slot of a pattern: any of `words` (base forms) or `phrases` (consecutive base forms). */
export interface PatternElement {
  slot: SlotKind;
  words: Set<string>;
  /** Multi-word alternatives ("death_penalty"), matched on consecutive tokens; the last word is the head. */
  phrases: string[][];
  /** For `prep` slots: the preposition(s) that open the phrase. */
  preps: Set<string> | null;
  /** A `prep` slot whose phrase may hold any words (`against:*`, `to:TARGET`). */
  anyObject: boolean;
  /** The phrase of this slot holds the target (`to:TARGET`, `against:*`, an optional `[to]`). */
  target: boolean;
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
  /** A CAMEO code, or `---`: the sense matches and codes nothing (it keeps a more general sense from firing). */
  code: string;
  /** `057~`: the event runs both ways between the actors ("A and B signed a deal"). */
  reciprocal: boolean;
  /** `042>043`: the target also does `reverseCode` to the source ("A visited B" → B hosted A). */
  reverseCode: string | null;
  kind: PatternKind;
  heads: string[];
  /** Slots that must (or may) follow the head, in order: words, objects, prepositional phrases. */
  after: PatternElement[];
  /** Slots that must stand before the head: modifiers ("air strike") and subjects ("police fired"). */
  before: PatternElement[];
  /** Words whose presence after the head rules the pattern out. */
  forbid: Set<string>;
  /** Provenance name, e.g. "verb:expel+diplomat". */
  rule: string;
  /** Where it was written, for error messages and docs. */
  file: string;
  line: number;
  /**
   * 0 for curated patterns; 1 for the broad lexicon (a file with the line `%tier fallback`),
   * which is consulted for a token only when no curated pattern matches it.
   */
  tier: number;
}

/** The code of a pattern that matches and codes nothing. */
export const NULL_CODE = '---';

export interface PatternIndex {
  /** Patterns whose head is `lemma` and whose kind is `kind`, most specific first. */
  lookup(kind: PatternKind, lemma: string): Pattern[] | undefined;
  size: number;
}

/** Word classes (`@name` in patterns): name → base forms, one-word or `a_b` phrases. */
export type WordClasses = Map<string, string[]>;

/** Words treated as prepositions: an optional preposition in a pattern says "the target follows me". */
export const PREPOSITIONS = new Set([
  'on', 'against', 'with', 'to', 'at', 'from', 'of', 'for', 'into', 'between', 'toward', 'towards', 'upon', 'over', 'by', 'in', 'about',
]);

const WORD = /^[a-z][a-z'_-]*$/;

function expandWords(body: string, classes: WordClasses, where: string, raw: string): string[] {
  const out: string[] = [];
  for (const w of body.split('|').map((x) => x.trim().toLowerCase()).filter((x) => x.length > 0)) {
    if (w.startsWith('@')) {
      const members = classes.get(w.slice(1));
      if (members === undefined) throw new DetenteError('E_PATTERN', `${where}: unknown word class "${w}" in "${raw}" (classes live in data/cameo/classes/)`);
      out.push(...members);
    } else if (!WORD.test(w)) {
      throw new DetenteError('E_PATTERN', `${where}: expected words like "a|b", "[a|b]", "obj:a|b", "to:a|*|TARGET" or "@class", found "${raw}"`);
    } else out.push(w);
  }
  if (out.length === 0) throw new DetenteError('E_PATTERN', `${where}: empty element "${raw}"`);
  return out;
}

function parseElement(raw: string, where: string, classes: WordClasses, slotHint: SlotKind = 'word'): PatternElement {
  const optional = raw.startsWith('[') && raw.endsWith(']');
  let body = optional ? raw.slice(1, -1) : raw;
  let slot: SlotKind = slotHint;
  let preps: Set<string> | null = null;
  let anyObject = false;
  let target = false;
  const named = /^([a-z|]+):(.*)$/.exec(body);
  if (named !== null) {
    const [, name, rest] = named;
    if (name === 'obj' || name === 'subj') slot = name;
    else {
      slot = 'prep';
      preps = new Set(name.split('|'));
    }
    body = rest;
    if (slot === 'prep' && (body === '*' || body === 'TARGET')) {
      anyObject = true;
      target = true;
    }
  }
  const words = anyObject ? [...(preps ?? [])] : expandWords(body, classes, where, raw);
  const single = words.filter((w) => !w.includes('_'));
  const phrases = words.filter((w) => w.includes('_')).map((w) => w.split('_'));
  const preposition = slot === 'word' && words.some((w) => PREPOSITIONS.has(w));
  if (slot === 'word' && optional && preposition) target = true;
  return {
    slot,
    words: new Set(single),
    phrases,
    preps,
    anyObject,
    target,
    label: anyObject ? `${words[0]}` : slot === 'prep' ? `${[...(preps ?? [])][0]}:${words[0]}` : words[0],
    optional,
    preposition,
    particle: slot === 'word' && (preposition || words.every((w) => PARTICLES.has(w))),
  };
}

/**
 * Parses one pattern file's text.
 * @param codebook every pattern's code must be in it
 * @param classes the word classes `@name` may refer to
 */
export function parsePatterns(text: string, file: string, codebook: Codebook, classes: WordClasses = new Map()): Pattern[] {
  const out: Pattern[] = [];
  const lines = text.split(/\r?\n/);
  let tier = 0;
  for (let n = 0; n < lines.length; n++) {
    const content = lines[n].replace(/#.*$/, '').trim();
    if (content === '') continue;
    if (content.startsWith('%')) {
      if (content !== '%tier fallback') throw new DetenteError('E_PATTERN', `${file}:${n + 1}: unknown directive "${content}" (known: "%tier fallback")`);
      tier = 1;
      continue;
    }
    const fields = content.split(/\s+/);
    const [codeField, kind, head, ...rest] = fields;
    const where = `${file}:${n + 1}`;
    const codeMatch = /^(\d{2,4}|---)(~|>(\d{2,4}))?$/.exec(codeField);
    if (codeMatch === null) throw new DetenteError('E_PATTERN', `${where}: expected a code like "163", "057~", "042>043" or "---", found "${codeField}"`);
    const code = codeMatch[1];
    const reverseCode = codeMatch[3] ?? null;
    if (reverseCode !== null && !codebook.has(reverseCode)) throw new DetenteError('E_PATTERN', `${where}: "${reverseCode}" is not a CAMEO event code in the codebook`);
    if (code !== NULL_CODE && !codebook.has(code)) throw new DetenteError('E_PATTERN', `${where}: "${code}" is not a CAMEO event code in the codebook`);
    if (kind !== 'verb' && kind !== 'noun') throw new DetenteError('E_PATTERN', `${where}: expected kind "verb" or "noun", found "${kind}"`);
    if (head === undefined) throw new DetenteError('E_PATTERN', `${where}: a pattern needs a head word after its kind`);
    const heads = parseElement(head, where, classes);
    const after: PatternElement[] = [];
    const before: PatternElement[] = [];
    const forbid = new Set<string>();
    for (const raw of rest) {
      if (raw.startsWith('<')) before.push(parseElement(raw.slice(1), where, classes, 'before'));
      else if (raw.startsWith('!')) for (const w of parseElement(raw.slice(1), where, classes).words) forbid.add(w);
      else {
        const el = parseElement(raw, where, classes);
        (el.slot === 'subj' ? before : after).push(el);
      }
    }
    const rule =
      `${kind}:${heads.label}` +
      before.map((e) => `+${e.slot === 'subj' ? 'subj:' : ''}${e.label}`).join('') +
      after.filter((e) => !e.optional).map((e) => `+${e.label}`).join('');
    out.push({ code, reciprocal: codeMatch[2] === '~', reverseCode, kind, heads: [...heads.words], after, before, forbid, rule, file, line: n + 1, tier });
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
    for (const list of map.values()) list.sort((a, b) => a.tier - b.tier || specificity(b) - specificity(a));
  }
  return { lookup: (kind, lemma) => maps[kind].get(lemma), size: patterns.length };
}

/**
 * Reads the word classes of a directory: `NAME.txt` or `petrarch-NAME.txt` defines `@NAME`,
 * one base form (or `a_b` phrase) a line, `#` comments. A missing directory gives no classes.
 */
export function loadClasses(dir: string): WordClasses {
  const classes: WordClasses = new Map();
  if (!existsSync(dir)) return classes;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const name = f.replace(/\.txt$/, '').replace(/^petrarch-/, '');
    const words = readFileSync(join(dir, f), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.replace(/#.*$/, '').trim().toLowerCase())
      .filter((l) => l !== '');
    classes.set(name, [...(classes.get(name) ?? []), ...words]);
  }
  return classes;
}

/** Reads every `*.txt` file of a pattern directory, in name order; `@class` words come from `classesDir`. */
export function loadPatterns(dir: string, codebook: Codebook, classesDir = join(dir, '..', 'classes')): Pattern[] {
  const classes = loadClasses(classesDir);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.flatMap((f) => parsePatterns(readFileSync(join(dir, f), 'utf8'), f, codebook, classes));
}
