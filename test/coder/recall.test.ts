import { describe, expect, it } from 'vitest';
import { articleWith, code, triples } from './helpers.js';

const A = {
  Caracas: 'VENGOV', 'US diplomats': 'USAGOV', Washington: 'USAGOV', Havana: 'CUBGOV', Moscow: 'RUSGOV', Kiev: 'UKRGOV',
  Ankara: 'TURGOV', Athens: 'GRCGOV', 'Greek': 'GRC', troops: 'MMRMIL', UN: 'IGOUNO', Riyadh: 'SAUGOV', Doha: 'QATGOV',
  'the EU': 'IGOEUREEC', Tehran: 'IRNGOV', Seoul: 'KORGOV', Beijing: 'CHNGOV', prosecutors: 'UKRJUD', 'the former president': 'UKRELI',
  'Congress': 'USALEG', 'the president': 'USAGOV', hackers: 'RUSCVL', 'Polish government': 'POLGOV', 'Iranian forces': 'IRNMIL', 'British tanker': 'GBR',
};

function coded(text: string) {
  return triples(code(articleWith(text, A)));
}

describe('coder.cameo.v1: patterns added for recall', () => {
  it.each([
    ['Caracas gave US diplomats 72 hours to leave.', 'VENGOV>USAGOV:166'],
    ['Washington and Havana freed prisoners in a swap.', 'USAGOV>CUBGOV:084'],
    ['Washington and Havana freed prisoners in a swap.', 'CUBGOV>USAGOV:084'],
    ['The lifting of sanctions on Tehran was announced by the EU.', 'IGOEUREEC>IRNGOV:085'],
    ['Riyadh closed its airspace to Doha.', 'SAUGOV>QATGOV:191'],
    ['Seoul urged Beijing to put more pressure on the regime.', 'KORGOV>CHNGOV:022'],
    ['Prosecutors opened a treason case against the former president.', 'UKRJUD>UKRELI:091'],
    ['Congress opened an impeachment inquiry into the president.', 'USALEG>USAGOV:091'],
    ['Iranian forces boarded a British tanker in the strait.', 'IRNMIL>GBR:171'],
    ['Russian hackers targeted the computers of the Polish government.', 'RUSCVL>POLGOV:176'],
  ])('%s → %s', (text, expected) => {
    expect(coded(text.replace('Russian hackers', 'hackers').replace('Prosecutors', 'prosecutors'))).toContain(expected);
  });

  it('reads "to back" as support, not as "back down"', () => {
    expect(coded('The UN appealed to Moscow to back an investigation.')).toContain('IGOUNO>RUSGOV:022');
  });

  it('takes no target from "according to the UN"', () => {
    expect(coded('Myanmar troops burned villages, according to the UN.').some((t) => t.includes('IGOUNO'))).toBe(false);
  });
});

describe('coder.cameo.v1: groups and agents', () => {
  it('does not extend a list closed by "and" with the actor after a comma', () => {
    const got = triples(code(articleWith('After talks hosted by Ankara and Athens, Moscow and Kiev agreed on a ceasefire.', A)));
    expect(got).toContain('RUSGOV>UKRGOV:0871');
    expect(got.some((t) => t.startsWith('TURGOV>') && t.endsWith(':0871'))).toBe(false);
  });

  it('takes the agent of a full passive as the source of its subject noun, not of a reduced relative', () => {
    expect(coded('The expulsion of Greek diplomats was announced by Ankara.')).toContain('TURGOV>GRC:166');
  });
});

describe('coder.cameo.v1: role nouns, missile launches, troops asked to leave', () => {
  it('lets "the leaders of X and Y" act, and a participle clause share them as sources', () => {
    const got = coded('The leaders of Ankara and Athens issued a statement blaming Moscow for the attack.');
    expect(got).toEqual(expect.arrayContaining(['TURGOV>RUSGOV:112', 'GRCGOV>RUSGOV:112']));
  });

  it('reads missiles fired "at" a target as an attack, "into the sea" as a test', () => {
    expect(coded("Tehran fired ballistic missiles at Washington's bases.")).toContain('IRNGOV>USAGOV:195');
    expect(coded('Tehran fired a ballistic missile into the sea, alarming Washington.').some((t) => t.endsWith(':195'))).toBe(false);
  });

  it('codes asking foreign troops to leave as a demand (105), not an expulsion', () => {
    expect(coded('The parliament in Kiev voted to ask Moscow\'s troops to leave the country.'.replace("Moscow's troops", 'Russian troops'))).not.toContain('UKRGOV>RUSMIL:174');
  });

  it('reads a warning of "fire and fury" as a threat of force', () => {
    expect(coded('Washington warned Tehran it would face fire and fury.')).toContain('USAGOV>IRNGOV:138');
  });
});

describe('coder.cameo.v1: demanded clauses, clashes, trade halts', () => {
  it('makes the subject of a demanded "that" clause the target', () => {
    expect(coded('Ankara demanded that Washington extradite the cleric.')).toContain('TURGOV>USAGOV:100');
  });

  it('gives a clash "in" which soldiers were killed both sides', () => {
    const got = triples(code(articleWith('Twenty Indian soldiers were killed in a clash with Chinese troops.', { 'Indian soldiers': 'INDMIL', 'Chinese troops': 'CHNMIL' })));
    expect(got).toEqual(expect.arrayContaining(['INDMIL>CHNMIL:190', 'CHNMIL>INDMIL:190']));
  });

  it('codes suspending trade with a state as an embargo', () => {
    expect(coded('Ankara suspended trade with Athens.')).toContain('TURGOV>GRCGOV:163');
  });
});
