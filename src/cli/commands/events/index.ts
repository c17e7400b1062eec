/**
 * @module cli/commands/events
 * `detente events`: stored events matching the filters, newest first. Asserted events only
 * unless --modality says otherwise. Large --limit values are fetched page by page.
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
import { eventWriter, formatEventTable, type EventFormat } from './formats.js';

const PAGE = 1000;

function parseRoot(value: string): string {
  if (!/^\d{2}$/.test(value)) throw new InvalidArgumentError(`expected a CAMEO root code of two digits (01-20), found "${value}".`);
  return value;
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
      .option('--limit <n>', 'how many', parsePositiveInt, 50)
      .addOption(choiceOption('--format <format>', 'output format', ['table', 'csv', 'jsonl', 'gdelt'], 'table'));
    addDbOption(cmd);
  },
  async run(_args, options) {
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
    };
    const limit = options.limit as number;
    const format = options.format as EventFormat;
    const store = await openExistingStore(options.db as string | undefined);
    try {
      if (format === 'table') {
        const events: EventRow[] = [];
        for await (const e of eventsOf(store, filter, limit)) events.push(e);
        process.stdout.write(formatEventTable(events, process.stdout.isTTY ? process.stdout.columns : 0));
        if (events.length === 0) process.stderr.write('no events match\n');
        return EXIT.ok;
      }
      const writer = eventWriter(format);
      process.stdout.write(writer.header());
      for await (const e of eventsOf(store, filter, limit)) {
        if (!process.stdout.write(writer.row(e))) await new Promise((resolve) => process.stdout.once('drain', resolve));
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

async function* eventsOf(store: Store, filter: EventFilter, limit: number): AsyncIterable<EventRow> {
  let left = limit;
  let cursor: string | undefined;
  while (left > 0) {
    const page = await store.queryEvents({ ...filter, limit: Math.min(left, PAGE), cursor });
    yield* page.events;
    left -= page.events.length;
    if (page.next === null) return;
    cursor = page.next;
  }
}
