import { describe, expect, it } from 'vitest';
import { buildTokenizedArticle } from '../../model/build.js';
import { addDates } from '../dates/dates.js';

function clausesOf(text: string, published: string | null = '2018-05-16') {
  const article = addDates(buildTokenizedArticle(text, { published }));
  return article.clauses.map((c) => ({ text: text.slice(c.start, c.end), tense: c.tense, date: c.date, source: c.dateSource }));
}

describe('clause splitting', () => {
  it('splits at a semicolon and before a conjunction that opens a new subject and verb', () => {
    const texts = clausesOf('He said that Russia expelled diplomats and China closed a consulate; the U.S. has refused to comment.').map((c) => c.text);
    expect(texts).toEqual(['He said', 'that Russia expelled diplomats', 'and China closed a consulate;', 'the U.S. has refused to comment.']);
  });

  it('keeps coordinated subjects and objects in one clause', () => {
    expect(clausesOf('Russia and China signed a treaty and a protocol.')).toHaveLength(1);
  });
});

describe('clause tense', () => {
  it.each([
    ['Russia expelled the diplomats.', 'past'],
    ['The U.S. has refused to comment.', 'past'],
    ['Moscow will respond.', 'future'],
    ['The delegation is due to arrive.', 'future'],
    ['Relations are tense.', 'present'],
    ['The minister says nothing.', 'present'],
    ['The expelled diplomats were flown home.', 'past'],
  ])('%s → %s', (text, tense) => {
    expect(clausesOf(text)[0].tense).toBe(tense);
  });
});

describe('clause dates', () => {
  it('does not date an act by a year that only describes a noun ("a 2000 agreement")', () => {
    const [clause] = clausesOf('President Putin signed a decree suspending a 2000 agreement with the United States.', '2016-10-03');
    expect(clause.date).toBe('2016-10-03');
    expect(clause.source).toBe('published');
  });

  it('still dates an act by a year that is its own time ("in 2014")', () => {
    const [clause] = clausesOf('Russia annexed Crimea in 2014.', '2016-10-03');
    expect([clause.date, clause.source]).toEqual(['2014', 'text']);
  });

  it('takes a date in the clause, else one elsewhere in the sentence', () => {
    const clauses = clausesOf('The minister said on Monday that Russia expelled diplomats.');
    expect(clauses.map((c) => [c.date, c.source])).toEqual([
      ['2018-05-14', 'text'],
      ['2018-05-14', 'text'],
    ]);
  });

  it('carries a date over to the next sentence of the same paragraph', () => {
    const clauses = clausesOf('At the March summit the two sides met. The minister praised the talks.');
    expect(clauses.map((c) => [c.date, c.source])).toEqual([
      ['2018-03', 'text'],
      ['2018-03', 'carried'],
    ]);
  });

  it('does not carry a past date into a present-tense sentence or across a paragraph', () => {
    const clauses = clausesOf('At the March summit the two sides met. Relations are good.\nThe deal was signed.');
    expect(clauses.map((c) => [c.date, c.source])).toEqual([
      ['2018-03', 'text'],
      ['2018-05-16', 'published'],
      ['2018-05-16', 'published'],
    ]);
  });

  it('does not give a future clause a date that has passed', () => {
    const clauses = clausesOf('The minister said on Monday that the troops will leave.');
    expect(clauses[1]).toMatchObject({ tense: 'future', date: '2018-05-16', source: 'published' });
  });

  it('falls back to the publication date, or to null without one', () => {
    expect(clausesOf('The army withdrew.')[0]).toMatchObject({ date: '2018-05-16', source: 'published' });
    expect(clausesOf('The army withdrew.', null)[0]).toMatchObject({ date: null, source: null });
  });
});
