import { defineStage } from '../../pipeline/stage.js';
import { addQuotes } from './quotes.js';

export { addQuotes } from './quotes.js';
export { findQuoteSpans, type QuoteSpan } from './quote-marks.js';
export { resolveSpeaker, affiliationOf } from './resolve-speaker.js';

/** Direct and reported quotes with speakers: requires sentences, tokens and mentions; assigns quotes. */
export const quotesStage = defineStage({
  name: 'nlp.quotes.v1',
  requires: ['sentences', 'tokens', 'mentions'],
  assigns: ['quotes'],
  create: () => addQuotes,
});
