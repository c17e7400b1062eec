/**
 * @module detente
 * The library API: read news, get coded political events, each traceable to its sentence.
 * Everything the CLI does goes through these functions.
 *
 * @example
 * import { extract, openStore, processInputs, createPipeline, defaultStages } from 'detente';
 * const [record] = await extract('article.html', { published: '2017-07-08' });
 * for (const e of record.events) console.log(e.code, e.source?.code, e.target?.code, e.evidence.text);
 */
import { DetenteError, ItemError } from './errors.js';
import type { ArticleMeta } from './model/article.js';
import { toRecord, type ArticleRecord } from './model/record.js';
import type { IngestOptions, ReadInputs } from './ingest/types.js';
import type { GivenMeta } from './ingest/prepare.js';
import { DEFAULT_MAX_BYTES } from './ingest/source.js';
import { createPipeline, type Pipeline } from './pipeline/run.js';
import { defaultStages } from './pipeline/default-stages.js';
import { loadReadInputs } from './pipeline/process.js';

export * from './model/index.js';
export * from './errors.js';
export type { IngestOptions, IngestResult, ReadInputs } from './ingest/types.js';
export type * from './store/store.js';
export type { StageDefinition, StageFn, Layer } from './pipeline/stage.js';
export { defineStage } from './pipeline/stage.js';
export { createPipeline, analyzeStages, type Pipeline } from './pipeline/run.js';
export { defaultStages } from './pipeline/default-stages.js';
export { processInputs, type ProcessOptions, type ProcessSummary, type ProcessProgress } from './pipeline/process.js';
export { openStore, resolveStoreUrl } from './store/open-store.js';

export interface ExtractOptions extends IngestOptions {
  /** The pipeline to run; the default stages when omitted. */
  pipeline?: Pipeline;
  /** Called for each input item that could not be read. Without it, the first such item throws. */
  onError?: (error: ItemError) => void;
  /** The reader; the built-in ingest formats when omitted. */
  read?: ReadInputs;
}

/** Metadata for `extractText`/`extractHtml`; `id` defaults to a hash of the normalised text. */
export type ExtractMeta = Partial<Pick<ArticleMeta, 'title' | 'url' | 'source' | 'published'>> & { id?: string };

let sharedPipeline: Pipeline | null = null;
function defaultPipeline(): Pipeline {
  sharedPipeline ??= createPipeline(defaultStages);
  return sharedPipeline;
}

/**
 * Streams records for files, directories or "-" (stdin): one result per article or failed item.
 *
 * @example
 * for await (const r of extractStream(['feeds/'])) if (r.ok) console.log(r.record.id, r.record.events.length);
 */
export async function* extractStream(
  paths: string[],
  options: Omit<ExtractOptions, 'onError'> = {},
): AsyncIterable<{ ok: true; record: ArticleRecord } | { ok: false; error: ItemError }> {
  const { pipeline = defaultPipeline(), read, ...ingestOptions } = options;
  const readInputs = read ?? (await loadReadInputs());
  for await (const result of readInputs(paths, ingestOptions)) {
    if (result.ok) yield { ok: true, record: toRecord(pipeline.run(result.article)) };
    else yield result;
  }
}

/**
 * Reads and analyses files or directories; nothing is stored.
 *
 * @param input - one path or several (.txt .html .jsonl .xml .warc.gz ..., directories, "-")
 * @returns one record per article, in input order (the shape of `detente extract`)
 * @example
 * const records = await extract(['samples/text'], { published: '2017-11-09' });
 * console.log(records.flatMap((r) => r.events).length);
 */
export async function extract(input: string | string[], options: ExtractOptions = {}): Promise<ArticleRecord[]> {
  const { onError, ...rest } = options;
  const records: ArticleRecord[] = [];
  for await (const result of extractStream(Array.isArray(input) ? input : [input], rest)) {
    if (result.ok) records.push(result.record);
    else if (onError) onError(result.error);
    else throw result.error;
  }
  return records;
}

/**
 * Analyses one article given as plain text (header lines such as a title or date are recognised).
 *
 * @example
 * const record = await extractText('Russia expelled two US diplomats on Monday.', { published: '2017-07-31' });
 */
export async function extractText(text: string, meta: ExtractMeta = {}, options: ExtractOptions = {}): Promise<ArticleRecord> {
  return extractOne('text', text, meta, options);
}

/**
 * Analyses one article given as an HTML page; page furniture is removed first.
 *
 * @example
 * const record = await extractHtml(await (await fetch(url)).text(), { url });
 */
export async function extractHtml(html: string, meta: ExtractMeta = {}, options: ExtractOptions = {}): Promise<ArticleRecord> {
  return extractOne('html', html, meta, options);
}

/**
 * One in-memory article goes through the same preparation as every reader (ingest's
 * `prepareText`/`prepareHtml`), so text and HTML get exactly the cleaning, metadata rules and
 * ids a file would, without a round trip through the file system.
 */
async function extractOne(kind: 'text' | 'html', input: string, meta: ExtractMeta, options: ExtractOptions): Promise<ArticleRecord> {
  const { pipeline = defaultPipeline(), onError, published, maxBytes = DEFAULT_MAX_BYTES } = options;
  if (typeof input !== 'string') throw new DetenteError('E_INPUT', `expected the article ${kind} as a string, found ${typeof input}`);
  if (input.trim() === '') throw new DetenteError('E_EMPTY_INPUT', 'the input holds no article text: pass the body of a news article');
  if (Buffer.byteLength(input, 'utf8') > maxBytes) {
    throw new DetenteError('E_TOO_LARGE', `the ${kind} is over the ${maxBytes}-byte limit (raise it with the maxBytes option)`);
  }
  // Loaded on first use, like the readers: callers of extractStream with their own reader never load the HTML parsers.
  const { prepareText, prepareHtml } = await import('./ingest/prepare.js');
  const given: GivenMeta = { fallbackPublished: published ?? null };
  for (const key of ['id', 'title', 'url', 'source', 'published'] as const) {
    const value = meta[key]?.trim();
    if (value) given[key] = value;
  }
  const provenance = { reader: kind === 'html' ? 'ingest.html.v1' : 'ingest.text.v1', input: kind, item: null };
  let article;
  try {
    article = kind === 'html' ? prepareHtml(input, given, provenance) : prepareText(input, given, provenance);
  } catch (error) {
    if (!(error instanceof ItemError) || !onError) throw error;
    onError(error);
    throw new DetenteError('E_EMPTY_INPUT', 'the input holds no article text: pass the body of a news article', { cause: error });
  }
  return toRecord(pipeline.run(article));
}
