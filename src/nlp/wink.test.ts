import { describe, expect, it } from 'vitest';
import { getWink } from './wink.js';

const tokens = (text: string) => getWink().readDoc(text).tokens().out();

describe('the shared wink-nlp instance', () => {
  it('tokenizes a text the same whatever it has read before (no words learnt across texts)', () => {
    const later = "Moody's Investors Service and Standard and Poor's Corp cut the ratings of the bank on Friday.";
    const first = tokens(later);
    // Ends a sentence with the unknown word "Poor's.", which the tokenizer keeps whole there.
    tokens("The loans were rated B-3 by Moody's and CCC by Standard and Poor's. Dealers said little.");
    expect(tokens(later)).toEqual(first);
  });

  it('still tags unknown words (the vocabulary learnt for features is kept)', () => {
    const doc = getWink().readDoc('The Zorblatt Corp said it affirmed the ratings.');
    expect(doc.tokens().out()).toContain('Zorblatt');
    expect(doc.tokens().out(getWink().its.pos)[1]).toBe('PROPN');
  });
});
