/**
 * @module ingest/warc/read-warc
 * Reader for web archives (WARC and WARC.GZ, via warcio's WARCParser). The archive is
 * streamed: each `response` record holding an HTML page fetched with HTTP 200 becomes an
 * article, with WARC-Target-URI as its url and WARC-Date as the fallback publication date;
 * other records (requests, metadata, revisits, images, redirects) are skipped silently. A
 * truncated or corrupt archive yields the articles read so far and one error naming the
 * record where reading stopped.
 */
import { LimitReader, WARCParser, type WARCRecord } from 'warcio';
import { ItemError, errorMessage } from '../../errors.js';
import type { InputReader } from '../source.js';
import { resolveLimits } from '../limits.js';
import { decompressed, guardWarc } from './warc-guard.js';
import { charsetOf, decodeText } from '../decode.js';
import { prepareHtml } from '../prepare.js';
import { attempt, fail } from '../results.js';
import { normalizeDate } from '../dates.js';

export const warcReader: InputReader = {
  name: 'ingest.warc.v1',
  extensions: ['.warc', '.warc.gz'],
  streams: true,
  async *read(source, options) {
    const limits = resolveLimits(options);
    const maxBytes = limits.maxBytes;
    // warcio stops quietly at the end of a cut-off archive, so the reader counts the bytes
    // itself: a record shorter than its Content-Length, or bytes left over that form no
    // record, mean the archive is truncated.
    let total = 0;
    // warcio gets the archive decompressed and checked against the limits (warc-guard.ts).
    const counted = async function* () {
      for await (const chunk of guardWarc(decompressed(source.stream(), source.name), source.name, limits)) {
        total += chunk.length;
        yield chunk;
      }
    };
    const parser = new WARCParser(counted());
    let recordNo = 0;
    let articles = 0;
    while (true) {
      let record: WARCRecord | null;
      try {
        record = await parser.parse();
      } catch (error) {
        yield fail(corrupt(source.name, recordNo + 1, articles, error), source.name);
        return;
      }
      if (!record) break;
      recordNo++;
      if (!record.warcHeader('Content-Length') || !(record.warcType || record.warcHeader('WARC-Record-ID'))) {
        if (recordNo === 1) {
          yield fail(new ItemError('E_NOT_WARC', source.name, 'no WARC record header found: this is not a web archive'), source.name);
        } else {
          yield fail(corrupt(source.name, recordNo, articles, 'the record header is incomplete'), source.name);
        }
        return;
      }
      const item = `${source.name} record ${recordNo}`;
      let body: Uint8Array | null = null;
      const wanted = isHtmlResponse(record);
      const tooLarge = wanted && record.warcContentLength > maxBytes;
      try {
        if (wanted && !tooLarge) body = await record.readFully(true);
        else await record.skipFully();
      } catch (error) {
        yield fail(corrupt(source.name, recordNo, articles, error), source.name);
        return;
      }
      const limit = record._reader instanceof LimitReader ? record._reader.limit : 0;
      if (limit > 0) {
        yield fail(corrupt(source.name, recordNo, articles, `the archive ends ${limit} bytes before the record does`), source.name);
        return;
      }
      if (tooLarge) {
        yield fail(new ItemError('E_TOO_LARGE', item, `the record is ${record.warcContentLength} bytes, over the ${maxBytes}-byte limit`), item);
        continue;
      }
      if (!body) continue;
      const contentType = record.httpHeaders?.headers.get('content-type') ?? null;
      const provenance = { reader: warcReader.name, input: source.name, item: `record ${recordNo}` };
      const result = attempt(item, () => {
        const html = decodeText(body, item, charsetOf(contentType), { legacyFallback: true });
        return prepareHtml(
          html,
          {
            url: record.warcTargetURI ?? undefined,
            fallbackPublished: normalizeDate(record.warcDate) ?? options.published ?? null,
          },
          provenance,
          limits,
        );
      });
      if (result.ok) articles++;
      yield result;
    }
    const leftOver = total - parser._reader.getRawOffset();
    if (recordNo > 0 && leftOver > 4) {
      yield fail(corrupt(source.name, recordNo + 1, articles, `${leftOver} bytes at the end form no complete record`), source.name);
      return;
    }
    if (recordNo === 0) {
      yield fail(new ItemError('E_NOT_WARC', source.name, 'no WARC records found: this is not a web archive, or it is empty'), source.name);
    }
  },
};

function isHtmlResponse(record: WARCRecord): boolean {
  if (record.warcType !== 'response') return false;
  const info = record.getResponseInfo();
  if (!info || Number(info.status) !== 200) return false;
  const type = info.headers.get('content-type') ?? '';
  return /\b(?:text\/html|application\/xhtml\+xml)\b/i.test(type);
}

function corrupt(name: string, recordNo: number, articles: number, error: unknown): ItemError {
  // A limit or a bad gzip stream names its item and cause itself; the articles before it are kept.
  if (error instanceof ItemError) return error;
  return new ItemError(
    'E_WARC_TRUNCATED',
    `${name} record ${recordNo}`,
    `the archive is truncated or corrupt; reading stopped here after ${articles} article(s): ${errorMessage(error)}`,
  );
}
