/**
 * @module nlp/actors/dictionary
 * Builds the actor dictionaries once (in the stage's create()) into one PhraseIndex:
 * countries (world-countries + country-aliases.tsv), roles (roles.tsv), organizations
 * (organizations.tsv) and people (people/*.tsv).
 */
import { join } from 'node:path';
import { PhraseIndex, type Organization, type Person, type RoleKind } from './lexicon.js';
import { addCountries, loadCountryInfo, type CountryInfo } from './countries.js';
import { addPeople } from './people.js';
import { defaultDataDir, readTsv, readTsvDir, splitList } from './tsv.js';

export interface ActorDictionary {
  index: PhraseIndex;
  people: Person[];
  organizations: Organization[];
  countries: Map<string, CountryInfo>;
  /** Folded country name -> country code ("britain" -> GBR), for reading countries as places. */
  countryByName: Map<string, string>;
}

function addRoles(index: PhraseIndex, dataDir: string): void {
  for (const row of readTsv(join(dataDir, 'actors', 'roles.tsv'))) {
    const role = row.role === '-' || !row.role ? null : row.role;
    const kind = (row.kind || 'head') as RoleKind;
    const caseRule = /^\p{Lu}/u.test(row.phrase) ? 'capital' : 'any';
    index.add(row.phrase, { type: 'role', role, kind, person: row.denotes === 'person', defaultCountry: row.country || null }, caseRule);
  }
}

function addOrganizations(index: PhraseIndex, dataDir: string): Organization[] {
  const orgs: Organization[] = [];
  // The hand-kept file first, then generated ones (data/actors/organizations/*.tsv); a phrase
  // already taken by an earlier file keeps its organization.
  const handKept = readTsv(join(dataDir, 'actors', 'organizations.tsv'));
  const rows = [...handKept, ...readTsvDir(join(dataDir, 'actors', 'organizations'))];
  rows.forEach((row, i) => {
    const code = !row.code || row.code === 'null' ? null : row.code;
    const org: Organization = { name: row.name, code, country: row.country || null, kind: row.kind || 'organization' };
    orgs.push(org);
    for (const phrase of [row.name, ...splitList(row.aliases)]) {
      if (i >= handKept.length && index.has(phrase)) continue;
      index.add(phrase, { type: 'org', org }, phrase.replace(/[^\p{L}]/gu, '').length <= 3 ? undefined : 'capital');
    }
  });
  return orgs;
}

const cache = new Map<string, ActorDictionary>();

/** Loads (once per data folder and process) every actor dictionary. */
export function loadActorDictionary(dataDir: string = defaultDataDir()): ActorDictionary {
  const cached = cache.get(dataDir);
  if (cached) return cached;
  const index = new PhraseIndex();
  const countries = loadCountryInfo();
  const countryByName = addCountries(index, dataDir, countries);
  addRoles(index, dataDir);
  const organizations = addOrganizations(index, dataDir);
  const people = addPeople(index, dataDir);
  const dict: ActorDictionary = { index, people, organizations, countries, countryByName };
  cache.set(dataDir, dict);
  return dict;
}
