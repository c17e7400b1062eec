/**
 * @module ingest/jsonl/read-jsonl
 * Readers for JSON Lines (one record per line, the `--jsonl` input) and plain JSON (one
 * record or an array of records). JSON Lines are read as the file streams, so an export of
 * any size is never held in memory; each line is decoded and parsed on its own, so a
 * malformed or over-long line is reported as "file:line" and the rest of the file goes on.
 * Blank lines are skipped.
 */
import { ItemError } from '../../errors.js';
import type { InputReader } from '../source.js';
import { overLimit, resolveLimits } from '../limits.js';
import type { IngestOptions, IngestResult } from '../types.js';
import { decodeText, looksBinary } from '../decode.js';
import { attempt, fail } from '../results.js';
import { recordToArticle } from './record.js';

export const jsonlReader: InputReader = {
  name: 'ingest.jsonl.v1',
  extensions: ['.jsonl', '.ndjson'],
  // Read as it streams, one line at a time: a JSONL export of any size is never held whole;
  // the size limit applies to each line.
  streams: true,
  async *read(source, options) {
    const limits = resolveLimits(options);
    const maxBytes = limits.maxBytes;
    let lineNo = 0;
    let sawRecord = false;
    let records = 0;
    let blankRun = 0;
    let total = 0;
    let first = true;
    // Set when a limit on the whole input is reached: the lines before it stand, the rest is refused.
    let stopped: ItemError | null = null;
    // The start of a line that continues into the next chunk; `tooLong` once it passed maxBytes.
    let carry: Uint8Array[] = [];
    let carried = 0;
    let tooLong = false;
    const finishLine = function* (piece: Uint8Array): Generator<IngestResult> {
      lineNo++;
      const item = `${source.name}:${lineNo}`;
      const long = tooLong || carried + piece.length > maxBytes;
      const lineBytes = long || carry.length === 0 ? piece : concat(carry, piece, carried);
      carry = [];
      carried = 0;
      tooLong = false;
      if (long) {
        blankRun = 0;
        yield fail(new ItemError('E_TOO_LARGE', item, `the line is over the ${maxBytes}-byte limit (raise it with the maxBytes option)`), item);
        return;
      }
      // Blank lines are skipped without decoding; a long run of them is a padded or hostile
      // input, refused once it passes the limit instead of read for an hour.
      if (isBlank(lineBytes)) {
        if (++blankRun > limits.maxBlankLines) {
          stopped = overLimit(item, 'maxBlankLines', limits.maxBlankLines, 'too many blank lines in a row; the rest of the file is not read');
        }
        return;
      }
      blankRun = 0;
      if (++records > limits.maxRecords) {
        stopped = overLimit(item, 'maxRecords', limits.maxRecords, 'the file holds more records than allowed; the rest of the file is not read');
        return;
      }
      const result = readLine(lineBytes, item, source.name, lineNo, options);
      if (result === null) return;
      sawRecord = true;
      yield result;
    };
    for await (const chunk of source.stream()) {
      total += chunk.length;
      if (total > limits.maxDecompressedBytes) {
        stopped = overLimit(`${source.name}:${lineNo + 1}`, 'maxDecompressedBytes', limits.maxDecompressedBytes, 'the file is longer than allowed; the rest is not read');
        break;
      }
      if (first) {
        first = false;
        // Only a first line that is binary and not even the start of a JSON record makes the file
        // "not JSON Lines"; a record with NUL or control bytes, first or not, fails that line alone.
        const firstEnd = chunk.indexOf(0x0a);
        const firstLine = firstEnd < 0 ? chunk : chunk.subarray(0, firstEnd);
        if (looksBinary(firstLine) && !startsLikeJson(firstLine)) {
          yield fail(new ItemError('E_BINARY', source.name, 'this is a binary file, not JSON Lines'), source.name);
          return;
        }
      }
      let start = 0;
      for (let end = chunk.indexOf(0x0a, start); end >= 0 && !stopped; end = chunk.indexOf(0x0a, start)) {
        yield* finishLine(chunk.subarray(start, end));
        start = end + 1;
      }
      if (stopped) break;
      const rest = chunk.subarray(start);
      if (rest.length === 0) continue;
      if (tooLong || carried + rest.length > maxBytes) {
        tooLong = true;
        carry = [];
      } else {
        // Copied: a stream may reuse its buffer for the next chunk.
        carry.push(Uint8Array.from(rest));
      }
      carried += rest.length;
    }
    if (stopped) {
      yield fail(stopped, (stopped as ItemError).item);
      return;
    }
    if (carried > 0 || tooLong) yield* finishLine(new Uint8Array(0));
    if (stopped) {
      yield fail(stopped, (stopped as ItemError).item);
      return;
    }
    if (!sawRecord) yield fail(new ItemError('E_EMPTY', source.name, 'the file holds no records'), source.name);
  },
};

