/**
 * @module nlp/dates/dates
 * The dates step: split clauses (their tense steers weekday and month resolution), find
 * the date expressions, then date every clause. Without a publication date only
 * expressions that carry their own year resolve, and undated clauses stay null.
 */
import type { Article } from '../../model/article.js';
import type { Tense } from '../clauses/tense.js';
import { dateClauses } from '../clauses/date-clauses.js';
import { splitClauses, type ClauseSpan } from '../clauses/split-clauses.js';
import { parseIsoDate } from './calendar.js';
import { findDates } from './find-dates.js';

export function addDates(article: Article): Article {
  const published = parseIsoDate(article.meta.published);
  const spans = splitClauses(article);
  const tenseAt = (offset: number): Tense | null => clauseAt(spans, offset)?.tense ?? null;
  article.dates = findDates(article, { published, tenseAt });
  article.clauses = dateClauses(article, spans, article.dates, published);
  return article;
}

function clauseAt(spans: ClauseSpan[], offset: number): ClauseSpan | null {
  let lo = 0;
  let hi = spans.length - 1;
  let found: ClauseSpan | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      found = spans[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
