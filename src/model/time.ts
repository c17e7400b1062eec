/**
 * @module model/time
 * Date expressions (nlp/dates) and the clauses that they date.
 */
import type { Via } from './span.js';

export type DatePrecision = 'year' | 'month' | 'day';

/** One date expression in the text, resolved against the publication date. */
export interface DateExpression {
  start: number;
  end: number;
  text: string;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD", as precise as the text says. */
  value: string;
  precision: DatePrecision;
  sentence: number;
  via: Via;
}

/**
 * A clause: the unit that carries one event predicate and gets one date. Sentences are split into
 * clauses at coordinating conjunctions and semicolons where a new finite verb starts.
 */
export interface Clause {
  start: number;
  end: number;
  sentence: number;
  tense: 'past' | 'present' | 'future' | null;
  /** The date that applies to this clause. */
  date: string | null;
  /** text: a date expression in this clause; carried: from an earlier clause or sentence; published: fallback. */
  dateSource: 'text' | 'carried' | 'published' | null;
  /** Index into article.dates of the expression that gave the date, when there is one. */
  dateExpression?: number;
}
