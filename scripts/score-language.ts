/**
 * @module scripts/score-language
 * Scores the language layer (actor and place mentions, dates, quotes) against the gold
 * passages in test/gold/language-dev.jsonl: runs the default pipeline on each passage and
 * prints precision and recall per kind, plus not-actor violations.
 *
 *     npm run eval:language                 # table
 *     npm run eval:language -- --json       # one JSON object, for machines
 *     npm run eval:language -- --misses     # also list every miss and false alarm
 *     npm run eval:language -- FILE.jsonl   # another gold file
 *
 * Matching: a gold item is found when a predicted item overlaps the gold words (at the gold
 * `start` offset when given, else their first occurrence in the passage; repeated gold words
 * take successive occurrences) and agrees
 * on the value: mentions on the CAMEO code (null for places matches null), dates on the
 * value, quotes on the speaker name (case-insensitive; the surname alone is accepted; or the
 * speaker's own words in the text hold the gold name's last word). A
 * predicted item is correct when it overlaps any occurrence of some gold item it agrees with,
 * so repeated mentions of an annotated actor are not counted as false alarms.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { newArticle, type Article } from '../src/model/article.js';
import type { Quote } from '../src/model/quote.js';
import { createPipeline } from '../src/pipeline/run.js';
import { defaultStages } from '../src/pipeline/default-stages.js';

export interface GoldPassage {
  id: string;
  published: string | null;
  text: string;
  mentions: { text: string; code: string | null; kind: string; start?: number }[];
  dates: { text: string; value: string; start?: number }[];
  quotes: { text: string; speaker: string | null; kind: string; start?: number }[];
  not_actors?: string[];
}

export interface KindScore {
  gold: number;
  predicted: number;
  /** Gold items found. */
  found: number;
  /** Predicted items that agree with some gold item. */
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Miss {
  passage: string;
  kind: 'mention' | 'date' | 'quote' | 'not_actor';
  /** "missed": gold not found; "false": predicted but not in gold; "violation": a not-actor coded as actor. */
  type: 'missed' | 'false' | 'violation';
  detail: string;
}

export interface LanguageScore {
  passages: number;
  mentions: KindScore;
  dates: KindScore;
  quotes: KindScore;
  notActors: { checked: number; violations: number };
  /** Gold words that do not occur in their passage (annotation errors). */
  unlocated: string[];
  misses: Miss[];
  /** Mean milliseconds per passage for the whole pipeline. */
  msPerPassage: number;
}

interface Span {
  start: number;
  end: number;
}

/** Every occurrence of `needle` in `text` (exact, then case-insensitive, then whitespace-collapsed). */
export function occurrences(text: string, needle: string): Span[] {
  const found: Span[] = [];
  if (!needle) return found;
  for (const haystack of [text, text.toLowerCase()]) {
    const target = haystack === text ? needle : needle.toLowerCase();
    let at = haystack.indexOf(target);
    while (at >= 0) {
      found.push({ start: at, end: at + target.length });
      at = haystack.indexOf(target, at + 1);
    }
    if (found.length > 0) return found;
  }
  // Gold quotes may differ from the text in spacing or line breaks: match on collapsed whitespace.
  const pattern = needle.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  if (!pattern) return found;
  for (const m of text.matchAll(new RegExp(pattern, 'gi'))) found.push({ start: m.index, end: m.index + m[0].length });
  return found;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * Same speaker as the gold one: by name (see sameSpeaker), or by the words that name the
 * speaker in the text, when they hold the gold name's last word ("the agency" for
 * "International Atomic Energy Agency", "a senior French diplomat" for "senior French
 * diplomat"): the gold names speakers canonically, the text often by description.
 */
export function speakerMatches(gold: string | null, predicted: Quote['speaker'], text: string): boolean {
  if (sameSpeaker(gold, predicted?.name)) return true;
  if (!gold || !predicted) return false;
  const words = text.slice(predicted.start, predicted.end).toLowerCase().split(/[^\p{L}\p{N}]+/u);
  const last = gold.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).pop();
  return last !== undefined && words.includes(last);
}

