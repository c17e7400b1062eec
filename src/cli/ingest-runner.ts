/**
 * @module cli/ingest-runner
 * The ingest used by `detente ingest` and `detente demo`: opens the store, runs processInputs
 * with progress on stderr, stops cleanly on Ctrl-C (the current batch is still stored), and
 * reports the summary line and every failed item by name.
 */
import type { IngestOptions } from '../ingest/types.js';
import { defaultStages } from '../pipeline/default-stages.js';
import { processInputs, type ProcessSummary } from '../pipeline/process.js';
import { createPipeline } from '../pipeline/run.js';
import { EXIT } from './command.js';
import { estimateItems } from './estimate-items.js';
import { openCliStore } from './options.js';
import { createProgressReporter } from './progress.js';

export interface IngestRunOptions {
  paths: string[];
  db?: string;
  ingestOptions?: IngestOptions;
  batchSize?: number;
  quiet?: boolean;
}

export interface IngestRun {
  summary: ProcessSummary;
  exitCode: number;
}

export async function runIngest({ paths, db, ingestOptions = {}, batchSize, quiet }: IngestRunOptions): Promise<IngestRun> {
  const store = await openCliStore(db);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const pipeline = createPipeline(defaultStages);
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
      });
    } finally {
      reporter.stop();
    }
    for (const failure of summary.failures) process.stderr.write(`failed: ${failure.item}: ${stripItem(failure)}\n`);
    if (!quiet || summary.failed > 0) process.stderr.write(summaryLine(summary) + '\n');
    if (summary.aborted) process.stderr.write('ingest: stopped early; run the same command again to resume (stored articles are skipped)\n');
    return { summary, exitCode: summary.failed > 0 || summary.aborted ? EXIT.someFailed : EXIT.ok };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
}

export function summaryLine(s: ProcessSummary): string {
  return (
    `ingest: ${s.new} new, ${s.duplicate} duplicate, ${s.failed} failed, ${s.events} events, ` +
    `${s.perSecond.toFixed(1)} articles/s (${s.articles} articles in ${s.seconds.toFixed(1)} s)`
  );
}

/** ItemError messages already start with the item; avoid printing it twice. */
function stripItem(failure: { item: string; message: string }): string {
  return failure.message.startsWith(`${failure.item}: `) ? failure.message.slice(failure.item.length + 2) : failure.message;
}
