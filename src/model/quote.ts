/**
 * @module model/quote
 * Direct and reported quotes with their speakers (nlp/quotes).
 */

export interface Speaker {
  name: string | null;
  code: string | null;
  country: string | null;
  affiliation: string | null;
  start: number;
  end: number;
}

export interface Quote {
  /** The quoted words (for direct quotes, without the quote marks). */
  start: number;
  end: number;
  text: string;
  speaker: Speaker | null;
  kind: 'direct' | 'reported';
  /** The speech verb or cue ("said", "told", "according to"), when there is one. */
  cue?: { start: number; end: number; text: string } | null;
  sentence?: number;
}
