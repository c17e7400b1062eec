import { describe, expect, it } from 'vitest';
import { articleWith, code, triples } from './helpers.js';

const A = {
  Russia: 'RUSGOV', Moscow: 'RUSGOV', Washington: 'USAGOV', 'the United States': 'USAGOV', Iran: 'IRNGOV', Ankara: 'TURGOV',
  Beijing: 'CHNGOV', Tokyo: 'JPNGOV', Paris: 'FRAGOV', Berlin: 'DEUGOV', Rome: 'ITAGOV', 'the premier': 'CHNGOV',
  'Li Qiang': 'CHNGOV', 'the mayor': 'CHNGOV', 'Lebanon': 'LBNGOV',
};

function coded(text: string, extra: Record<string, string> = {}, places: Record<string, string> = {}) {
  return code(articleWith(text, { ...A, ...extra }, places));
}

function events(text: string, extra: Record<string, string> = {}, places: Record<string, string> = {}) {
  return coded(text, extra, places).events.map((e) => `${e.source?.code}>${e.target?.code}:${e.code}:${e.modality}`);
}

describe('coder.cameo.v1: nouns inside a coded verb phrase', () => {
  it('gives the setting of a negated meeting no asserted event of its own', () => {
    const got = events('Beijing and Tokyo would not hold a formal meeting at the regional summit in Jakarta.');
    expect(got.every((e) => e.endsWith(':negated'))).toBe(true);
    expect(got.filter((e) => e.includes(':04'))).toHaveLength(2);
  });

  it('lets the object noun of a hypothetical verb inherit its modality', () => {
    const got = events('Ankara could sign new agreements with Tokyo, and Paris might impose fresh sanctions on Iran.');
    expect(got.filter((e) => e.endsWith(':asserted'))).toEqual([]);
  });

  it('keeps a noun event of another root that the verb reports on', () => {
    const got = triples(coded('Paris condemned Russian air strikes on Iran.', { Russian: 'RUSMIL' }));
    expect(got).toContain('FRAGOV>RUSMIL:111');
    expect(got).toContain('RUSMIL>IRNGOV:195');
  });
});

describe('coder.cameo.v1: modality scope', () => {
  it('does not let an "if" in a later clause make an earlier threat hypothetical', () => {
    const got = events('Washington has threatened military action against Iran, warning that it might have to strike if attacked.');
    expect(got).toContain('USAGOV>IRNGOV:138:asserted');
  });

  it('reads a guessed event ("likely to", "probably") as hypothetical, and the same clause without the guess as asserted', () => {
    expect(events('Moscow probably expelled Iranian diplomats.', { Iranian: 'IRN' }).every((e) => e.endsWith(':hypothetical'))).toBe(true);
    expect(events('Ankara, likely to condemn Iran, sent a letter.')).not.toContain('TURGOV>IRNGOV:111:asserted');
    expect(events('Ankara condemned Iran.')).toContain('TURGOV>IRNGOV:111:asserted');
  });

  it('still reads a condition right after the verb group as hypothetical', () => {
    expect(events('Moscow will expel Iranian diplomats if Iran refuses.', { Iranian: 'IRN' }).every((e) => e.endsWith(':hypothetical'))).toBe(true);
  });
});

describe('coder.cameo.v1: appositions and fronted phrases', () => {
  it('codes one event for an actor named twice in an apposition', () => {
    const got = triples(coded('In his last week in office, the premier, Li Qiang, expelled 20 Japanese diplomats.', { 'the premier': 'CHNGOV', 'Li Qiang': 'CHNELI', Japanese: 'JPN' }));
    expect(got).toEqual(['CHNELI>JPN:166']);
  });

  it('still splits a coordination with "and" into one event per member', () => {
    expect(triples(coded('Paris, Berlin and Rome condemned Iran.'))).toEqual(['FRAGOV>IRNGOV:111', 'DEUGOV>IRNGOV:111', 'ITAGOV>IRNGOV:111']);
  });

  it('keeps a list whose last name is no actor a coordination', () => {
    expect(triples(coded('Paris, Berlin and Lisbon condemned Iran.'))).toEqual(['FRAGOV>IRNGOV:111', 'DEUGOV>IRNGOV:111']);
  });
});

describe('coder.cameo.v1: targets from places', () => {
  it('reads a place behind a hyphenated adjective as a setting, not as the target', () => {
    const got = triples(coded('Moscow and Washington agreed on a ceasefire in south-western Lebanon.'));
    expect(got.some((t) => t.includes('LBN'))).toBe(false);
  });
});

