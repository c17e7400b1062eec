/**
 * @module cli/commands/enqueue
 * `detente enqueue PATH|URL … --db postgres://…`: one job per item on the ingest queue (a
 * directory's files, a JSON Lines file's lines, a feed's items), for `detente worker` to run.
 * Inputs that cannot be expanded are named on stderr and recorded as failures in the store.
 */
import type { Command } from 'commander';
import { EXIT, type CliCommand } from '../../command.js';
import { addDbOption, parseDay, parsePositiveInt } from '../../options.js';
import { expandInputs } from '../../../queue/expand.js';
import type { IngestJob } from '../../../queue/jobs.js';
import { openQueue, queueUrl } from '../../../queue/open.js';
import { openStore } from '../../../store/open-store.js';
import type { FailureRecord } from '../../../store/store.js';

interface EnqueueFlags {
  db?: string;
  published?: string;
  jsonl?: boolean;
  maxBytes?: number;
  lease?: number;
  retries?: number;
  retryDelay?: number;
  quiet?: boolean;
}

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd
      .argument('<inputs...>', 'files, directories, JSONL files (one job per line), feed or page URLs (http/https)')
      .option('--published <date>', 'publication date (YYYY-MM-DD) for inputs that have none', parseDay)
      .option('--jsonl', 'read every file as JSONL')
      .option('--max-bytes <bytes>', 'largest input file or JSONL line accepted (default 20 MiB)', parsePositiveInt)
      .option('--lease <seconds>', 'how long a worker may hold one job before another worker gets it (default 600)', parsePositiveInt)
      .option('--retries <n>', 'attempts after the first for a job that fails (default 2)', (v) => (v === '0' ? 0 : parsePositiveInt(v)))
      .option('--retry-delay <seconds>', 'wait before a failed job is tried again, doubling each time (default 10)', parsePositiveInt)
      .option('-q, --quiet', 'print only failures');
    addDbOption(cmd);
  },
  async run(args, options) {
    const [inputs] = args as [string[]];
    const flags = options as EnqueueFlags;
    const url = queueUrl(flags.db);
    const queue = await openQueue(url, { leaseSeconds: flags.lease, retryLimit: flags.retries, retryDelay: flags.retryDelay, sendOnly: true });
    const failures: FailureRecord[] = [];
    let added = 0;
    try {
      let chunk: IngestJob[] = [];
      const ingestOptions = { published: flags.published, jsonl: flags.jsonl, maxBytes: flags.maxBytes };
      for await (const entry of expandInputs(inputs, ingestOptions)) {
        if (!entry.ok) {
          process.stderr.write(`failed: ${entry.error.message}\n`);
          failures.push({ item: entry.error.item, code: entry.error.code, message: entry.error.message });
          continue;
        }
        chunk.push(entry.job);
        if (chunk.length >= 500) {
          added += await queue.add(chunk);
          chunk = [];
        }
      }
      added += await queue.add(chunk);
    } finally {
      await queue.close();
    }
    if (failures.length > 0) {
      const store = await openStore(url);
      try {
        await store.putFailures(failures);
      } finally {
        await store.close();
      }
    }
    if (!flags.quiet || failures.length > 0) process.stderr.write(`enqueue: ${added} jobs queued, ${failures.length} inputs failed\n`);
    return failures.length > 0 ? EXIT.someFailed : EXIT.ok;
  },
};
