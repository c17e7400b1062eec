/**
 * @module ingest/source
 * What a reader gets: one named input whose bytes it may read whole or stream (archives
 * are streamed so that a multi-gigabyte WARC is never held in memory), plus the run's
 * options. Readers yield results and never throw for bad input.
 */
import type { IngestOptions, IngestResult } from './types.js';

export interface InputSource {
  /** The name users know the input by: a path, or "-" for standard input. */
  name: string;
  /** The whole input (already checked against the size limit). */
  bytes(): Promise<Uint8Array>;
  /** The input as a stream of chunks. */
  stream(): AsyncIterable<Uint8Array>;
}

export interface InputReader {
  /** Dotted, versioned name recorded in each article's provenance, e.g. "ingest.html.v1". */
  name: string;
  /** File name endings this reader handles, lower-case with the dot: ".html", ".warc.gz". */
  extensions: string[];
  /** Whether the reader streams its input itself (and applies the size limit per record). */
  streams?: boolean;
  read(source: InputSource, options: IngestOptions): AsyncIterable<IngestResult>;
}

/** Default largest input (or archive record) accepted: 20 MiB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
