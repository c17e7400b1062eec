/**
 * @module ingest/jsonl/record
 * One input record of the record-format spec, `{"id", "text"}` plus optional `published`,
 * `title`, `url`, `source`, `author`, `language` or `html` instead of `text`, checked and made
 * into an article. Shared by the JSONL and JSON readers. Common alternative names (`body`,
 * `content`, `headline`, `date`, ...) are accepted so that other tools' exports read as they are.
 */
import type { Article, Provenance } from '../../model/article.js';
import { ItemError } from '../../errors.js';
import type { IngestOptions } from '../types.js';
import { itemName, prepareHtml, prepareText, type GivenMeta } from '../prepare.js';

function optionalString(record: Record<string, unknown>, key: string, item: string): string | null {
  const value = record[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (key === 'id' && typeof value === 'number') return String(value);
  throw new ItemError('E_JSONL_FIELD', item, `expected "${key}" to be a string, found ${typeof value}`);
}

/**
 * The article for one record.
 * @throws ItemError when the record is not an object, lacks both "text" and "html", or has
 * fields of the wrong type.
 */
export function recordToArticle(value: unknown, provenance: Provenance, options: IngestOptions, code = 'E_JSONL_LINE'): Article {
  const item = itemName(provenance);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ItemError(code, item, `expected a JSON object like {"id", "text"}, found ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  const record = value as Record<string, unknown>;
  // The spec's names first; common names from other tools' exports are accepted as well.
  const field = (...keys: string[]) => {
    for (const key of keys) {
      const found = optionalString(record, key, item);
      if (found !== null) return found;
    }
    return null;
  };
  const text = field('text', 'body', 'content', 'articleBody');
  const html = field('html');
  const given: GivenMeta = {
    id: field('id'),
    title: field('title', 'headline'),
    url: field('url', 'link'),
    source: field('source', 'publisher'),
    author: field('author', 'byline'),
    language: field('language', 'lang'),
    published: field('published', 'date', 'datePublished', 'published_at'),
    fallbackPublished: options.published,
  };
  for (const key of Object.keys(given) as (keyof GivenMeta)[]) if (given[key] === null) delete given[key];
  if (text !== null) return prepareText(text, given, provenance);
  if (html !== null) return prepareHtml(html, given, { ...provenance, reader: 'ingest.jsonl-html.v1' });
  if (typeof record.text === 'string' || typeof record.html === 'string') {
    throw new ItemError('E_EMPTY', item, 'the record\'s "text" is empty');
  }
  throw new ItemError(code, item, 'expected a "text" (or "html") string field, found none');
}
