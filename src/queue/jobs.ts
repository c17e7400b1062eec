/**
 * @module queue/jobs
 * What one queued ingest job holds, and how a worker turns it back into articles. A job is one
 * item: a file (read by the reader its name calls for), one line of a JSON Lines file (carried
 * in the job, so that workers on other machines need no shared disk and a large export spreads
 * over every worker), or a web page (fetched by the worker, with the feed's metadata when it
 * came from a feed). Each reads exactly as `detente ingest` would read the same item, so the
 * stored result does not depend on whether the queue was used.
 */
import type { IngestOptions, IngestResult } from '../ingest/types.js';
import { ItemError, errorMessage } from '../errors.js';
import { fetchLimited } from '../net/fetch-limited.js';

export interface PageMeta {
  title?: string;
  published?: string;
  author?: string;
  source?: string;
}

export type IngestJob =
  | { kind: 'file'; path: string; options?: IngestOptions }
  | { kind: 'line'; input: string; line: number; text: string; options?: IngestOptions }
  | { kind: 'page'; url: string; meta?: PageMeta; options?: IngestOptions };

/** The item as users know it: a path, "file.jsonl:12", or a URL. */
export function jobItem(job: IngestJob): string {
  return job.kind === 'file' ? job.path : job.kind === 'line' ? `${job.input}:${job.line}` : job.url;
}

/** Limits for pages fetched by workers. */
export const PAGE_LIMITS = { timeoutMs: 30_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };

/**
 * The articles (or failed items) of one job. A failure to fetch a page throws, so the queue
 * retries the job later; bad content is a failed item, as in `detente ingest`.
 */
export async function* readJob(job: IngestJob): AsyncIterable<IngestResult> {
  const options = job.options ?? {};
  if (job.kind === 'file') {
    const { readInputs } = await import('../ingest/index.js');
    yield* readInputs([job.path], options);
    return;
  }
  if (job.kind === 'line') {
    const { readJsonlLine } = await import('../ingest/jsonl/read-jsonl.js');
    const result = readJsonlLine(job.text, job.input, job.line, options);
    if (result) yield result;
    return;
  }
  const page = await fetchLimited(job.url, PAGE_LIMITS);
  const { prepareHtml, prepareText } = await import('../ingest/index.js');
  const { decodeText } = await import('../ingest/decode.js');
  const { htmlReader, textReader } = await import('../ingest/registry.js');
  const html = !page.contentType || /html|xml/i.test(page.contentType);
  const provenance = { reader: html ? htmlReader.name : textReader.name, input: job.url, item: null };
  const given = { url: job.url, fallbackPublished: options.published, ...job.meta };
  try {
    const text = decodeText(page.body, job.url, null, { legacyFallback: true });
    yield { ok: true, article: html ? prepareHtml(text, given, provenance) : prepareText(text, given, provenance) };
  } catch (error) {
    const wrapped = error instanceof ItemError ? error : new ItemError('E_READ', job.url, errorMessage(error), { cause: error });
    yield { ok: false, error: wrapped };
  }
}
