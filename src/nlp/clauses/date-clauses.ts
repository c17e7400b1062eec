/**
 * @module nlp/clauses/date-clauses
 * Gives each clause the date it happened on. In order: a date expression inside the clause;
 * one elsewhere in the same sentence that agrees with the clause's tense; a date carried
 * over from an earlier clause of the same paragraph when the text stays in that time frame
 * (not into a clause that sets its own time: "during the campaign", "had met", "earlier");
 * else the publication date, marked `published`. A present-tense clause never inherits a past date: it speaks
 * of now.
 */
import type { Article } from '../../model/article.js';
import type { Clause, DateExpression } from '../../model/time.js';
import { compareToDate, type CalendarDate } from '../dates/calendar.js';
import type { ClauseSpan } from './split-clauses.js';
import type { Tense } from './tense.js';
import { RELATIONAL_PUBLISHED } from '../dates/relational-rules.js';
import { YEAR_IN_BRACKETS } from '../dates/calendar-rules.js';

/** Does a date of this value fit a clause of this tense (past before now, future after)? */
export function fitsTense(value: string, tense: Tense | null, published: CalendarDate | null): boolean {
  if (!published || tense === null) return true;
  const order = compareToDate(value, published);
  if (tense === 'past') return order <= 0;
  if (tense === 'future') return order >= 0;
  return order === 0;
}

/** True when a line break lies between two offsets: the next paragraph starts a new frame. */
function paragraphBreak(text: string, from: number, to: number): boolean {
  return text.slice(from, to).includes('\n');
}

/**
 * A bare year used as an adjective ("suspending a 2000 agreement", "the 2014 referendum") dates
 * the thing it describes, not the act that the clause reports, so it never dates a clause.
 */
export function datesTheNoun(text: string, date: DateExpression): boolean {
  if (!/^\d{4}$/.test(date.text)) return false;
  const before = text.slice(Math.max(0, date.start - 8), date.start);
  const after = text.slice(date.end, date.end + 3);
  return /\b(a|an|the|its|their|his|her|this|that|our)\s$/i.test(before) && /^[\s-][a-z]/.test(after);
}

/**
 * A clause that sets its own time without a date ("during the campaign", "had met", "earlier")
 * speaks of another time than the clauses before it: it takes no date carried over from them.
 * Pluperfect verbs, time frames named by an event noun, and adverbs of an earlier time.
 */
const OWN_TIME_FRAME = new RegExp(
  [
    String.raw`\bhad\s+(?:not\s+|never\s+|already\s+|previously\s+|also\s+|earlier\s+|once\s+)*(?:been|[a-z]+ed|[a-z]+en|led|met|said|made|told|held|sent|left|found|brought|fought|won|lost|paid|sold|built|struck|spoken|taken|given|seen|done|gone|come|become|begun|run|put|set|cut|hit|kept|thought|bought|sought|heard|stood|spent|meant|signed)\b`,
    String.raw`\b(?:during|throughout|amid|in the run-up to|in the course of)\s+(?:the|his|her|their|its|a|an|last|that)\s+(?:[\w-]+\s+){0,2}(?:campaign|election|elections|war|conflict|crisis|meeting|meetings|talks|summit|visit|trip|period|presidency|tenure|administration|transition|negotiations|occupation|era|years?|months?|decades?|race|primaries|primary|debate|debates|rally|rallies)\b`,
    String.raw`\b(?:earlier|previously|formerly|in the past|at the time|back then|once)\b`,
  ].join('|'),
  'i',
);

/** True when the clause's words set a time of their own that no carried date may override. */
export function setsOwnTime(clauseText: string): boolean {
  return OWN_TIME_FRAME.test(clauseText);
}

export function dateClauses(article: Article, spans: ClauseSpan[], allDates: DateExpression[], published: CalendarDate | null): Clause[] {
  const clauses: Clause[] = [];
  // Keep indexes into article.dates: set aside noun-dating years by blanking them, not removing them.
  // "Ten years after X" read from the publication date, and "(2003)", date X, not the clause's event.
  const setAside = (d: DateExpression) => datesTheNoun(article.text, d) || d.via.rule === RELATIONAL_PUBLISHED || d.via.rule === YEAR_IN_BRACKETS;
  const dates = allDates.map((d) => (setAside(d) ? { ...d, sentence: -1, start: -1, end: -1 } : d));
  const publishedValue = article.meta.published && published ? article.meta.published.slice(0, 10) : null;
  for (const span of spans) {
    const clause: Clause = { start: span.start, end: span.end, sentence: span.sentence, tense: span.tense, date: null, dateSource: null };
    const inside = dates.findIndex((d) => d.start >= span.start && d.start < span.end);
    if (inside >= 0) {
      setDate(clause, dates, inside, 'text');
    } else {
      const sameSentence = nearestInSentence(span, dates, published);
      if (sameSentence >= 0) setDate(clause, dates, sameSentence, 'text');
      else {
        const own = setsOwnTime(article.text.slice(span.start, span.end));
        const carried = own ? null : carryFrom(article.text, clauses, clause, published);
        if (carried) {
          clause.date = carried.date;
          clause.dateSource = 'carried';
          if (carried.dateExpression !== undefined) clause.dateExpression = carried.dateExpression;
        } else if (publishedValue) {
          clause.date = publishedValue;
          clause.dateSource = 'published';
        }
      }
    }
    clauses.push(clause);
  }
  return clauses;
}

function setDate(clause: Clause, dates: DateExpression[], index: number, source: 'text'): void {
  clause.date = dates[index].value;
  clause.dateSource = source;
  clause.dateExpression = index;
}

/** The date expression of the same sentence nearest to the clause that fits its tense. */
function nearestInSentence(span: ClauseSpan, dates: DateExpression[], published: CalendarDate | null): number {
  let best = -1;
  let bestDistance = Infinity;
  dates.forEach((d, i) => {
    if (d.sentence !== span.sentence || !fitsTense(d.value, span.tense, published)) return;
    const distance = d.start < span.start ? span.start - d.end : d.start - span.end;
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/**
 * Looks back through the paragraph for the last clause dated from the text. Present-tense
 * clauses that fell back to the publication date ("the minister says") are skipped as
 * frames; a past or future clause with no date of its own breaks the chain.
 */
function carryFrom(text: string, previous: Clause[], clause: Clause, published: CalendarDate | null): Clause | null {
  if (clause.tense === 'present') return null;
  for (let i = previous.length - 1; i >= 0; i--) {
    const earlier = previous[i];
    if (paragraphBreak(text, earlier.end, clause.start)) return null;
    if (earlier.dateSource === 'text' || earlier.dateSource === 'carried') {
      return earlier.date !== null && fitsTense(earlier.date, clause.tense, published) ? earlier : null;
    }
    if (earlier.tense !== 'present') return null;
  }
  return null;
}
