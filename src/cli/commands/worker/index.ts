/**
 * @module cli/commands/worker
 * `detente worker --db postgres://… [--concurrency N]`: runs ingest jobs from the queue until
 * stopped (Ctrl-C or SIGTERM finish the jobs in hand first), or with --until-empty until
 * nothing is pending or running. Start as many as there are cores, on any number of machines.
 */
import type { Command } from 'commander';
import { EXIT, type CliCommand } from '../../command.js';
import { addDbOption, parsePositiveInt } from '../../options.js';
import { openQueue, queueUrl } from '../../../queue/open.js';
import { runWorker } from '../../../queue/worker.js';
import { openStore } from '../../../store/open-store.js';

interface WorkerFlags {
  db?: string;
  concurrency: number;
  batchSize: number;
  untilEmpty?: boolean;
  superviseSeconds?: number;
  threads: number;
  quiet?: boolean;
  json?: boolean;
}

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd
      .option('--concurrency <n>', 'jobs in progress at once in this process (reading and fetching overlap with coding)', parsePositiveInt, 1)
      .option('--batch-size <n>', 'jobs taken, and articles stored per transaction, at a time', parsePositiveInt, 20)
      .option('--until-empty', 'stop once no job is pending or running')
      .option('--threads <n>', 'pipeline threads (each with its time and memory budget per item)', parsePositiveInt, 1)
      .option('--supervise-seconds <n>', 'how often to look for jobs whose worker died (their lease ran out)', parsePositiveInt)
      .option('-q, --quiet', 'print only failures and the summary')
      .option('--json', 'print the summary as JSON on stdout');
    addDbOption(cmd);
  },
  async run(_args, options) {
    const flags = options as unknown as WorkerFlags;
    const url = queueUrl(flags.db);
    const store = await openStore(url);
    const queue = await openQueue(url, { superviseSeconds: flags.superviseSeconds }).catch(async (error) => {
      await store.close();
      throw error;
    });
    // The pipeline runs on its own thread(s), as ingest's does: a bounded young generation there keeps the
    // worker's peak memory under 500 MB on news-bench (545 MB with the pipeline on the main thread; docs/scale.md),
    // and an item over its time or memory budget fails alone.
    const { createPipelinePool } = await import('../../../pipeline/pool.js');
    const pipeline = createPipelinePool({ threads: flags.threads });
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (!flags.quiet) process.stderr.write(`worker: pid ${process.pid} taking jobs from ${url.replace(/:[^:@/]*@/, ':***@')}\n`);
    try {
      const summary = await runWorker({
        queue,
        store,
        pipeline,
        concurrency: flags.concurrency,
        batchSize: flags.batchSize,
        untilEmpty: flags.untilEmpty,
        signal: controller.signal,
        onFailure: (item, message) => process.stderr.write(`failed: ${message.startsWith(item) ? message : `${item}: ${message}`}\n`),
        onBatch: flags.quiet ? undefined : (s) => process.stderr.write(`worker: ${s.jobs} jobs, ${s.new} new, ${s.duplicate} duplicate, ${s.failed} failed, ${s.events} events\n`),
      });
      process.stderr.write(
        `worker: done — ${summary.jobs} jobs, ${summary.new} new, ${summary.duplicate} duplicate, ${summary.failed} failed, ${summary.events} events in ${summary.seconds.toFixed(1)} s\n`,
      );
      if (flags.json) process.stdout.write(JSON.stringify(summary) + '\n');
      return summary.failed > 0 ? EXIT.someFailed : EXIT.ok;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await queue.close();
      await store.close();
      await pipeline.close();
    }
  },
};
