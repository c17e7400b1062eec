/**
 * @module net/fetch-limited
 * One HTTP GET with the limits a crawler needs: a timeout over the whole exchange, a size
 * limit on the body (read as it streams, so an endless response is cut off), redirects
 * followed by hand up to a bound (and only to http/https), and a conditional request when the
 * caller has an ETag or Last-Modified from last time. Failures are FetchErrors with a code.
 */
import { DetenteError } from '../errors.js';

export class FetchError extends DetenteError {
  constructor(
    code: 'E_FETCH_TIMEOUT' | 'E_FETCH_TOO_LARGE' | 'E_FETCH_REDIRECTS' | 'E_FETCH_STATUS' | 'E_FETCH_NETWORK' | 'E_FETCH_URL',
    readonly url: string,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(code, `${url}: ${message}`, options);
  }
}

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  etag?: string | null;
  lastModified?: string | null;
  /** Extra acceptable statuses besides 2xx and 304 (e.g. 404 for robots.txt). */
  accept?: (status: number) => boolean;
}

export interface FetchResult {
  /** The URL after redirects. */
  url: string;
  status: number;
  /** True for 304 Not Modified: nothing changed since the ETag / Last-Modified given. */
  notModified: boolean;
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  /** Retry-After in seconds, when the server sent one. */
  retryAfter: number | null;
}

export const DEFAULT_USER_AGENT = 'Detente/0.1 (+https://github.com/detente; news event coder)';

export async function fetchLimited(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const { timeoutMs = 20_000, maxBytes = 10 * 1024 * 1024, maxRedirects = 5, userAgent = DEFAULT_USER_AGENT } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  for (let hop = 0; ; hop += 1) {
    let parsed: URL;
    try {
      parsed = new URL(current);
    } catch {
      throw new FetchError('E_FETCH_URL', current, 'not a valid URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchError('E_FETCH_URL', current, `only http and https are fetched, not ${parsed.protocol}`);
    const headers: Record<string, string> = { 'user-agent': userAgent, accept: '*/*' };
    if (hop === 0 && options.etag) headers['if-none-match'] = options.etag;
    if (hop === 0 && options.lastModified) headers['if-modified-since'] = options.lastModified;
    let response: Response;
    try {
      response = await fetch(parsed, { headers, redirect: 'manual', signal });
    } catch (error) {
      if (signal.aborted) throw new FetchError('E_FETCH_TIMEOUT', current, `no complete answer within ${timeoutMs / 1000} s`);
      throw new FetchError('E_FETCH_NETWORK', current, `cannot connect: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`, undefined, { cause: error });
    }
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location) throw new FetchError('E_FETCH_STATUS', current, `HTTP ${response.status} without a Location`, response.status);
      if (hop >= maxRedirects) throw new FetchError('E_FETCH_REDIRECTS', url, `more than ${maxRedirects} redirects`);
      current = new URL(location, parsed).href;
      continue;
    }
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    const ok = (response.status >= 200 && response.status < 300) || response.status === 304 || (options.accept?.(response.status) ?? false);
    if (!ok) {
      await response.body?.cancel();
      throw new FetchError('E_FETCH_STATUS', current, `HTTP ${response.status}${retryAfter !== null ? ` (retry after ${retryAfter} s)` : ''}`, response.status);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw new FetchError('E_FETCH_TOO_LARGE', current, `the response is ${declared} bytes, over the ${maxBytes}-byte limit`);
    }
    const body = response.status === 304 ? new Uint8Array(0) : await readBody(response, current, maxBytes, signal, timeoutMs);
    return {
      url: current,
      status: response.status,
      notModified: response.status === 304,
      body,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      contentType: response.headers.get('content-type'),
      retryAfter,
    };
  }
}

async function readBody(response: Response, url: string, maxBytes: number, signal: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > maxBytes) {
        await response.body?.cancel().catch(() => {});
        throw new FetchError('E_FETCH_TOO_LARGE', url, `the response is over the ${maxBytes}-byte limit`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal.aborted) throw new FetchError('E_FETCH_TIMEOUT', url, `no complete answer within ${timeoutMs / 1000} s`);
    throw new FetchError('E_FETCH_NETWORK', url, `the connection broke: ${(error as Error).message}`, undefined, { cause: error });
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}
