/**
 * @module ingest/limits
 * Every bound a reader applies to what it is given, with its default, in one place: no input,
 * however built, makes a reader hold, parse or walk more than these. Each is settable
 * (`IngestOptions.limits`, `detente ingest --limit name=value`), and a refusal names the item
 * and the limit it went over. docs/limits.md lists them for users.
 */
import { ItemError } from '../errors.js';

export interface ReadLimits {
  /** Largest file, standard input, JSONL line, WARC record or decompressed document, in bytes. */
  maxBytes: number;
  /** Longest header line in a WARC record or its HTTP response, in bytes. */
  maxHeaderLineBytes: number;
  /** Largest WARC or HTTP header block, in bytes. */
  maxHeaderBytes: number;
  /** Most bytes a compressed input may expand to, whole (a streamed archive or JSONL export). */
  maxDecompressedBytes: number;
  /** Most records (JSONL lines with content, WARC records, feed items, JSON array members) in one input. */
  maxRecords: number;
  /** Most blank lines in a row in a JSONL input (or empty bytes between WARC records) before the rest is refused. */
  maxBlankLines: number;
  /** Most HTML elements in one page. */
  maxHtmlElements: number;
  /** Deepest HTML element nesting in one page. */
  maxHtmlDepth: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxBytes: 20 * 1024 * 1024,
  maxHeaderLineBytes: 64 * 1024,
  maxHeaderBytes: 1024 * 1024,
  maxDecompressedBytes: 16 * 1024 * 1024 * 1024,
  maxRecords: 10_000_000,
  maxBlankLines: 100_000,
  maxHtmlElements: 100_000,
  maxHtmlDepth: 256,
});

/** The names users give limits on the command line: "max-html-depth" ↔ maxHtmlDepth. */
export const LIMIT_NAMES: Record<string, keyof ReadLimits> = Object.fromEntries(
  (Object.keys(DEFAULT_LIMITS) as (keyof ReadLimits)[]).map((key) => [key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), key]),
);

/** The limits in force: the defaults, overridden by what the run set. */
export function resolveLimits(options: { maxBytes?: number; limits?: Partial<ReadLimits> } = {}): ReadLimits {
  const limits = { ...DEFAULT_LIMITS, ...(options.limits ?? {}) };
  if (options.maxBytes !== undefined) limits.maxBytes = options.maxBytes;
  return limits;
}

/** The error for an item over a limit: it names the item, the limit's option name and its value. */
export function overLimit(item: string, limit: keyof ReadLimits, value: number, what: string): ItemError {
  const flag = Object.entries(LIMIT_NAMES).find(([, key]) => key === limit)?.[0] ?? limit;
  return new ItemError('E_LIMIT', item, `${what}: over the ${flag} limit of ${value} (raise it with --limit ${flag}=N)`);
}
