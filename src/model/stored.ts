/**
 * @module model/stored
 * What a store keeps of an analysed article. The working layers the stages build (the token
 * table, date expressions, clauses, and anything a stage hangs on the object) are several
 * hundred kilobytes per article and no store reads them: `toRecord` is all a store writes.
 * Ingest drops them as soon as an article is analysed, so a batch waiting for its transaction
 * holds only what will be written.
 */
import { emptyTokenTable } from './tokens.js';
import type { Article } from './article.js';

/**
 * A new article holding only the layers `toRecord` reads; `toRecord(storedArticle(a))`
 * deep-equals `toRecord(a)`. The input is not changed.
 * @example batch.push(storedArticle(pipeline.run(article)));
 */
export function storedArticle(article: Article): Article {
  return {
    id: article.id,
    text: article.text,
    meta: article.meta,
    provenance: article.provenance,
    sentences: article.sentences,
    tokens: emptyTokenTable(),
    mentions: article.mentions,
    dates: [],
    clauses: [],
    quotes: article.quotes,
    events: article.events,
    errors: article.errors,
    failures: article.failures,
    notes: article.notes,
    stamps: article.stamps,
  };
}
