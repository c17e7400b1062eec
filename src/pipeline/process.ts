/**
 * @module pipeline/process
 * The ingest loop: read inputs → run the pipeline on each article → store in batches (one
 * transaction each). A failed item is named, recorded in the store and counted; the run goes
 * on. An article already stored is skipped before the pipeline runs, so re-running the same
 * input is fast and stores nothing new; after a crash, the next run resumes where it stopped.
 */
import type { Article } from '../model/article.js';
import { itemName } from '../model/item-name.js';
import { storedArticle } from '../model/stored.js';
import type { IngestOptions, ReadInputs } from '../ingest/types.js';
import { errorMessage, StageError } from '../errors.js';
import type { FailureRecord, Store } from '../store/store.js';
import type { Pipeline } from './run.js';

export interface ProcessProgress {
  /** Items handled so far: articles (new or duplicate) plus failed items. */
  done: number;
  new: number;
  duplicate: number;
  failed: number;
  events: number;
  seconds: number;
}

export interface ProcessOptions {
  store: Store;
  pipeline: Pipeline;
  ingestOptions?: IngestOptions;
  /** Articles per store transaction (default 200). */
  batchSize?: number;
  /** A batch is also stored once it is this old (default 5 s), so slow inputs such as feeds show up promptly. */
  batchSeconds?: number;
  /** Called after every item. Keep it cheap: it runs on the ingest thread. */
  onProgress?: (progress: ProcessProgress) => void;
  /** Stops reading; the articles already processed are still stored. */
  signal?: AbortSignal;
  /** The reader; defaults to the built-in ingest registry (`readInputs` from ingest/). */
  read?: ReadInputs;
}

export interface ProcessSummary {
  new: number;
  duplicate: number;
  /** Items that could not be read, or whose analysis failed (those are still stored, with their errors). */
  failed: number;
  /** Events stored with the new articles. */
  events: number;
  /** Articles read (new plus duplicate). */
  articles: number;
  seconds: number;
  /** Articles read per second. */
  perSecond: number;
  failures: { item: string; message: string }[];
  /** True when the signal stopped the run before the inputs ended. */
  aborted: boolean;
}

/**
 * The built-in reader of every input format (ingest/), loaded on first use so that callers
 * passing their own reader (tests, the API) never load the HTML, feed and WARC parsers.
 */
export async function loadReadInputs(): Promise<ReadInputs> {
  const { readInputs } = await import('../ingest/index.js');
  return readInputs;
}

/**
 * Reads, analyses and stores every article of `paths`.
 *
 * @returns counts, timing and the named failures
 * @example
 * const store = await openStore('news.db');
 * const summary = await processInputs(['samples/'], { store, pipeline: createPipeline(defaultStages) });
 * console.log(`${summary.new} new, ${summary.failed} failed`);
 */
export async function processInputs(paths: string[], options: ProcessOptions): Promise<ProcessSummary> {
  const { store, pipeline, ingestOptions, batchSize = 200, batchSeconds = 5, onProgress, signal } = options;
  const read = options.read ?? (await loadReadInputs());
  const t0 = performance.now();
  const summary: ProcessSummary = { new: 0, duplicate: 0, failed: 0, events: 0, articles: 0, seconds: 0, perSecond: 0, failures: [], aborted: false };
  let batch: Article[] = [];
  let batchStarted = performance.now();
  let failureBatch: FailureRecord[] = [];
  // Ids in the batch not yet committed: a repeated id within one run is a duplicate too.
  const pending = new Set<string>();

  const fail = (item: string, code: string, message: string) => {
    summary.failed += 1;
    summary.failures.push({ item, message });
    failureBatch.push({ item, code, message });
  };
  const flush = async () => {
    if (batch.length > 0) {
      const result = await store.putArticles(batch);
      summary.new += result.inserted;
      summary.duplicate += result.duplicates;
      summary.events += result.events;
      batch = [];
      pending.clear();
    }
    batchStarted = performance.now();
    if (failureBatch.length > 0) {
      await store.putFailures(failureBatch);
      failureBatch = [];
    }
  };
  const report = () => {
    if (!onProgress) return;
    onProgress({
      done: summary.articles + summary.failed,
      new: summary.new + batch.length,
      duplicate: summary.duplicate,
      failed: summary.failed,
      events: summary.events + batch.reduce((n, a) => n + a.events.length, 0),
      seconds: (performance.now() - t0) / 1000,
    });
  };

  for await (const result of read(paths, ingestOptions)) {
    if (signal?.aborted) {
      summary.aborted = true;
      break;
    }
    if (!result.ok) {
      fail(result.error.item, result.error.code, result.error.message);
      report();
      continue;
    }
    const article = result.article;
    summary.articles += 1;
    if (pending.has(article.id) || (await store.hasArticle(article.id))) {
      summary.duplicate += 1;
      report();
      continue;
    }
    let analysed: Article;
    try {
      analysed = pipeline.run(article);
    } catch (error) {
      // pipeline.run records stage errors on the article; reaching here is a bug, but one
      // article must still not stop the batch.
      fail(itemName(article.provenance), 'E_PIPELINE', errorMessage(error));
      report();
      continue;
    }
    const stageErrors = (analysed.failures ?? []).filter((e) => e instanceof StageError);
    if (stageErrors.length > 0) fail(itemName(analysed.provenance), 'E_STAGE', stageErrors.map((e) => e.message).join('; '));
    // Only what the store writes waits for the transaction: the token table and the other
    // working layers (most of an analysed article's memory) are dropped here.
    batch.push(storedArticle(analysed));
    pending.add(analysed.id);
    if (batch.length >= batchSize || performance.now() - batchStarted >= batchSeconds * 1000) await flush();
    report();
  }
  await flush();
  summary.seconds = (performance.now() - t0) / 1000;
  summary.perSecond = summary.seconds > 0 ? summary.articles / summary.seconds : 0;
  return summary;
}
