/**
 * The speed measure of issue 8: CPU time of the whole default pipeline per 1,000 words of real
 * news (../shared/corpora/news-bench.jsonl.gz), as a ratio to wink-nlp's tokens + POS + negation
 * on the same texts in the same process. Each side is timed after its own start-up (warm-up on the first 50
 * articles), so the ratio compares per-word cost only; start-up is measured apart (bench/startup.ts).
 * Runs alternate (wink, pipeline, wink, pipeline …) so that a change in the machine's load hits both.
 *
 *   npm run bench:ratio            (BENCH_RATIO_ARTICLES, default 2000; BENCH_RUNS, default 3)
 *
 * As a library: `measureRatio` is called by bench/worker.ts (task `ratio`) for `npm run bench`.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../src/ingest/index.js';
import type { Article } from '../src/model/article.js';
import { getWink } from '../src/nlp/wink.js';
import { defaultStages } from '../src/pipeline/default-stages.js';
import { createPipeline } from '../src/pipeline/run.js';
import { NOT_PARSED } from '../src/model/tokens.js';
import { median } from './numbers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const NEWS_BENCH = join(ROOT, '..', 'shared', 'corpora', 'news-bench.jsonl.gz');

export interface RatioRun {
  /** CPU ms per 1,000 words. */
  winkMs: number;
  pipelineMs: number;
  ratio: number;
  /** Pipeline articles per CPU second. */
  articlesPerSecond: number;
  load: string;
}

export interface RatioResult {
  articles: number;
  words: number;
  /** Sentences the syntax stage parsed, of all sentences (the first run). */
  parsedSentences: number;
  sentences: number;
  runs: RatioRun[];
  /** Medians over the runs. */
  winkMs: number;
  pipelineMs: number;
  ratio: number;
  articlesPerSecond: number;
}

/** Articles each side sees before it is timed. */
const WARM_UP = 50;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function readArticles(limit: number): Promise<Article[]> {
  const out: Article[] = [];
  for await (const r of readInputs([NEWS_BENCH])) {
    if (r.ok) out.push(r.article);
    if (out.length >= limit) break;
  }
  return out;
}

export async function measureRatio(limit: number, runs: number, log: (s: string) => void = () => {}): Promise<RatioResult> {
  if (!existsSync(NEWS_BENCH)) throw new Error(`news-bench not found at ${NEWS_BENCH}`);
  const texts = (await readArticles(limit)).map((a) => a.text);
  const words = texts.reduce((sum, t) => sum + t.split(/\s+/).filter(Boolean).length, 0);
  // Start-ups, not timed: wink's model, then the pipeline's dictionaries and models, each warmed
  // (JIT included) on the same first articles, so that neither side's first-use cost counts.
  const wink = getWink();
  const its = wink.its;
  const pipeline = createPipeline(defaultStages);
  const warm = await readArticles(Math.min(WARM_UP, texts.length));
  for (const article of warm) {
    wink.readDoc(article.text).tokens().out();
    pipeline.run(article);
  }
  const result: RatioResult = { articles: texts.length, words, parsedSentences: 0, sentences: 0, runs: [], winkMs: 0, pipelineMs: 0, ratio: 0, articlesPerSecond: 0 };
  for (let run = 0; run < runs; run++) {
    const load = loadavg()[0].toFixed(1);
    let t0 = cpuMs();
    let sink = 0;
    for (const text of texts) {
      const tokens = wink.readDoc(text).tokens();
      sink += tokens.out().length + tokens.out(its.pos).length + tokens.out(its.negationFlag).length;
    }
    const winkCpu = cpuMs() - t0;
    // Fresh articles each run (stages fill their tables in place); reading is not timed.
    const articles = await readArticles(limit);
    t0 = cpuMs();
    let pipelineCpu = 0;
    for (const article of articles) {
      const start = cpuMs();
      const done = pipeline.run(article);
      pipelineCpu += cpuMs() - start;
      if (run === 0) {
        result.sentences += done.sentences.length;
        const heads = done.tokens.head;
        if (heads) for (const s of done.sentences) if (s.tokenEnd > s.tokenStart && heads[s.tokenStart] !== NOT_PARSED) result.parsedSentences++;
      }
      sink += done.events.length;
    }
    if (sink < 0) log('');
    const r: RatioRun = {
      winkMs: (1000 * winkCpu) / words,
      pipelineMs: (1000 * pipelineCpu) / words,
      ratio: pipelineCpu / winkCpu,
      articlesPerSecond: (1000 * articles.length) / pipelineCpu,
      load: `${load} → ${loadavg()[0].toFixed(1)}`,
    };
    result.runs.push(r);
    log(`ratio run ${run + 1}/${runs}: wink ${r.winkMs.toFixed(2)} ms, pipeline ${r.pipelineMs.toFixed(2)} ms per 1,000 words → ${r.ratio.toFixed(2)}× (${r.articlesPerSecond.toFixed(1)} articles/s; load ${r.load})`);
  }
  result.winkMs = median(result.runs.map((r) => r.winkMs));
  result.pipelineMs = median(result.runs.map((r) => r.pipelineMs));
  result.ratio = median(result.runs.map((r) => r.ratio));
  result.articlesPerSecond = median(result.runs.map((r) => r.articlesPerSecond));
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const limit = Number(process.env.BENCH_RATIO_ARTICLES ?? 2000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const r = await measureRatio(limit, runs, (s) => process.stderr.write(s + '\n'));
  console.log(
    `news-bench ratio (median of ${runs}): ${r.ratio.toFixed(2)}× wink-nlp tokens+POS+negation — pipeline ${r.pipelineMs.toFixed(2)} ms, wink ${r.winkMs.toFixed(2)} ms CPU per 1,000 words; ` +
      `${r.articlesPerSecond.toFixed(1)} articles/s on one core; ${r.articles} articles, ${r.words} words; syntax parsed ${r.parsedSentences} of ${r.sentences} sentences`,
  );
}
