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

  it.each([
    ['"It is bad. Very bad," said Maria Zakharova. He left.', ['"It is bad. Very bad," said Maria Zakharova.', 'He left.']],
    ['Müller said “We are done. Finished.” He left.', ['Müller said “We are done. Finished.”', 'He left.']],
    ['"We will go on.\n"And on," he said.', ['"We will go on.', '"And on," he said.']],
    ['They fired a 12" gun. Nobody was hurt.', ['They fired a 12" gun.', 'Nobody was hurt.']],
  ])('keeps a quotation that spans sentences together: %s', (text, expected) => {
    expect(sentenceTexts(text)).toEqual(expected);
  });

  it.each([
    ['Sen. Lindsey Graham met Lt. Col. Smith on Dec. 5 in Washington.'],
    ['Mr. Obama and Gov. Cuomo met Rep. Schiff and Prof. Li at 5 p.m. on Jan. 3.'],
    ['The U.K. and the U.S. agreed.'],
  ])('keeps abbreviations inside one sentence: %s', (text) => {
    expect(sentenceTexts(text)).toEqual([text]);
  });

  it('keeps words with letters outside the tagger\'s alphabet in one token', () => {
    const text = 'Erdoğan met Žižek in Kraków.';
    const { tokens } = splitSentences(text);
    const words = Array.from(tokens.start, (s, i) => text.slice(s, tokens.end[i]));
    expect(words).toEqual(['Erdoğan', 'met', 'Žižek', 'in', 'Kraków', '.']);
    expect(tokens.pos[0]).toBe('PROPN');
  });
});
