/**
 * @module nlp/dates/relative-rules
 * Dates that only mean something against the publication date: yesterday/today/tomorrow,
 * weekdays (direction from the clause's tense), "two years ago", "last week", "this year",
 * "last spring". Durations ("for the past two years", "over the last week") are left out:
 * they are not points in time.
 */
import { addDays, addMonths, formatDate, weekday, type CalendarDate } from './calendar.js';
import type { DateCandidate, DateContext, DateRule } from './candidate.js';
import { NUMBER_WORDS, SEASONS, VAGUE_QUANTITIES, WEEKDAYS, WEEKDAY_SOURCE } from './lexicon.js';

const DAY_WORDS = /\b(yesterday|today|tomorrow|tonight|last night|this (?:morning|afternoon|evening))\b/gi;

const dayWords: DateRule = (text, { published, inQuote }) => {
  if (!published) return [];
  const out: DateCandidate[] = [];
  for (const m of text.matchAll(DAY_WORDS)) {
    // A speaker's "today" is the day they spoke, which the text need not say: not dated.
    if (inQuote?.(m.index)) continue;
    const word = m[1].toLowerCase();
    // "USA Today", "Russia Today": a capitalised Today after a capitalised word is a name.
    if (m[1] === 'Today' && /[A-Z][\w.]*\s+$/.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    const shift = word === 'yesterday' || word === 'last night' ? -1 : word === 'tomorrow' ? 1 : 0;
    out.push(candidate(m.index, m[0].length, addDays(published, shift), 'day', 'day-word'));
  }
  return out;
};

const WEEKDAY = new RegExp(
  `\\b(?:(last|next|this|on|early|late)\\s+)?(${WEEKDAY_SOURCE})(?:\\s+(?:morning|afternoon|evening|night))?\\b`,
  'g',
);

const NAMED_DAY = /\b(?:Black|Good|Super|Cyber|Bloody|Ash|Easter|Palm|Holy|Giving|Maundy|Shrove)\s+$/;

/**
 * A bare weekday points back in a past-tense clause and forward in a future (or scheduling
 * present) clause; the publication weekday itself means the day of publication.
 */
const weekdays: DateRule = (text, { published, tenseAt }) => {
  if (!published) return [];
  const out: DateCandidate[] = [];
  const today = weekday(published);
  for (const m of text.matchAll(WEEKDAY)) {
    // Named days are not dates of this week: Black Friday, Super Tuesday, Good Friday.
    if (!m[1] && NAMED_DAY.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    const target = WEEKDAYS[m[2].toLowerCase()];
    const forward = (target - today + 7) % 7;
    const back = (today - target + 7) % 7;
    let shift: number;
    if (m[1] === 'last') shift = -(back || 7);
    else if (m[1] === 'next') shift = forward || 7;
    else {
      const tense = tenseAt(m.index);
      shift = tense === 'future' || tense === 'present' ? forward : -back;
    }
    // "on Monday" is written as "Monday"; "last Monday" keeps its modifier.
    const skip = m[1] === 'on' ? m[0].indexOf(m[2]) : 0;
    out.push(candidate(m.index + skip, m[0].length - skip, addDays(published, shift), 'day', 'weekday'));
  }
  return out;
};

const AGO = /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|\d{1,3}|several|a few|few|some|many)\s+(day|week|month|year|decade)s?\s+ago\b/gi;

/** "two years ago" from 2018-05-16 is 2016-05: a month, as the brief puts it, never a day. */
const ago: DateRule = (text, { published }) => {
  if (!published) return [];
  const out: DateCandidate[] = [];
  for (const m of text.matchAll(AGO)) {
    const quantity = m[1].toLowerCase();
    const vague = VAGUE_QUANTITIES.has(quantity);
    const n = vague ? 3 : /^\d/.test(quantity) ? Number(quantity) : NUMBER_WORDS[quantity];
    const unit = m[2].toLowerCase();
    let date: CalendarDate;
    let precision: 'year' | 'month' | 'day';
    if (unit === 'day') {
      date = addDays(published, -n);
      precision = vague ? 'month' : 'day';
    } else if (unit === 'week') {
      date = addDays(published, -7 * n);
      precision = 'month';
    } else if (vague) {
      continue;
    } else if (unit === 'month') {
      date = addMonths(published, -n);
      precision = 'month';
    } else if (unit === 'year') {
      date = addMonths(published, -12 * n);
      precision = 'month';
    } else {
      date = addMonths(published, -120 * n);
      precision = 'year';
    }
    out.push(candidate(m.index, m[0].length, date, precision, 'ago'));
  }
  return out;
};

const PERIOD = /\b(?:(earlier|later|early|late|mid-?)\s*)?(last|this|next)\s+(week|month|year)\b/gi;
/** "the last year", "over the past week", "for the next month" are durations. */
const DURATION_BEFORE = /\b(?:the|over|for|within|during)\s+$/i;

const periods: DateRule = (text, { published }) => {
  if (!published) return [];
  const out: DateCandidate[] = [];
  for (const m of text.matchAll(PERIOD)) {
    if (!m[1] && DURATION_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const which = m[2].toLowerCase();
    const step = which === 'last' ? -1 : which === 'next' ? 1 : 0;
    const unit = m[3].toLowerCase();
    if (unit === 'week') out.push(candidate(m.index, m[0].length, addDays(published, 7 * step), 'month', 'period'));
    else if (unit === 'month') out.push(candidate(m.index, m[0].length, addMonths(published, step), 'month', 'period'));
    else out.push(candidate(m.index, m[0].length, addMonths(published, 12 * step), 'year', 'period'));
  }
  return out;
};

const SEASON = /\b(?:(?:early|late|mid-?)\s*)?(?:(last|this|next)\s+)?(spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?((?:19|20)\d\d)\b)?/gi;

/** A season is dated to its year only: it spans three months. Winter counts by its January. */
const seasons: DateRule = (text, { published }) => {
  const out: DateCandidate[] = [];
  for (const m of text.matchAll(SEASON)) {
    const which = m[1]?.toLowerCase();
    if (!which && !m[3]) continue;
    let year: number;
    if (m[3]) year = Number(m[3]);
    else if (!published) continue;
    else {
      const season = SEASONS[m[2].toLowerCase()];
      const winter = m[2].toLowerCase() === 'winter';
      const month = published.month;
      if (which === 'this') year = winter && month >= 12 ? published.year + 1 : published.year;
      else if (which === 'last') year = winter ? (month >= 3 ? published.year : published.year - 1) : month > season.last ? published.year : published.year - 1;
      else year = winter ? published.year + 1 : month < season.first ? published.year : published.year + 1;
    }
    out.push(candidate(m.index, m[0].length, { year, month: 1, day: 1 }, 'year', 'season'));
  }
  return out;
};

function candidate(start: number, length: number, date: CalendarDate, precision: 'year' | 'month' | 'day', rule: string): DateCandidate {
  return { start, end: start + length, value: formatDate(date, precision), precision, rule };
}

export const relativeRules: DateRule[] = [dayWords, weekdays, ago, periods, seasons];

export type { DateContext };
