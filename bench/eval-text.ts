/**
 * @module bench/eval-text
 * `npm run eval:text`: how well the plain-text reader cleans copies of real news pages. For
 * every renderer folder of ../shared/corpora/news-text (Chromium copy, lynx with and without
 * its link list, w3m, html2text) it cleans each copy with the text reader's `cleanText` and
 * scores the body against the page's `articleBody` (token-level F1, as eval:html does), and
 * compares the title found with the HTML reader's title for the same page. Skips with a
 * message when the corpora are absent. With `--write` the figures replace the "Text copies"
 * section of docs/benchmarks.md. `--worst N` lists the N worst copies per renderer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { cleanText } from '../src/ingest/text/clean-text.js';
import { extractHtml } from '../src/ingest/html/extract-html.js';
import { decodeText } from '../src/ingest/decode.js';
import { updateBenchmarks } from './benchmarks-md.js';

export const CORPORA = fileURLToPath(new URL('../../shared/corpora/', import.meta.url));
const TEXT_DIR = join(CORPORA, 'news-text');
const HTML_DIR = join(CORPORA, 'news-html');

export interface CopyScore {
  renderer: string;
  id: string;
  precision: number;
  recall: number;
  f1: number;
  title: string | null;
  htmlTitle: string | null;
  titleEqual: boolean;
  /** The HTML reader's title stands in the copy as a line (or two wrapped lines): a reader could find it. */
  titleInCopy: boolean;
}

export interface RendererSummary {
  renderer: string;
  copies: number;
  f1: number;
  precision: number;
  recall: number;
  above90: number;
  titleEqual: number;
  titleInCopy: number;
}

/** Lower-cased word tokens (letters and digits of any script). */
function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Bag-of-words precision, recall and F1 of `found` against `expected` (the eval:html measure). */
export function tokenF1(found: string, expected: string): { precision: number; recall: number; f1: number } {
  const a = tokens(found);
  const b = tokens(expected);
  if (a.length === 0 || b.length === 0) return { precision: 0, recall: 0, f1: a.length === b.length ? 1 : 0 };
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of a) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  const precision = overlap / a.length;
  const recall = overlap / b.length;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** "&#8216;", "&amp;": the HTML reader leaves some entities in <title> text. */
function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (m, dec, hex, name) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (named[name.toLowerCase()] ?? m),
  );
}

/**
 * Titles are equal when their words are (case, punctuation, spacing and HTML entities do not
 * count), also when one of them carries the site's name or section as an extra part split off
 * by a bar or dash ("Opinion | Headline", "Headline - Site").
 */
export function sameTitle(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const norm = (s: string) => tokens(decodeEntities(s)).join(' ');
  const variants = (s: string) => {
    const decoded = decodeEntities(s);
    const parts = decoded.split(/\s+[|–—-]\s+/);
    const out = [decoded];
    if (parts.length > 1) out.push(parts.slice(1).join(' '), parts.slice(0, -1).join(' '));
    return out.map(norm).filter((v) => v !== '');
  };
  const va = variants(a);
  const vb = variants(b);
  return va.some((x) => vb.includes(x));
}

export function corporaPresent(): boolean {
  return existsSync(TEXT_DIR) && existsSync(join(HTML_DIR, 'ground-truth.json'));
}

