/**
 * @module cli/commands/events
 * `detente events`: stored events matching the filters, newest first. Asserted events only
 * unless --modality says otherwise. Machine formats stream every matching row, page by page
 * from the store; --limit/--offset cut a page out of them and say on stderr when more remain.
 * --per cluster gives one row per cross-story cluster (its first report), --per report every report.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { EventFilter, EventRow, Store } from '../../../store/store.js';
import { EXIT, type CliCommand } from '../../command.js';
import {
  addDbOption,
  choiceOption,
  openExistingStore,
  parseActorCode,
  parseCode,
  parseDatePrefix,
  parseDyad,
  parsePositiveInt,
} from '../../options.js';
import { EXPORT_FORMATS, exportWriter, formatEventTable, type EventFormat, type ExportFormat } from './formats.js';
import { expandDyadic } from '../../../export/dyadic.js';

const PAGE = 1000;
/** The table is for reading: without --limit it shows this many rows (and says so when more match). */
const TABLE_ROWS = 50;

function parseRoot(value: string): string {
  if (!/^\d{2}$/.test(value)) throw new InvalidArgumentError(`expected a CAMEO root code of two digits (01-20), found "${value}".`);
  return value;
}

function parseOffset(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected a whole number of rows to skip, found "${value}".`);
  return n;
}

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd
      .option('--dyad <a,b>', 'events between two countries or actors, e.g. USA,RUS', parseDyad)
      .option('--directed', 'with --dyad: only the first acting on the second')
      .option('--actor <code>', 'source or target actor code prefix (USA, RUSGOV)', parseActorCode)
      .option('--country <code>', 'source or target country (ISO alpha-3)', parseActorCode)
      .option('--from <date>', 'on or after (YYYY, YYYY-MM or YYYY-MM-DD)', parseDatePrefix)
      .option('--to <date>', 'on or before (YYYY, YYYY-MM or YYYY-MM-DD)', parseDatePrefix)
      .option('--root <code>', 'CAMEO root code (two digits)', parseRoot)
      .option('--code <code>', 'CAMEO event code or prefix', parseCode)
      .addOption(choiceOption('--modality <m>', 'which events', ['asserted', 'negated', 'hypothetical', 'all'], 'asserted'))
      .option('--text <words>', 'evidence contains these words')
      .option('--article <id>', 'events of one article')
      .option('--cluster <id>', 'the reports of one cross-story cluster')
      .addOption(choiceOption('--per <unit>', 'one row per cluster of reports of the same happening, or per report', ['cluster', 'report'], 'report'))
      .option('--dyadic', 'multilateral events as one row per pair of participants')
      .option('--limit <n>', `at most this many rows (default: all; the table shows ${TABLE_ROWS})`, parsePositiveInt)
      .option('--offset <n>', 'skip this many rows first', parseOffset, 0)
      .addOption(choiceOption('--format <format>', 'output format', ['table', ...EXPORT_FORMATS], 'table'));
    addDbOption(cmd);
  },
  async run(_args, options) {
    const per = options.per as 'cluster' | 'report';
    const filter: EventFilter = {
      dyad: options.dyad as [string, string] | undefined,
      directed: Boolean(options.directed),
      actor: options.actor as string | undefined,
      country: options.country as string | undefined,
      from: options.from as string | undefined,
      to: options.to as string | undefined,
      root: options.root as string | undefined,
      code: options.code as string | undefined,
      modality: options.modality as EventFilter['modality'],
      text: options.text as string | undefined,
      articleId: options.article as string | undefined,
      clusterId: options.cluster as string | undefined,
      per,
    };
    const format = options.format as EventFormat;
    const offset = options.offset as number;
    const limit = (options.limit as number | undefined) ?? (format === 'table' ? TABLE_ROWS : Number.POSITIVE_INFINITY);
    const dyadic = Boolean(options.dyadic);
    const store = await openExistingStore(options.db as string | undefined);
    try {
      const rows = eventsOf(store, filter, offset, limit, dyadic);
      if (format === 'table') {
        const events: EventRow[] = [];
        for await (const e of rows) events.push(e);
        process.stdout.write(formatEventTable(events, process.stdout.isTTY ? process.stdout.columns : 0));
        if (events.length === 0) process.stderr.write('no events match\n');
      } else {
        const writer = exportWriter(format as ExportFormat, { per });
        await write(writer.header());
        for await (const e of rows) await write(writer.row(e));
        await write(writer.footer());
      }
      if (rows.more) {
        const next = offset + rows.count;
        process.stderr.write(`stopped after ${rows.count} rows; more match (--offset ${next} for the next page, or no --limit for all)\n`);
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

async function write(text: string): Promise<void> {
  if (text !== '' && !process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

/**
 * The rows from `offset` on, at most `limit`, read page by page; afterwards `count` says how many
 * were given and `more` whether the filter matches more.
 */
function eventsOf(store: Store, filter: EventFilter, offset: number, limit: number, dyadic: boolean): AsyncIterable<EventRow> & { count: number; more: boolean } {
  const state = {
    count: 0,
    more: false,
    async *[Symbol.asyncIterator]() {
      let skip = offset;
      let cursor: string | undefined;
      for (;;) {
        const page = await store.queryEvents({ ...filter, limit: PAGE, cursor });
        for (const stored of page.events) {
          for (const e of dyadic ? expandDyadic(stored) : [stored]) {
            if (skip > 0) {
              skip -= 1;
              continue;
            }
            if (state.count === limit) {
              state.more = true;
              return;
            }
            state.count += 1;
            yield e;
          }
        }
        if (page.next === null) return;
        cursor = page.next;
      }
    },
  };
  return state;
}
