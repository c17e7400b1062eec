import { describe, expect, it } from 'vitest';
import { buildTokenizedArticle } from '../../model/build.js';
import type { Article } from '../../model/article.js';
import { createActorRecognizer } from './index.js';
import { createPlaceRecognizer } from '../places/index.js';
import { codePerson } from './people.js';
import type { Person } from './lexicon.js';

const actors = createActorRecognizer();
const places = createPlaceRecognizer();

function analyse(text: string, published: string | null): Article {
  return places(actors(buildTokenizedArticle(text, { published, author: null })));
}
function code(text: string, published: string | null, words: string): string | null | undefined {
  return analyse(text, published).mentions.find((m) => m.text === words)?.code;
}

describe('actors over time (generated PETRARCH-2 and office-holder data, hand-kept corrections)', () => {
  it.each([
    ['Ronald Reagan met the visiting minister.', '1987-03-02', 'Ronald Reagan', 'USAGOV'],
    ['Ronald Reagan met the visiting minister.', '1995-03-02', 'Ronald Reagan', 'USAELI'],
    ['Mikhail Gorbachev proposed new talks.', '1987-05-11', 'Mikhail Gorbachev', 'RUSGOV'],
    ['Donald Trump attacked his rival at a rally.', '2016-08-10', 'Donald Trump', 'USAOPP'],
    ['Donald Trump attacked his rival at a rally.', '2016-12-01', 'Donald Trump', 'USAELI'],
    ['Bill English conceded defeat on Saturday.', '2017-09-23', 'Bill English', 'NZLGOV'],
    ['Jeremy Corbyn criticised the government.', '2017-06-01', 'Jeremy Corbyn', 'GBROPP'],
    ['Robert Mueller questioned the adviser about Russia.', '2018-03-01', 'Robert Mueller', 'USAJUD'],
  ])('%s (%s): %s is %s', (text, date, words, expected) => {
    expect(code(text, date, words)).toBe(expected);
  });

  it('gives a person without a covering tenure the undated code when the data has one', () => {
    const person: Person = { name: 'A B', surname: 'A B', tenures: [{ code: 'XYZGOV', office: '', start: '2001-01-01', end: '2002-01-01' }], otherwise: 'XYZELI' };
    expect(codePerson(person, '2001-06-01')).toBe('XYZGOV');
    expect(codePerson(person, '1999-06-01')).toBe('XYZELI');
    expect(codePerson(person, '2005-06-01')).toBe('XYZELI');
    delete person.otherwise;
    expect(codePerson(person, '1999-06-01')).toBeNull();
  });
});

describe('actors: breadth and no invented countries', () => {
  it('codes a Special Counsel as the US judiciary, not by the country under investigation', () => {
    expect(code('Special Counsel Robert Smith questioned aides about Russia.', '2018-03-01', 'Special Counsel Robert Smith')).toBe('USAJUD');
  });

  it('does not read a university named after a town as that town\'s country ("Georgetown" is not Guyana)', () => {
    const a = analyse('Experts at Georgetown University said the plan would fail.', '2017-03-01');
    expect(a.mentions.some((m) => m.code?.startsWith('GUY'))).toBe(false);
  });

  it('takes no country from the topic of a relative clause ("who is investigating the Iran affair")', () => {
    const a = analyse('Prosecutor Lena Marsh, who is investigating the Iran arms affair, questioned aides.', '1987-03-09');
    expect(a.mentions.find((m) => m.text.includes('Lena Marsh'))?.code ?? null).toBeNull();
    const b = analyse('"No," said Anna Lind, who heads the Swedish institute Polar.', '2017-03-01');
    expect(b.mentions.find((m) => m.text === 'Anna Lind')?.code).toBe('SWENGO');
  });

  it('takes no country from a dateline the story does not otherwise name', () => {
    expect(code('GENEVA (Reuters) - Officials said on Tuesday that talks on Syria would resume.', '2017-06-01', 'Officials')).toBeNull();
    expect(code('JOHANNESBURG (Reuters) - The military said it had withdrawn from the town.', '2017-06-01', 'military')).toBeNull();
    // The story is about the dateline's country: its unattributed lawmakers are that country's.
    expect(code('KIEV - Lawmakers voted on Tuesday to extend the law. Ukrainian officials said it was needed.', '2017-06-01', 'Lawmakers')).toBe('UKRLEG');
  });

  it('does not read a place named after a country as the country ("New Mexico"), but keeps "New Zealand"', () => {
    const a = analyse('The governor of New Mexico criticised the plan.', '2017-03-01');
    expect(a.mentions.some((m) => m.code === 'MEX')).toBe(false);
    expect(code('New Zealand signed the deal.', '2017-03-01', 'New Zealand')).toBe('NZL');
  });

  it('treats the agency in a multi-place dateline as the publisher', () => {
    for (const text of ['MOSCOW/WASHINGTON (Reuters) - Russia said on Tuesday it would respond.', 'RAQQA, Syria (Reuters) - U.S.-backed forces said they had entered the city.']) {
      const agency = analyse(text, '2017-06-06').mentions.find((m) => m.text === 'Reuters');
      expect(agency?.code ?? null, text).toBeNull();
    }
  });

  it('knows armed groups and companies from the generated organization data', () => {
    expect(code('The Ulster Volunteer Force denied it.', '1995-01-01', 'Ulster Volunteer Force')).toBe('GBRREB');
    expect(code('Occidental Petroleum signed a deal with the ministry.', '2010-01-01', 'Occidental Petroleum')).toBe('USABUS');
  });
});
