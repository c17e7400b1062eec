/**
 * @module ingest/dates
 * Publication dates as found in pages, feeds and header lines ("2017-11-09T10:32:00Z",
 * "Thu, 09 Nov 2017 10:32:00 GMT", "Published 9 November 2017", "Nov. 9, 2017 10:32 AM ET",
 * "20171109103200") normalised to "YYYY-MM-DD". The calendar date is the one written, not
 * shifted to UTC: a story dated 9 November in its own time zone stays 9 November.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ISO = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\d{2,6})?$/;
const NUMERIC_DMY = /(?<![\d/])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/])/;
const SLASHED_YMD = /(?<!\d)(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/;
const DAY_MONTH_YEAR = new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})(?!\\d)`, 'i');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'i');

/**
 * "YYYY-MM-DD" for the first date written in `value`, or null when it holds none.
 * @example normalizeDate('Nov. 9, 2017 10:32 AM ET') // '2017-11-09'
 */
export function normalizeDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return fromDate(new Date(value));
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s === '') return null;
  let m = ISO.exec(s);
  if (m) return build(+m[1], +m[2], +m[3]);
  m = COMPACT.exec(s);
  if (m) return build(+m[1], +m[2], +m[3]);
  m = SLASHED_YMD.exec(s);
  if (m) return build(+m[1], +m[2], +m[3]);
  m = NUMERIC_DMY.exec(s);
  if (m) {
    // 05/07/2017 is 5 July in most of the world and May 7 in the US: only an unambiguous day decides.
    const [a, b] = [+m[1], +m[2]];
    if (a > 12 && b <= 12) return build(+m[3], b, a);
    if (b > 12 && a <= 12) return build(+m[3], a, b);
    if (a === b) return build(+m[3], a, b);
  }
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return build(+m[3], monthNumber(m[2]), +m[1]);
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return build(+m[3], monthNumber(m[1]), +m[2]);
  return null;
}

/** True when `line` carries a date in one of the forms `normalizeDate` understands. */
export function hasDate(line: string): boolean {
  return normalizeDate(line) !== null;
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '').slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;
}

function build(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fromDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return build(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
