/**
 * @module watch/watch
 * Following feeds: each poll is a conditional GET (the ETag and Last-Modified of the last full
 * answer are sent back, so an unchanged feed costs a 304 and nothing else), then each item link
 * not seen before is handed to a sink (ingest here, or a job on the queue). A link is marked seen
 * only once its sink succeeded, so a page that failed is tried again next poll. A feed that fails
 * is polled again after a backoff that doubles with each failure in a row. All of it is kept in
 * the store (Store.getFeedState/putFeedState), so a restarted watcher refetches nothing.
 */
import { ItemError, errorMessage } from '../errors.js';
import type { FeedState, Store } from '../store/store.js';
import type { PoliteFetcher } from './polite.js';
import type { PageMeta } from '../queue/jobs.js';

/** Item links remembered per feed (the newest; a feed lists far fewer). */
const SEEN_LIMIT = 5000;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 6 * 3600_000;

/** Takes one new item; throws (with the item named) when it could not be taken. */
export type ItemSink = (url: string, meta: PageMeta) => Promise<void>;

export interface PollResult {
  feed: string;
  status: 'new' | 'unchanged' | 'failed' | 'waiting';
  items: number;
  taken: number;
  failed: number;
}

export interface PollOptions {
  store: Store;
  fetcher: PoliteFetcher;
  sink: ItemSink;
  /** One line per failure. */
  log: (line: string) => void;
  now?: () => number;
}

export async function pollFeed(feedUrl: string, options: PollOptions): Promise<PollResult> {
  const { store, fetcher, sink, log } = options;
  const now = options.now?.() ?? Date.now();
  const state: FeedState = (await store.getFeedState(feedUrl)) ?? { url: feedUrl, etag: null, lastModified: null, checkedAt: null, failures: 0, retryAt: null, seen: [] };
  const result: PollResult = { feed: feedUrl, status: 'unchanged', items: 0, taken: 0, failed: 0 };
  if (state.retryAt !== null && Date.parse(state.retryAt) > now) return { ...result, status: 'waiting' };
  state.checkedAt = new Date(now).toISOString();
  let feed;
  let response;
  try {
    response = await fetcher.get(feedUrl, { etag: state.etag, lastModified: state.lastModified });
    if (!response.notModified) {
      const { parseFeed } = await import('../ingest/feed/read-feed.js');
      const { decodeText } = await import('../ingest/decode.js');
      feed = parseFeed(decodeText(response.body, feedUrl, null, { legacyFallback: true }), feedUrl);
    }
  } catch (error) {
    state.failures += 1;
    const wait = Math.min(BACKOFF_BASE_MS * 2 ** (state.failures - 1), BACKOFF_MAX_MS);
    state.retryAt = new Date(now + wait).toISOString();
    log(`watch: failed: ${errorMessage(error).startsWith(feedUrl) ? errorMessage(error) : `${feedUrl}: ${errorMessage(error)}`} (failure ${state.failures} in a row; next try in ${Math.round(wait / 1000)} s)`);
    await store.putFeedState(state);
    return { ...result, status: 'failed', failed: 1 };
  }
  state.failures = 0;
  state.retryAt = null;
  if (!feed) {
    await store.putFeedState(state);
    return result;
  }
  // Validators only from a full answer that was read: a 304 keeps the old ones.
  state.etag = response.etag;
  state.lastModified = response.lastModified;
  const seen = new Set(state.seen);
  result.status = 'new';
  result.items = feed.items.length;
  for (const [i, item] of feed.items.entries()) {
    let link: string | null = null;
    try {
      link = item.link ? new URL(item.link, feed.link ?? feedUrl).href : null;
    } catch {
      link = null;
    }
    if (!link || !/^https?:/.test(link)) {
      log(`watch: failed: ${feedUrl} item ${i + 1}: the item has no http(s) link to fetch`);
      result.failed += 1;
      continue;
    }
    if (seen.has(link)) continue;
    const meta: PageMeta = {};
    if (item.title) meta.title = item.title;
    if (item.published) meta.published = item.published;
    if (item.author) meta.author = item.author;
    if (feed.title) meta.source = feed.title;
    try {
      await sink(link, meta);
      seen.add(link);
      state.seen.push(link);
      result.taken += 1;
    } catch (error) {
      result.failed += 1;
      const message = errorMessage(error);
      log(`watch: failed: ${message.startsWith(link) ? message : `${link}: ${message}`}`);
    }
  }
  if (state.seen.length > SEEN_LIMIT) state.seen = state.seen.slice(-SEEN_LIMIT);
  await store.putFeedState(state);
  return result;
}

/** "15m", "30s", "2h", "1d" or plain seconds, in milliseconds. */
export function parseEvery(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)?$/i.exec(value.trim());
  if (!m || Number(m[1]) <= 0) throw new ItemError('E_USAGE', '--every', `expected a duration such as 15m, 30s or 1h, found "${value}"`);
  const unit = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 }[(m[2] ?? 's').toLowerCase() as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
