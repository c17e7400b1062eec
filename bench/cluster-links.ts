/**
 * Measures cross-story linking on test/cluster/same-event-pairs.jsonl: reads the labelled
 * articles from ../shared/corpora/news-bench.jsonl.gz (in the corpus's order), codes them with
 * the default pipeline and stores them in a fresh in-memory SQLite store, then scores the pairs.
 * Shared by the CI floor test (test/cluster/linking.test.ts) and `npm run bench:clusters`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../src/ingest/index.js';
import type { Article } from '../src/model/article.js';
import { storedArticle } from '../src/model/stored.js';
import { defaultStages } from '../src/pipeline/default-stages.js';
import { createPipeline } from '../src/pipeline/run.js';
import { parsePairs, scoreLinks, type LinkScores } from '../src/cluster/evaluate.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const NEWS_BENCH = resolve(ROOT, '../shared/corpora/news-bench.jsonl.gz');
export const PAIRS = resolve(ROOT, 'test/cluster/same-event-pairs.jsonl');

/** The articles with these ids, coded, in corpus order. */
export async function codedArticles(corpus: string, ids: Set<string>): Promise<Article[]> {
  const pipeline = createPipeline(defaultStages);
  const articles: Article[] = [];
  for await (const result of readInputs([corpus])) {
    if (result.ok && ids.has(result.article.id)) articles.push(storedArticle(pipeline.run(result.article)));
    if (articles.length === ids.size) break;
  }
  return articles;
}

/** Null when news-bench is absent. */
export async function measureLinks(): Promise<LinkScores | null> {
  if (!existsSync(NEWS_BENCH)) return null;
  const pairs = parsePairs(readFileSync(PAIRS, 'utf8'), PAIRS);
  const ids = new Set(pairs.flatMap((p) => [p.a.article, p.b.article]));
  const articles = await codedArticles(NEWS_BENCH, ids);
  const store = new SqliteStore(':memory:');
  try {
    return await scoreLinks(pairs, articles, store);
  } finally {
    await store.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const scores = await measureLinks();
  if (scores === null) console.log(`skipped: ${NEWS_BENCH} is absent`);
  else {
    const { errors, unmatchedReports, ...figures } = scores;
    console.log(JSON.stringify(figures, null, 1));
    for (const r of unmatchedReports) console.log(`no coded event: ${r.article} "${r.quote}"`);
    for (const e of errors) console.log(`${e.linked ? 'linked, not same' : 'same, not linked'}: ${e.pair.a.article} "${e.pair.a.quote}" ~ ${e.pair.b.article} "${e.pair.b.quote}" (${e.pair.note})`);
  }
}
