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
import { DetenteError, errorMessage, StageError } from '../errors.js';
import type { FailureRecord, Store } from '../store/store.js';

export interface ProcessProgress {
  /** Items handled so far: articles (new or duplicate) plus failed items. */
  done: number;
  new: number;
  duplicate: number;
  failed: number;
  events: number;
  seconds: number;
}

/** What processInputs needs of a pipeline: the in-process one, or a pool of worker threads. */
export interface ArticleRunner {
  run(article: Article): Article | Promise<Article>;
  /** How many articles may be in flight at once (a pool's thread count); default 1. */
  readonly concurrency?: number;
}

/** One failed item, as reported to `onFailure` and kept (the first few) in the summary. */
export interface FailureReport {
  item: string;
  code: string;
  message: string;
}

/** How many failures the summary keeps as examples; the rest are only counted (and streamed). */
export const FAILURE_EXAMPLES = 20;

export interface ProcessOptions {
  store: Store;
  pipeline: ArticleRunner;
  ingestOptions?: IngestOptions;
  /** Articles per store transaction (default 200). */
  batchSize?: number;
  /** A batch is also stored once it is this old (default 5 s), so slow inputs such as feeds show up promptly. */
  batchSeconds?: number;
  /** Called after every item. Keep it cheap: it runs on the ingest thread. */
  onProgress?: (progress: ProcessProgress) => void;
  /** Called for every failed item as it happens (the CLI prints it at once; memory stays flat). */
  onFailure?: (failure: FailureReport) => void;
  /** Called after each stored batch with the ids stored new and those already stored (the API returns them). */
  onStored?: (ids: { inserted: string[]; duplicates: string[] }) => void;
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
  /** The first FAILURE_EXAMPLES failures; all of them are in the store and went to `onFailure`. */
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

/** An article sent to the pipeline, in input order, with its result to come. */
interface InFlight {
  article: Article;
  result: Promise<{ ok: true; article: Article } | { ok: false; code: string; message: string }>;
}

/**
 * Reads, analyses and stores every article of `paths`. With a pool as `pipeline`, several
 * articles are analysed at once, but they are stored in input order, and each article's
 * analysis depends on nothing but the article, so the stored result is the same whichever
 * thread handled it.
 *
 * @returns counts, timing and the first few named failures
 * @example
 * const store = await openStore('news.db');
 * const summary = await processInputs(['samples/'], { store, pipeline: createPipeline(defaultStages) });
 * console.log(`${summary.new} new, ${summary.failed} failed`);
 */
export async function processInputs(paths: string[], options: ProcessOptions): Promise<ProcessSummary> {
  const { store, pipeline, ingestOptions, batchSize = 200, batchSeconds = 5, onProgress, onFailure, onStored, signal } = options;
  const read = options.read ?? (await loadReadInputs());
  // A pool gets two articles per thread, so a thread never waits for the next; an in-process pipeline one at a time.
  const window = pipeline.concurrency === undefined ? 1 : Math.max(1, pipeline.concurrency * 2);
  const t0 = performance.now();
  const summary: ProcessSummary = { new: 0, duplicate: 0, failed: 0, events: 0, articles: 0, seconds: 0, perSecond: 0, failures: [], aborted: false };
  let batch: Article[] = [];
  let batchStarted = performance.now();
  let failureBatch: FailureRecord[] = [];
  // Ids read but not yet committed (in flight or in the batch): a repeated id within one run is a duplicate too.
  const pending = new Set<string>();
  const inFlight: InFlight[] = [];

  const fail = (item: string, code: string, message: string) => {
    summary.failed += 1;
    if (summary.failures.length < FAILURE_EXAMPLES) summary.failures.push({ item, message });
    failureBatch.push({ item, code, message });
    onFailure?.({ item, code, message });
  };
  const flush = async () => {
    if (batch.length > 0) {
      const result = await store.putArticles(batch);
      summary.new += result.inserted;
      summary.duplicate += result.duplicates;
      summary.events += result.events;
      onStored?.({ inserted: result.insertedIds, duplicates: result.duplicateIds });
      for (const article of batch) pending.delete(article.id);
      batch = [];
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
  /** Takes the oldest article in flight to the batch once its analysis is done. */
  const settleOldest = async () => {
    const next = inFlight.shift()!;
    const outcome = await next.result;
    if (!outcome.ok) {
      // pipeline.run records stage errors on the article; reaching here means the item itself
      // could not be analysed (a bug, or a pool's time or memory budget): it is named, the batch goes on.
      pending.delete(next.article.id);
      fail(itemName(next.article.provenance), outcome.code, outcome.message);
      report();
      return;
    }
    const analysed = outcome.article;
    const stageErrors = (analysed.failures ?? []).filter((e) => e instanceof StageError);
    if (stageErrors.length > 0) fail(itemName(analysed.provenance), 'E_STAGE', stageErrors.map((e) => e.message).join('; '));
    // Only what the store writes waits for the transaction: the token table and the other
    // working layers (most of an analysed article's memory) are dropped here.
    batch.push(storedArticle(analysed));
    if (batch.length >= batchSize || performance.now() - batchStarted >= batchSeconds * 1000) await flush();
    report();
  };

  try {
    for await (const result of read(paths, ingestOptions)) {
      if (signal?.aborted) {
        summary.aborted = true;
        break;
      }
      if (!result.ok) {
        fail(result.error.item, result.error.code, result.error.message);
        // Failures reach the store as they happen, not only with the next article batch.
        if (failureBatch.length >= batchSize) await flush();
        report();
        continue;
      }
      const article = result.article;
      summary.articles += 1;
      if (pending.has(article.id) || (await store.hasArticle(article.id))) {
        summary.duplicate += 1;
        onStored?.({ inserted: [], duplicates: [article.id] });
        report();
        continue;
      }
      pending.add(article.id);
      const run = async () => pipeline.run(article);
      inFlight.push({
        article,
        result: run().then(
          (analysed) => ({ ok: true as const, article: analysed }),
          (error: unknown) => ({ ok: false as const, code: error instanceof DetenteError ? error.code : 'E_PIPELINE', message: errorMessage(error) }),
        ),
      });
      while (inFlight.length >= window) await settleOldest();
    }
  } finally {
    // Whatever stopped the reading (the end, a signal, a reader that threw), every article
    // already read is analysed and stored: a fatal condition later cannot lose it.
    while (inFlight.length > 0) await settleOldest();
    await flush();
  }
  summary.seconds = (performance.now() - t0) / 1000;
  summary.perSecond = summary.seconds > 0 ? summary.articles / summary.seconds : 0;
  return summary;
}
