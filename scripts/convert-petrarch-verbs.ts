/**
 * @module scripts/convert-petrarch-verbs
 * Converts PETRARCH-2's verb dictionary (facts: which verb, with which object or
 * prepositional phrase, codes which CAMEO event; `../shared/reference/petrarch2-verbs.tsv`
 * and `petrarch2-wordsets.tsv`, MIT, columns described in that folder's README) into the
 * project's own pattern format (docs/patterns.md):
 *
 *   data/cameo/patterns/lexicon-RR.txt   one file per CAMEO root, plus lexicon-null.txt
 *   data/cameo/classes/NAME.txt          the word sets, as word classes `@name`
 *
 * and applies the project's curation, `data/cameo/lexicon-curation.tsv` (senses that misfire
 * in news: dropped, with the reason). Re-run after editing the curation:
 *
 *     npx tsx scripts/convert-petrarch-verbs.ts [REFERENCE_DIR]
 *
 * Conversion rules:
 * - A block's verbs share its patterns: one line per pattern, the block's one-word verbs as
 *   head alternatives (`a|b|c`). A multi-word verb ("ask for", "cordon off") gets its own
 *   default line (head + particle), not the block's patterns.
 * - Words after `{verb}` name the object: the first becomes `obj:WORD`, later ones plain words
 *   in order; `(prep noun)` becomes `prep:noun`, `(prep)` `prep:*`, `(prep {target})`
 *   `prep:TARGET`; `[a b]` is a phrase `a_b`; `&SET` a class `@set`; words before `{verb}`
 *   become `subj:WORD`. Setting phrases (`(in {skip})`) and actor markers are left out.
 * - A null pattern (PETRARCH's `---`) becomes code `---`: the sense codes nothing.
 * - `forward:reverse` codes become `CODE>REV`; a pattern with only a reverse code, `/`
 *   alternatives or an undefined word set is skipped (counted in the summary).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const refDir = process.argv[2] ?? '../shared/reference';
const outDir = 'data/cameo/patterns';
const classDir = 'data/cameo/classes';

type Row = Record<string, string>;
function readTsv(path: string): Row[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
  const head = lines[0].split('\t');
  return lines.slice(1).map((l) => {
    const f = l.split('\t');
    return Object.fromEntries(head.map((h, i) => [h, f[i] ?? '']));
  });
}

// ---- curation ---------------------------------------------------------------------------
/** kind (verb-default | verb | block | pattern | word) → keys; see the file's header. */
const curation = new Map<string, Set<string>>();
for (const line of readFileSync('data/cameo/lexicon-curation.tsv', 'utf8').split('\n')) {
  if (line.startsWith('#') || line.trim() === '') continue;
  const [kind, key] = line.split('\t');
  if (!curation.has(kind)) curation.set(kind, new Set());
  curation.get(kind)?.add(key.trim());
}
const curated = (kind: string, key: string) => curation.get(kind)?.has(key) ?? false;

