/**
 * @module nlp/dates/calendar-rules
 * Month and year expressions that chrono's strict parser leaves out: "in early March",
 * "mid-April of this year", "last March", "May 2014", "in 2014", "the 2014 referendum".
 * Day dates ("March 3", "12 May 2017") are left to chrono (see chrono-dates.ts).
 */
import { formatDate, type CalendarDate } from './calendar.js';
import type { DateCandidate, DateContext, DateRule } from './candidate.js';
import { MONTH_SOURCE, monthNumber } from './lexicon.js';

const MONTH = new RegExp(
  `\\b(?:(early|mid|late|the (?:beginning|end|middle|start) of|last|next|this)[-\\s]+)?(${MONTH_SOURCE})` +
    // A whole word only: not the "May" of "Mayer" (abbreviations end in their full stop).
    `(?:(?<=\\.)|\\b)` +
    // A day number after the month is chrono's ("March 3"); a year is ours ("March 2014").
    `(?!\\s+\\d{1,2}(?:st|nd|rd|th)?\\b)` +
    `(?:,?\\s+(?:of\\s+)?(this year|last year|next year|(?:19|20)\\d\\d\\b))?`,
  'g',
);

/** A bare month name must follow one of these words: "may", "March" and "August" are also words. */
const MONTH_CUE = /\b(?:in|since|until|till|by|from|during|through|throughout|before|after|of|around|between|and|to|or)\s+$/i;
/** "May" is also a name (Theresa May) and a verb: only the clearest cues date it. */
const MAY_CUE = /\b(?:in|since|until|till|by|from|during|through|throughout|before|after)\s+$/i;
const DAY_BEFORE = /\d(?:st|nd|rd|th)?\s+(?:of\s+)?$/;

const months: DateRule = (text, context) => {
  const out: DateCandidate[] = [];
  for (const m of text.matchAll(MONTH)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if (DAY_BEFORE.test(before)) continue;
    const modifier = m[1]?.toLowerCase() ?? null;
    const yearWords = m[3]?.toLowerCase() ?? null;
    if (!modifier && !yearWords) {
      const may = /^May$/.test(m[2]);
      const cue = may ? MAY_CUE : MONTH_CUE;
      // "the March summit": a month naming when a common noun happened.
      const attributive = !may && DETERMINER.test(before) && /^\s[a-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2));
      if (!cue.test(before) && !attributive) continue;
    }
    // A bare abbreviation ("Jan.", "Dec.") without a year is too often a name or a typo.
    if (m[2].endsWith('.') && !yearWords) continue;
    const month = monthNumber(m[2]);
    if (month === null) continue;
    const year = resolveYear(month, modifier, yearWords, m.index, context);
    if (year === null) continue;
    const date: CalendarDate = { year, month, day: 1 };
    out.push({ start: m.index, end: m.index + m[0].length, value: formatDate(date, 'month'), precision: 'month', rule: 'month' });
  }
  return out;
};

/**
 * The year of a month: written ("March 2014", "of last year"), or inferred from the
 * publication date: past clauses look back, future and present (schedule) clauses look ahead.
 */
function resolveYear(month: number, modifier: string | null, yearWords: string | null, offset: number, { published, tenseAt }: DateContext): number | null {
  if (yearWords && /^\d/.test(yearWords)) return Number(yearWords);
  if (!published) return null;
  if (yearWords === 'this year') return published.year;
  if (yearWords === 'last year') return published.year - 1;
  if (yearWords === 'next year') return published.year + 1;
  const now = published.month;
  if (modifier === 'last') return month < now ? published.year : published.year - 1;
  if (modifier === 'next') return month > now ? published.year : published.year + 1;
  if (modifier === 'this') return published.year;
  // Present tense with a month is a schedule ("goes on sale in January"): it looks ahead.
  const tense = tenseAt(offset);
  if (tense === 'future' || tense === 'present') return month >= now ? published.year : published.year + 1;
  return month <= now ? published.year : published.year - 1;
}

// Not part of a number ("2,014", "1999.5", "$2018") nor a decade ("2010s") or a percentage.
const YEAR = /(?<![\d$£€,.\-/])\b((?:19|20)\d\d)\b(?![\d%]|,\d|\.\d|s\b|\s*(?:per ?cent|percent))/g;
const YEAR_CUE = /\b(?:in|since|until|till|by|from|during|through|throughout|before|after|around|early|late|mid|end of|middle of|start of|beginning of|half of|quarter of|spring|summer|autumn|fall|winter|year)[-\s]+$/i;
const RANGE_CUE = /(?:19|20)\d\d\s*(?:and|or|to|-|–|—)\s*$/;
const DETERMINER = /\b(?:the|a|an|its|their|his|her)\s+$/i;

/**
 * A four-digit year counts after a time preposition ("in 2014", "since 1991"), in a range
 * ("2014 and 2015"), or as the date of a common noun ("the 2014 referendum"). "The 2018
 * World Cup" names an event and "1999 people" is a count: neither is dated.
 */
/**
 * Rule name of a year alone in brackets: it dates the phrase before it (and anchors "a year
 * after X (2003)"), never the clause's own event (nlp/clauses).
 */
export const YEAR_IN_BRACKETS = 'year-in-brackets';

const years: DateRule = (text) => {
  const out: DateCandidate[] = [];
  for (const m of text.matchAll(YEAR)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    const after = text.slice(m.index + 4, m.index + 6);
    const dated = YEAR_CUE.test(before) || RANGE_CUE.test(before) || (DETERMINER.test(before) && /^\s[a-z]/.test(after));
    // "after the checkpoints opened (2003)": a year alone in brackets dates the words before it.
    const bracketed = /\($/.test(before) && after.startsWith(')');
    if (!dated && !bracketed) continue;
    out.push({ start: m.index, end: m.index + 4, value: m[1], precision: 'year', rule: dated ? 'year' : YEAR_IN_BRACKETS });
  }
  return out;
};

export const calendarRules: DateRule[] = [months, years];
