/**
 * @module nlp/actors/people
 * Office holders from every data/actors/people/*.tsv file (one row per tenure), and how a
 * person is coded on a given date: the code of the tenure that covers the date; the
 * country's ELI (elite, former official) code after a tenure; nothing before any tenure.
 */
import { join } from 'node:path';
import type { PhraseIndex, Person, Tenure } from './lexicon.js';
import { readTsvDir, splitList } from './tsv.js';
import { foldKey, withoutArabicArticle } from './text-key.js';

/** Name suffixes that are not the surname ("Martin Luther King Jr."). */
const SUFFIXES = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv']);

/** Words that are never taken as a surname on their own, whatever a person is called. */
const NOT_SURNAMES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'will', 'mark', 'rose', 'young', 'long', 'white', 'black', 'green', 'little', 'north', 'south',
]);


export function surnameOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => !SUFFIXES.has(w.toLowerCase()));
  return words[words.length - 1] ?? name;
}

/** Loads the people files and adds full names, aliases and surnames to the index. */
export function addPeople(index: PhraseIndex, dataDir: string): Person[] {
  const byName = new Map<string, Person>();
  const aliases = new Map<string, Set<string>>();
  for (const row of readTsvDir(join(dataDir, 'actors', 'people'))) {
    const name = row.name;
    const code = row.code;
    if (!name || !code) continue;
    // "Recep Tayyip Erdoğan" in one file and "Recep Tayyip Erdogan" in another are one person.
    const key = foldKey(name).replace(/[-\s]+/g, ' ');
    let person = byName.get(key);
    if (person === undefined) {
      person = { name, surname: row.surname || surnameOf(name), tenures: [] };
      byName.set(key, person);
      aliases.set(person.name, new Set());
    }
    if (row.gender === 'f' || row.gender === 'm') person.gender = row.gender;
    // A surname given on any tenure row counts for the person.
    if (row.surname && person.surname !== row.surname) person.surname = row.surname;
    const start = row.start ?? '';
    if (start === '' && !row.end) {
      // No dates at all: the code for dates no tenure covers (PETRARCH's undated fallback).
      person.otherwise ??= code;
      for (const a of splitList(row.aliases)) aliases.get(person.name)!.add(a);
      continue;
    }
    // The same tenure may come from two files; keep one (dedupe by name + start).
    if (!person.tenures.some((t) => t.start === start)) {
      person.tenures.push({ code, office: row.office ?? '', start, end: row.end ? row.end : null });
    }
    for (const a of splitList(row.aliases)) aliases.get(person.name)!.add(a);
    if (name !== person.name) aliases.get(person.name)!.add(name);
  }
  const people = [...byName.values()];
  for (const person of people) {
    person.tenures.sort((a, b) => a.start.localeCompare(b.start));
    // "Antonio Guterres" and "António Guterres" fold to one key: add it once, or the name
    // would look like two people and stay unresolved.
    const seen = new Set<string>();
    for (const a of [person.name, ...(aliases.get(person.name) ?? [])]) {
      const key = foldKey(a);
      if (seen.has(key)) continue;
      seen.add(key);
      index.add(a, { type: 'person', person, surnameOnly: false }, 'capital');
    }
    const surname = foldKey(person.surname);
    if (!NOT_SURNAMES.has(surname) && surname.length >= 2 && foldKey(person.name) !== surname) {
      index.add(person.surname, { type: 'person', person, surnameOnly: true }, 'capital');
      // "al-Assad" is also written "Assad".
      const bare = withoutArabicArticle(person.surname);
      if (bare !== person.surname && bare.length > 2) index.add(bare, { type: 'person', person, surnameOnly: true }, 'capital');
    }
  }
  return people;
}

/** The tenure that covers `date` (YYYY-MM-DD), or null. */
export function tenureAt(person: Person, date: string): Tenure | null {
  for (const t of person.tenures) {
    if (t.start !== '' && t.start > date) continue;
    if (t.end !== null && t.end <= date) continue;
    return t;
  }
  return null;
}

/**
 * The person's actor code on `date`: the covering tenure's code; the country's ELI code after
 * a national tenure ended; null before the first tenure. A person with an undated code (`otherwise`)
 * takes it on every date no tenure covers. Without a date, the latest tenure.
 */
export function codePerson(person: Person, date: string | null): string | null {
  if (person.tenures.length === 0) return person.otherwise ?? null;
  if (date === null) return person.tenures[person.tenures.length - 1].code;
  const current = tenureAt(person, date);
  if (current !== null) return current.code;
  if (person.otherwise !== undefined) return person.otherwise;
  const past = person.tenures.filter((t) => t.end !== null && t.end <= date);
  if (past.length === 0) return null;
  const country = past[past.length - 1].code.slice(0, 3);
  return /^(IGO|NGO|IMG|MNC)$/.test(country) ? null : `${country}ELI`;
}
