/**
 * @module cli/commands/ingest
 * `detente ingest PATH...`: read, code and store; re-running the same input stores nothing new.
 */
import type { Command } from 'commander';
import type { CliCommand } from '../../command.js';
import { runIngest } from '../../ingest-runner.js';
import { jsonLine } from '../../output.js';
import { addDbOption, parseDay, parseLimit, parsePositiveInt, parsePositiveNumber } from '../../options.js';
import type { ReadLimits } from '../../../ingest/limits.js';
import { DEFAULT_ITEM_MEMORY_MB, DEFAULT_ITEM_TIMEOUT_MS } from '../../../pipeline/pool.js';

interface IngestFlags {
  db?: string;
  published?: string;
  jsonl?: boolean;
  maxBytes?: number;
  batchSize?: number;
  quiet?: boolean;
  json?: boolean;
  threads?: number;
  limit?: Partial<ReadLimits>;
  itemTimeout?: number;
  itemMemory?: number;
}

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd
      .argument('<paths...>', 'files, directories or - (stdin): .txt .html .jsonl .json .xml .warc .warc.gz')
      .option('--published <date>', 'publication date (YYYY-MM-DD) for inputs that have none', parseDay)
      .option('--jsonl', 'read every file as JSONL ({"id", "text", ...} per line)')
      .option('--max-bytes <bytes>', 'largest input file accepted, or JSONL line or WARC record in a file of any size (default 20 MiB)', parsePositiveInt)
      .option('--batch-size <n>', 'articles per database transaction', parsePositiveInt, 200)
      .option('--limit <name=value>', 'change a reader limit, e.g. max-html-depth=100 (repeatable; see docs/limits.md)', parseLimit)
      .option('--threads <n>', 'worker threads that analyse articles (up to one per core)', parsePositiveInt, 1)
      .option('--item-timeout <seconds>', `time budget per article; one still running is stopped and named as failed (default ${DEFAULT_ITEM_TIMEOUT_MS / 1000})`, parsePositiveNumber)
      .option('--item-memory <MB>', `heap budget of each analysis thread (default ${DEFAULT_ITEM_MEMORY_MB})`, parsePositiveInt)
      .option('-q, --quiet', 'no progress; only failures and, if any, the summary')
      .option('--json', 'print the summary as JSON on stdout');
    addDbOption(cmd);
  },
  async run(args, options) {
    const [paths] = args as [string[]];
    const flags = options as IngestFlags;
    const { summary, exitCode } = await runIngest({
      paths,
      db: flags.db,
      ingestOptions: { published: flags.published, jsonl: flags.jsonl, maxBytes: flags.maxBytes, limits: flags.limit },
      batchSize: flags.batchSize,
      quiet: flags.quiet,
      pool: {
        threads: flags.threads,
        itemTimeoutMs: flags.itemTimeout === undefined ? undefined : flags.itemTimeout * 1000,
        itemMemoryMb: flags.itemMemory,
      },
    });
    if (flags.json) process.stdout.write(jsonLine(summary));
    return exitCode;
  },
};
