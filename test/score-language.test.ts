import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newArticle, type Article } from '../src/model/article.js';
import {
  DEFAULT_GOLD,
  defaultAnalyser,
  occurrences,
  readGold,
  sameSpeaker,
  scoreLanguage,
  speakerMatches,
  type GoldPassage,
} from '../scripts/score-language.js';

const PASSAGE: GoldPassage = {
  id: 'p1',
  published: '2018-05-16',
  text: 'Putin met Macron in Paris on Monday. "We agreed," Putin said. Putin left.',
  mentions: [
    { text: 'Putin', code: 'RUSGOV', kind: 'person' },
    { text: 'Macron', code: 'FRAGOV', kind: 'person' },
    { text: 'Paris', code: null, kind: 'location' },
  ],
  dates: [{ text: 'Monday', value: '2018-05-14' }],
  quotes: [{ text: 'We agreed', speaker: 'Vladimir Putin', kind: 'direct' }],
  not_actors: ['Paris'],
};

/** A fake analyser: returns an article with exactly the layers given, at the given words. */
function fake(layers: { mentions?: [string, string | null, number?][]; dates?: [string, string][]; quotes?: [string, string | null][] }) {
  return (p: GoldPassage): Article => {
    const a = newArticle({ id: p.id, text: p.text });
    const at = (words: string, nth = 0) => occurrences(p.text, words)[nth];
    a.mentions = (layers.mentions ?? []).map(([words, code, nth]) => {
      const s = at(words, nth);
      return { ...s, text: words, kind: code ? 'person' : 'location', code, country: null, role: null, name: words, sentence: 0, via: { stage: 't' } };
    });
    a.dates = (layers.dates ?? []).map(([words, value]) => ({ ...at(words), text: words, value, precision: 'day', sentence: 0, via: { stage: 't' } }));
    a.quotes = (layers.quotes ?? []).map(([words, speaker]) => ({
      ...at(words),
      text: words,
      kind: 'direct',
      speaker: speaker === null ? null : { name: speaker, code: null, country: null, affiliation: null, start: 0, end: 0 },
    }));
    return a;
  };
}

describe('scoreLanguage', () => {
  it('scores a perfect analysis as 1.0, counting repeated actor mentions as correct', () => {
    const score = scoreLanguage(
      [PASSAGE],
      fake({
        mentions: [['Putin', 'RUSGOV'], ['Macron', 'FRAGOV'], ['Paris', null], ['Putin', 'RUSGOV', 1], ['Putin', 'RUSGOV', 2]],
        dates: [['Monday', '2018-05-14']],
        quotes: [['We agreed', 'Putin']],
      }),
    );
    expect([score.mentions.precision, score.mentions.recall, score.dates.f1, score.quotes.f1]).toEqual([1, 1, 1, 1]);
    expect(score.notActors).toEqual({ checked: 1, violations: 0 });
  });

  it('counts wrong codes, wrong values and wrong speakers as both misses and false alarms', () => {
    const score = scoreLanguage(
      [PASSAGE],
      fake({ mentions: [['Putin', 'RUSGOV'], ['Macron', 'RUSGOV'], ['Paris', 'FRA']], dates: [['Monday', '2018-05-21']], quotes: [['We agreed', 'Macron']] }),
    );
    expect(score.mentions).toMatchObject({ gold: 3, found: 1, predicted: 3, correct: 1 });
    expect(score.dates).toMatchObject({ found: 0, correct: 0, precision: 0, recall: 0 });
    expect(score.quotes).toMatchObject({ found: 0, correct: 0 });
    expect(score.notActors.violations).toBe(1);
    expect(score.misses.filter((m) => m.type === 'missed').map((m) => m.kind)).toEqual(['mention', 'mention', 'date', 'quote']);
  });

  it('scores zero when nothing is predicted but gold exists', () => {
    const score = scoreLanguage([PASSAGE], fake({}));
    expect(score.mentions).toMatchObject({ recall: 0, precision: 0 });
    expect(score.quotes.recall).toBe(0);
  });

  it('accepts a surname for the speaker and matches names case-insensitively', () => {
    expect(sameSpeaker('Vladimir Putin', 'Putin')).toBe(true);
    expect(sameSpeaker('Vladimir Putin', 'VLADIMIR PUTIN')).toBe(true);
    expect(sameSpeaker('Vladimir Putin', 'Emmanuel Macron')).toBe(false);
    expect(sameSpeaker(null, null)).toBe(true);
    expect(sameSpeaker('Putin', null)).toBe(false);
  });

  it('accepts the speaker by the words that name them in the text', () => {
    const text = 'According to the agency, the talks failed.';
    const speaker = { name: 'agency', code: null, country: null, affiliation: null, start: 13, end: 23 };
    expect(speakerMatches('International Atomic Energy Agency', speaker, text)).toBe(true);
    expect(speakerMatches('Vladimir Putin', speaker, text)).toBe(false);
  });

  it('locates gold words despite different spacing', () => {
    expect(occurrences('We  agreed\non it', 'we agreed on it')).toEqual([{ start: 0, end: 16 }]);
  });
});

// Floors: the figures the default pipeline reached on the dev gold set, rounded down to the
// next 0.05 so that small, legitimate changes elsewhere do not fail CI while a real regression
// does (2026-11-27 start: mentions P 0.67 R 0.60, quotes 0.885; after the language-layer work:
// mentions P 0.84 R 0.82 with gold start offsets, quotes P 0.89 R 0.89, dates P 0.99 R 0.99). Raise them when the
// language layer improves; never lower them.
const FLOORS = {
  dates: { precision: 0.95, recall: 0.95 },
  quotes: { precision: 0.85, recall: 0.85 },
  mentions: { precision: 0.8, recall: 0.8 },
};

describe.skipIf(!existsSync(DEFAULT_GOLD))('language layer on test/gold/language-dev.jsonl', () => {
  it('stays above the recorded floors', () => {
    const score = scoreLanguage(readGold(DEFAULT_GOLD.pathname), defaultAnalyser());
    expect(score.passages).toBeGreaterThanOrEqual(45);
    for (const kind of ['dates', 'quotes', 'mentions'] as const) {
      expect(score[kind].precision, `${kind} precision`).toBeGreaterThanOrEqual(FLOORS[kind].precision);
      expect(score[kind].recall, `${kind} recall`).toBeGreaterThanOrEqual(FLOORS[kind].recall);
    }
  });
});

describe('scoreLanguage: gold offsets', () => {
  it('locates a gold item at its start offset, not inside an earlier longer word', () => {
    const passage: GoldPassage = {
      id: 'p2', published: '2018-05-16', text: 'Israeli troops fired. Israel said it acted.',
      mentions: [{ text: 'Israeli troops', code: 'ISRMIL', kind: 'group', start: 0 }, { text: 'Israel', code: 'ISR', kind: 'country', start: 22 }],
      dates: [], quotes: [],
    };
    const score = scoreLanguage([passage], fake({ mentions: [['Israeli troops', 'ISRMIL'], ['Israel', 'ISR', 1]] }));
    expect(score.mentions).toMatchObject({ gold: 2, found: 2, correct: 2 });
  });
});
