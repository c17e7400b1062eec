/**
 * @module ingest/jsonl/read-jsonl
 * Readers for JSON Lines (one record per line, the `--jsonl` input) and plain JSON (one
 * record or an array of records). Each line is decoded and parsed on its own, so a
 * malformed line is reported as "file:line" and the rest of the file goes on. Blank lines
 * are skipped.
 */
import { ItemError } from '../../errors.js';
import type { InputReader } from '../source.js';
import { decodeText, looksBinary } from '../decode.js';
import { attempt, fail } from '../results.js';
import { recordToArticle } from './record.js';

export const jsonlReader: InputReader = {
  name: 'ingest.jsonl.v1',
  extensions: ['.jsonl', '.ndjson'],
  async *read(source, options) {
    const bytes = await source.bytes();
    if (looksBinary(bytes)) {
      yield fail(new ItemError('E_BINARY', source.name, 'this is a binary file, not JSON Lines'), source.name);
      return;
    }
    let lineNo = 0;
    let start = 0;
    let sawRecord = false;
    while (start <= bytes.length) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      lineNo++;
      const lineBytes = bytes.subarray(start, end);
      start = end + 1;
      const item = `${source.name}:${lineNo}`;
      let line: string;
      try {
        line = decodeText(lineBytes, item, 'utf-8').replace(/^\uFEFF/, '').trim();
      } catch (error) {
        yield fail(error, item);
        continue;
      }
      if (line === '') continue;
      sawRecord = true;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        yield fail(new ItemError('E_JSONL_LINE', item, `malformed JSON: ${(error as Error).message}`), item);
        continue;
      }
      const provenance = { reader: jsonlReader.name, input: source.name, item: `line ${lineNo}` };
      yield attempt(item, () => recordToArticle(value, provenance, options));
    }
    if (!sawRecord) yield fail(new ItemError('E_EMPTY', source.name, 'the file holds no records'), source.name);
  },
};

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
    for (let i = 0; i < records.length; i++) {
      const provenance = { reader: jsonReader.name, input: source.name, item: Array.isArray(value) ? `record ${i + 1}` : null };
      const item = Array.isArray(value) ? `${source.name} record ${i + 1}` : source.name;
      yield attempt(item, () => recordToArticle(records[i], provenance, options, 'E_JSON_RECORD'));
    }
  },
};
