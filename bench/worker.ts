/**
 * One measurement in its own process, so that its peak memory (maxRSS) is its own:
 *   ingest CORPUS DB  — processInputs into a fresh SQLite file (read + full pipeline + store)
 *   nlp CORPUS N      — per-article time of the `nlp.*` stages, per 1,000 words
 *   e2e CORPUS N      — full default pipeline over N articles, text to coded events
 *   ratio - N,RUNS    — issue 8's ratio to wink-nlp on N news-bench articles (bench/ratio.ts)
 * Prints one JSON object on stdout.
 */
import { readInputs } from '../src/ingest/index.js';
import type { Article } from '../src/model/article.js';
import { defaultStages } from '../src/pipeline/default-stages.js';
import { processInputs } from '../src/pipeline/process.js';
import { createPipeline } from '../src/pipeline/run.js';
import { openStore } from '../src/store/open-store.js';
import { median } from './numbers.js';
import { measureRatio } from './ratio.js';

const maxRssMB = () => process.resourceUsage().maxRSS / 1024;

async function readArticles(corpus: string, limit: number): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const r of readInputs([corpus])) {
    if (r.ok) articles.push(r.article);
    if (articles.length >= limit) break;
  }
  return articles;
}

async function ingest(corpus: string, db: string) {
  const store = await openStore(db);
  const inner = createPipeline(defaultStages);
  // Where the time goes: the pipeline and the store calls are timed; the rest is reading.
  let pipelineMs = 0;
  let storeMs = 0;
  const pipeline = { stages: inner.stages, run: (a: Article) => {
    const t0 = performance.now();
    const out = inner.run(a);
    pipelineMs += performance.now() - t0;
    return out;
  } };
  const putArticles = store.putArticles.bind(store);
  store.putArticles = async (articles) => {
    const t0 = performance.now();
    const result = await putArticles(articles);
    storeMs += performance.now() - t0;
    return result;
  };
  const summary = await processInputs([corpus], { store, pipeline });
  await store.close();
  if (summary.new === 0) throw new Error(`ingest stored nothing: ${summary.failures.slice(0, 3).map((f) => f.message).join('; ')}`);
  return {
    articles: summary.new, events: summary.events, failed: summary.failed, seconds: summary.seconds, perSecond: summary.perSecond,
    pipelineSeconds: pipelineMs / 1000, storeSeconds: storeMs / 1000, maxRssMB: maxRssMB(),
  };
}

async function nlp(corpus: string, n: number) {
  const articles = await readArticles(corpus, n);
  if (articles.length === 0) throw new Error(`no readable articles in ${corpus}`);
  // Stage timings come from each article's stamps, so reading them first does not skew them.
  const pipeline = createPipeline(defaultStages);
  const nlpStages = pipeline.stages.filter((s) => s.startsWith('nlp.'));
  // Warm-up: models and dictionaries load on first use, which is not per-article cost.
  pipeline.run((await readArticles(corpus, 1))[0]);
  const perArticle: number[] = [];
  const perStage = new Map<string, number[]>(nlpStages.map((s) => [s, []]));
  for (const article of articles) {
    const words = article.text.split(/\s+/).filter(Boolean).length;
    const done = pipeline.run(article);
    let ms = 0;
    for (const stage of nlpStages) {
      const stamp = done.stamps[stage];
      if (!stamp) continue;
      ms += stamp.ms;
      perStage.get(stage)!.push((stamp.ms * 1000) / words);
    }
    perArticle.push((ms * 1000) / words);
  }
  return {
    articles: articles.length,
    stages: nlpStages,
    medianMsPer1000Words: median(perArticle),
    perStage: Object.fromEntries([...perStage].map(([s, xs]) => [s, xs.length ? median(xs) : null])),
    maxRssMB: maxRssMB(),
  };
}

/** Articles stream from the reader; only `pipeline.run` is timed, and nothing is kept, so maxRSS is the pipeline's. */
async function e2e(corpus: string, n: number) {
  const pipeline = createPipeline(defaultStages);
  pipeline.run((await readArticles(corpus, 1))[0]);
  let articles = 0;
  let words = 0;
  let events = 0;
  let errors = 0;
  let ms = 0;
  for await (const r of readInputs([corpus])) {
    if (!r.ok) continue;
    words += r.article.text.split(/\s+/).filter(Boolean).length;
    const t0 = performance.now();
    const done = pipeline.run(r.article);
    ms += performance.now() - t0;
    events += done.events.length;
    errors += done.errors.length;
    if (++articles >= n) break;
  }
  const seconds = ms / 1000;
  return { articles, words, events, errors, seconds, perSecond: articles / seconds, stages: pipeline.stages, maxRssMB: maxRssMB() };
}

const [task, corpus, arg] = process.argv.slice(2);
const tasks: Record<string, () => Promise<unknown>> = {
  ingest: () => ingest(corpus, arg),
  nlp: () => nlp(corpus, Number(arg)),
  e2e: () => e2e(corpus, Number(arg)),
  ratio: () => measureRatio(Number(arg.split(',')[0]), Number(arg.split(',')[1]), (line) => process.stderr.write(line + '\n')),
};
if (!tasks[task]) {
  process.stderr.write(`bench worker: unknown task "${task}" (ingest, nlp, e2e, ratio)\n`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(await tasks[task]()) + '\n');
