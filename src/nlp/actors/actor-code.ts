/**
 * @module nlp/actors/actor-code
 * Turns a Phrase into the coded fields of a Mention: CAMEO code = country (or organization)
 * block + role block. The role is the phrase's last head role ("military court" -> JUD); a
 * seat of power's own role next ("Pentagon spokesman" -> MIL); a weak role ("spokesman",
 * "officials") last. A dictionary person is coded by the article's date (people.ts).
 */
import type { MentionKind } from '../../model/mention.js';
import type { Person } from './lexicon.js';
import type { Phrase } from './phrases.js';
import { surfaceOf } from './phrases.js';
import type { TokenKeys } from './text-key.js';
import { codePerson, tenureAt } from './people.js';

export interface CodedPhrase {
  kind: MentionKind;
  code: string | null;
  country: string | null;
  role: string | null;
  name: string | null;
  affiliation: string | null;
  person: Person | null;
}

/** The role block of a phrase, or null. */
export function phraseRole(p: Phrase): string | null {
  const role = currentRole(p);
  // A former office holder is one of CAMEO's elites (ELI), not the office.
  return p.former && role !== null && STATE_ROLES.has(role) ? 'ELI' : role;
}

const STATE_ROLES = new Set(['GOV', 'MIL', 'LEG', 'JUD', 'COP', 'SPY']);

function currentRole(p: Phrase): string | null {
  let head: string | null = null;
  let weak: string | null = null;
  for (const r of p.roles) {
    if (r.role === null) continue;
    if (r.kind === 'head') head = r.role;
    else if (r.kind === 'weak' || r.kind === 'title') weak = r.role;
  }
  return head ?? p.seatRole ?? weak;
}

/** Chooses among people sharing a name or surname: the one in office on `date`, if only one is. */
export function pickPerson(candidates: Person[], date: string | null): Person | null {
  if (candidates.length === 1) return candidates[0];
  if (date === null) return null;
  const inOffice = candidates.filter((p) => tenureAt(p, date) !== null);
  return inOffice.length === 1 ? inOffice[0] : null;
}

/** CAMEO region blocks: a region has no government ("European leaders" -> EUR). */
export const REGION_BLOCKS = new Set(['EUR', 'LAM', 'WST', 'AFR', 'ASA', 'MEA', 'ARB']);

function join(country: string | null, role: string | null): string | null {
  if (country === null) return null;
  if (role === 'GOV' && REGION_BLOCKS.has(country)) return country;
  return role === null ? country : country + role;
}

/** Codes a phrase; `person` is the already chosen dictionary person, if any. */
/** Weak roles for which a country name before them is a topic, not a membership ("a Russia analyst"). */
const TOPIC_ROLES = new Set(['NGO', 'MED', 'EDU']);

export function codePhrase(p: Phrase, keys: TokenKeys, date: string | null, person: Person | null): CodedPhrase {
  const role = phraseRole(p);
  if (p.countryForm === 'name' && !p.countryPossessive && p.roles.length > 0 && p.org === null &&
      p.roles.every((r) => r.kind !== 'head' && (r.role === null || TOPIC_ROLES.has(r.role)))) {
    p.country = null;
    p.countryName = null;
  }
  const groupRole = p.roles.find((r) => !r.person && r.kind === 'head');
  if (person !== null) {
    let code = codePerson(person, date);
    // The text's own description wins over "not coded" ("Russian President Putin" before his tenure).
    if (code === null && p.country !== null && role !== null) code = p.country + role;
    return {
      kind: 'person', code, country: code && !/^(IGO|NGO|IMG)/.test(code) ? code.slice(0, 3) : null,
      role: code && code.length >= 6 && !/^(IGO|NGO|IMG)/.test(code) ? code.slice(3, 6) : null,
      name: person.name, affiliation: p.org?.name ?? (groupRole ? surfaceOf(keys, p.from, groupRole.to) : null), person,
    };
  }
  if (p.name !== null) {
    const org = p.org;
    const code = org?.code ?? join(p.country, role);
    const affiliation = org?.name ?? p.newOrg?.name ?? (groupRole ? surfaceOf(keys, p.from, groupRole.to) : null);
    return {
      kind: 'person', code, country: org ? org.country : p.country, role: org ? null : role,
      name: surfaceOf(keys, p.name[0], p.name[1]), affiliation, person: null,
    };
  }
  if (p.org !== null) {
    return {
      kind: 'organization', code: p.org.code, country: p.org.country, role: p.org.code ? roleOfCode(p.org.code) : null,
      name: p.org.name, affiliation: null, person: null,
    };
  }
  if (p.newOrg !== null) {
    return {
      kind: 'organization', code: join(p.country, p.newOrg.role), country: p.country, role: p.newOrg.role,
      name: p.newOrg.name, affiliation: null, person: null,
    };
  }
  if (p.roles.length > 0 || p.seatRole !== null) {
    const kind: MentionKind =
      p.roles.length > 0 ? 'group' : p.countryForm === 'seat' ? 'organization' : 'country';
    return {
      kind, code: join(p.country, role), country: p.country, role,
      name: p.countryForm === 'capital' ? p.countryName : surfaceOf(keys, p.from, p.to), affiliation: null, person: null,
    };
  }
  return {
    kind: 'country', code: p.country, country: p.country, role: null, name: p.countryName, affiliation: null, person: null,
  };
}

/** The role block of a full code ("USANGO" -> NGO); null for international codes. */
function roleOfCode(code: string): string | null {
  if (/^(IGO|NGO|IMG|MNC)/.test(code)) return null;
  return code.length >= 6 ? code.slice(3, 6) : null;
}