// ---- word sets → classes ----------------------------------------------------------------
const wordsets = new Map<string, string[]>();
for (const r of readTsv(join(refDir, 'petrarch2-wordsets.tsv'))) {
  const name = r.wordset.replace(/^&/, '').toLowerCase();
  // Sets of auxiliaries and prepositions are grammar, not classes of things.
  if (/^(auxverb|tobeverb|preposit)/.test(name)) continue;
  const word = r.word.toLowerCase().replace(/_+$/, '').trim().replace(/\s+/g, '_');
  if (!/^[a-z][a-z'_-]*$/.test(word)) continue;
  const list = wordsets.get(name) ?? [];
  if (!list.includes(base(word))) list.push(base(word));
  wordsets.set(name, list);
}
mkdirSync(classDir, { recursive: true });
for (const f of readdirSync(classDir)) if (f.startsWith('petrarch-')) rmSync(join(classDir, f));
for (const [name, words] of wordsets) {
  writeFileSync(
    join(classDir, `petrarch-${name}.txt`),
    `# Word class @${name}: converted from PETRARCH-2's word set &${name.toUpperCase()} (facts, MIT) by scripts/convert-petrarch-verbs.ts.\n${words.join('\n')}\n`,
  );
}

/** Base form of a pattern word: patterns are matched against tokens' base-form candidates. */
function base(word: string): string {
  if (word.includes('_')) {
    const parts = word.split('_');
    parts[parts.length - 1] = base(parts[parts.length - 1]);
    return parts.join('_');
  }
  if (word.length <= 3 || /(ss|us|is|ics|ous|news|arms)$/.test(word)) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (/(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

const PREPS = new Set(['on', 'against', 'with', 'to', 'at', 'from', 'of', 'for', 'into', 'between', 'toward', 'towards', 'upon', 'over', 'by', 'in', 'about', 'under', 'onto', 'across', 'through', 'inside', 'behind', 'near', 'within', 'without', 'after', 'before', 'among', 'around', 'off', 'out', 'up', 'down', 'back', 'away']);
const FUNCTION_BEFORE = new Set(['will', 'would', 'not', 'has', 'have', 'had', 'to', 'be', 'been', 'was', 'were', 'is', 'are', 'abruptly', 'ethnically', 'ethnic', 'never', 'no', 'also', 'did', 'does', 'do', 'can', 'could', 'may', 'might', 'must', 'should', 'shall']);

/** One PETRARCH pattern → slots in the project's format, or a reason to skip it. */
function convertPattern(p: string): { slots: string[] } | { skip: string } {
  if (p.includes('/')) return { skip: 'alternatives' };
  // tokenise: ( ... ), [ ... ], {x}, words
  const toks = p.match(/\([^)]*\)|\[[^\]]*\]|\{[a-z+]+\}|[^\s()[\]{}]+/g) ?? [];
  const v = toks.indexOf('{verb}');
  if (v < 0) return { skip: 'no verb' };
  const slots: string[] = [];
  const word = (w: string): string | null => {
    if (w.startsWith('&')) {
      const set = w.slice(1).toLowerCase();
      return wordsets.has(set) ? `@${set}` : null;
    }
    if (w.startsWith('[')) {
      const parts = w.slice(1, -1).trim().split(/\s+/);
      // A phrase with a word set in it ("[invasion &SECURITY]") is matched by its head, the last word.
      if (parts.some((x) => x.startsWith('&'))) return word(parts[parts.length - 1]);
      const phrase = base(parts.map((x) => x.toLowerCase().replace(/[^a-z'-]/g, '')).filter((x) => x !== '').join('_'));
      return /^[a-z][a-z'_-]*$/.test(phrase) ? phrase : null;
    }
    const lw = w.toLowerCase().replace(/[^a-z'_-]/g, '');
    return lw === '' ? null : base(lw);
  };
  for (const t of toks.slice(0, v)) {
    if (t.startsWith('{')) continue;
    if (FUNCTION_BEFORE.has(t.toLowerCase())) return { skip: 'modality words before the verb' };
    const w = word(t);
    if (w === null) return { skip: 'undefined word set' };
    slots.push(`subj:${w}`);
  }
  let objectSeen = false;
  for (const t of toks.slice(v + 1)) {
    if (t === '{target}' || t === '{source}' || t === '{skip}' || t === '{source+target}') continue;
    if (t.startsWith('(')) {
      const inner = t.slice(1, -1).match(/\[[^\]]*\]|\{[a-z+]+\}|[^\s[\]{}]+/g) ?? [];
      const prep = inner[0]?.toLowerCase();
      if (prep === undefined || !/^[a-z]+$/.test(prep)) return { skip: 'odd phrase' };
      const rest = inner.slice(1);
      if (rest.includes('{skip}')) continue; // a setting ("in {skip}"): says nothing about the event
      if (rest.includes('{target}') || rest.includes('{source}')) {
        slots.push(`${prep}:TARGET`);
        continue;
      }
      const nouns = rest.filter((x) => !x.startsWith('{'));
      if (nouns.length === 0) {
        slots.push(`${prep}:*`);
        continue;
      }
      // the head noun is the phrase's last word
      const w = word(nouns[nouns.length - 1]);
      if (w === null) return { skip: 'undefined word set' };
      slots.push(`${prep}:${w}`);
      continue;
    }
    const lw = t.toLowerCase();
    if (lw === 'and' || lw === 'the' || lw === 'a' || lw === 'an') continue;
    if (PREPS.has(lw)) {
      slots.push(lw);
      continue;
    }
    const w = word(t);
    if (w === null) return { skip: 'undefined word set' };
    slots.push(objectSeen ? w : `obj:${w}`);
    objectSeen = true;
  }
  return { slots };
}

// ---- verbs and patterns --------------------------------------------------------------------
const rows = readTsv(join(refDir, 'petrarch2-verbs.tsv'));
interface Verb {
  lemma: string;
  code: string | null;
}
const blocks = new Map<string, Verb[]>();
const firstBlock = new Map<string, string>();
for (const r of rows.filter((x) => x.kind === 'verb')) {
  const lemma = r.verb_lemma.toLowerCase().trim();
  if (firstBlock.has(lemma)) continue; // a verb in two blocks is coded with the first
  firstBlock.set(lemma, r.verb_block);
  const list = blocks.get(r.verb_block) ?? [];
  list.push({ lemma, code: r.code_from === 'null' || r.code === '' ? null : r.code });
  blocks.set(r.verb_block, list);
}

const out = new Map<string, string[]>(); // file → lines
const emit = (file: string, line: string) => {
  const list = out.get(file) ?? [];
  list.push(line);
  out.set(file, list);
};
const fileOf = (code: string) => (code === '---' ? 'lexicon-null.txt' : `lexicon-${code.slice(0, 2)}.txt`);
const seen = new Set<string>();
const skipped = new Map<string, number>();
const skip = (why: string) => skipped.set(why, (skipped.get(why) ?? 0) + 1);
let patterns = 0;

function headPart(lemma: string): { head: string; rest: string[] } | null {
  const words = lemma.split(/\s+/).map((w) => w.replace(/_/g, ''));
  if (!words.every((w) => /^[a-z][a-z'-]*$/.test(w))) return null;
  return { head: words[0], rest: words.slice(1).map((w) => (PREPS.has(w) ? w : base(w))) };
}

for (const [block, verbs] of blocks) {
  if (curated('block', block)) {
    skip('curation: block');
    continue;
  }
  const single = verbs.filter((v) => !v.lemma.includes(' ') && !curated('verb', v.lemma));
  // Verb defaults: the verb alone codes its own or its block's code.
  for (const v of verbs) {
    if (v.code === null || curated('verb', v.lemma) || curated('verb-default', v.lemma) || curated('block-default', block)) continue;
    const hp = headPart(v.lemma);
    if (hp === null) {
      skip('odd verb');
      continue;
    }
    const line = `${v.code} verb ${hp.head} ${hp.rest.join(' ')}`.trim();
    if (seen.has(line)) continue;
    seen.add(line);
    emit(fileOf(v.code), `${line.padEnd(48)} # ${block}`);
    patterns++;
  }
  if (single.length === 0) continue;
  const heads = single.map((v) => v.lemma).join('|');
  for (const r of rows.filter((x) => x.kind === 'pattern' && x.verb_block === block)) {
    if (r.code_from === 'null' ? false : r.code === '') {
      skip('reverse code only');
      continue;
    }
    if (curated('pattern', `${block}\t${r.pattern}`) || curated('pattern', `${block} ${r.pattern}`)) {
      skip('curation: pattern');
      continue;
    }
    const c = convertPattern(r.pattern);
    if ('skip' in c) {
      skip(c.skip);
      continue;
    }
    if (c.slots.length === 0) continue;
    if (c.slots.some((s) => curated('word', s.replace(/^[a-z]+:/, '')))) {
      skip('curation: word');
      continue;
    }
    const code = r.code_from === 'null' ? '---' : r.code_reverse !== '' ? `${r.code}>${r.code_reverse}` : r.code;
    const line = `${code} verb ${heads} ${c.slots.join(' ')}`;
    if (seen.has(line)) continue;
    seen.add(line);
    emit(fileOf(code.slice(0, 3)), `${line.padEnd(48)} # ${block}: ${r.pattern}`);
    patterns++;
  }
}

for (const f of readdirSync(outDir)) if (f.startsWith('lexicon-')) rmSync(join(outDir, f));
for (const [file, lines] of [...out].sort()) {
  writeFileSync(
    join(outDir, file),
    `# Generated by scripts/convert-petrarch-verbs.ts from PETRARCH-2's verb dictionary (facts, MIT),\n` +
      `# curated by data/cameo/lexicon-curation.tsv. Edit the curation and re-run; do not edit by hand.\n` +
      `# Format: docs/patterns.md. Consulted for a word only when no curated pattern matches it:\n%tier fallback\n${lines.join('\n')}\n`,
  );
}
console.log(`patterns written: ${patterns}`);
for (const [why, n] of skipped) console.log(`skipped (${why}): ${n}`);
