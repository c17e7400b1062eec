/**
 * @module cli/commands/watch
 * `detente watch FEED_URL… | --feeds FILE [--every 15m] [--once] [--db …] [--queue]`: polls
 * RSS/Atom feeds and ingests each new item's page (or, with --queue, puts it on the PostgreSQL
 * job queue for workers). Politeness and limits: robots.txt, a per-host concurrency limit and
 * delay, timeouts, size limits, bounded redirects, backoff on failing feeds; one line per failure.
 */
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT, type CliCommand } from '../../command.js';
import { addDbOption, openCliStore, parsePositiveInt } from '../../options.js';
import { UsageError, errorMessage } from '../../../errors.js';
import { storedArticle } from '../../../model/stored.js';
import { itemName } from '../../../model/item-name.js';
import { PoliteFetcher } from '../../../watch/polite.js';
import { parseEvery, pollFeed, type ItemSink } from '../../../watch/watch.js';
import { pageArticle, PAGE_LIMITS } from '../../../queue/jobs.js';

interface WatchFlags {
  db?: string;
  feeds?: string;
  every: string;
  once?: boolean;
  queue?: boolean;
  perHost: number;
  delay: number;
  timeout: number;
  maxBytes: number;
}

function readFeedList(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--feeds: cannot read ${path}: ${errorMessage(error)}`);
  }
  return text.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter((l) => l !== '');
}

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd
      .argument('[feeds...]', 'RSS or Atom feed URLs')
      .option('--feeds <file>', 'a file of feed URLs, one per line (# starts a comment)')
      .option('--every <duration>', 'time between polls: 30s, 15m, 1h', (v) => {
        try {
          parseEvery(v);
        } catch (error) {
          throw new InvalidArgumentError(errorMessage(error).replace(/^--every: /, ''));
        }
        return v;
      }, '15m')
      .option('--once', 'poll every feed once and stop')
      .option('--queue', 'put new items on the PostgreSQL job queue (for detente worker) instead of ingesting them here')
      .option('--per-host <n>', 'requests at once to one host', parsePositiveInt, 2)
      .option('--delay <ms>', 'least time between two requests to one host, in milliseconds', (v) => (v === '0' ? 0 : parsePositiveInt(v)), 1000)
      .option('--timeout <seconds>', 'longest wait for one page or feed', parsePositiveInt, 30)
      .option('--max-bytes <bytes>', 'largest page or feed read', parsePositiveInt, PAGE_LIMITS.maxBytes);
    addDbOption(cmd);
  },
  async run(args, options) {
    const flags = options as unknown as WatchFlags;
    const feeds = [...((args[0] as string[] | undefined) ?? []), ...(flags.feeds ? readFeedList(flags.feeds) : [])];
    if (feeds.length === 0) throw new UsageError('watch: name at least one feed URL, or --feeds FILE');
    for (const feed of feeds) if (!/^https?:\/\//i.test(feed)) throw new UsageError(`watch: "${feed}" is not an http(s) URL`);
    const every = parseEvery(flags.every);
    const fetcher = new PoliteFetcher({ perHost: flags.perHost, delayMs: flags.delay, fetch: { timeoutMs: flags.timeout * 1000, maxBytes: flags.maxBytes, maxRedirects: PAGE_LIMITS.maxRedirects } });
    const store = await openCliStore(flags.db);
    const log = (line: string) => process.stderr.write(line + '\n');
    let sink: ItemSink;
    let closeSink = async () => {};
    if (flags.queue) {
      const { openQueue } = await import('../../../queue/open.js');
      const queue = await openQueue(flags.db, { sendOnly: true });
      closeSink = () => queue.close();
      sink = async (url, meta) => void (await queue.add([{ kind: 'page', url, meta }]));
    } else {
      const { defaultStages } = await import('../../../pipeline/default-stages.js');
      const { createPipeline } = await import('../../../pipeline/run.js');
      const pipeline = createPipeline(defaultStages);
      sink = async (url, meta) => {
        const result = await pageArticle(url, await fetcher.get(url), meta);
        if (!result.ok) throw result.error;
        if (await store.hasArticle(result.article.id)) return;
        const analysed = pipeline.run(result.article);
        await store.putArticles([storedArticle(analysed)]);
        const stageErrors = (analysed.failures ?? []).filter((f) => f.code === 'E_STAGE');
        if (stageErrors.length > 0) {
          const message = stageErrors.map((f) => f.message).join('; ');
          await store.putFailures([{ item: itemName(analysed.provenance), code: 'E_STAGE', message }]);
          log(`watch: failed: ${url}: ${message}`);
        }
      };
    }
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let failed = 0;
    try {
      while (!controller.signal.aborted) {
        const results = await Promise.all(feeds.map((feed) => pollFeed(feed, { store, fetcher, sink, log })));
        for (const r of results) {
          failed += r.failed;
          process.stderr.write(`watch: ${r.feed}: ${r.status}${r.status === 'new' ? `, ${r.taken} new items taken of ${r.items}` : ''}${r.failed > 0 ? `, ${r.failed} failed` : ''}\n`);
        }
        if (flags.once) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, every);
          controller.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        });
      }
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await closeSink();
      await store.close();
    }
    return failed > 0 ? EXIT.someFailed : EXIT.ok;
  },
};
