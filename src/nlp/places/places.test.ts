import { describe, expect, it } from 'vitest';
import { buildTokenizedArticle } from '../../model/build.js';
import type { Article } from '../../model/article.js';
import { createActorRecognizer } from '../actors/index.js';
import { createPlaceRecognizer } from './index.js';
import { mergeMentions } from './merge.js';

const actors = createActorRecognizer();
const places = createPlaceRecognizer();

function analyse(text: string): Article {
  return places(actors(buildTokenizedArticle(text, { published: '2017-11-09' })));
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

  it('gives unattributed state bodies the dateline country, but not other roles', () => {
    const a = analyse('KIEV — Lawmakers voted to impose martial law. Protesters gathered.');
    expect(a.mentions.find((m) => m.text === 'Lawmakers')?.code).toBe('UKRLEG');
    expect(a.mentions.find((m) => m.text === 'Protesters')?.code).toBeNull();
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
