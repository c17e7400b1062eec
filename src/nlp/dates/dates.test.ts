import { describe, expect, it } from 'vitest';
import { buildTokenizedArticle } from '../../model/build.js';
import { addDates } from './dates.js';

const PUBLISHED = '2018-05-16'; // a Wednesday

function datesOf(text: string, published: string | null = PUBLISHED) {
  const article = addDates(buildTokenizedArticle(text, { published }));
  return article.dates.map((d) => ({ text: d.text, value: d.value, precision: d.precision }));
}

describe('nlp.dates.v1: relative expressions against 2018-05-16', () => {
  it.each([
    ['The talks in early March failed.', 'early March', '2018-03', 'month'],
    ['Officials met in mid-April of this year.', 'mid-April of this year', '2018-04', 'month'],
    ['The rebels regrouped in late July.', 'late July', '2017-07', 'month'],
    ["Last year's vote was close.", 'Last year', '2017', 'year'],
    ['Two years ago, the army seized power.', 'Two years ago', '2016-05', 'month'],
    ['This spring the army withdrew.', 'This spring', '2018', 'year'],
    ['Last week Russia expelled diplomats.', 'Last week', '2018-05', 'month'],
    ['Three days ago the border closed.', 'Three days ago', '2018-05-13', 'day'],
    ['Yesterday the president resigned.', 'Yesterday', '2018-05-15', 'day'],
    ['The vote will be held tomorrow.', 'tomorrow', '2018-05-17', 'day'],
    ['Prices rose sharply last month.', 'last month', '2018-04', 'month'],
    ['The army will withdraw next year.', 'next year', '2019', 'year'],
    // The future verb after "that" is the reported content, not the clause the month dates.
    ['The minister has criticised Ankara, saying in August that talks would be suspended.', 'August', '2017-08', 'month'],
    ['The envoy returned, warning in September that the army would attack.', 'September', '2017-09', 'month'],
  ])('%s', (text, expression, value, precision) => {
    expect(datesOf(text)).toEqual([{ text: expression, value, precision }]);
  });
});

describe('nlp.dates.v1: absolute expressions', () => {
  it.each([
    ['In 2014 Russia annexed Crimea.', '2014', '2014', 'year'],
    ['The summit opened on March 3.', 'March 3', '2018-03-03', 'day'],
    ['The treaty was signed on Dec. 5, 2017.', 'Dec. 5, 2017', '2017-12-05', 'day'],
    ['Protests began on 12 May 2017.', '12 May 2017', '2017-05-12', 'day'],
    ['The ceasefire collapsed in May 2014.', 'May 2014', '2014-05', 'month'],
    ['The 2014 referendum was illegal.', '2014', '2014', 'year'],
  ])('%s', (text, expression, value, precision) => {
    expect(datesOf(text)).toEqual([{ text: expression, value, precision }]);
  });

  it('reads "a week after" relative to the date before it, not as chrono does', () => {
    expect(datesOf('Talks will resume on June 25, a week after the last round collapsed.')).toEqual([
      { text: 'June 25', value: '2018-06-25', precision: 'day' },
      { text: 'a week after', value: '2018-06-18', precision: 'day' },
    ]);
  });

  it('puts a day date without a year in the past for a past clause, in the future for a future one', () => {
    expect(datesOf('Talks will resume on May 10.')[0].value).toBe('2019-05-10');
    expect(datesOf('The envoy arrived on December 3.')[0].value).toBe('2017-12-03');
    expect(datesOf('The envoy will arrive on December 3.')[0].value).toBe('2018-12-03');
  });

  it('resolves only expressions with their own year when there is no publication date', () => {
    expect(datesOf('Yesterday, and in 2014, and on 12 May 2017, and last week.', null).map((d) => d.value)).toEqual([
      '2014',
      '2017-05-12',
    ]);
  });
});

