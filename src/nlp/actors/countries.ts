/**
 * @module nlp/actors/countries
 * Country names, adjectives, capitals and seats of power, from world-countries plus the
 * project's own data/actors/country-aliases.tsv. CAMEO country codes are ISO 3166 alpha-3
 * except where CAMEO practice differs (Kosovo: world-countries says UNK; Détente uses XKX, the code the EU, IMF and the gold data use).
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PhraseIndex, CountryForm } from './lexicon.js';
import { readTsv } from './tsv.js';
import { foldKey } from './text-key.js';

interface WorldCountry {
  cca2: string;
  cca3: string;
  independent?: boolean;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  latlng: [number, number];
  demonyms?: { eng?: { m: string; f: string } };
}

const require = createRequire(import.meta.url);

/** Where CAMEO's country code is not the ISO alpha-3 code world-countries gives. */
/** Alternative spellings in world-countries that are ordinary English words or other things. */
const NOT_COUNTRY_NAMES = new Set(['island', 'mann', 'emirates', 'dominique', 'timor', 'prathet', 'portuguesa', 'the abode of peace', 'congo']);

const CAMEO_EXCEPTIONS: Record<string, string> = { UNK: 'XKX' };

export function cameoCountry(cca3: string): string {
  return CAMEO_EXCEPTIONS[cca3] ?? cca3;
}

export interface CountryInfo {
  code: string;
  name: string;
  lat: number;
  lon: number;
  capital: string | null;
}

/** world-countries, keyed by CAMEO code. */
export function loadCountryInfo(): Map<string, CountryInfo> {
  const list = require('world-countries') as WorldCountry[];
  const out = new Map<string, CountryInfo>();
  for (const c of list) {
    const code = cameoCountry(c.cca3);
    out.set(code, { code, name: c.name.common, lat: c.latlng[0], lon: c.latlng[1], capital: c.capital?.[0] ?? null });
  }
  return out;
}

/**
 * Adds every country phrase to `index`; returns the folded names (form "name") of each
 * country, which the places stage uses to read "in Britain" as a place.
 */
export function addCountries(index: PhraseIndex, dataDir: string, info: Map<string, CountryInfo>): Map<string, string> {
  const list = require('world-countries') as WorldCountry[];
  const byName = new Map<string, string>();
  const add = (phrase: string, country: string, form: CountryForm, role: string | null = null) => {
    const name = info.get(country)?.name ?? country;
    if (form === 'name' && role === null && !byName.has(foldKey(phrase))) byName.set(foldKey(phrase), country);
    index.add(phrase, { type: 'country', country, role, form, name }, phrase.length > 3 ? 'capital' : undefined);
  };
  // Sovereign states first: a territory never takes a name or demonym a state already uses
  // (the Northern Mariana Islands' demonym is also "American").
  const taken = new Set<string>();
  // "Georgetown University" is in Washington: capitals that are as much a city elsewhere do not
  // stand for their country (data/actors/ambiguous-capitals.tsv, from scripts/build-actor-data.ts).
  const ambiguousFile = join(dataDir, 'actors', 'ambiguous-capitals.tsv');
  const ambiguous = new Set(existsSync(ambiguousFile) ? readTsv(ambiguousFile).map((r) => r.capital) : []);
  const ordered = [...list].sort((a, b) => Number(b.independent !== false) - Number(a.independent !== false));
  for (const c of ordered) {
    const code = cameoCountry(c.cca3);
    const independent = c.independent !== false;
    const addOnce = (phrase: string, form: CountryForm) => {
      const key = phrase.toLowerCase();
      if (!independent && taken.has(key)) return;
      taken.add(key);
      add(phrase, code, form);
    };
    addOnce(c.name.common, 'name');
    addOnce(c.name.official, 'name');
    for (const alt of c.altSpellings) {
      // Two-letter ISO codes ("IN", "IT", "US") collide with English words; the alias file
      // adds back the few that news really uses.
      if (alt.length <= 2 || /,/.test(alt) || NOT_COUNTRY_NAMES.has(alt.toLowerCase())) continue;
      addOnce(alt, 'name');
    }
    const dem = c.demonyms?.eng;
    if (dem) {
      addOnce(dem.m, 'adjective');
      if (dem.f !== dem.m) addOnce(dem.f, 'adjective');
      // Plural demonyms ("Iranians", "Americans") name the people or the country's side.
      if (/[a-z]$/.test(dem.m) && !/(ese|sh|ch|ss)$/.test(dem.m)) addOnce(`${dem.m}s`, 'adjective');
    }
    if (independent) for (const cap of c.capital ?? []) if (!ambiguous.has(cap)) add(cap, code, 'capital');
  }
  for (const row of readTsv(join(dataDir, 'actors', 'country-aliases.tsv'))) {
    const code = row.code ?? '';
    const form = (row.form ?? 'name') as CountryForm;
    add(row.alias, code.slice(0, 3), form, code.length > 3 ? code.slice(3) : null);
  }
  return byName;
}
