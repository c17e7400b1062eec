/**
 * @module ingest/article-id
 * Stable article ids. An input may name its own id; otherwise the id is a hash of the
 * normalised text, so re-reading the same article always gives the same id (and the store
 * can tell a duplicate from a new article).
 */
import { createHash } from 'node:crypto';

/**
 * The given id when it is a non-empty string, else `a-` plus the first 16 hex digits of the
 * sha256 of `text`.
 * @example articleId(undefined, 'Talks resumed.') // 'a-…' (always the same for that text)
 */
export function articleId(given: unknown, text: string): string {
  if (typeof given === 'string' && given.trim() !== '') return given.trim();
  if (typeof given === 'number' && Number.isFinite(given)) return String(given);
  return 'a-' + createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}