describe('nlp.dates.v1: weekdays follow the tense of their clause', () => {
  it('takes the previous Monday in a past-tense sentence', () => {
    expect(datesOf('The minister spoke on Monday.')).toEqual([{ text: 'Monday', value: '2018-05-14', precision: 'day' }]);
  });

  it.each([
    ['He will travel to Paris on Monday.', '2018-05-21'],
    ['The delegation is due to arrive on Friday.', '2018-05-18'],
    ['The president plans to visit Kiev on Tuesday.', '2018-05-22'],
  ])('takes the next weekday in a future-tense sentence: %s', (text, value) => {
    expect(datesOf(text)[0].value).toBe(value);
  });

  it('reads the publication weekday as the day of publication, and honours last/next', () => {
    expect(datesOf('The cabinet met on Wednesday.')[0].value).toBe('2018-05-16');
    expect(datesOf('The cabinet met last Wednesday.')[0].value).toBe('2018-05-09');
    expect(datesOf('The cabinet meets next Wednesday.')[0].value).toBe('2018-05-23');
  });

  it('dates each weekday by its own clause', () => {
    const values = datesOf('The minister said on Monday that the troops will leave on Friday.').map((d) => d.value);
    expect(values).toEqual(['2018-05-14', '2018-05-18']);
  });
});

describe('nlp.dates.v1: what is not a date', () => {
  it.each([
    'Russia expelled 755 diplomats.',
    'The 2018 World Cup starts in Moscow.',
    'He served as governor for two years.',
    'Over the past year the economy shrank.',
    'The meeting ended at 3 pm.',
    'Theresa May said the talks may fail.',
    'A total of 1999 people voted.',
    'Inflation reached 2015.5 points.',
    'Shoppers queued for Black Friday deals.',
    'Mayer left the company.',
  ])('%s', (text) => {
    expect(datesOf(text)).toEqual([]);
  });

  it('leaves a speaker\'s "today" inside a direct quote undated', () => {
    expect(datesOf('"Today we trade bullets for ballots," the negotiator said.')).toEqual([]);
  });

  it('keeps offsets that slice back to the expression', () => {
    const text = 'Talks resumed on Monday; in early March they had stalled.';
    const article = addDates(buildTokenizedArticle(text, { published: PUBLISHED }));
    for (const d of article.dates) expect(text.slice(d.start, d.end)).toBe(d.text);
    expect(article.dates.map((d) => d.sentence)).toEqual([0, 0]);
  });
});

describe('nlp.dates.v1: dates relative to other dates', () => {
  it.each([
    ['The Senate voted on Monday, two days after the House passed the bill.', 'two days after', '2018-05-12', 'day'],
    ['The army withdrew, ten years after the war began.', 'ten years after', '2008-05', 'month'],
    ['The treaty was signed on Monday, two decades after the border war began.', 'two decades after', '1998', 'year'],
    ['Protests began on 12 May 2017. Two days later, the government fell.', 'Two days later', '2017-05-14', 'day'],
    ['The envoy arrived on Monday and the minister left on the same day.', 'the same day', '2018-05-14', 'day'],
  ])('%s', (text, expression, value, precision) => {
    expect(datesOf(text)).toContainEqual({ text: expression, value, precision });
  });

  it('needs an anchor in the paragraph for "later"', () => {
    expect(datesOf('Two days later, the government fell.')).toEqual([]);
  });
});

describe('nlp.dates.v1: the verb a date belongs to', () => {
  it.each([
    ['There will be no meeting at the summit, the Kremlin said on Monday, although talks may follow.', '2018-05-14'],
    ['The minister told parliament on Monday that Russia would not negotiate.', '2018-05-14'],
    ['Marines helped the authorities seize a tanker on Monday.', '2018-05-14'],
    ['Russia beat Croatia on Monday.', '2018-05-14'],
    ['"The talks failed," CEO Tim Cook said Tuesday.', '2018-05-15'],
    ['They agreed on a deal under which migrants arriving from Monday will be sent back.', '2018-05-21'],
  ])('%s', (text, value) => {
    expect(datesOf(text)[0].value).toBe(value);
  });

  it('puts a day date a week ahead in a past sentence ahead, and one half a year ahead behind', () => {
    expect(datesOf('Leaders agreed to delay the vote beyond May 23.')[0].value).toBe('2018-05-23');
    expect(datesOf('The rebels regrouped on November 20.')[0].value).toBe('2017-11-20');
  });
});
