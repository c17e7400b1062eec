/**
 * @module nlp/actors/phrases
 * Finds actor phrases in one sentence. Dictionary matches (countries, roles, organizations,
 * people) and runs of capitalized words not in any dictionary are read left to right and
 * grouped by a small grammar:
 *
 *   [modifier|country-adjective|country 's|organization 's]* [role]* [title]* [person|name]?
 *   role ... "of" [the] country|organization            ("the foreign minister of Iran")
 *   envoy|ambassador "to" [the] country|capital         (destination, not the actor's country)
 *   Name... Head                                         (unknown organization: "Kiel Institute")
 *
 * The result is a list of Phrase records; coding them is actor-code.ts's job.
 */
import type { LexEntry, LexMatch, Organization, Person, RoleKind, CountryForm } from './lexicon.js';
import type { TokenKeys } from './text-key.js';

export interface RoleHit {
  role: string | null;
  kind: RoleKind;
  person: boolean;
  from: number;
  to: number;
  /** Country meant when the role word is capitalized and no country is written ("Congress"). */
  defaultCountry: string | null;
}

export interface Phrase {
  /** Token range [from, to) of the mention. */
  from: number;
  to: number;
  country: string | null;
  countryName: string | null;
  countryForm: CountryForm | null;
  /** Role that a seat of power carries ("the Pentagon" -> MIL). */
  seatRole: string | null;
  org: Organization | null;
  /** An organization named in the text but not in the dictionary ("the Kiel Institute"). */
  newOrg: { name: string; role: string } | null;
  roles: RoleHit[];
  person: Person[] | null;
  surnameOnly: boolean;
  /** Token range of a capitalized name not in the dictionary. */
  name: [number, number] | null;
  /** True when the phrase was built only from one capital or country name (its use decides). */
  bare: boolean;
  /** "former", "ex-": the role is no longer held (coded ELI, CAMEO's elite/former official). */
  former: boolean;
  /** The country was written with a possessive ("Russia's"). */
  countryPossessive: boolean;
  /** A country backs the group ("pro-Russian", "U.S.-backed"): it is not the group's own. */
  backed: boolean;
}

/** What each token position holds: a dictionary match, part of a capitalized name, or a plain word. */
export type Unit =
  | { type: 'lex'; from: number; to: number; entries: LexEntry[] }
  | { type: 'name'; from: number; to: number }
  | { type: 'word'; from: number; to: number };

export interface SentenceView {
  keys: TokenKeys;
  pos: string[];
  units: Unit[];
  orgHeads: Map<string, string>;
}

const DETERMINERS = new Set(['the', 'a', 'an']);
const NAME_CONNECTORS = new Set(['of', 'for', 'and', 'on', 'de', 'al', 'bin', 'van', 'von', 'der', 'la', 'le', 'da', 'di', 'du', 'el']);

