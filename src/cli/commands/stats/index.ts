/**
 * @module cli/commands/stats
 * `detente stats`: how many articles, events, mentions, quotes and failed items are stored.
 */
import type { Command } from 'commander';
import { EXIT, type CliCommand } from '../../command.js';
import { addDbOption, openExistingStore } from '../../options.js';
import { failureLine, formatTable } from '../../output.js';

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd.option('--json', 'print the counts as one JSON object').option('--failures', 'also list the failed items');
    addDbOption(cmd);
  },
  async run(_args, options) {
    const store = await openExistingStore(options.db as string | undefined);
    try {
      const stats = await store.stats();
      if (options.json) {
        process.stdout.write(JSON.stringify(stats) + '\n');
      } else {
        process.stdout.write(formatTable(['what', 'count'], Object.entries(stats).map(([k, v]) => [k, String(v)])));
      }
      if (options.failures) {
        for (const f of await store.listFailures(1000)) process.stderr.write(failureLine(f.item, `[${f.code}] ${f.message.startsWith(`${f.item}: `) ? f.message.slice(f.item.length + 2) : f.message}`));
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
