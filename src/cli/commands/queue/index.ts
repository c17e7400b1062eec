/**
 * @module cli/commands/queue
 * `detente queue [--failed] [--retry ID… | --retry-all] --db postgres://…`: how many ingest
 * jobs are pending, running, failed and done (with the retries used), the failed ones with
 * their errors, and putting failed jobs back on the queue.
 */
import type { Command } from 'commander';
import { EXIT, type CliCommand } from '../../command.js';
import { addDbOption, parsePositiveInt } from '../../options.js';
import { openQueue } from '../../../queue/open.js';

interface QueueFlags {
  db?: string;
  failed?: boolean;
  limit: number;
  retry?: string[];
  retryAll?: boolean;
  json?: boolean;
}

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd
      .option('--failed', 'list the failed jobs with their errors')
      .option('--limit <n>', 'failed jobs listed at most', parsePositiveInt, 50)
      .option('--retry <ids...>', 'put these failed jobs back on the queue')
      .option('--retry-all', 'put every failed job back on the queue')
      .option('--json', 'print as JSON on stdout');
    addDbOption(cmd);
  },
  async run(_args, options) {
    const flags = options as unknown as QueueFlags;
    const queue = await openQueue(flags.db, { sendOnly: true });
    try {
      if (flags.retry || flags.retryAll) {
        const n = await queue.retry(flags.retryAll ? undefined : flags.retry);
        process.stderr.write(`queue: ${n} failed jobs put back on the queue\n`);
      }
      const counts = await queue.counts();
      const failed = flags.failed ? await queue.failed(flags.limit) : [];
      if (flags.json) {
        process.stdout.write(JSON.stringify(flags.failed ? { ...counts, failedJobs: failed } : counts) + '\n');
        return EXIT.ok;
      }
      process.stdout.write(`pending ${counts.pending}  running ${counts.running}  failed ${counts.failed}  done ${counts.done}  retries ${counts.retries}\n`);
      for (const job of failed) process.stdout.write(`failed ${job.id}  ${job.item}  (${job.retries} retries)  ${job.error}\n`);
      return EXIT.ok;
    } finally {
      await queue.close();
    }
  },
};
