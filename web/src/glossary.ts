/**
 * @module web/glossary
 * What codes mean, from /api/glossary (fetched once): country names, actor codes expanded into
 * country + role or organisation names ("USAELI" → "United States · Elites"), QuadClass and
 * Goldstein explanations. An unreachable glossary leaves codes as they are.
 */
import { api, type Glossary } from './api.js';

export interface Names {
  glossary: Glossary | null;
  countries: Map<string, string>;
  roles: Map<string, string>;
  organizations: Map<string, string>;
  /** ISO numeric code → CAMEO country code (map geometries are keyed by numeric codes). */
  byNumeric: Map<string, string>;
}

let loaded: Promise<Names> | undefined;

export function names(): Promise<Names> {
  loaded ??= api
    .glossary()
    .catch(() => null)
    .then((g) => ({
      glossary: g,
      countries: new Map(g?.countries.map((c) => [c.code, c.name]) ?? []),
      roles: new Map(g?.roles.map((r) => [r.code, r.name]) ?? []),
      organizations: new Map(g?.organizations.map((o) => [o.code, o.name]) ?? []),
      byNumeric: new Map(g?.countries.filter((c) => c.numeric).map((c) => [c.numeric as string, c.code]) ?? []),
    }));
  return loaded;
}

/** "Russia (RUS)", or the code alone when it is not a known country. */
export function countryLabel(code: string, n: Names): string {
  const name = n.countries.get(code);
  return name ? `${name} (${code})` : code;
}

/**
 * An actor code in words: an organisation's name ("IGOWSTNAT" → "NATO"), else the country name
 * and the names of the three-letter role codes after it ("USAELI" → "United States · Elites").
 */
export function expandActor(code: string, n: Names): string {
  const org = n.organizations.get(code);
  if (org) return org;
  const parts: string[] = [];
  let rest = code;
  const country = n.countries.get(code.slice(0, 3));
  if (country) {
    parts.push(country);
    rest = code.slice(3);
  }
  for (let i = 0; i + 3 <= rest.length; i += 3) parts.push(n.roles.get(rest.slice(i, i + 3)) ?? rest.slice(i, i + 3));
  if (rest.length % 3 !== 0) return code;
  return parts.length > 0 ? parts.join(' · ') : code;
}
