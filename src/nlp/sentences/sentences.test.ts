import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

const sentenceTexts = (text: string) => splitSentences(text).sentences.map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('keeps "U.S." and "Gen." inside one sentence', () => {
    const text = 'The U.S. Congress passed sanctions. Gen. Mattis said nothing.';
    expect(sentenceTexts(text)).toEqual(['The U.S. Congress passed sanctions.', 'Gen. Mattis said nothing.']);
  });

  it('ends a sentence at a line break, so a headline does not run into the body', () => {
    const text = 'Trump and Putin meet in Hamburg\nThe two presidents met on Friday.';
    expect(sentenceTexts(text)).toEqual(['Trump and Putin meet in Hamburg', 'The two presidents met on Friday.']);
  });

  it('gives every token offsets that slice back to its own words', () => {
    const text = 'Moscow didn’t respond on Dec. 5,  2017 —  “never”.';
    const { tokens } = splitSentences(text);
    for (let i = 0; i < tokens.start.length; i++) {
      expect(text.slice(tokens.start[i], tokens.end[i]).trim().length).toBeGreaterThan(0);
    }
    expect(tokens.lemma).toContain('respond');
  });
});
