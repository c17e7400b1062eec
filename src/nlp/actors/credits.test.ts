import { describe, expect, it } from 'vitest';
import { isCreditMention } from './credits.js';

function at(text: string, name: string): [string, number, number] {
  const start = text.indexOf(name);
  return [text, start, start + name.length];
}

describe('isCreditMention', () => {
  it('drops agencies and picture libraries wherever they stand', () => {
    expect(isCreditMention(...at('Getty Images', 'Getty Images'))).toBe(true);
    expect(isCreditMention(...at('MOSCOW (Reuters) - Russia said on Monday', 'Reuters'))).toBe(true);
    expect(isCreditMention(...at('The Associated Press reported the talks.', 'Associated Press'), 'The Associated Press')).toBe(true);
  });
  it('drops the photographer of a credit, also glued to its caption', () => {
    expect(isCreditMention(...at('Trump in July 2017Image: picture-alliance/AP Photo/E. Vucci', 'Vucci'))).toBe(true);
    expect(isCreditMention(...at('Soldiers in Kyiv. Photo: Jane Roe', 'Jane Roe'))).toBe(true);
    expect(isCreditMention(...at('Protesters in Minsk. Sergei Grits/AFP', 'Sergei Grits'))).toBe(true);
    expect(isCreditMention(...at('Protesters in Minsk. REUTERS/Vasily Fedosenko', 'Vasily Fedosenko'))).toBe(true);
  });
  it('keeps actors of the news', () => {
    expect(isCreditMention(...at('Vladimir Putin met Emmanuel Macron in Paris.', 'Emmanuel Macron'))).toBe(false);
    expect(isCreditMention(...at('the Israeli/Palestinian talks resumed', 'Palestinian'))).toBe(false);
    expect(isCreditMention(...at('Putin/Russia relations', 'Putin'))).toBe(false);
  });
});
