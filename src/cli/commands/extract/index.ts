/**
 * @module cli/commands/extract
 * `detente extract FILE_OR_DIR... | -`: one ArticleRecord per line on stdout (the record-format
 * contract); nothing is stored. Failed items are named on stderr and make the exit code 1.
 * Articles are analysed on the same pool of worker threads as `ingest` (pipeline/pool.ts): each
 * has its time and memory budget, so one hostile item is named as failed instead of hanging or
 * killing the run, and `--threads N` uses N cores. Records come out in input order.
 */
import type { Command } from 'commander';
import { EXIT, type CliCommand } from '../../command.js';
import { parseDay, parsePositiveInt, parsePositiveNumber } from '../../options.js';
import { errorMessage, UsageError } from '../../../errors.js';
import { failureLine, jsonLine } from '../../output.js';
import { createPipelinePool, DEFAULT_ITEM_MEMORY_MB, DEFAULT_ITEM_TIMEOUT_MS } from '../../../pipeline/pool.js';
import { loadReadInputs } from '../../../pipeline/process.js';
import { toRecord, type ArticleRecord } from '../../../model/record.js';
import { itemName } from '../../../model/item-name.js';

interface ExtractFlags {
  jsonl?: string[];
  published?: string;
  maxBytes?: number;
  pretty?: boolean;
  threads?: number;
  itemTimeout?: number;
  itemMemory?: number;
}

type Outcome = { ok: true; record: ArticleRecord } | { ok: false; item: string; message: string };

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd
      .argument('[paths...]', 'files, directories, or - for standard input (text or HTML)')
      .option('--jsonl <file>', 'a JSONL file of {"id", "text"|"html", "published", "title", "url", "source"} (repeatable)', collect, [])
      .option('--published <date>', 'publication date (YYYY-MM-DD) for inputs that have none', parseDay)
      .option('--max-bytes <bytes>', 'largest input file accepted (default 20 MiB)', parsePositiveInt)
      .option('--pretty', 'indent each record (no longer one record per line)')
      .option('--threads <n>', 'worker threads that analyse articles (up to one per core)', parsePositiveInt, 1)
      .option('--item-timeout <seconds>', `time budget per article; one still running is stopped and named as failed (default ${DEFAULT_ITEM_TIMEOUT_MS / 1000})`, parsePositiveNumber)
      .option('--item-memory <MB>', `heap budget of each analysis thread (default ${DEFAULT_ITEM_MEMORY_MB})`, parsePositiveInt)
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
    const pool = createPipelinePool({
      threads: flags.threads,
      itemTimeoutMs: flags.itemTimeout === undefined ? undefined : flags.itemTimeout * 1000,
      itemMemoryMb: flags.itemMemory,
    });
    const emit = async (outcome: Outcome) => {
      if (outcome.ok) {
        const text = flags.pretty ? jsonLine(outcome.record, 2) : jsonLine(outcome.record);
        if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
      } else {
        failed += 1;
        process.stderr.write(failureLine(outcome.item, outcome.message));
      }
    };
    try {
      const readInputs = await loadReadInputs();
      for (const pass of passes) {
        if (pass.paths.length === 0) continue;
        // A bounded window of articles in flight keeps every thread busy and the output in input order.
        const inFlight: Promise<Outcome>[] = [];
        for await (const result of readInputs(pass.paths, { published: flags.published, jsonl: pass.jsonl, maxBytes: flags.maxBytes })) {
          if (result.ok) {
            const item = itemName(result.article.provenance);
            inFlight.push(
              pool.run(result.article).then(
                (article): Outcome => ({ ok: true, record: toRecord(article) }),
                (error): Outcome => ({ ok: false, item, message: errorMessage(error) }),
              ),
            );
          } else inFlight.push(Promise.resolve({ ok: false, item: result.error.item, message: result.error.message }));
          while (inFlight.length > pool.concurrency * 2) await emit(await inFlight.shift()!);
        }
        while (inFlight.length > 0) await emit(await inFlight.shift()!);
      }
    } finally {
      await pool.close();
    }
    return failed > 0 ? EXIT.someFailed : EXIT.ok;
  },
};

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
