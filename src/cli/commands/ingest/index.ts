/**
 * @module cli/commands/ingest
 * `detente ingest PATH...`: read, code and store; re-running the same input stores nothing new.
 */
import type { Command } from 'commander';
import type { CliCommand } from '../../command.js';
import { runIngest } from '../../ingest-runner.js';
import { addDbOption, parseDay, parsePositiveInt } from '../../options.js';

interface IngestFlags {
  db?: string;
  published?: string;
  jsonl?: boolean;
  maxBytes?: number;
  batchSize?: number;
  quiet?: boolean;
  json?: boolean;
}

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd
      .argument('<paths...>', 'files, directories or - (stdin): .txt .html .jsonl .json .xml .warc .warc.gz')
      .option('--published <date>', 'publication date (YYYY-MM-DD) for inputs that have none', parseDay)
      .option('--jsonl', 'read every file as JSONL ({"id", "text", ...} per line)')
      .option('--max-bytes <bytes>', 'largest input file accepted, or JSONL line or WARC record in a file of any size (default 20 MiB)', parsePositiveInt)
      .option('--batch-size <n>', 'articles per database transaction', parsePositiveInt, 200)
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
      ingestOptions: { published: flags.published, jsonl: flags.jsonl, maxBytes: flags.maxBytes },
      batchSize: flags.batchSize,
      quiet: flags.quiet,
    });
    if (flags.json) process.stdout.write(JSON.stringify(summary) + '\n');
    return exitCode;
  },
};