/** Same speaker: equal ignoring case, or the same surname (last word) on either side. */
export function sameSpeaker(gold: string | null, predicted: string | null | undefined): boolean {
  if (gold === null || gold === '') return predicted === null || predicted === undefined;
  if (!predicted) return false;
  const g = gold.toLowerCase().trim();
  const p = predicted.toLowerCase().trim();
  if (g === p) return true;
  const surname = (s: string) => s.replace(/[’']s$/, '').split(/\s+/).pop() ?? s;
  return surname(g) === surname(p);
}

function kindScore(gold: number, predicted: number, found: number, correct: number): KindScore {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : correct / predicted;
  const recall = gold === 0 ? 1 : found / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, found, correct, precision, recall, f1 };
}

/**
 * Gold items located in the passage: at their `start` offset when the gold gives one and the
 * words are there ("Israel" must not be found inside an earlier "Israeli"); otherwise repeated
 * words take successive occurrences.
 */
function locate<T extends { text: string; start?: number }>(passage: GoldPassage, items: T[], unlocated: string[]): { item: T; span: Span | null; all: Span[] }[] {
  const used = new Map<string, number>();
  return items.map((item) => {
    const all = occurrences(passage.text, item.text);
    const n = used.get(item.text) ?? 0;
    used.set(item.text, n + 1);
    if (all.length === 0) unlocated.push(`${passage.id}: "${item.text}"`);
    const at = item.start;
    if (typeof at === 'number' && passage.text.slice(at, at + item.text.length) === item.text) {
      return { item, span: { start: at, end: at + item.text.length }, all };
    }
    return { item, span: all[Math.min(n, all.length - 1)] ?? null, all };
  });
}

const ACTOR_KINDS = new Set(['person', 'organization', 'country', 'group']);

/**
 * Scores the language layer. `analyse` turns a passage into an analysed article (the
 * default pipeline in the script; tests may pass their own).
 */
export function scoreLanguage(passages: GoldPassage[], analyse: (passage: GoldPassage) => Article): LanguageScore {
  const totals = { mentions: [0, 0, 0, 0], dates: [0, 0, 0, 0], quotes: [0, 0, 0, 0] };
  const notActors = { checked: 0, violations: 0 };
  const unlocated: string[] = [];
  const misses: Miss[] = [];
  let ms = 0;
  for (const passage of passages) {
    const t0 = performance.now();
    const article = analyse(passage);
    ms += performance.now() - t0;

    const goldMentions = locate(passage, passage.mentions, unlocated);
    const predictedMentions = article.mentions;
    const mentionFound = goldMentions.filter((g) => g.span && predictedMentions.some((p) => overlaps(p, g.span!) && (p.code ?? null) === (g.item.code ?? null)));
    const mentionCorrect = predictedMentions.filter((p) => goldMentions.some((g) => (p.code ?? null) === (g.item.code ?? null) && g.all.some((s) => overlaps(p, s))));
    add(totals.mentions, goldMentions.length, predictedMentions.length, mentionFound.length, mentionCorrect.length);
    for (const g of goldMentions) if (!mentionFound.includes(g)) misses.push({ passage: passage.id, kind: 'mention', type: 'missed', detail: `${g.item.text} ${g.item.code}` });
    for (const p of predictedMentions) if (!mentionCorrect.includes(p)) misses.push({ passage: passage.id, kind: 'mention', type: 'false', detail: `${p.text} ${p.code} (${p.kind})` });

    const goldDates = locate(passage, passage.dates, unlocated);
    const dateFound = goldDates.filter((g) => g.span && article.dates.some((p) => overlaps(p, g.span!) && p.value === g.item.value));
    const dateCorrect = article.dates.filter((p) => goldDates.some((g) => g.item.value === p.value && g.all.some((s) => overlaps(p, s))));
    add(totals.dates, goldDates.length, article.dates.length, dateFound.length, dateCorrect.length);
    for (const g of goldDates) if (!dateFound.includes(g)) misses.push({ passage: passage.id, kind: 'date', type: 'missed', detail: `${g.item.text} = ${g.item.value}; got ${describeNear(article.dates, g.span, (d) => `${d.text}=${d.value}`)}` });
    for (const p of article.dates) if (!dateCorrect.includes(p)) misses.push({ passage: passage.id, kind: 'date', type: 'false', detail: `${p.text} = ${p.value}` });

    const goldQuotes = locate(passage, passage.quotes, unlocated);
    const quoteFound = goldQuotes.filter((g) => g.span && article.quotes.some((p) => overlaps(p, g.span!) && speakerMatches(g.item.speaker, p.speaker, passage.text)));
    const quoteCorrect = article.quotes.filter((p) => goldQuotes.some((g) => speakerMatches(g.item.speaker, p.speaker, passage.text) && g.all.some((s) => overlaps(p, s))));
    add(totals.quotes, goldQuotes.length, article.quotes.length, quoteFound.length, quoteCorrect.length);
    for (const g of goldQuotes) if (!quoteFound.includes(g)) misses.push({ passage: passage.id, kind: 'quote', type: 'missed', detail: `[${g.item.speaker}] ${g.item.text}; got ${describeNear(article.quotes, g.span, (q) => `[${q.speaker?.name ?? null}] ${q.text.slice(0, 40)}`)}` });
    for (const p of article.quotes) if (!quoteCorrect.includes(p)) misses.push({ passage: passage.id, kind: 'quote', type: 'false', detail: `[${p.speaker?.name ?? null}] ${p.text}` });

    for (const words of passage.not_actors ?? []) {
      notActors.checked += 1;
      const spans = occurrences(passage.text, words);
      const bad = article.mentions.find((m) => ACTOR_KINDS.has(m.kind) && m.code !== null && spans.some((s) => overlaps(m, s)));
      if (bad) {
        notActors.violations += 1;
        misses.push({ passage: passage.id, kind: 'not_actor', type: 'violation', detail: `${words} tagged ${bad.code}` });
      }
    }
  }
  const score = (t: number[]) => kindScore(t[0], t[1], t[2], t[3]);
  return {
    passages: passages.length,
    mentions: score(totals.mentions),
    dates: score(totals.dates),
    quotes: score(totals.quotes),
    notActors,
    unlocated,
    misses,
    msPerPassage: passages.length ? ms / passages.length : 0,
  };
}

function add(total: number[], gold: number, predicted: number, found: number, correct: number): void {
  total[0] += gold;
  total[1] += predicted;
  total[2] += found;
  total[3] += correct;
}

function describeNear<T extends Span>(items: T[], span: Span | null, show: (item: T) => string): string {
  if (!span) return 'gold words not in text';
  const near = items.filter((i) => overlaps(i, span));
  return near.length ? near.map(show).join(' | ') : 'nothing';
}

/** Reads a JSONL gold file; blank lines are skipped, a bad line throws with its number. */
export function readGold(path: string): GoldPassage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, n }) => {
      try {
        const p = JSON.parse(line) as GoldPassage;
        return { ...p, mentions: p.mentions ?? [], dates: p.dates ?? [], quotes: p.quotes ?? [] };
      } catch (error) {
        throw new Error(`${path}:${n}: not a JSON object (${(error as Error).message})`);
      }
    });
}