/** Whether the bytes begin, after spaces and a BOM, with "{" or "[". */
function startsLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

/** A line of nothing but spaces, tabs and a carriage return. */
function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/** The pieces of one line, joined. */
function concat(pieces: Uint8Array[], last: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length + last.length);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  out.set(last, at);
  return out;
}

/**
 * One line of a JSON Lines file read on its own, as the reader reads it in the file (same item
 * name and provenance): the ingest queue hands single lines to workers. Null for a blank line.
 */
export function readJsonlLine(line: string, input: string, lineNo: number, options: IngestOptions = {}): IngestResult | null {
  return readLine(new TextEncoder().encode(line), `${input}:${lineNo}`, input, lineNo, options);
}

/** One line's result, or null for a blank line. */
function readLine(lineBytes: Uint8Array, item: string, input: string, lineNo: number, options: IngestOptions): IngestResult | null {
  let line: string;
  try {
    line = decodeText(lineBytes, item, 'utf-8').replace(/^\uFEFF/, '').trim();
  } catch (error) {
    return fail(error, item);
  }
  if (line === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return fail(new ItemError('E_JSONL_LINE', item, `malformed JSON: ${(error as Error).message}`), item);
  }
  const provenance = { reader: jsonlReader.name, input, item: `line ${lineNo}` };
  return attempt(item, () => recordToArticle(value, provenance, options));
}

export const jsonReader: InputReader = {
  name: 'ingest.json.v1',
  extensions: ['.json'],
  async *read(source, options) {
    let text: string;
    try {
      text = decodeText(await source.bytes(), source.name, 'utf-8').replace(/^\uFEFF/, '');
    } catch (error) {
      yield fail(error, source.name);
      return;
    }
    if (text.trim() === '') {
      yield fail(new ItemError('E_EMPTY', source.name, 'the file is empty'), source.name);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // Several objects, one per line, under a .json name: read it as JSON Lines.
      if (/^\s*\{[^\n]*\}\s*\n\s*\{/.test(text)) {
        yield* jsonlReader.read(source, options);
        return;
      }
      yield fail(new ItemError('E_JSON', source.name, `malformed JSON: ${(error as Error).message}`), source.name);
      return;
    }
    const records = Array.isArray(value) ? value : [value];
    const { maxRecords } = resolveLimits(options);
    for (let i = 0; i < Math.min(records.length, maxRecords); i++) {
      const provenance = { reader: jsonReader.name, input: source.name, item: Array.isArray(value) ? `record ${i + 1}` : null };
      const item = Array.isArray(value) ? `${source.name} record ${i + 1}` : source.name;
      yield attempt(item, () => recordToArticle(records[i], provenance, options, 'E_JSON_RECORD'));
    }
    if (records.length > maxRecords) {
      const item = `${source.name} record ${maxRecords + 1}`;
      yield fail(overLimit(item, 'maxRecords', maxRecords, `the file holds ${records.length} records; the rest are not read`), item);
    }
  },
};
