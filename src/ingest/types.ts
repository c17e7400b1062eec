/**
 * @module ingest/types
 * The contract between input readers and the rest of Détente. A reader turns one input
 * (file, stdin, feed, archive) into a stream of results: each either an Article with its
 * clean text, or an ItemError naming the item that failed. Readers never throw for bad
 * input; they yield the error and go on with the next item.
 */
import type { Article } from '../model/article.js';
import type { ItemError } from '../errors.js';
import type { ReadLimits } from './limits.js';

export type IngestResult = { ok: true; article: Article } | { ok: false; error: ItemError };

export interface IngestOptions {
  /** Publication date (YYYY-MM-DD) to use when the input has none. */
  published?: string;
  /** Largest input accepted, in bytes (default 20 MiB); larger items are refused with a clear error. */
  maxBytes?: number;
  /** Bounds on what a reader accepts (see limits.ts and docs/limits.md); `maxBytes` above wins over `limits.maxBytes`. */
  limits?: Partial<ReadLimits>;
  /** Treat every file as JSONL regardless of its extension (`extract --jsonl`). */
  jsonl?: boolean;
}

/**
 * Reads every input path (files, directories walked recursively by extension, "-" for stdin)
 * and yields one result per article or failed item, in input order.
 */
export type ReadInputs = (paths: string[], options?: IngestOptions) => AsyncIterable<IngestResult>;
