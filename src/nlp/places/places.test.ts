import { describe, expect, it } from 'vitest';
import { buildTokenizedArticle } from '../../model/build.js';
import type { Article } from '../../model/article.js';
import { createActorRecognizer } from '../actors/index.js';
import { createPlaceRecognizer } from './index.js';
import { mergeMentions } from './merge.js';

const actors = createActorRecognizer();
const places = createPlaceRecognizer();

function analyse(text: string, published = '2017-11-09'): Article {
  return places(actors(buildTokenizedArticle(text, { published })));
}

function locations(a: Article) {
  return a.mentions.filter((m) => m.kind === 'location');
}

describe('places', () => {
  it('finds "its San Francisco consulate" as a location with coordinates', () => {
    const a = analyse('Russia was ordered to close its San Francisco consulate.');
    const sf = locations(a).find((m) => m.text === 'San Francisco');
    expect(sf).toMatchObject({ kind: 'location', code: null, country: 'USA', name: 'San Francisco' });
    expect(sf!.lat).toBeCloseTo(37.77, 1);
    expect(sf!.lon).toBeCloseTo(-122.42, 1);
    expect(a.mentions.find((m) => m.text === 'consulate')?.code).toBe('RUSGOV');
  });

  it.each([
    ['Talks were held in Geneva on Monday.', 'Geneva', 'CHE'],
    ['Shelling was reported near Donetsk.', 'Donetsk', 'UKR'],
    ['Troops moved into Crimea.', 'Crimea', 'UKR'],
    ['Fighting flared in the Donbass.', 'Donbass', 'UKR'],
    ['Aid reached Idlib.', 'Idlib', 'SYR'],
    ['He flew from Kiev to Minsk.', 'Kiev', 'UKR'],
    ['A Moscow-based analyst disagreed.', 'Moscow-based', 'RUS'],
    ['The summit opened in Sochi, Russia.', 'Sochi', 'RUS'],
    ['Protests spread across Hong Kong.', 'Hong Kong', 'HKG'],
    ['The vote in Britain was close.', 'Britain', 'GBR'],
  ])('%s -> %s in %s', (text, words, country) => {
    const m = locations(analyse(text)).find((x) => x.text === words);
    expect(m).toMatchObject({ kind: 'location', code: null, country });
    expect(typeof m!.lat).toBe('number');
  });

  it.each([
    ['KIEV — Ukraine imposed martial law.', 'KIEV', 'Kyiv'],
    ['MOSCOW (Reuters) - Russia said it would respond.', 'MOSCOW', 'Moscow'],
  ])('reads a dateline as a place: %s', (text, words, name) => {
    const a = analyse(text);
    expect(locations(a).find((x) => x.text === words)).toMatchObject({ name });
    expect(a.mentions.filter((m) => m.code !== null).map((m) => m.text)).toEqual([text.includes('Ukraine') ? 'Ukraine' : 'Russia']);
  });

  it('reads a state named after another country as that state ("New South Wales" is in Australia, not Wales)', () => {
    const a = analyse('The premier of New South Wales met police chiefs in Queensland.');
    expect(locations(a).map((m) => [m.text, m.country])).toEqual([['New South Wales', 'AUS'], ['Queensland', 'AUS']]);
    expect(a.mentions.find((m) => m.text === 'premier')?.country).not.toBe('GBR');
  });

  it('leaves a capital that acts to the actors stage', () => {
    const a = analyse('Moscow expelled the diplomats.');
    expect(locations(a)).toHaveLength(0);
    expect(a.mentions[0].code).toBe('RUSGOV');
  });

  it('needs a location context for small towns whose names are ordinary words', () => {
    const a = analyse('March is cold. Police said the Mobile phone was found.');
    expect(locations(a)).toHaveLength(0);
  });

  it('picks the city in a country the article mentions before the larger namesake', () => {
    const a = analyse('Russian officials met in Moscow. The talks in Moscow ended.');
    expect(locations(a).every((m) => m.country === 'RUS')).toBe(true);
    const us = analyse('Students rallied in Moscow, Idaho, against the Idaho legislature.');
    expect(locations(us).find((m) => m.text === 'Moscow')?.country).toBe('RUS');
  });

  it('gives role words with no country the country of the place in their sentence', () => {
    const a = analyse('Police in Kyiv detained dozens of protesters.');
    expect(a.mentions.find((m) => m.text === 'Police')?.code).toBe('UKRCOP');
  });

  it('gives rebels with no place the country all other actors of their sentence share, and none when they differ', () => {
    expect(analyse('The Syrian army declared the truce over, blaming the rebels for violations.').mentions.find((m) => m.text === 'rebels')?.code).toBe('SYRREB');
    expect(analyse('Russian and Turkish officials blamed the rebels.').mentions.find((m) => m.text === 'rebels')?.country).toBeNull();
  });

  it('gives unattributed roles the dateline country when the story names that country, but not reporters, analysts or refugees', () => {
    const a = analyse('KIEV — Lawmakers voted to impose martial law in Ukraine. Protesters gathered. Refugees waited.');
    expect(a.mentions.find((m) => m.text === 'Lawmakers')?.code).toBe('UKRLEG');
    expect(a.mentions.find((m) => m.text === 'Protesters')?.code).toBe('UKRCVL');
    expect(a.mentions.find((m) => m.text === 'Refugees')?.code ?? null).toBeNull();
    // Issue 9: a dateline alone names where the story was filed, not whose the actors are.
    const b = analyse('KIEV — Lawmakers voted to impose martial law. Protesters gathered.');
    expect(b.mentions.find((m) => m.text === 'Lawmakers')?.code ?? null).toBeNull();
  });

  it('gives a role the country of a place only when the role is located there', () => {
    const a = analyse('Officials said on Monday that talks would resume in Geneva.', '2018-01-01');
    expect(a.mentions.find((m) => m.text === 'Officials')?.code ?? null).toBeNull();
    const b = analyse('Kyiv-based analysts and separatists from Donetsk met.', '2018-01-01');
    expect(b.mentions.find((m) => m.text === 'separatists')?.code).toBe('UKRREB');
  });

  it('reads an upper-case dateline as a place even when the gazetteer lacks it', () => {
    const a = analyse('RIMBO, Sweden — Officials agreed on a ceasefire.', '2018-12-13');
    expect(a.mentions.find((m) => m.text === 'RIMBO')).toMatchObject({ kind: 'location', country: 'SWE', code: null });
    expect(a.mentions.find((m) => m.text === 'Sweden')).toMatchObject({ kind: 'location', code: null });
    // The dateline alone does not make the officials Swedish (issue 9).
    expect(a.mentions.find((m) => m.text === 'Officials')?.code ?? null).toBeNull();
    const b = analyse('THE HAGUE — Judges ruled.', '2018-12-13');
    expect(b.mentions.find((m) => m.text === 'THE HAGUE')).toMatchObject({ kind: 'location', country: 'NLD' });
  });

  it('gives a state role with no place and no dateline the country of the actor just before it', () => {
    const a = analyse("Zimbabwe's army seized the state broadcaster. Officials said the president was safe.", '2017-11-15');
    expect(a.mentions.find((m) => m.text === 'Officials')?.code).toBe('ZWEGOV');
  });

  it('keeps antecedent indexes pointing at the same mention after merging', () => {
    const a = analyse('Sergei Lavrov arrived in Geneva. He met diplomats in Vienna.');
    const he = a.mentions.find((m) => m.text === 'He')!;
    expect(a.mentions[he.antecedent!].text).toBe('Sergei Lavrov');
  });

  it('merges location mentions in text order', () => {
    const base = { kind: 'person' as const, code: null, country: null, role: null, name: null, sentence: 0, via: { stage: 'x' } };
    const merged = mergeMentions(
      [{ ...base, start: 0, end: 3, text: 'abc' }, { ...base, start: 10, end: 12, text: 'he', antecedent: 0 }],
      [{ ...base, kind: 'location', start: 5, end: 8, text: 'xyz', via: { stage: 'nlp.places.v1' } }],
    );
    expect(merged.map((m) => m.start)).toEqual([0, 5, 10]);
    expect(merged[2].antecedent).toBe(0);
  });
});

describe('places: roles set in a place, described people', () => {
  it('gives the roles of a sentence opening with "In <place>," that place\'s country', () => {
    const a = analyse('The summit ended. In Moscow, Deputy Foreign Minister Sergei Ryabkov welcomed the meeting.', '2018-06-12');
    expect(a.mentions.find((m) => m.text.endsWith('Sergei Ryabkov'))?.code).toBe('RUSGOV');
  });

  it('codes a person from the description after the name once a place codes it', () => {
    const a = analyse('"Nobody expected it," said Fatima al-Ansari, a Doha-based business consultant. Al-Ansari left.', '2017-06-06');
    expect(a.mentions.find((m) => m.text === 'Fatima al-Ansari')?.code).toBe('QATBUS');
  });
});

describe('places: officials after a sentence set in a place', () => {
  it('gives an official with no other clue the country of the place the sentence before is set in', () => {
    const a = analyse('The decision drew an angry reaction in Moscow. Deputy Foreign Minister Sergei Ryabkov said Washington was to blame.', '2017-12-23');
    expect(a.mentions.find((m) => m.text.endsWith('Sergei Ryabkov'))?.code).toBe('RUSGOV');
  });
});