/** Splits a sentence's tokens into units; `matchAt` gives the longest dictionary match at a token. */
export function readUnits(
  keys: TokenKeys,
  pos: string[],
  from: number,
  to: number,
  matchAt: (i: number) => LexMatch | null,
  isNameToken: (i: number) => boolean,
  givenName: (i: number) => boolean = () => false,
): Unit[] {
  const units: Unit[] = [];
  // A name run looks one token ahead; remember each lookup so no token is matched twice.
  let memoAt = -1;
  let memo: LexMatch | null = null;
  const matchOnce = (j: number) => {
    if (j !== memoAt) {
      memoAt = j;
      memo = matchAt(j);
    }
    return memo;
  };
  let i = from;
  while (i < to) {
    const m = matchOnce(i);
    // "Pieter Maas" when only Heiko Maas is known: a full name whose first name is not the known
    // person's is someone else, an unknown person (the tagger may miss the first name at the start).
    const prev = units[units.length - 1];
    if (m !== null && onlySurnames(m) && prev !== undefined && prev.type === 'word' && prev.to === i && keys.spaceAfter[i - 1] && givenName(i - 1)) {
      units[units.length - 1] = { type: 'name', from: prev.from, to: m.to };
      i = m.to;
      continue;
    }
    // "Yoon Ha-eun" when only Yoon Suk Yeol is known: a known surname first, then a given name
    // the dictionary does not hold, is someone else too (East Asian names put the surname first).
    if (m !== null && onlySurnames(m) && m.to < to && keys.spaceAfter[m.to - 1] && isNameToken(m.to) && matchOnce(m.to) === null && givenName(m.to)) {
      let j = m.to + 1;
      while (j < to && isNameToken(j) && !keys.spaceAfter[j - 1]) j++;
      units.push({ type: 'name', from: i, to: j });
      i = j;
      continue;
    }
    if (m !== null) {
      units.push({ type: 'lex', from: m.from, to: m.to, entries: m.entries });
      i = m.to;
      continue;
    }
    // A name starts with a capitalized word, never with a particle or hyphen ("al-Tanf" -> "Tanf").
    if (keys.capital[i] && isNameToken(i)) {
      let j = i + 1;
      // A surname in the dictionary does not cut an unknown full name short ("Bashar al-Jaafari"
      // when only some other "Jaafari" is known); any other dictionary word does.
      while (j < to && isNameToken(j) && (matchOnce(j) === null || onlySurnames(matchOnce(j)!))) {
        j = Math.max(j + 1, matchOnce(j)?.to ?? j + 1);
      }
      units.push({ type: 'name', from: i, to: j });
      i = j;
      continue;
    }
    units.push({ type: 'word', from: i, to: i + 1 });
    i += 1;
  }
  return units;
}

function onlySurnames(m: LexMatch): boolean {
  return m.entries.every((e) => e.type === 'person' && e.surnameOnly);
}

function entry<T extends LexEntry['type']>(u: Unit | undefined, type: T): Extract<LexEntry, { type: T }> | undefined {
  if (u === undefined || u.type !== 'lex') return undefined;
  return u.entries.find((e) => e.type === type) as Extract<LexEntry, { type: T }> | undefined;
}

function isPossessive(view: SentenceView, u: Unit | undefined): boolean {
  return u !== undefined && u.type === 'word' && (view.keys.key[u.from] === "'s" || view.keys.key[u.from] === "'");
}

function emptyPhrase(from: number): Phrase {
  return {
    from, to: from, country: null, countryName: null, countryForm: null, seatRole: null, org: null, newOrg: null,
    roles: [], person: null, surnameOnly: false, name: null, bare: false, former: false, countryPossessive: false, backed: false,
  };
}

/** Reads every actor phrase of one sentence's units. */
export function readPhrases(view: SentenceView): Phrase[] {
  const phrases: Phrase[] = [];
  const { units } = view;
  let k = 0;
  while (k < units.length) {
    const read = readPhrase(view, k);
    if (read === null) {
      k += 1;
      continue;
    }
    phrases.push(read.phrase);
    k = read.next;
  }
  return phrases;
}

