/**
 * @module ingest/results
 * Small helpers that turn a reader's work into `IngestResult`s: a thrown ItemError becomes an
 * error result; anything else thrown is a bug in a reader and is reported as such for that
 * item, so that one input never ends the run.
 */
import { ItemError, errorMessage } from '../errors.js';
import type { Article } from '../model/article.js';
import type { IngestResult } from './types.js';

export function ok(article: Article): IngestResult {
  return { ok: true, article };
}

export function fail(error: unknown, item: string, code = 'E_READ'): IngestResult {
  if (error instanceof ItemError) return { ok: false, error };
  return { ok: false, error: new ItemError(code, item, errorMessage(error), { cause: error }) };
}

/** Runs `make` and wraps its article or its error as a result. */
export function attempt(item: string, make: () => Article): IngestResult {
  try {
    return ok(make());
  } catch (error) {
    return fail(error, item);
  }
}
