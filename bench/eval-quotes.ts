/**
 * @module bench/eval-quotes
 * `npm run eval:quotes`: the quote-speaker hand check (issue 10). test/gold/quote-speakers-check.jsonl
 * holds, for 10 real articles of ../shared/corpora/news-bench.jsonl.gz (6 BBC, 4 Reuters), every
 * quote the pipeline found when the check was made, by the start of its text, with the speaker a
 * reader names by hand ("A|B": any of these words in the speaker found is right). This script runs
 * the pipeline on those articles again and prints the share of quotes whose speaker is right (a quote
 * no longer found counts as wrong). Target: >= 92 %. Skips with a message when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prepareText } from '../src/ingest/prepare.js';
import { defaultStages } from '../src/pipeline/default-stages.js';
import { createPipeline } from '../src/pipeline/run.js';
import { CORPORA } from './eval-text.js';

interface Check {
  id: string;
  quote: string;
  speaker: string;
  note?: string;
}

export const CHECK_FILE = fileURLToPath(new URL('../test/gold/quote-speakers-check.jsonl', import.meta.url));
const BENCH = join(CORPORA, 'news-bench.jsonl.gz');

export function benchPresent(): boolean {
  return existsSync(BENCH);
}

/** Right and wrong quotes of the hand check, with the speaker found for each. */
export function checkQuotes(): { right: number; total: number; rows: { check: Check; found: string | null; right: boolean }[] } {
  const checks = readFileSync(CHECK_FILE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Check);
  const ids = new Set(checks.map((c) => c.id));
  const articles = new Map<string, { title: string; text: string }>();
  for (const line of gunzipSync(readFileSync(BENCH)).toString('utf8').split('\n')) {
    if (line === '' || !ids.has(line.slice(8, line.indexOf('"', 8)))) continue;
    const r = JSON.parse(line) as { id: string; title: string; text: string };
    articles.set(r.id, r);
  }
  const pipeline = createPipeline(defaultStages);
  const provenance = { reader: 'ingest.jsonl.v1', input: 'news-bench', item: null };
  const done = new Map<string, ReturnType<typeof pipeline.run>>();
  const rows = checks.map((check) => {
    const source = articles.get(check.id);
    if (!source) return { check, found: null, right: false };
    if (!done.has(check.id)) done.set(check.id, pipeline.run(prepareText(source.text, { title: source.title }, provenance)));
    const article = done.get(check.id)!;
    const quote = (article.quotes ?? []).find((q) => article.text.slice(q.start, q.end).startsWith(check.quote));
    // The speaker's name when it has one ("Iron Maiden's Bruce Dickinson" named "Iron Maiden" is
    // wrong), else the words that name it ("A spokesman for her lawyers").
    const speaker = quote?.speaker ?? null;
    const found = speaker ? (speaker.name ?? article.text.slice(speaker.start, speaker.end)) : null;
    const right = found !== null && check.speaker.split('|').some((w) => found.toLowerCase().includes(w.toLowerCase()));
    return { check, found, right };
  });
  return { right: rows.filter((r) => r.right).length, total: rows.length, rows };
}

function main(): void {
  if (!benchPresent()) {
    console.log(`Quote speakers: skipped (${BENCH} not found)`);
    return;
  }
  const { right, total, rows } = checkQuotes();
  for (const r of rows.filter((x) => !x.right)) console.log(`  wrong  ${r.check.id}  "${r.check.quote}"  expected ${r.check.speaker}, found ${r.found ?? 'none'}`);
  console.log(`Quote speakers right on ${right}/${total} (${((100 * right) / total).toFixed(1)} %) of the hand check (test/gold/quote-speakers-check.jsonl, 10 news-bench articles)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