/** The HTML reader's title for page `id`, or null when the page cannot be read. */
function htmlTitle(id: string): string | null {
  const file = join(HTML_DIR, 'html', `${id}.html.gz`);
  if (!existsSync(file)) return null;
  try {
    const bytes = new Uint8Array(gunzipSync(readFileSync(file)));
    return extractHtml(decodeText(bytes, file, null, { legacyFallback: true })).meta.title ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether `title` is a line of the copy, or two or three lines a renderer wrapped, once the
 * renderer's marks (link numbers, heading stars, underscores, brackets) are set aside. Many
 * pages' <title> differs from the headline they show; those copies cannot give the HTML title.
 */
export function titleInCopy(raw: string, title: string | null): boolean {
  if (title === null) return false;
  const lines = raw
    .split('\n')
    .map((l) => l.replace(/\[\d+\]/g, ' ').replace(/[*#_\[\]]+/g, ' ').trim())
    .filter(Boolean);
  for (let i = 0; i < lines.length; i++) {
    if (sameTitle(lines[i], title)) return true;
    if (i + 1 < lines.length && sameTitle(`${lines[i]} ${lines[i + 1]}`, title)) return true;
    if (i + 2 < lines.length && sameTitle(`${lines[i]} ${lines[i + 1]} ${lines[i + 2]}`, title)) return true;
  }
  return false;
}

/** Scores every copy of every renderer. */
export function scoreCopies(): CopyScore[] {
  const truth = JSON.parse(readFileSync(join(HTML_DIR, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const titles = new Map<string, string | null>();
  const scores: CopyScore[] = [];
  for (const renderer of readdirSync(TEXT_DIR).sort()) {
    const dir = join(TEXT_DIR, renderer);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const id = file.replace(/\.txt$/, '');
      const expected = truth[id];
      if (!expected) continue;
      if (!titles.has(id)) titles.set(id, htmlTitle(id));
      const raw = readFileSync(join(dir, file), 'utf8');
      const cleaned = cleanText(raw);
      const reference = titles.get(id) ?? null;
      scores.push({
        renderer,
        id,
        ...tokenF1(cleaned.text, expected.articleBody),
        title: cleaned.title,
        htmlTitle: reference,
        titleEqual: sameTitle(cleaned.title, reference),
        titleInCopy: titleInCopy(raw, reference),
      });
    }
  }
  return scores;
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
}

export function summarise(scores: CopyScore[]): RendererSummary[] {
  const renderers = [...new Set(scores.map((s) => s.renderer))];
  return renderers.map((renderer) => {
    const mine = scores.filter((s) => s.renderer === renderer);
    return {
      renderer,
      copies: mine.length,
      f1: mean(mine.map((s) => s.f1)),
      precision: mean(mine.map((s) => s.precision)),
      recall: mean(mine.map((s) => s.recall)),
      above90: mine.filter((s) => s.f1 >= 0.9).length,
      titleEqual: mine.filter((s) => s.titleEqual).length,
      titleInCopy: mine.filter((s) => s.titleInCopy).length,
    };
  });
}

function main(): void {
  const report: string[] = [];
  const say = (line: string) => {
    console.log(line);
    report.push(line);
  };
  if (!corporaPresent()) {
    console.log(`Text copies: skipped (${TEXT_DIR} or ${HTML_DIR}/ground-truth.json not found)`);
    return;
  }
  const worstAt = process.argv.indexOf('--worst');
  const worst = worstAt > 0 ? Number(process.argv[worstAt + 1] ?? 5) : 0;
  const t0 = performance.now();
  const scores = scoreCopies();
  const seconds = (performance.now() - t0) / 1000;
  const summaries = summarise(scores);
  say(`Plain-text reader on ${scores.length} copies of ${new Set(scores.map((s) => s.id)).size} real pages (../shared/corpora/news-text)`);
  say('  renderer    copies  mean F1  precision  recall  F1>=0.9   title = HTML title');
  for (const s of summaries) {
    say(
      `  ${s.renderer.padEnd(10)}  ${String(s.copies).padStart(6)}  ${s.f1.toFixed(3).padStart(7)}  ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${`${s.above90}/${s.copies}`.padStart(7)}   ${`${s.titleEqual}/${s.copies}`.padStart(7)} (${((100 * s.titleEqual) / s.copies).toFixed(1)} %)`,
    );
  }
  const equal = scores.filter((s) => s.titleEqual).length;
  const reachable = scores.filter((s) => s.titleInCopy || s.titleEqual).length;
  say(`  all copies: title equal on ${equal}/${scores.length} (${((100 * equal) / scores.length).toFixed(1)} %); ${seconds.toFixed(1)} s including the HTML reader's titles (load average ${loadavg()[0].toFixed(2)})`);
  say(`  the HTML reader's title is a line of the copy on ${reachable}/${scores.length} (${((100 * reachable) / scores.length).toFixed(1)} %): on the others the page's <title> differs from the headline it shows`);
  if (worst > 0) {
    for (const r of summaries) {
      console.log(`worst ${worst} (${r.renderer}):`);
      for (const s of scores.filter((x) => x.renderer === r.renderer).sort((a, b) => a.f1 - b.f1).slice(0, worst)) {
        console.log(`  F1 ${s.f1.toFixed(3)} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} ${s.id.slice(0, 12)}`);
      }
    }
    console.log('title mismatches:');
    for (const s of scores.filter((x) => !x.titleEqual)) {
      console.log(`  ${s.renderer.padEnd(9)} ${s.id.slice(0, 12)}  found ${JSON.stringify(s.title)}  html ${JSON.stringify(s.htmlTitle)}`);
    }
  }
  if (process.argv.includes('--write')) {
    const docs = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
    const body = [
      'Measured by `npm run eval:text -- --write` (bench/eval-text.ts): the plain-text reader (`cleanText`) on',
      'copies of real news pages made five ways (Chromium select-all-and-copy, `lynx -dump` with and without its',
      'link list, `w3m -dump`, `html2text`), scored against the page\'s `articleBody` (token-level F1, lower-cased',
      'word tokens, bag of words, as for HTML). "title = HTML title": the title read from the copy has the same',
      'words as the HTML reader\'s title for the same page. Targets: mean F1 >= 0.90 and mean precision >= 0.90',
      'for every renderer; title equal on >= 90 % of copies. CI floors: test/bench/eval-text.test.ts.',
      '',
      '```',
      ...report,
      '```',
    ].join('\n');
    updateBenchmarks(docs, { 'Text copies': body });
    console.log(`wrote the "Text copies" section of ${docs}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
