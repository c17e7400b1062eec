import { describe, expect, it } from 'vitest';
import { buildTokenizedArticle } from '../../model/build.js';
import { UdWords } from './ud-words.js';

function udWords(text: string): string[] {
  const article = buildTokenizedArticle(text);
  const words = new UdWords();
  words.fill(text, article.tokens, 0, article.tokens.start.length);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) out.push(text.slice(words.start[i], words.end[i]));
  return out;
}

describe('pipeline tokens mapped to UD words', () => {
  it('splits contractions and possessives as the treebanks do', () => {
    expect(udWords("Russia's envoy didn't say he can't go.")).toEqual(['Russia', "'s", 'envoy', 'did', "n't", 'say', 'he', 'ca', "n't", 'go', '.']);
    expect(udWords("I'm sure we’ve won.")).toEqual(['I', "'m", 'sure', 'we', '’ve', 'won', '.']);
  });

  it('splits cannot, gonna and hyphenated words', () => {
    expect(udWords('They cannot fire anti-aircraft missiles.')).toEqual(['They', 'can', 'not', 'fire', 'anti', '-', 'aircraft', 'missiles', '.']);
    expect(udWords('We are gonna win.')).toEqual(['We', 'are', 'gon', 'na', 'win', '.']);
  });

  it('keeps ordinary words and numbers whole', () => {
    expect(udWords('U.S. troops fired 1,200 shells at 3.5 km.')).toEqual(['U.S.', 'troops', 'fired', '1,200', 'shells', 'at', '3.5', 'km', '.']);
  });
});
