/**
 * @module cli/commands/articles
 * `detente articles`: the stored articles, newest first, as a table, CSV or JSONL.
 */
import type { Command } from 'commander';
import type { ArticleSummary } from '../../../store/store.js';
import { EXIT, type CliCommand } from '../../command.js';
import { addDbOption, choiceOption, openExistingStore, parseDatePrefix, parsePositiveInt } from '../../options.js';
import { csvLine, formatTable, jsonLine, truncate } from '../../output.js';

const COLUMNS: (keyof ArticleSummary)[] = ['id', 'published', 'events', 'language', 'source', 'title', 'url', 'ingested_at'];

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd
      .option('--from <date>', 'published on or after (YYYY, YYYY-MM or YYYY-MM-DD)', parseDatePrefix)
      .option('--to <date>', 'published on or before (YYYY, YYYY-MM or YYYY-MM-DD)', parseDatePrefix)
      .option('--text <words>', 'title contains these words')
      .option('--limit <n>', 'how many', parsePositiveInt, 50)
      .option('--offset <n>', 'skip this many', (v) => (v === '0' ? 0 : parsePositiveInt(v)), 0)
      .addOption(choiceOption('--format <format>', 'output format', ['table', 'csv', 'jsonl'], 'table'));
    addDbOption(cmd);
  },
  async run(_args, options) {
    const store = await openExistingStore(options.db as string | undefined);
    try {
      const articles = await store.listArticles({
        from: options.from as string | undefined,
        to: options.to as string | undefined,
        text: options.text as string | undefined,
        limit: options.limit as number,
        offset: options.offset as number,
      });
      const format = options.format as string;
      if (format === 'jsonl') {
        for (const a of articles) process.stdout.write(jsonLine(a));
      } else if (format === 'csv') {
        process.stdout.write(csvLine(COLUMNS));
        for (const a of articles) process.stdout.write(csvLine(COLUMNS.map((c) => a[c])));
      } else {
        const rows = articles.map((a) => [a.id, a.published ?? '', String(a.events), a.language ?? '', truncate(a.title ?? '', 70)]);
        process.stdout.write(formatTable(['id', 'published', 'events', 'lang', 'title'], rows));
        if (articles.length === 0) process.stderr.write('no articles match\n');
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