/** Tries to read a phrase starting at unit k; returns it and the next unit index. */
function readPhrase(view: SentenceView, start: number): { phrase: Phrase; next: number } | null {
  const { units, keys } = view;
  const p = emptyPhrase(units[start].from);
  let k = start;
  let pendingModifiers = 0;
  let sawHead = false;
  while (k < units.length) {
    const u = units[k];
    const person = u.type === 'lex' ? u.entries.filter((e) => e.type === 'person') : [];
    const org = entry(u, 'org');
    const country = entry(u, 'country');
    const role = entry(u, 'role');
    if (person.length > 0 && !person.every((e) => e.type === 'person' && e.surnameOnly && (org || country))) {
      p.person = [...new Set(person.map((e) => (e as Extract<LexEntry, { type: 'person' }>).person))];
      p.surnameOnly = person.every((e) => (e as Extract<LexEntry, { type: 'person' }>).surnameOnly);
      p.to = u.to;
      k += 1;
      break;
    }
    if (org) {
      if (p.org !== null || p.person !== null || sawHead) break;
      p.org = org.org;
      p.to = u.to;
      k += 1;
      if (isPossessive(view, units[k])) k += 1;
      continue;
    }
    if (country) {
      // "the US Treasury": a country and its own seat of power are one phrase.
      if (p.country === country.country && country.form === 'seat' && !sawHead && p.org === null && !p.countryPossessive) {
        p.seatRole = country.role;
        p.countryForm = 'seat';
        p.to = u.to;
        k += 1;
        continue;
      }
      if (p.country !== null || sawHead || p.org !== null) break;
      // "pro-Russian separatists", "Iranian-backed militias": the country backs the group, it is
      // not the group's own country. Skip it and read the rest of the phrase without it.
      if (backsRatherThanOwns(view, u)) {
        p.backed = true;
        k += u.to < keys.key.length && keys.key[u.to] === '-' ? 3 : 1;
        if (p.to <= p.from) {
          p.from = view.units[k]?.from ?? u.to;
          p.to = p.from;
        }
        continue;
      }
      p.country = country.country;
      p.countryName = country.name;
      p.countryForm = country.form;
      p.seatRole = country.role;
      p.to = u.to;
      k += 1;
      if (isPossessive(view, units[k])) {
        p.countryPossessive = true;
        k += 1;
      }
      continue;
    }
    // "French rail workers", "Russian border-guard ships": a lower-case noun between a country
    // and its role word qualifies the role.
    if (!role && !org && !country && person.length === 0 && u.type === 'word' && p.country !== null && !sawHead && p.roles.length === 0 &&
        view.pos[u.from] === 'NOUN' && !keys.capital[u.from] && entry(units[k + 1], 'role') !== undefined && entry(units[k + 1], 'role')!.kind !== 'title') {
      pendingModifiers += 1;
      k += 1;
      continue;
    }
    if (role) {
      if (role.kind === 'modifier') {
        if (keys.key[u.from] === 'former' || keys.key[u.from] === 'ex') p.former = true;
        pendingModifiers += 1;
        k += 1;
        continue;
      }
      if (role.kind === 'title') {
        const next = units[k + 1];
        if (next === undefined || !(next.type === 'name' || entry(next, 'person'))) break;
      }
      p.roles.push({
        role: role.role, kind: role.kind, person: role.person, from: u.from, to: u.to,
        defaultCountry: keys.capital[u.from] ? role.defaultCountry : null,
      });
      sawHead = true;
      pendingModifiers = 0;
      p.to = u.to;
      k += 1;
      continue;
    }
    if (u.type === 'name') {
      // Capitalized words with an organization head: a new organization ("Hamilton Centre for
      // Security Studies", "Kyiv Post" after the capital Kyiv).
      // "Kyiv Post" (a country word, then the head), "Venezuela's National Assembly" (a
      // possessive country, modifiers, then the head).
      const afterCountry = p.country !== null && p.roles.length === 0 && p.org === null && (k === start + 1 || p.countryPossessive);
      let head = orgHeadIn(view, u.from, u.to, afterCountry);
      let last = k;
      // "Hong Kong Polytechnic University", "the Democratic Progressive party": the head word
      // right after the name (a role word in the dictionary, or written in lower case).
      const headUnit = units[k + 1];
      if (head === null && headUnit !== undefined && headUnit.to - headUnit.from === 1 && keys.spaceAfter[u.to - 1]) {
        const following = view.orgHeads.get(keys.surface[headUnit.from]) ?? view.orgHeads.get(capitalize(keys.key[headUnit.from]));
        if (following !== undefined && headUnit.type !== 'name') {
          head = following;
          last = k + 1;
        }
      }
      // "Centre for Euro-Atlantic Studies": a head word opening the name, then "for|of|on Name".
      if (head === null && u.to - u.from === 1 && orgNameEnd(view, k) > k + 1) {
        head = view.orgHeads.get(keys.surface[u.from]) ?? null;
      }
      if (head !== null) {
        const end = orgNameEnd(view, last);
        const from = p.country !== null && k === start + 1 ? p.from : afterCountry && p.countryPossessive ? units[k - pendingModifiers].from : u.from;
        p.newOrg = { name: surfaceOf(keys, from, units[end - 1].to), role: head };
        p.to = units[end - 1].to;
        k = end;
        break;
      }
      // "Pacific Security Council": a known organization's name inside a longer name.
      const after = units[k + 1];
      const known = entry(after, 'org');
      if (known && known.org.kind !== 'meeting' && keys.spaceAfter[u.to - 1] && keys.capital[after.from]) {
        p.newOrg = { name: surfaceOf(keys, u.from, after.to), role: view.orgHeads.get(keys.surface[after.to - 1]) ?? 'NGO' };
        p.to = after.to;
        k += 2;
        break;
      }
      // "the German think tank SWP": a name right after a word for an institution names it.
      const lastRole = p.roles[p.roles.length - 1];
      if (lastRole !== undefined && !lastRole.person && lastRole.kind === 'head' && lastRole.role !== null) {
        // "US Forces Korea" is one proper name; "the think tank SWP" names only SWP.
        const proper = allCapitalized(keys, p.from, u.to);
        p.newOrg = { name: surfaceOf(keys, proper ? p.from : u.from, u.to), role: lastRole.role };
        p.roles.pop();
      } else {
        p.name = [u.from, u.to];
      }
      p.to = u.to;
      k += 1;
      break;
    }
    break;
  }
  if (p.to <= p.from) return null;
  if (pendingModifiers > 0 && k > start) k -= pendingModifiers;
  // "Tokyo Institute for Strategic Studies": a capitalized head role word continued by
  // "for|of|on Name" is the name of an organization, not a role.
  const lastRole = p.roles[p.roles.length - 1];
  if (lastRole !== undefined && p.newOrg === null && p.person === null && p.name === null && lastRole.to === p.to && keys.capital[lastRole.from]) {
    const head = view.orgHeads.get(keys.surface[lastRole.to - 1]);
    const end = head === undefined ? k : orgNameEnd(view, k - 1);
    if (head !== undefined && end > k) {
      p.newOrg = { name: surfaceOf(keys, p.from, units[end - 1].to), role: head };
      p.roles.pop();
      p.to = units[end - 1].to;
      k = end;
    }
  }
  // "the foreign minister of Iran": a role without a country takes the country or organization after "of".
  if (p.roles.length > 0 && p.country === null && p.org === null && p.person === null && p.name === null) {
    k = readOfComplement(view, k, p);
  }
  // "the American ambassador to Moscow": the destination belongs to the phrase but does not code it.
  const last = p.roles[p.roles.length - 1];
  if (last !== undefined && last.person && p.name === null && p.person === null) {
    k = readDestination(view, k, p);
    // "China's ambassador to Britain Liu Xiaoming": the name after the destination is the person.
    const after = units[k];
    if (after !== undefined && p.to > last.to) {
      const known = after.type === 'lex' ? after.entries.filter((e) => e.type === 'person') : [];
      if (after.type === 'name') {
        p.name = [after.from, after.to];
        p.to = after.to;
        k += 1;
      } else if (known.length > 0) {
        p.person = [...new Set(known.map((e) => (e as Extract<LexEntry, { type: 'person' }>).person))];
        p.surnameOnly = known.every((e) => (e as Extract<LexEntry, { type: 'person' }>).surnameOnly);
        p.to = after.to;
        k += 1;
      }
    }
  }
  p.bare = p.roles.length === 0 && p.org === null && p.person === null && p.name === null && p.newOrg === null && p.country !== null;
  return { phrase: p, next: k };
}

