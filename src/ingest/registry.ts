/**
 * @module ingest/registry
 * The input readers by file name ending. Built-in formats register here the same way an
 * extension would (`registerReader`), and the longest matching ending wins, so ".warc.gz"
 * beats ".gz". Content that comes without a telling name (stdin, odd extensions) is sniffed.
 */
import type { InputReader } from './source.js';
import { textReader } from './text/read-text.js';
import { htmlReader } from './html/read-html.js';
import { jsonlReader, jsonReader } from './jsonl/read-jsonl.js';
import { feedReader } from './feed/read-feed.js';
import { warcReader } from './warc/read-warc.js';

const readers: InputReader[] = [textReader, htmlReader, jsonlReader, jsonReader, feedReader, warcReader];

/** Adds a reader (or replaces the one with the same name). */
export function registerReader(reader: InputReader): void {
  const at = readers.findIndex((r) => r.name === reader.name);
  if (at >= 0) readers[at] = reader;
  else readers.push(reader);
}

/** Every registered reader. */
export function listReaders(): readonly InputReader[] {
  return readers;
}

/** The reader for a file name, or null when no reader claims its ending. */
export function readerForName(name: string): InputReader | null {
  const lower = name.toLowerCase();
  let best: InputReader | null = null;
  let bestLength = 0;
  for (const reader of readers) {
    for (const ext of reader.extensions) {
      if (lower.endsWith(ext) && ext.length > bestLength) {
        best = reader;
        bestLength = ext.length;
      }
    }
  }
  return best;
}

/** The reader for content whose name says nothing: HTML, a feed, a WARC, JSON Lines or text. */
export function sniffReader(head: Uint8Array): InputReader {
  if (head[0] === 0x1f && head[1] === 0x8b) return warcReader;
  const start = new TextDecoder('latin1').decode(head.subarray(0, 1024)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (/^WARC\/\d/.test(start)) return warcReader;
  if (/^<\?xml\b/i.test(start) && /<(?:rss|feed|rdf:RDF)\b/i.test(start)) return feedReader;
  if (/^<(?:rss|feed)\b/i.test(start)) return feedReader;
  if (/^(?:<!doctype html|<html|<head|<body|<meta|<article|<div|<p[\s>])/i.test(start) || /<\/(?:p|div|body|html)>/i.test(start)) {
    return htmlReader;
  }
  if (/^\{\s*"/.test(start)) return jsonlReader;
  return textReader;
}

export { textReader, htmlReader, jsonlReader, jsonReader, feedReader, warcReader };
