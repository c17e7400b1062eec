/**
 * @module api/ingest-body
 * POST /api/articles: a request body goes through exactly the CLI's path (ingest reader →
 * pipeline → store, via `processInputs`), so the API cannot code an article differently from
 * `detente ingest`. The body's bytes go straight to the reader for its media type, as an
 * in-memory source named "request body"; the ids stored and already stored come back from
 * processInputs's own reports. The pipeline runs in the shared worker pool, so a slow article
 * never stops the server from answering other requests.
 */
import { readSource } from '../ingest/index.js';
import { htmlReader, jsonlReader, textReader } from '../ingest/registry.js';
import { memorySource } from '../ingest/files.js';
import type { InputReader } from '../ingest/source.js';
import { processInputs, type FailureReport } from '../pipeline/process.js';
import { sharedPipelinePool } from '../pipeline/pool.js';
import type { IngestBody, IngestOutcome } from './env.js';

const READERS: Record<string, InputReader> = { 'text/plain': textReader, 'text/html': htmlReader, 'application/x-ndjson': jsonlReader };
export const BODY_NAME = 'request body';

export const ingestBody: IngestBody = async ({ bytes, mediaType, published }, store): Promise<IngestOutcome> => {
  const reader = READERS[mediaType];
  const source = memorySource(BODY_NAME, bytes);
  const ingestOptions = { published, maxBytes: bytes.byteLength + 1 };
  const ids: string[] = [];
  const duplicateIds: string[] = [];
  const failures: FailureReport[] = [];
  const summary = await processInputs([BODY_NAME], {
    store,
    pipeline: sharedPipelinePool(),
    read: () => readSource(reader, source, ingestOptions),
    ingestOptions,
    onStored: ({ inserted, duplicates }) => {
      ids.push(...inserted);
      duplicateIds.push(...duplicates);
    },
    onFailure: (failure) => failures.push(failure),
  });
  return { inserted: summary.new, duplicates: summary.duplicate, events: summary.events, ids, duplicate_ids: duplicateIds, failures };
};
