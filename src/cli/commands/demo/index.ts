/**
 * @module cli/commands/demo
 * `detente demo`: ingests the sample articles shipped with Détente into a demo database and
 * shows what was found, then the commands to explore it. The steps are separate functions
 * (ingestSamples, printFindings) so a later step, such as opening the dashboard, is one more call.
 */
import type { Command } from 'commander';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DetenteError } from '../../../errors.js';
import type { Store } from '../../../store/store.js';
import { type CliCommand } from '../../command.js';
import { runIngest, type IngestRun } from '../../ingest-runner.js';
import { addDbOption, openExistingStore } from '../../options.js';
import { formatGoldstein, formatTable, truncate } from '../../output.js';
import { addServeOptions, serveDemo } from './serve-demo.js';

export const DEMO_DB = 'detente-demo.db';

/** samples/ sits at the package root; this file is src/cli/commands/demo (or dist/…), four levels down. */
export function samplesDir(): string {
  return fileURLToPath(new URL('../../../../samples/', import.meta.url));
}

export async function ingestSamples(db: string): Promise<IngestRun> {
  const dir = samplesDir();
  if (!existsSync(dir)) throw new DetenteError('E_NO_SAMPLES', `the sample articles are missing (${dir}); reinstall Détente`);
  // Only the article folders (text/, html/, feeds/, ...): samples/ also holds its README and tooling.
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => join(dir, e.name))
    .sort();
  process.stderr.write(`demo: reading the sample articles in ${dir} into ${db}\n`);
  return runIngest({ paths: folders, db });
}

/** What the demo database holds: counts, busiest dyads, a few events; then what to try next (stderr). */
export async function printFindings(store: Store, db: string): Promise<void> {
  const stats = await store.stats();
  const out = process.stdout;
  out.write(`\n${stats.articles} articles, ${stats.events} events, ${stats.mentions} actor mentions, ${stats.quotes} quotes\n`);
  const dyads = await store.dyads({ limit: 8 });
  if (dyads.length > 0) {
    out.write('\nBusiest dyads (asserted events):\n');
    out.write(
      formatTable(
        ['source', 'target', 'events', 'mean Goldstein', 'first', 'last'],
        dyads.map((d) => [d.source_country, d.target_country, String(d.events), formatGoldstein(d.mean_goldstein), d.first ?? '', d.last ?? '']),
      ),
    );
  }
  const { events } = await store.queryEvents({ limit: 8 });
  if (events.length > 0) {
    out.write('\nLatest events:\n');
    out.write(
      formatTable(
        ['date', 'code', 'source → target', 'evidence'],
        events.map((e) => [e.date ?? '', e.code, `${e.source?.code ?? '—'} → ${e.target?.code ?? '—'}`, truncate(e.evidence.text, 70)]),
      ),
    );
  }
  const first = (await store.listArticles({ limit: 1 }))[0];
  process.stderr.write(
    [
      '',
      'Next:',
      `  detente events --db ${db} --dyad USA,RUS          events between the US and Russia`,
      `  detente events --db ${db} --format csv > events.csv`,
      `  detente articles --db ${db}`,
      first ? `  detente show ${first.id} --db ${db}` : '',
      `  detente stats --db ${db}`,
      '',
    ]
      .filter((l) => l !== '')
      .join('\n') + '\n',
  );
}

export const command: CliCommand = {
  configure(cmd: Command) {
    addDbOption(cmd);
    cmd.description('ingest the bundled sample articles into --db (default: ./detente-demo.db), show what was found, then serve the dashboard');
    addServeOptions(cmd);
  },
  async run(_args, options) {
    const db = (options.db as string | undefined) ?? DEMO_DB;
    const { exitCode } = await ingestSamples(db);
    const store = await openExistingStore(db);
    try {
      await printFindings(store, db);
      if (options.serve !== false) await serveDemo(store, options);
    } finally {
      await store.close();
    }
    return exitCode;
  },
};
