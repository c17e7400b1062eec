/**
 * @module cli/commands/show
 * `detente show ID`: one stored article with its actors, events and quotes marked, then its events.
 */
import type { Command } from 'commander';
import { UsageError } from '../../../errors.js';
import { EXIT, type CliCommand } from '../../command.js';
import { addDbOption, openExistingStore } from '../../options.js';
import { jsonLine, useColor } from '../../output.js';
import { renderArticle } from './render.js';

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd
      .argument('<id>', 'article id (see detente articles)')
      .option('--no-color', 'bracket markers instead of colours')
      .option('--json', 'print the stored record as JSON instead');
    addDbOption(cmd);
  },
  async run(args, options) {
    const [id] = args as [string];
    const store = await openExistingStore(options.db as string | undefined);
    try {
      const record = await store.getArticle(id);
      if (record === null) throw new UsageError(`no article with id "${id}"; list ids with "detente articles"`);
      if (options.json) process.stdout.write(jsonLine(record));
      else process.stdout.write(renderArticle(record, options.color !== false && useColor()));
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