function skipDeterminer(view: SentenceView, k: number): number {
  const u = view.units[k];
  return u !== undefined && u.type === 'word' && DETERMINERS.has(view.keys.key[u.from]) ? k + 1 : k;
}

function readOfComplement(view: SentenceView, k: number, p: Phrase): number {
  const u = view.units[k];
  if (u === undefined || u.type !== 'word' || (view.keys.key[u.from] !== 'of' && view.keys.key[u.from] !== 'from')) return k;
  const from = view.keys.key[u.from] === 'from';
  const j = skipDeterminer(view, k + 1);
  const target = view.units[j];
  // "inspectors from the OPCW" belong to it; "negotiators from Russia" are only said to come from there.
  const country = from ? undefined : entry(target, 'country');
  const org = entry(target, 'org');
  if (from && (org === undefined || org.org.kind === 'meeting')) return k;
  if (country) {
    p.country = country.country;
    p.countryName = country.name;
    p.countryForm = country.form;
    p.to = target.to;
    return j + 1;
  }
  if (org) {
    p.org = org.org;
    p.to = target.to;
    return j + 1;
  }
  return k;
}

function readDestination(view: SentenceView, k: number, p: Phrase): number {
  const u = view.units[k];
  if (u === undefined || u.type !== 'word' || view.keys.key[u.from] !== 'to') return k;
  const j = skipDeterminer(view, k + 1);
  const target = view.units[j];
  if (entry(target, 'country') || entry(target, 'org')) {
    p.to = target.to;
    return j + 1;
  }
  return k;
}

