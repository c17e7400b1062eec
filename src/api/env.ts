/**
 * @module api/env
 * The Hono environment shared by the app and its routes, and the options of `createApp`.
 */
import type { Store } from '../store/store.js';
import type { ResponseCacheOptions } from './response-cache.js';

/** Turns a request body into stored articles; the default runs the CLI's ingest and pipeline. */
export type IngestBody = (
  body: { bytes: Uint8Array; mediaType: 'text/plain' | 'text/html' | 'application/x-ndjson'; published?: string },
  store: Store,
) => Promise<IngestOutcome>;

export interface IngestOutcome {
  inserted: number;
  duplicates: number;
  events: number;
  ids: string[];
  duplicate_ids: string[];
  failures: { item: string; code: string; message: string }[];
}

export interface ApiOptions {
  store: Store;
  /** Bearer token for POST (and for reads with `protectReads`). Without it, POST is disabled. */
  token?: string;
  /** Require the token for GET requests too. */
  protectReads?: boolean;
  /** Largest accepted request body in bytes (default 5 MiB). */
  maxBodyBytes?: number;
  /** Overrides how POST bodies become stored articles (tests); defaults to ingest + pipeline. */
  ingest?: IngestBody;
  /**
   * The address the server binds: when given, requests are served only for a Host naming it,
   * `localhost`, or one of `allowedHosts` (DNS-rebinding defence; see host-check.ts).
   */
  bindHost?: string;
  /** Further Host names to serve (`--allowed-host`). */
  allowedHosts?: string[];
  /** The read cache keyed on the store's version (response-cache.ts): on by default; false turns it off. */
  cache?: boolean | ResponseCacheOptions;
  /** Reported by /api/health. */
  version?: string;
}

/** storeVersion: the store version a cached read was keyed on (response-cache.ts), when the cache is on. */
export type AppEnv = { Variables: { storeVersion?: string } };