describe('coder.cameo.v1: reported clauses and orders', () => {
  it('does not make the speaker the source when the reported clause has a subject of its own', () => {
    const got = triples(coded('Beijing told reporters that the two delegations had agreed on a ceasefire with Tokyo.'));
    expect(got.filter((t) => t.startsWith('CHNGOV'))).toEqual([]);
  });

  it('makes the one ordered to act the target ("ordered Washington to reduce its staff")', () => {
    expect(triples(coded('Moscow ordered Washington to reduce its diplomatic staff.'))).toEqual(['RUSGOV>USAGOV:161']);
  });

  it('codes what a retaliation was done by ("retaliated by ordering ... to close")', () => {
    expect(triples(coded('Moscow retaliated by ordering Washington to close its consulate.'))).toEqual(['RUSGOV>USAGOV:161']);
  });

  it('takes no target from another clause ("in response to what ... described")', () => {
    const got = triples(coded('Moscow shut two compounds in response to what Washington described as spying.'));
    expect(got.some((t) => t.includes('>USAGOV'))).toBe(false);
  });

  it('does not take a word of the predicate as its actor ("threatened military action")', () => {
    const got = triples(coded('Washington threatened military action against Iran.', { military: 'USAMIL' }));
    expect(got).toEqual(['USAGOV>IRNGOV:138']);
  });

  it('keeps a participle clause after a threat asserted', () => {
    const got = events('Washington threatened sanctions against Iran, warning Tehran over its missile tests.', { Tehran: 'IRNGOV' });
    expect(got).toContain('USAGOV>IRNGOV:130:asserted');
  });
});

describe('coder.cameo.v1: people coded by the date of the event', () => {
  it('codes a former office holder as in office when the text dates the event inside the tenure', () => {
    const article = articleWith('Barack Obama expelled 35 Russian diplomats in December 2016.', { 'Barack Obama': 'USAELI', Russian: 'RUS' }, {}, '2017-11-10');
    article.mentions[0] = { ...article.mentions[0], kind: 'person', name: 'Barack Obama' };
    article.clauses = [{ start: 0, end: article.text.length, sentence: 0, tense: 'past', date: '2016-12', dateSource: 'text' }];
    expect(triples(code(article))).toEqual(['USAGOV>RUS:166']);
  });

  it('keeps the publication-date code when the event has no date of its own', () => {
    const article = articleWith('Barack Obama criticised Russia.', { 'Barack Obama': 'USAELI', Russia: 'RUSGOV' }, {}, '2017-11-10');
    article.mentions[0] = { ...article.mentions[0], kind: 'person', name: 'Barack Obama' };
    expect(triples(code(article))[0]).toMatch(/^USAELI>/);
  });
});

describe('coder.cameo.v1: coordinated verbs after a reported clause', () => {
  it('gives a verb after ", and" the subject of the main clause, not of the reported one', () => {
    const got = triples(coded('Berlin said tests had shown that Ankara was behind the plot, and demanded an explanation from Tokyo.'));
    expect(got).toContain('DEUGOV>JPNGOV:100');
    expect(got.some((t) => t.startsWith('TURGOV>'))).toBe(false);
  });

  it('keeps the reported subject for a verb joined without a comma', () => {
    expect(triples(coded('Berlin said that Ankara attacked Tokyo and expelled its diplomats.', { diplomats: 'JPNGOV' }))).toContain('TURGOV>JPNGOV:166');
  });
});

describe('coder.cameo.v1: orders to a named actor', () => {
  it('codes a long "ordered X to reduce its ... staff" as asserted', () => {
    const a = code(articleWith('The ministry in Moscow ordered the United States to reduce its diplomatic and technical staff in the country to 455 people.', { 'The ministry in Moscow': 'RUSGOV', 'the United States': 'USAGOV' }));
    expect(a.events.map((e) => `${e.source?.code}>${e.target?.code}:${e.code}:${e.modality}`)).toContain('RUSGOV>USAGOV:161:asserted');
  });
});

describe('coder.cameo.v1: modality by clause scope in the parse', () => {
  it('takes an event named as the setting of a negated clause as having happened', () => {
    expect(events('Washington did not raise the issue of sanctions during its first meeting with Moscow.')).toContain('USAGOV>RUSGOV:044:asserted');
  });

  it('gives a purpose infinitive the reading of the clause it serves', () => {
    expect(events('Russia sent troops to protect Iran.')).toContain('RUSGOV>IRNGOV:074:asserted');
    expect(events('Russia is willing to send troops to protect Iran.')).toContain('RUSGOV>IRNGOV:074:hypothetical');
  });

  it('does not read a subordinate clause after an accusation as its complement', () => {
    const got = events("Beijing accused Washington of starting a trade war after Washington's sanctions on Beijing took effect.");
    expect(got).toContain('USAGOV>CHNGOV:163:asserted');
  });
});

describe('coder.cameo.v1: targets from the parse', () => {
  it('takes an actor attached to the verb by "at" as the target, not a place', () => {
    const got = events('Ukrainian forces fired anti-aircraft batteries at Russia on Monday.', { 'Ukrainian forces': 'UKRMIL' });
    expect(got).toContain('UKRMIL>RUSGOV:190:asserted');
  });
});
