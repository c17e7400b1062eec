/**
 * @module bench/eval-html
 * `npm run eval:html`: how well the HTML reader recovers article bodies. For every gzipped
 * page in ../shared/corpora/news-html/html it extracts the body and scores it against the
 * page's `articleBody` in ground-truth.json with token-level F1 (lower-cased word tokens,
 * bag-of-words overlap). Prints the mean F1, the ten worst pages, the speed, and one
 * robustness line per file in ../shared/corpora/feeds and ../shared/corpora/warc.
 * Skips with a message when the corpora are absent. With `--write` the figures also replace
 * the "HTML body extraction" section of docs/benchmarks.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractHtml } from '../src/ingest/html/extract-html.js';
import { decodeText } from '../src/ingest/decode.js';
import { readInputs } from '../src/ingest/index.js';
import { errorMessage } from '../src/errors.js';
import { updateBenchmarks } from './benchmarks-md.js';

const corpora = fileURLToPath(new URL('../../shared/corpora/', import.meta.url));

interface Score {
  id: string;
  url: string;
  precision: number;
  recall: number;
  f1: number;
  error: string | null;
}

/** Lower-cased word tokens (letters and digits of any script). */
function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Bag-of-words precision, recall and F1 of `found` against `expected`. */
export function tokenF1(found: string, expected: string): { precision: number; recall: number; f1: number } {
  const a = tokens(found);
  const b = tokens(expected);
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
  if (a.length === 0 || b.length === 0) return { precision: 0, recall: 0, f1: a.length === b.length ? 1 : 0 };
  const precision = overlap / a.length;
  const recall = overlap / b.length;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
}

/** Every line printed, so that `--write` can put the same figures in docs/benchmarks.md. */
const report: string[] = [];
function say(line: string): void {
  console.log(line);
  report.push(line);
}

function evaluatePages(): void {
  const dir = join(corpora, 'news-html');
  if (!existsSync(join(dir, 'ground-truth.json'))) {
    say(`HTML body extraction: skipped (${dir} not found)`);
    return;
  }
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url: string; articleBody: string }>;
  const files = readdirSync(join(dir, 'html')).filter((f) => f.endsWith('.html.gz')).sort();
  const scores: Score[] = [];
  let extractMs = 0;
  for (const file of files) {
    const id = file.replace(/\.html\.gz$/, '');
    const expected = truth[id];
    if (!expected) continue;
    let text = '';
    let error: string | null = null;
    const bytes = new Uint8Array(gunzipSync(readFileSync(join(dir, 'html', file))));
    const t0 = performance.now();
    try {
      text = extractHtml(decodeText(bytes, file, null, { legacyFallback: true })).text;
    } catch (e) {
      error = errorMessage(e);
    }
    extractMs += performance.now() - t0;
    scores.push({ id, url: expected.url, error, ...tokenF1(text, expected.articleBody) });
  }
  const f1s = scores.map((s) => s.f1).sort((a, b) => a - b);
  say(`HTML body extraction over ${scores.length} pages (../shared/corpora/news-html)`);
  say(`  mean F1 ${mean(f1s).toFixed(3)}   median F1 ${f1s[Math.floor(f1s.length / 2)].toFixed(3)}   mean precision ${mean(scores.map((s) => s.precision)).toFixed(3)}   mean recall ${mean(scores.map((s) => s.recall)).toFixed(3)}`);
  say(`  pages with F1 >= 0.9: ${f1s.filter((f) => f >= 0.9).length}/${f1s.length}   refused: ${scores.filter((s) => s.error).length}`);
  say(`  speed: ${(scores.length / (extractMs / 1000)).toFixed(1)} pages/s (${(extractMs / scores.length).toFixed(1)} ms per page, parse + metadata + Readability + clean-up)`);
  say('  worst ten pages:');
  for (const s of [...scores].sort((a, b) => a.f1 - b.f1).slice(0, 10)) {
    say(`    F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(2)}  R ${s.recall.toFixed(2)}  ${s.id.slice(0, 12)}  ${s.url}${s.error ? `  (${s.error})` : ''}`);
  }
}

async function robustness(): Promise<void> {
  for (const folder of ['feeds', 'warc']) {
    const dir = join(corpora, folder);
    if (!existsSync(dir)) {
      say(`Robustness ${folder}: skipped (${dir} not found)`);
      continue;
    }
    say(`Robustness: ${folder}/`);
    for (const file of readdirSync(dir).sort()) {
      let read = 0;
      const errors: string[] = [];
      for await (const r of readInputs([join(dir, file)])) {
        if (r.ok) read++;
        else errors.push(`${r.error.code}: ${r.error.message.replace(join(dir, file), '').trim()}`);
      }
      const refused = errors.length > 0 ? `; ${errors.length} refused (${errors[0]}${errors.length > 1 ? ', …' : ''})` : '';
      say(`  ${file}: read ${read} article(s)${refused}`);
    }
  }
}

evaluatePages();
await robustness();
if (process.argv.includes('--write')) {
  const docs = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
  const body = [
    'Measured by `npm run eval:html -- --write` (bench/eval-html.ts): the HTML reader (linkedom + Readability +',
    'our block-to-paragraph conversion and text clean-up) against the `articleBody` of 181 real news pages from',
    '126 sites (scrapinghub article-extraction-benchmark). Score: token-level F1, lower-cased word tokens, bag of',
    'words. Speed depends on the machine and its load.',
    '',
    '```',
    ...report,
    '```',
  ].join('\n');
  updateBenchmarks(docs, { 'HTML body extraction': body });
  console.log(`wrote the "HTML body extraction" section of ${docs}`);
}
