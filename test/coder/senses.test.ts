import { describe, expect, it } from 'vitest';
import { articleWith, code } from './helpers.js';

const A = { Trump: 'USAGOV', Flynn: 'USAGOV', Australia: 'AUSGOV', 'the United States': 'USAGOV', Abe: 'JPNGOV', Germany: 'DEUGOV', Britain: 'GBRGOV', Libya: 'LBYGOV', Obama: 'USAGOV', Russia: 'RUSGOV', Syria: 'SYRGOV', 'Israeli troops': 'ISRMIL', Palestinians: 'PSECVL' };
const all = (text: string) => code(articleWith(text, A)).events.map((e) => `${e.code}/${e.modality}`);
const roots = (text: string) => all(text).filter((c) => c.endsWith('/asserted')).map((c) => c.slice(0, 2));

describe('word senses decided by the object (data/cameo/patterns/00-senses.txt)', () => {
  it('a person fired is no attack, a target fired on is', () => {
    expect(roots('Trump fired his national security adviser Flynn on Monday.')).not.toContain('19');
    expect(roots('Israeli troops fired on Palestinians in Gaza.')).toContain('19');
  });
  it('remarks attacked are criticised, not assaulted', () => {
    expect(all('Abe attacked the remarks of Germany on trade.')).toContain('111/asserted');
  });
  it('a deal struck is an agreement', () => {
    const got = all('Australia struck a deal with the United States on refugees.');
    expect(got).toContain('057/asserted');
    expect(got.some((c) => c.startsWith('19'))).toBe(false);
  });
  it('a plea in court is no appeal; a sports bar is no ban', () => {
    expect(roots('Flynn pleaded guilty to lying to investigators of the United States.')).not.toContain('02');
    expect(roots('Obama met Britain fans at a sports bar.')).not.toContain('17');
  });
  it('an internationally recognised government is not recognised by the sentence', () => {
    expect(roots('Britain backs the internationally recognised government in Libya.')).not.toContain('05');
  });
  it('a trip later this week has not happened', () => {
    expect(all("Obama's trip to Britain later this week will focus on trade.")).not.toContain('042/asserted');
  });
});
