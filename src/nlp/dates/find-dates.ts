/**
 * @module nlp/dates/find-dates
 * Finds every date expression of an article: the regex rules run once over the whole text,
 * chrono per gated sentence; where candidates overlap the longest wins (chrono on a tie,
 * since its day dates are the most precise reading of the same words).
 */
import type { Article } from '../../model/article.js';
import type { DateExpression } from '../../model/time.js';
import { calendarRules } from './calendar-rules.js';
import type { DateCandidate, DateContext } from './candidate.js';
import { findChronoDates } from './chrono-dates.js';
import { relativeRules } from './relative-rules.js';
import { findRelationalDates } from './relational-rules.js';

export const DATES_STAGE = 'nlp.dates.v1';

const RULES = [...relativeRules, ...calendarRules];

/** Date expressions in text order, each tagged with its sentence index. */
export function findDates(article: Article, context: DateContext): DateExpression[] {
  const { text, sentences } = article;
  const candidates: DateCandidate[] = [];
  for (const rule of RULES) candidates.push(...rule(text, context));
  for (const sentence of sentences) {
    candidates.push(...findChronoDates(text.slice(sentence.start, sentence.end), sentence.start, context));
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || Number(b.rule === 'chrono') - Number(a.rule === 'chrono'));
  const chosen: DateCandidate[] = [];
  for (const c of candidates) {
    if (chosen.some((k) => k.start < c.end && c.start < k.end)) continue;
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  // Second pass: dates relative to the ones just found ("two days after", "the same day").
  const anchors = chosen.map((c) => ({ ...c, sentence: sentenceAt(sentences, c.start) }));
  const relational = findRelationalDates(text, anchors, {
    published: context.published,
    sentenceOf: (offset) => sentenceAt(sentences, offset),
    paragraphBreak: (from, to) => text.slice(from, to).includes('\n'),
  }).filter((c) => !chosen.some((k) => k.start < c.end && c.start < k.end));
  chosen.push(...relational);
  chosen.sort((a, b) => a.start - b.start);
  return chosen.map((c) => ({
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    value: c.value,
    precision: c.precision,
    sentence: sentenceAt(sentences, c.start),
    via: { stage: DATES_STAGE, rule: c.rule },
  }));
}

/** Index of the sentence holding `offset` (binary search; sentences are in text order). */
export function sentenceAt(sentences: { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
