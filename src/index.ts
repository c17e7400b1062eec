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
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DetenteError, type ItemError } from './errors.js';
import type { ArticleMeta } from './model/article.js';
import { toRecord, type ArticleRecord } from './model/record.js';
import type { IngestOptions, ReadInputs } from './ingest/types.js';
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
  return extractOne({ ...meta, text }, options);
}

/**
 * Analyses one article given as an HTML page; page furniture is removed first.
 *
 * @example
 * const record = await extractHtml(await (await fetch(url)).text(), { url });
 */
export async function extractHtml(html: string, meta: ExtractMeta = {}, options: ExtractOptions = {}): Promise<ArticleRecord> {
  return extractOne({ ...meta, html }, options);
}

/**
 * One in-memory article goes through the same reader as `extract --jsonl` (whose line format
 * the record spec defines), so text and HTML get exactly the cleaning and ids a file would.
 */
async function extractOne(line: Record<string, unknown>, options: ExtractOptions): Promise<ArticleRecord> {
  const dir = await mkdtemp(join(tmpdir(), 'detente-extract-'));
  try {
    const file = join(dir, 'input.jsonl');
    await writeFile(file, JSON.stringify(line) + '\n', 'utf8');
    const [record] = await extract(file, { ...options, jsonl: true });
    if (!record) throw new DetenteError('E_EMPTY_INPUT', 'the input holds no article text: pass the body of a news article');
    record.provenance = { ...record.provenance, input: 'html' in line ? 'html' : 'text', item: null };
    return record;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
