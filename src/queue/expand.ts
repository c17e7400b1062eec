/**
 * @module queue/expand
 * Inputs named to `detente enqueue`, expanded into one job per item: a directory into its
 * files, a JSON Lines file (plain or gzip-compressed) into its lines, a feed URL into its items'
 * pages, any other URL into one page. Inputs that cannot be expanded are named as failed items.
 */
import { resolve } from 'node:path';
import { ItemError, errorMessage } from '../errors.js';
import type { IngestOptions } from '../ingest/types.js';
import { DEFAULT_MAX_BYTES } from '../ingest/source.js';
import { expandPaths, fileSource, innerName } from '../ingest/files.js';
import { jsonlReader, readerForName } from '../ingest/registry.js';
import { fetchLimited } from '../net/fetch-limited.js';
import type { IngestJob } from './jobs.js';

export type Expanded = { ok: true; job: IngestJob } | { ok: false; error: ItemError };

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

export async function* expandInputs(inputs: string[], options: IngestOptions = {}): AsyncIterable<Expanded> {
  for (const input of inputs) {
    if (isUrl(input)) yield* expandUrl(input, options);
    else yield* expandPath(input, options);
  }
}

async function* expandPath(path: string, options: IngestOptions): AsyncIterable<Expanded> {
  for await (const entry of expandPaths([path])) {
    if (!entry.ok) {
      yield entry;
      continue;
    }
    const reader = options.jsonl ? jsonlReader : readerForName(innerName(entry.path));
    if (reader === jsonlReader) yield* expandLines(entry.path, options);
    // Workers may run elsewhere (another folder, a shared disk): the job names the file absolutely.
    else yield { ok: true, job: { kind: 'file', path: resolve(entry.path), options } };
  }
}

/** One job per non-blank line, numbered as the JSONL reader numbers them. */
async function* expandLines(path: string, options: IngestOptions): AsyncIterable<Expanded> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let source;
  try {
    source = await fileSource(path, { maxBytes, streams: true });
  } catch (error) {
    yield { ok: false, error: error instanceof ItemError ? error : new ItemError('E_READ', path, errorMessage(error)) };
    return;
  }
  let line = 0;
  let carry: Buffer[] = [];
  let carried = 0;
  const finish = (piece: Buffer): Expanded | null => {
    line += 1;
    const bytes = carry.length === 0 ? piece : Buffer.concat([...carry, piece]);
    carry = [];
    carried = 0;
    if (bytes.length > maxBytes) return { ok: false, error: new ItemError('E_TOO_LARGE', `${path}:${line}`, `the line is over the ${maxBytes}-byte limit`) };
    const text = bytes.toString('utf8');
    if (text.trim() === '') return null;
    return { ok: true, job: { kind: 'line', input: path, line, text, options } };
  };
  try {
    for await (const chunk of source.stream()) {
      const buffer = Buffer.from(chunk);
      let start = 0;
      for (let end = buffer.indexOf(0x0a, start); end >= 0; end = buffer.indexOf(0x0a, start)) {
        const result = finish(buffer.subarray(start, end));
        if (result) yield result;
        start = end + 1;
      }
      if (start < buffer.length) {
        carried += buffer.length - start;
        // An over-long line is kept only up to the limit: it is reported, not queued.
        if (carried <= maxBytes + 1) carry.push(Buffer.from(buffer.subarray(start)));
      }
    }
    if (carried > 0) {
      const result = finish(Buffer.alloc(0));
      if (result) yield result;
    }
  } catch (error) {
    yield { ok: false, error: error instanceof ItemError ? error : new ItemError('E_READ', path, errorMessage(error)) };
  }
}

/** A feed becomes one page job per item with a link; any other page is one job. */
async function* expandUrl(url: string, options: IngestOptions): AsyncIterable<Expanded> {
  let page;
  try {
    page = await fetchLimited(url);
  } catch (error) {
    yield { ok: false, error: new ItemError((error as ItemError).code ?? 'E_FETCH', url, errorMessage(error).replace(`${url}: `, '')) };
    return;
  }
  const { parseFeed } = await import('../ingest/feed/read-feed.js');
  const { decodeText } = await import('../ingest/decode.js');
  const head = Buffer.from(page.body.subarray(0, 1024)).toString('latin1').replace(/^\uFEFF/, '').trimStart();
  const looksFeed = /^<\?xml\b/i.test(head) ? /<(rss|feed|rdf:RDF)\b/i.test(head) : /^<(rss|feed)\b/i.test(head);
  if (!looksFeed) {
    yield { ok: true, job: { kind: 'page', url: page.url, options } };
    return;
  }
  let feed;
  try {
    feed = parseFeed(decodeText(page.body, url, null, { legacyFallback: true }), url);
  } catch (error) {
    yield { ok: false, error: error instanceof ItemError ? error : new ItemError('E_FEED', url, errorMessage(error)) };
    return;
  }
  for (const [i, item] of feed.items.entries()) {
    const link = item.link ? safeUrl(item.link, feed.link ?? page.url) : null;
    if (!link) {
      yield { ok: false, error: new ItemError('E_NO_LINK', `${url} item ${i + 1}`, 'the item has no link to fetch') };
      continue;
    }
    const meta: IngestJob & { kind: 'page' } = { kind: 'page', url: link, options, meta: {} };
    if (item.title) meta.meta!.title = item.title;
    if (item.published) meta.meta!.published = item.published;
    if (item.author) meta.meta!.author = item.author;
    if (feed.title) meta.meta!.source = feed.title;
    yield { ok: true, job: meta };
  }
}

function safeUrl(link: string, base: string): string | null {
  try {
    const url = new URL(link, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
