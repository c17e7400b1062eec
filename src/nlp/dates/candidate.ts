/**
 * @module nlp/dates/candidate
 * What a date rule hands back before overlaps are settled, and the context rules resolve
 * against: the publication date and the tense of the clause around an offset.
 */
import type { DatePrecision } from '../../model/time.js';
import type { Tense } from '../clauses/tense.js';
import type { CalendarDate } from './calendar.js';

export interface DateCandidate {
  start: number;
  end: number;
  value: string;
  precision: DatePrecision;
  /** Rule name, recorded in the expression's `via.rule`. */
  rule: string;
}

export interface DateContext {
  /** Publication date; relative expressions are dropped without it. */
  published: CalendarDate | null;
  /** Tense of the clause that holds the character offset. */
  tenseAt(offset: number): Tense | null;
  /** Whether the offset lies inside a direct quote (speech has its own "today"). */
  inQuote?(offset: number): boolean;
}

/** Each rule scans the whole text once with its own regex and returns its candidates. */
export type DateRule = (text: string, context: DateContext) => DateCandidate[];
