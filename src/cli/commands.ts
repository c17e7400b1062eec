/**
 * @module cli/commands
 * The command table: name → one-line summary and a lazy loader, so `detente stats` never loads
 * the language layer. A new command is a folder under commands/ and one line here.
 */
import type { CliCommand } from './command.js';

export interface CommandEntry {
  summary: string;
  load: () => Promise<{ command: CliCommand }>;
}

export const commands: Record<string, CommandEntry> = {
  ingest: { summary: 'read articles, code their events and store them', load: () => import('./commands/ingest/index.js') },
  extract: { summary: 'print one JSON record per article (JSONL); nothing is stored', load: () => import('./commands/extract/index.js') },
  events: { summary: 'list stored events (table, csv, jsonl or gdelt)', load: () => import('./commands/events/index.js') },
  articles: { summary: 'list stored articles', load: () => import('./commands/articles/index.js') },
  show: { summary: 'show one article with its actors, events and quotes marked', load: () => import('./commands/show/index.js') },
  stats: { summary: 'count what the database holds', load: () => import('./commands/stats/index.js') },
  demo: { summary: 'ingest the bundled sample articles and show what was found', load: () => import('./commands/demo/index.js') },
  eval: { summary: 'score the coder against a gold JSONL file (precision, recall, F1; or passages found)', load: () => import('./commands/eval/index.js') },
  enqueue: { summary: 'put inputs on the PostgreSQL ingest queue, one job per item, for workers', load: () => import('./commands/enqueue/index.js') },
  worker: { summary: 'run ingest jobs from the queue (start several, on any machines)', load: () => import('./commands/worker/index.js') },
  queue: { summary: 'show the ingest queue (pending, running, failed, done) and retry failed jobs', load: () => import('./commands/queue/index.js') },
  serve: { summary: 'serve the HTTP API and the dashboard over the database', load: () => import('./commands/serve/index.js') },
};
