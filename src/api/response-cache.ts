/**
 * @module api/response-cache
 * Read answers keyed on the store's version (Store.version): an ETag on every GET of the API,
 * a 304 when the client already holds the current answer, and a small in-memory cache of
 * rendered answers, so that the dashboard's repeated views and many clients asking for the same
 * busy dyad cost one query per store change instead of one per request. Any write, by this
 * process or another (ingest, workers on PostgreSQL), changes the version and so retires every
 * cached answer and every ETag at once; nothing is ever served from before a write.
 *
 * Only successful answers under a size bound are kept; the cache is bounded in bytes and drops
 * the least recently used first. Routes whose answer is not a function of the stored data
 * (health, the upload) are never cached.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/store.js';
import { renderedText } from './render/index.js';

export interface ResponseCacheOptions {
  /** Bytes of rendered answers kept (default 64 MB). */
  maxBytes?: number;
  /** Largest single answer kept (default 2 MB); larger ones are rendered every time. */
  maxEntryBytes?: number;
}

interface Entry {
  version: string;
  status: number;
  /** A plain record and bytes: the Node adapter writes such a response without building a fetch Response. */
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();

/** Paths whose answer does not come from the stored data alone. */
const UNCACHED = new Set(['/api/health']);

export function responseCache(store: Store, options: ResponseCacheOptions = {}): MiddlewareHandler {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 2 * 1024 * 1024;
  // A Map iterates in insertion order: re-inserting on a hit makes the first key the least recently used.
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const evict = (key: string) => {
    const old = entries.get(key);
    if (old) {
      bytes -= old.body.byteLength;
      entries.delete(key);
    }
  };

  return async function cacheReads(c, next) {
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || !store.version || UNCACHED.has(c.req.path)) return next();
    const version = await store.version();
    // Routes may key their own memos on it (bucket-cap.ts: the store's date extent).
    c.set('storeVersion', version);
    // The answer depends on the URL and on the negotiated format (Accept); nothing else reaches a route.
    const key = `${c.req.url}\n${c.req.header('accept') ?? ''}`;
    const etag = `"${createHash('sha1').update(version).update('\n').update(key).digest('base64url').slice(0, 27)}"`;
    const cacheHeaders = (headers: Headers) => {
      headers.set('etag', etag);
      // Clients may keep an answer but must ask (cheaply, with If-None-Match) before using it.
      headers.set('cache-control', 'private, no-cache');
      headers.append('vary', 'Accept');
    };
    if (matches(c.req.header('if-none-match'), etag)) {
      const headers = new Headers();
      cacheHeaders(headers);
      return new Response(null, { status: 304, headers });
    }
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      entries.delete(key);
      entries.set(key, hit);
      return new Response(method === 'HEAD' ? null : hit.body, { status: hit.status, headers: { ...hit.headers } });
    }
    await next();
    const res = c.res;
    if (res.status !== 200) return;
    // Answers rendered by render() are kept from their text; others are read back from the response.
    const text = renderedText(res);
    if (text === undefined && !res.body) return;
    cacheHeaders(res.headers);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxEntryBytes) return;
    if (text !== undefined && text.length > maxEntryBytes) return;
    let body: Uint8Array<ArrayBuffer>;
    if (text !== undefined) body = encoder.encode(text);
    else {
      body = new Uint8Array(await res.arrayBuffer());
      c.res = new Response(body, { status: res.status, headers: res.headers });
    }
    if (body.byteLength > maxEntryBytes) return;
    evict(key);
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name] = value;
    });
    entries.set(key, { version, status: res.status, headers, body });
    bytes += body.byteLength;
    for (const [oldest, entry] of entries) {
      if (bytes <= maxBytes) break;
      if (entry.version === version && oldest === key) break;
      evict(oldest);
    }
  };
}

/** If-None-Match holds the tag (or `*`); weak tags compare equal to strong ones for GET. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
