/**
 * @module ingest/warc/warc-guard
 * Bounds a WARC byte stream before warcio parses it. warcio reads a header line until it finds
 * a line feed, however far away: a small .warc.gz that inflates to gigabytes without one made
 * it hold them all and killed the process. This guard follows the record layout on its own —
 * header lines, a blank line, Content-Length bytes of block (whose HTTP header lines, for
 * `application/http` records, are bounded too), then blank lines — and stops the stream with
 * an error naming the record and the limit as soon as a line, a header block, a run of blank
 * lines, the number of records or the whole decompressed size goes over its limit. Block bytes
 * are skipped in one step, so the guard costs one pass over header bytes only.
 */
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { ItemError, errorMessage } from '../../errors.js';
import { overLimit, type ReadLimits } from '../limits.js';

type State = 'between' | 'warc-header' | 'http-header' | 'block';

/** The archive's bytes, decompressed if they are gzip (warcio then reads them as a plain WARC). */
export async function* decompressed(chunks: AsyncIterable<Uint8Array>, name: string): AsyncIterable<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const rest = async function* () {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  };
  if (!(first.value[0] === 0x1f && first.value[1] === 0x8b)) {
    yield* rest();
    return;
  }
  // Node's gunzip reads every member of a multi-member file (one per WARC record).
  try {
    for await (const chunk of Readable.from(rest()).pipe(createGunzip())) yield chunk as Uint8Array;
  } catch (error) {
    if (error instanceof ItemError) throw error;
    // Reported by the reader as a truncated or corrupt archive, naming the record it stopped in.
    throw new Error(`the gzip stream of ${name} is cut or corrupt (${errorMessage(error)})`, { cause: error });
  }
}

/**
 * Passes `chunks` through unchanged while checking the WARC layout against `limits`.
 * @throws ItemError E_LIMIT naming "NAME record N" and the limit.
 */
export async function* guardWarc(chunks: AsyncIterable<Uint8Array>, name: string, limits: ReadLimits): AsyncIterable<Uint8Array> {
  let state = 'between' as State;
  let record = 0;
  let total = 0;
  let lineBytes = 0;
  let headerBytes = 0;
  let blankRun = 0;
  let header: number[] = [];
  let remaining = 0;
  let lastByte = 0;
  const item = () => `${name} record ${Math.max(record, 1)}`;

  const endOfWarcHeader = () => {
    const text = Buffer.from(header).toString('latin1');
    header = [];
    const length = /^content-length:\s*(\d+)\s*$/im.exec(text);
    remaining = length ? Number(length[1]) : 0;
    const http = /^content-type:\s*application\/http\b/im.test(text);
    headerBytes = 0;
    state = remaining === 0 ? 'between' : http ? 'http-header' : 'block';
  };

  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > limits.maxDecompressedBytes) throw overLimit(item(), 'maxDecompressedBytes', limits.maxDecompressedBytes, 'the archive expands to more bytes than allowed');
    let at = 0;
    while (at < chunk.length) {
      if (state === 'block') {
        const step = Math.min(remaining, chunk.length - at);
        at += step;
        remaining -= step;
        if (remaining === 0) state = 'between';
        continue;
      }
      if (state === 'between') {
        const b = chunk[at];
        if (b === 0x0a) {
          if (++blankRun > limits.maxBlankLines) throw overLimit(item(), 'maxBlankLines', limits.maxBlankLines, 'too many blank lines between records');
          at++;
          continue;
        }
        if (b === 0x0d) {
          at++;
          continue;
        }
        blankRun = 0;
        record++;
        if (record > limits.maxRecords) throw overLimit(item(), 'maxRecords', limits.maxRecords, 'the archive holds more records than allowed');
        state = 'warc-header';
        lineBytes = 0;
        headerBytes = 0;
        continue;
      }
      // A header line (WARC or HTTP): find its end, bounding the line and the block.
      const newline = chunk.indexOf(0x0a, at);
      const end = newline < 0 ? chunk.length : newline;
      const piece = end - at;
      lineBytes += piece;
      headerBytes += piece + (newline < 0 ? 0 : 1);
      if (state === 'http-header') remaining -= piece + (newline < 0 ? 0 : 1);
      if (lineBytes > limits.maxHeaderLineBytes) throw overLimit(item(), 'maxHeaderLineBytes', limits.maxHeaderLineBytes, 'a header line is longer than allowed');
      if (headerBytes > limits.maxHeaderBytes) throw overLimit(item(), 'maxHeaderBytes', limits.maxHeaderBytes, 'the record header is larger than allowed');
      if (state === 'warc-header') for (let i = at; i < end; i++) header.push(chunk[i]);
      if (piece > 0) lastByte = chunk[end - 1];
      at = end;
      if (newline < 0) {
        if (state === 'http-header' && remaining <= 0) state = 'between';
        continue;
      }
      at++;
      const blank = lineBytes === 0 || (lineBytes === 1 && lastByte === 0x0d);
      lineBytes = 0;
      if (state === 'warc-header') {
        if (blank) endOfWarcHeader();
        else header.push(0x0a);
      } else if (blank || remaining <= 0) {
        state = remaining > 0 ? 'block' : 'between';
      }
    }
    yield chunk;
  }
}
