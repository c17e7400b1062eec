/**
 * @module nlp/dates/calendar
 * Calendar arithmetic for date resolution. Everything is a plain UTC calendar date
 * ({year, month 1-12, day}) so that no time zone can shift a day; values are written at the
 * precision the text gives ("2018", "2018-05", "2018-05-16").
 */
import type { DatePrecision } from '../../model/time.js';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses "YYYY-MM-DD" (the publication date format); anything else gives null. */
export function parseIsoDate(value: string | null | undefined): CalendarDate | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31 ? date : null;
}

function toUtc(d: CalendarDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

function fromUtc(t: Date): CalendarDate {
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = toUtc(d);
  t.setUTCDate(t.getUTCDate() + days);
  return fromUtc(t);
}

/** Adds months, clamping the day to the end of the target month (Mar 31 - 1 month = Feb 28). */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(d.day, last) };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(d: CalendarDate): number {
  return toUtc(d).getUTCDay();
}

/** Writes the date at the given precision: "2018", "2018-05" or "2018-05-16". */
export function formatDate(d: CalendarDate, precision: DatePrecision): string {
  const y = String(d.year).padStart(4, '0');
  if (precision === 'year') return y;
  const m = `${y}-${String(d.month).padStart(2, '0')}`;
  if (precision === 'month') return m;
  return `${m}-${String(d.day).padStart(2, '0')}`;
}

/**
 * Orders a value against a reference date at the value's own precision: -1 before, 0 same
 * period (2018-05 vs 2018-05-16), 1 after. Used to check a date against a clause's tense.
 */
export function compareToDate(value: string, reference: CalendarDate): -1 | 0 | 1 {
  const ref = formatDate(reference, value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day');
  return value < ref ? -1 : value > ref ? 1 : 0;
}
