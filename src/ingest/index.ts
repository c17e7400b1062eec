/**
 * @module ingest
 * Every input a news user has, read into Articles: plain text, Markdown, HTML pages, JSONL
 * and JSON records, RSS and Atom feeds, WARC archives, any of them gzip-compressed
 * ("page.html.gz"), and standard input (text or HTML, sniffed). `readInputs` yields one result per article or failed item, in input order; bad
 * input never stops the run.
 */
import { ItemError, errorMessage } from '../errors.js';
import type { IngestOptions, IngestResult, ReadInputs } from './types.js';
import type { InputReader, InputSource } from './source.js';
import { DEFAULT_MAX_BYTES } from './source.js';
import { expandPaths, fileSource, innerName, isGzipped, readHead, stdinSource } from './files.js';
import { jsonlReader, readerForName, sniffReader } from './registry.js';
import { fail } from './results.js';

export type { IngestOptions, IngestResult, ReadInputs } from './types.js';
export type { InputReader, InputSource } from './source.js';
export { DEFAULT_MAX_BYTES } from './source.js';
export { registerReader, listReaders, readerForName, sniffReader } from './registry.js';
export { prepareText, prepareHtml, itemName, type GivenMeta } from './prepare.js';
export { cleanText, type CleanText, type CleanTextOptions } from './text/clean-text.js';
export { extractHtml, htmlFragmentToText } from './html/extract-html.js';
export { extractMetadata, type HtmlMetadata } from './html/metadata.js';
export { parseFeed } from './feed/read-feed.js';
export { detectLanguage } from './language.js';
export { articleId } from './article-id.js';
export { normalizeDate } from './dates.js';

/**
 * Reads every input path ("-" for standard input; directories recursively).
 * @example
 * for await (const r of readInputs(['news/'], { published: '2017-11-09' })) {
 *   if (r.ok) use(r.article); else console.error(r.error.message);
 * }
 */
export const readInputs: ReadInputs = async function* (paths: string[], options: IngestOptions = {}): AsyncIterable<IngestResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for await (const entry of expandPaths(paths)) {
    if (!entry.ok) {
      yield { ok: false, error: entry.error };
      continue;
    }
    const path = entry.path;
    let source: InputSource;
    let reader: InputReader;
    try {
      if (path === '-') {
        source = await stdinSource(maxBytes);
        reader = options.jsonl ? jsonlReader : sniffReader((await source.bytes()).subarray(0, 1024));
      } else {
        const known = options.jsonl ? jsonlReader : readerForName(innerName(path));
        if (known) {
          reader = known;
          source = await fileSource(path, { maxBytes, streams: reader.streams === true });
        } else if (isGzipped(path)) {
          // A compressed file of unknown kind: look inside before choosing.
          source = await fileSource(path, { maxBytes });
          reader = sniffReader((await source.bytes()).subarray(0, 1024));
        } else {
          reader = sniffReader(await readHead(path));
          source = await fileSource(path, { maxBytes, streams: reader.streams === true });
        }
      }
    } catch (error) {
      yield fail(error, path);
      continue;
    }
    yield* readSource(reader, source, options);
  }
};

/** Runs one reader over one source; a reader bug is reported for that input, and the run goes on. */
export async function* readSource(reader: InputReader, source: InputSource, options: IngestOptions = {}): AsyncIterable<IngestResult> {
  try {
    yield* reader.read(source, options);
  } catch (error) {
    const wrapped = error instanceof ItemError ? error : new ItemError('E_READ', source.name, `could not be read: ${errorMessage(error)}`, { cause: error });
    yield { ok: false, error: wrapped };
  }
}
