/**
 * @module nlp/dates/chrono-dates
 * Day dates from chrono-node's strict English parser ("March 3", "12 May 2017",
 * "Dec. 5, 2017", "2017-05-12"). chrono is slow on long texts, so it runs per sentence and
 * only when a cheap test finds a digit next to a month name or a numeric date shape. Its
 * relative and weekday readings are not used: relative-rules.ts resolves those with tense.
 */
import * as chrono from 'chrono-node';
import { formatDate, type CalendarDate } from './calendar.js';
import type { DateCandidate, DateContext } from './candidate.js';

/** Cheap gate: a digit plus a month-like word, or a numeric date shape (2017-05-12, 5/12/2017). */
const MAY_HOLD_DAY_DATE = /\d/;
const MONTH_OR_SHAPE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s|\d\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}/i;

export function mayHoldDayDate(sentence: string): boolean {
  return MAY_HOLD_DAY_DATE.test(sentence) && MONTH_OR_SHAPE.test(sentence);
}

/**
 * Day-precision candidates in one sentence. `offset` is where the sentence starts in the
 * article text. A date without a written year takes the year that puts it nearest the
 * publication date, on the side the clause's tense points to (see inferYear).
 */
export function findChronoDates(sentence: string, offset: number, context: DateContext): DateCandidate[] {
  if (!mayHoldDayDate(sentence)) return [];
  const reference = context.published
    ? new Date(Date.UTC(context.published.year, context.published.month - 1, context.published.day, 12))
    : new Date(Date.UTC(2000, 0, 1, 12));
  const out: DateCandidate[] = [];
  for (const result of chrono.en.strict.parse(sentence, { instant: reference, timezone: 0 })) {
    const start = result.start;
    if (!start.isCertain('month') || !start.isCertain('day')) continue;
    // Only written dates: chrono's strict parser still reads "a week after" relatively.
    if (!/\d/.test(result.text) || !MONTH_OR_SHAPE.test(`${result.text} `)) continue;
    const month = start.get('month');
    const day = start.get('day');
    if (month === null || day === null) continue;
    let year: number | null = start.isCertain('year') ? start.get('year') : null;
    if (year === null) {
      if (!context.published) continue;
      year = inferYear(month, day, context.published, context.tenseAt(offset + result.index));
    }
    // chrono's span may open with a preposition or a time ("on 12 May", "at 3 pm on May 3").
    const lead = /^(?:(?:on|in|at|by)\s+)+/i.exec(result.text)?.[0].length ?? 0;
    const date: CalendarDate = { year, month, day };
    out.push({
      start: offset + result.index + lead,
      end: offset + result.index + result.text.length,
      value: formatDate(date, 'day'),
      precision: 'day',
      rule: 'chrono',
    });
  }
  return out;
}

/**
 * The year that puts the day nearest the publication date, with days on the far side of the
 * clause's tense counted six times over: a past clause may still name a date a few weeks
 * ahead ("agreed to delay Brexit beyond March 29"), but not half a year ahead. A future
 * clause ("will") always looks ahead.
 */
function inferYear(month: number, day: number, published: CalendarDate, tense: string | null): number {
  const now = Date.UTC(published.year, published.month - 1, published.day);
  // "will resume on Feb. 25" is never a date that has passed.
  if (tense === 'future') {
    const days = (Date.UTC(published.year, month - 1, day) - now) / 86_400_000;
    return days >= 0 ? published.year : published.year + 1;
  }
  let best = published.year;
  let bestCost = Infinity;
  for (const year of [published.year - 1, published.year, published.year + 1]) {
    const days = (Date.UTC(year, month - 1, day) - now) / 86_400_000;
    const against = (tense === 'past' && days > 0) || ((tense === 'future' || tense === 'present') && days < 0);
    const cost = Math.abs(days) * (against ? 6 : 1);
    if (cost < bestCost) {
      best = year;
      bestCost = cost;
    }
  }
  return best;
}