const BACKING_WORDS = new Set(['backed', 'supported', 'sponsored', 'funded', 'allied', 'aligned', 'leaning', 'controlled', 'friendly', 'trained', 'armed']);

/** True for the country in "pro-Russian", "anti-American" or "Iranian-backed". */
function backsRatherThanOwns(view: SentenceView, u: Unit): boolean {
  const { keys } = view;
  const glued = (i: number) => i > 0 && !keys.spaceAfter[i - 1];
  if (u.from >= 2 && keys.key[u.from - 1] === '-' && glued(u.from) && glued(u.from - 1) && (keys.key[u.from - 2] === 'pro' || keys.key[u.from - 2] === 'anti')) return true;
  return u.to + 1 < keys.key.length && keys.key[u.to] === '-' && glued(u.to) && glued(u.to + 1) && BACKING_WORDS.has(keys.key[u.to + 1]);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function allCapitalized(keys: TokenKeys, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!keys.capital[i]) return false;
  return true;
}

/** Role of the first organization head word in tokens [from, to) (not the first word unless allowed). */
function orgHeadIn(view: SentenceView, from: number, to: number, firstAllowed: boolean): string | null {
  for (let i = firstAllowed ? from : from + 1; i < to; i++) {
    const role = view.orgHeads.get(view.keys.surface[i]);
    if (role !== undefined) return role;
  }
  return null;
}

/** Unit index after an organization's name: takes "for|of|on [the] Name" continuations. */
function orgNameEnd(view: SentenceView, k: number): number {
  let end = k + 1;
  for (;;) {
    const link = view.units[end];
    // "Institute for Maritime and Air Power": "and" joins names only after a "for|of|on".
    const words = end > k + 1 ? ['for', 'of', 'on', 'and'] : ['for', 'of', 'on'];
    if (link === undefined || link.type !== 'word' || !words.includes(view.keys.key[link.from])) return end;
    const j = skipDeterminer(view, end + 1);
    const next = view.units[j];
    if (next === undefined || next.type !== 'name') return end;
    end = j + 1;
  }
}

export function surfaceOf(keys: TokenKeys, from: number, to: number): string {
  let s = keys.surface[from];
  for (let i = from + 1; i < to; i++) s += (keys.spaceAfter[i - 1] ? ' ' : '') + keys.surface[i];
  return s;
}

export { NAME_CONNECTORS };
