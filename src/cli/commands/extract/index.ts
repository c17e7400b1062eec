/**
 * @module cli/commands/extract
 * `detente extract FILE_OR_DIR... | -`: one ArticleRecord per line on stdout (the record-format
 * contract); nothing is stored. Failed items are named on stderr and make the exit code 1.
 */
import type { Command } from 'commander';
import { extractStream } from '../../../index.js';
import { EXIT, type CliCommand } from '../../command.js';
import { parseDay, parsePositiveInt } from '../../options.js';
import { UsageError } from '../../../errors.js';
import { failureLine, jsonLine } from '../../output.js';

interface ExtractFlags {
  jsonl?: string[];
  published?: string;
  maxBytes?: number;
  pretty?: boolean;
}

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd
      .argument('[paths...]', 'files, directories, or - for standard input (text or HTML)')
      .option('--jsonl <file>', 'a JSONL file of {"id", "text"|"html", "published", "title", "url", "source"} (repeatable)', collect, [])
      .option('--published <date>', 'publication date (YYYY-MM-DD) for inputs that have none', parseDay)
      .option('--max-bytes <bytes>', 'largest input file accepted (default 20 MiB)', parsePositiveInt)
      .option('--pretty', 'indent each record (no longer one record per line)')
      // Every command takes --db so scripts can pass it uniformly; extract never opens a database.
      .option('--db <path>', 'accepted like every command, but unused: extract stores nothing');
  },
  async run(args, options) {
    const [paths] = args as [string[]];
    const flags = options as ExtractFlags;
    const jsonlFiles = flags.jsonl ?? [];
    if (paths.length === 0 && jsonlFiles.length === 0) throw new UsageError('extract: give at least one FILE_OR_DIR, - for stdin, or --jsonl FILE');
    let failed = 0;
    const passes: { paths: string[]; jsonl: boolean }[] = [
      { paths, jsonl: false },
      { paths: jsonlFiles, jsonl: true },
    ];
    for (const pass of passes) {
      if (pass.paths.length === 0) continue;
      for await (const result of extractStream(pass.paths, { published: flags.published, jsonl: pass.jsonl, maxBytes: flags.maxBytes })) {
        if (result.ok) {
          const text = flags.pretty ? jsonLine(result.record, 2) : jsonLine(result.record);
          if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
        } else {
          failed += 1;
          process.stderr.write(failureLine(result.error.item, result.error.message));
        }
      }
    }
    return failed > 0 ? EXIT.someFailed : EXIT.ok;
  },
};

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
