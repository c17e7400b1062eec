/**
 * @module queue/worker
 * A worker: takes jobs from the ingest queue, reads each item, runs the pipeline and stores
 * the articles of the jobs it took in one transaction, then marks those jobs done. An article
 * already stored is skipped before the pipeline runs, and the store skips ids it already holds,
 * so a job run twice (its worker died after storing, before marking it done) stores nothing
 * twice. Several loops (`concurrency`) share one process: reading and fetching overlap with
 * coding; for more cores, run more worker processes.
 */
import type { Article } from '../model/article.js';
import { storedArticle } from '../model/stored.js';
import { itemName } from '../model/item-name.js';
import { errorMessage } from '../errors.js';
import type { FailureRecord, Store } from '../store/store.js';
import type { ArticleRunner } from '../pipeline/process.js';
import { jobItem, readJob } from './jobs.js';
import type { IngestQueue, TakenJob } from './queue.js';

export interface WorkerOptions {
  queue: IngestQueue;
  store: Store;
  /**
   * Runs the pipeline on one article: a Pipeline on this thread, or a pipeline pool
   * (pipeline/pool.ts), whose threads have a bounded young generation as `ingest` uses.
   */
  pipeline: ArticleRunner;
  /** Loops taking jobs at once in this process (default 1). */
  concurrency?: number;
  /** Jobs taken (and articles stored per transaction) at a time, per loop (default 20). */
  batchSize?: number;
  /** Seconds between looks at an empty queue (default 1). */
  pollSeconds?: number;
  /** Stop once nothing is pending or running (instead of waiting for new jobs). */
  untilEmpty?: boolean;
  signal?: AbortSignal;
  /** One line per failed item. */
  onFailure?: (item: string, message: string) => void;
  /** Called after every stored batch. */
  onBatch?: (summary: WorkerSummary) => void;
}

export interface WorkerSummary {
  jobs: number;
  new: number;
  duplicate: number;
  failed: number;
  events: number;
  seconds: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const { queue, store, pipeline, concurrency = 1, batchSize = 20, pollSeconds = 1, untilEmpty = false, signal } = options;
  const t0 = performance.now();
  const summary: WorkerSummary = { jobs: 0, new: 0, duplicate: 0, failed: 0, events: 0, seconds: 0 };
  let idle = false;

  const loop = async () => {
    while (!signal?.aborted && !idle) {
      const jobs = await queue.take(batchSize);
      if (jobs.length === 0) {
        if (untilEmpty) {
          const counts = await queue.counts();
          if (counts.pending === 0 && counts.running === 0) {
            idle = true;
            break;
          }
        }
        await sleep(pollSeconds * 1000, signal);
        continue;
      }
      await runBatch(jobs);
    }
  };

  const runBatch = async (jobs: TakenJob[]) => {
    const articles: Article[] = [];
    const failures: FailureRecord[] = [];
    const done: string[] = [];
    const failedJobs = new Map<string, { code: string; message: string }>();
    const pending = new Set<string>();
    for (const job of jobs) {
      const jobFailures: { code: string; message: string }[] = [];
      try {
        for await (const result of readJob(job.data)) {
          if (!result.ok) {
            jobFailures.push({ code: result.error.code, message: result.error.message });
            failures.push({ item: result.error.item, code: result.error.code, message: result.error.message });
            continue;
          }
          const article = result.article;
          if (pending.has(article.id) || (await store.hasArticle(article.id))) {
            summary.duplicate += 1;
            continue;
          }
          const analysed = await pipeline.run(article);
          const stageErrors = (analysed.failures ?? []).filter((f) => f.code === 'E_STAGE');
          if (stageErrors.length > 0) {
            const message = stageErrors.map((e) => e.message).join('; ');
            failures.push({ item: itemName(analysed.provenance), code: 'E_STAGE', message });
            options.onFailure?.(itemName(analysed.provenance), message);
          }
          articles.push(storedArticle(analysed));
          pending.add(analysed.id);
        }
      } catch (error) {
        // The item could not be had at all (a page that did not answer): the queue tries again later.
        jobFailures.push({ code: (error as { code?: string }).code ?? 'E_WORKER', message: errorMessage(error) });
      }
      if (jobFailures.length > 0) {
        failedJobs.set(job.id, { code: jobFailures[0].code, message: jobFailures.map((f) => f.message).join('; ') });
        for (const f of jobFailures) options.onFailure?.(jobItem(job.data), f.message);
      } else done.push(job.id);
    }
    try {
      // One transaction for the articles of every job taken; only then are the jobs marked done.
      const result = await store.putArticles(articles);
      summary.new += result.inserted;
      summary.duplicate += result.duplicates;
      summary.events += result.events;
      if (failures.length > 0) await store.putFailures(failures);
    } catch (error) {
      for (const job of jobs) await queue.fail(job.id, { code: 'E_STORE_WRITE', message: errorMessage(error) }).catch(() => {});
      summary.failed += jobs.length;
      options.onFailure?.(`${jobs.length} jobs`, errorMessage(error));
      return;
    }
    await queue.complete(done);
    for (const [id, error] of failedJobs) await queue.fail(id, error);
    summary.jobs += jobs.length;
    summary.failed += failedJobs.size;
    summary.seconds = (performance.now() - t0) / 1000;
    options.onBatch?.({ ...summary });
  };

  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, loop));
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}
