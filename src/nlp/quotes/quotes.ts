/**
 * @module nlp/quotes/quotes
 * The quotes step: direct quotes (quote-marks.ts + direct-quotes.ts) and reported speech
 * (reported-speech.ts), merged in text order.
 */
import type { Article } from '../../model/article.js';
import { findDirectQuotes } from './direct-quotes.js';
import { findQuoteSpans } from './quote-marks.js';
import { findReportedSpeech } from './reported-speech.js';

export function addQuotes(article: Article): Article {
  const spans = findQuoteSpans(article.text);
  const direct = findDirectQuotes(article, spans);
  const reported = findReportedSpeech(article, spans, direct);
  article.quotes = [...direct, ...reported].sort((a, b) => a.start - b.start);
  return article;
}
