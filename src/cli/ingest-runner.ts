/**
 * @module cli/ingest-runner
 * The ingest used by `detente ingest` and `detente demo`: opens the store, runs processInputs
 * on a pool of worker threads (a time and memory budget per article; `--threads` cores) with
 * progress on stderr, stops cleanly on Ctrl-C (the current batch is still stored), and prints
 * each failed item by name as it happens (nothing is kept in memory for them), then the summary.
 */
import type { IngestOptions } from '../ingest/types.js';
import { processInputs, type ProcessSummary } from '../pipeline/process.js';
import { createPipelinePool, type PoolOptions } from '../pipeline/pool.js';
import { EXIT } from './command.js';
import { estimateItems } from './estimate-items.js';
import { openCliStore } from './options.js';
import { failureLine } from './output.js';
import { createProgressReporter } from './progress.js';

export interface IngestRunOptions {
  paths: string[];
  db?: string;
  ingestOptions?: IngestOptions;
  batchSize?: number;
  quiet?: boolean;
  /** Threads, time and memory budget per article. */
  pool?: PoolOptions;
}

export interface IngestRun {
  summary: ProcessSummary;
  exitCode: number;
}

export async function runIngest({ paths, db, ingestOptions = {}, batchSize, quiet, pool: poolOptions }: IngestRunOptions): Promise<IngestRun> {
  const store = await openCliStore(db);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const pipeline = createPipelinePool(poolOptions);
  try {
    const reporter = createProgressReporter({ total: await estimateItems(paths, ingestOptions), quiet });
    let summary: ProcessSummary;
    try {
      summary = await processInputs(paths, {
        store,
        pipeline,
        ingestOptions,
        batchSize,
        signal: controller.signal,
        onProgress: (p) => reporter.update(p),
        onFailure: (f) => reporter.log(failureLine(f.item, f.message)),
      });
    } finally {
      reporter.stop();
    }
    if (!quiet || summary.failed > 0) process.stderr.write(summaryLine(summary) + '\n');
    if (summary.aborted) process.stderr.write('ingest: stopped early; run the same command again to resume (stored articles are skipped)\n');
    return { summary, exitCode: summary.failed > 0 || summary.aborted ? EXIT.someFailed : EXIT.ok };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await pipeline.close();
    await store.close();
  }
}

export function summaryLine(s: ProcessSummary): string {
  return (
    `ingest: ${s.new} new, ${s.duplicate} duplicate, ${s.failed} failed, ${s.events} events, ` +
    `${s.perSecond.toFixed(1)} articles/s (${s.articles} articles in ${s.seconds.toFixed(1)} s)`
  );
}
