/**
 * An article's result must not depend on what else is in the batch: a batch of real articles
 * (the first 300 of news-bench) is processed forward with one pipeline and reversed with
 * another, and every record must come out the same. Skips, with a message, when ../shared is
 * absent.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/ingest/index.js';
import type { Article } from '../../src/model/article.js';
import { toRecord } from '../../src/model/record.js';
import { createPipeline } from '../../src/pipeline/run.js';
import { defaultStages } from '../../src/pipeline/default-stages.js';

const BENCH = new URL('../../../shared/corpora/news-bench.jsonl.gz', import.meta.url).pathname;
const BATCH = 300;
const present = existsSync(BENCH);
if (!present) console.warn(`batch order: ${BENCH} is absent; skipping the forward/reversed batch comparison`);

async function firstArticles(n: number): Promise<Article[]> {
  const out: Article[] = [];
  for await (const r of readInputs([BENCH], { jsonl: true })) {
    if (r.ok) out.push(r.article);
    if (out.length === n) break;
  }
  return out;
}

/** Each article's record as JSON, by article id, after running the batch in the given order. */
function run(articles: Article[]): Map<string, string> {
  const pipeline = createPipeline(defaultStages);
  const out = new Map<string, string>();
  for (const article of articles) {
    const copy = structuredClone(article);
    const { provenance: _provenance, ...record } = toRecord(pipeline.run(copy));
    out.set(article.id, JSON.stringify(record));
  }
  return out;
}

describe.skipIf(!present)('batch order (news-bench)', () => {
  it(`gives every one of ${BATCH} real articles the same record forward and reversed`, async () => {
    const articles = await firstArticles(BATCH);
    expect(articles.length).toBe(BATCH);
    const forward = run(articles);
    const reversed = run([...articles].reverse());
    const changed = [...forward.keys()].filter((id) => forward.get(id) !== reversed.get(id));
    expect(changed).toEqual([]);
  }, 180_000);
});
