import { describe, expect, it } from 'vitest';
import { buildTokenizedArticle } from '../../model/build.js';
import { addDates } from '../dates/dates.js';
import { setsOwnTime } from './date-clauses.js';

function clausesOf(text: string, published = '2017-10-30') {
  const article = addDates(buildTokenizedArticle(text, { published }));
  return article.clauses.map((c) => ({ text: text.slice(c.start, c.end), date: c.date, source: c.dateSource }));
}

describe('each event its own date', () => {
  it('dates a past clause by its own date, not by the lead\'s', () => {
    const clauses = clausesOf('A former aide admitted on Monday that he lied to investigators. The meeting took place in March 2016.');
    const [lead, meeting] = [clauses[0], clauses[clauses.length - 1]];
    expect([lead.date, lead.source]).toEqual(['2017-10-30', 'text']);
    expect([meeting.date, meeting.source]).toEqual(['2016-03', 'text']);
  });

  it('gives a clause that sets its own undated time the publication date, marked as such, not the lead\'s day', () => {
    for (const second of ['He met the professor during the campaign.', 'The director had led the inquiry into the contacts.', 'Earlier, the two men spoke by phone.']) {
      const clauses = clausesOf(`The adviser was charged on Tuesday. ${second}`);
      expect(clauses[0].date).toBe('2017-10-24');
      const last = clauses[clauses.length - 1];
      expect([last.date, last.source], second).toEqual(['2017-10-30', 'published']);
    }
  });

  it('still carries a date to a next sentence that stays in its time', () => {
    const clauses = clausesOf('The ministers met in Vienna on Tuesday. They signed a protocol on trade.');
    expect(clauses.map((c) => [c.date, c.source])).toEqual([
      ['2017-10-24', 'text'],
      ['2017-10-24', 'carried'],
    ]);
  });

  it('dates "a year after X (2003)" from X\'s year, and "(2003)" does not date the clause', () => {
    const [clause] = clausesOf('A year after the crossings opened (2003), the islanders rejected a reunification plan.');
    expect([clause.date, clause.source]).toEqual(['2004', 'text']);
    const [film] = clausesOf('The film (1987) was banned by the ministry.');
    expect(film.source).toBe('published');
  });

  it('does not date a clause by "N years after X" read back from the publication date (that is X\'s date)', () => {
    const [clause] = clausesOf('Ten years after tanks rolled into the region, the government held a memorial.');
    expect([clause.date, clause.source]).toEqual(['2017-10-30', 'published']);
  });

  it('recognises clauses that set their own time', () => {
    expect(setsOwnTime('He had promised during the campaign to improve ties')).toBe(true);
    expect(setsOwnTime('The two sides had talks on Monday')).toBe(false);
    expect(setsOwnTime('They signed a protocol on trade')).toBe(false);
  });
});
