/**
 * @module ingest/text/read-text
 * Reader for plain-text and Markdown files: one file is one article. Markdown syntax
 * (heading marks, emphasis, link targets, images) is reduced to the words a reader sees.
 */
import type { InputReader } from '../source.js';
import { decodeText } from '../decode.js';
import { prepareHtml, prepareText } from '../prepare.js';
import { attempt, fail } from '../results.js';

export const textReader: InputReader = {
  name: 'ingest.text.v1',
  extensions: ['.txt', '.text', '.md', '.markdown'],
  async *read(source, options) {
    let text: string;
    try {
      text = decodeText(await source.bytes(), source.name);
    } catch (error) {
      yield fail(error, source.name);
      return;
    }
    if (/\.(?:md|markdown)$/i.test(source.name)) text = stripMarkdown(text);
    // A web page saved under a text name is read as the page it is.
    if (/^\s*(?:<!doctype html|<html[\s>])/i.test(text.slice(0, 512))) {
      const page = text;
      const provenance = { reader: 'ingest.html.v1', input: source.name, item: null };
      yield attempt(source.name, () => prepareHtml(page, { fallbackPublished: options.published }, provenance));
      return;
    }
    const provenance = { reader: textReader.name, input: source.name, item: null };
    yield attempt(source.name, () => prepareText(text, { fallbackPublished: options.published }, provenance));
  },
};

/** Markdown to the text it displays; line structure is kept. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/^(?:-{3,}|\*{3,}|_{3,})\s*$/gm, '')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1');
}