/** The default pipeline on a passage, as `detente extract` would run it. */
export function defaultAnalyser(): (passage: GoldPassage) => Article {
  const pipeline = createPipeline(defaultStages);
  return (passage) =>
    pipeline.run(newArticle({ id: passage.id, text: passage.text, meta: { published: passage.published ?? null, language: 'en' } }));
}

export const DEFAULT_GOLD = new URL('../test/gold/language-dev.jsonl', import.meta.url);

export function formatReport(score: LanguageScore): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  const row = (name: string, k: KindScore) =>
    `${name.padEnd(10)}${pct(k.precision)}${pct(k.recall)}${pct(k.f1)}   ${String(k.found).padStart(4)}/${String(k.gold).padEnd(5)}${String(k.correct).padStart(4)}/${k.predicted}`;
  return [
    `language layer: ${score.passages} passages, ${score.msPerPassage.toFixed(1)} ms per passage`,
    `${'kind'.padEnd(10)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}   found/gold correct/predicted`,
    row('mentions', score.mentions),
    row('dates', score.dates),
    row('quotes', score.quotes),
    `not-actors: ${score.notActors.violations} violations in ${score.notActors.checked} checks`,
    ...(score.unlocated.length ? [`gold words not found in their passage: ${score.unlocated.length}`] : []),
  ].join('\n');
}

function main(argv: string[]): void {
  const json = argv.includes('--json');
  const showMisses = argv.includes('--misses');
  const file = argv.find((a) => !a.startsWith('--'));
  const passages = readGold(file ?? DEFAULT_GOLD.pathname);
  const score = scoreLanguage(passages, defaultAnalyser());
  if (json) {
    const { misses, ...rest } = score;
    process.stdout.write(`${JSON.stringify(showMisses ? score : rest, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${formatReport(score)}\n`);
  if (showMisses) {
    for (const m of score.misses) process.stdout.write(`${m.passage}\t${m.kind}\t${m.type}\t${m.detail}\n`);
    for (const u of score.unlocated) process.stdout.write(`unlocated\t${u}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
