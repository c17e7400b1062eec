import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codePerson, surnameOf } from './people.js';
import type { Person } from './lexicon.js';
import { createActorRecognizer } from './index.js';
import { defaultDataDir } from './tsv.js';
import { buildTokenizedArticle } from '../../model/build.js';

const putin: Person = {
  name: 'Vladimir Putin',
  surname: 'Putin',
  tenures: [
    { code: 'RUSGOV', office: 'President of Russia', start: '2000-05-07', end: '2008-05-07' },
    { code: 'RUSGOV', office: 'Prime Minister of Russia', start: '2008-05-08', end: '2012-05-07' },
  ],
};
const guterres: Person = {
  name: 'Antonio Guterres',
  surname: 'Guterres',
  tenures: [{ code: 'IGOUNO', office: 'UN Secretary-General', start: '2017-01-01', end: '2026-12-31' }],
};

describe('codePerson', () => {
  it.each([
    ['2005-01-01', 'RUSGOV'],
    ['2010-01-01', 'RUSGOV'],
    ['2013-01-01', 'RUSELI'],
    ['1999-01-01', null],
    [null, 'RUSGOV'],
  ])('codes Putin (tenures ending 2012) on %s as %s', (date, code) => {
    expect(codePerson(putin, date)).toBe(code);
  });

  it('gives no elite code to a former head of an international organization', () => {
    expect(codePerson(guterres, '2030-01-01')).toBeNull();
  });
});

describe('surnameOf', () => {
  it.each([
    ['Vladimir Putin', 'Putin'],
    ['Martin Luther King Jr.', 'King'],
    ['Bashar al-Assad', 'al-Assad'],
  ])('%s -> %s', (name, surname) => {
    expect(surnameOf(name)).toBe(surname);
  });
});

describe('people files', () => {
  it('reads every .tsv in people/ and merges one person spelt with and without accents', () => {
    const dir = mkdtempSync(join(tmpdir(), 'detente-people-'));
    cpSync(defaultDataDir(), dir, { recursive: true });
    writeFileSync(
      join(dir, 'actors', 'people', 'zz-extra.tsv'),
      'name\taliases\tcode\toffice\tstart\tend\n# a comment line\nRecep Tayyip Erdoğan\t\tTURGOV\tPresident of Turkey\t2014-08-28\t\n' +
        'Ada Example\tA. Example\tFRAGOV\tMinister of Examples\t2016-01-01\t2019-01-01\n',
    );
    const run = createActorRecognizer({ dataDir: dir });
    const a = run(buildTokenizedArticle('Erdogan met Ada Example. Erdoğan and A. Example spoke.', { published: '2018-01-01' }));
    expect(a.mentions.map((m) => [m.text, m.code])).toEqual([
      ['Erdogan', 'TURGOV'],
      ['Ada Example', 'FRAGOV'],
      ['Erdoğan', 'TURGOV'],
      ['A. Example', 'FRAGOV'],
    ]);
  });
});

describe('people: full names, namesakes and spelling variants', () => {
  const recognize = createActorRecognizer();
  const run = (text: string, published = '2019-06-01') =>
    recognize(buildTokenizedArticle(text, { published })).mentions.map((m) => [m.text, m.code] as const);

  it('reads an unknown first name before a known surname as another, unknown person', () => {
    expect(run('Pieter Maas said the plan had failed.')).toContainEqual(['Pieter Maas', null]);
    expect(run('The economy slowed, said Li Wei, a banker.').find(([t]) => t.includes('Wei'))?.[1]).not.toBe('CHNMIL');
  });

  it('still matches the surname alone of a person with a rarer surname', () => {
    expect(run('Heiko Maas arrived in Moscow. Maas said talks went well.')).toContainEqual(['Maas', 'DEUGOV']);
    expect(run('Wei Fenghe flew to Washington. Wei met his counterpart.')).toContainEqual(['Wei', 'CHNMIL']);
  });

  it('refers a later surname back to a person the article named in full, though the dictionary matches only the full name', () => {
    // The generated PETRARCH rows give the full name as the surname, so "Baker" alone matches nobody in the dictionary.
    expect(run('Treasury Secretary James Baker said the dollar was stable. Later, Baker met the envoy.', '1987-04-01')).toContainEqual(['Baker', 'USAELI']);
    expect(run('The baker met the envoy. Baker said nothing.', '1987-04-01').find(([t]) => t === 'Baker')).toBeUndefined();
  });

  it('keeps the country before a lone surname that names a thing ("U.S. Rice industry officials")', () => {
    expect(run('U.S. Rice industry officials have indicated they would file a complaint.')).toContainEqual(['U.S.', 'USA']);
  });

  it('recognizes full names whose aliases differ only by accents or hyphens', () => {
    expect(run('Antonio Guterres appealed for calm.')).toContainEqual(['Antonio Guterres', 'IGOUNO']);
    expect(run('Kim Jong-un met Moon Jae-in.')).toContainEqual(['Kim Jong-un', 'PRKGOV']);
  });
});
