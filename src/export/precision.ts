/**
 * @module export/precision
 * The precision of a Détente date, which its length says: YYYY, YYYY-MM or YYYY-MM-DD.
 */
import type { DatePrecision } from '../model/time.js';

export function datePrecision(date: string | null): DatePrecision | null {
  if (date === null) return null;
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}
