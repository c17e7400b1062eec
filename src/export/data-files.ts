/**
 * @module export/data-files
 * The lookup tables the export formats read from data/ (once per process): FIPS 10-4 country
 * codes for GDELT's geography columns and the CAMEO→PLOVER correspondence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../nlp/actors/tsv.js';

function rows(relative: string): string[][] {
  const path = join(defaultDataDir(), relative);
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l !== '' && !l.startsWith('#'));
  return lines.slice(1).map((l) => l.split('\t'));
}

let fips: { byIso: Map<string, string>; countryNames: Set<string> } | undefined;

/** ISO/CAMEO alpha-3 → FIPS 10-4, and the lower-cased country names of data/geo/iso3-fips.tsv. */
export function fipsTable(): { byIso: Map<string, string>; countryNames: Set<string> } {
  if (!fips) {
    const table = rows('geo/iso3-fips.tsv');
    fips = { byIso: new Map(table.map(([iso, code]) => [iso, code])), countryNames: new Set(table.map((r) => (r[2] ?? '').toLowerCase())) };
  }
  return fips;
}

export interface PloverCategory {
  event: string;
  mode: string;
  context: string;
}

let plover: Map<string, PloverCategory> | undefined;

/** The PLOVER event type, mode and context of a CAMEO code (its own row, else its parent's, else its root's). */
export function ploverCategory(code: string): PloverCategory | null {
  if (!plover) plover = new Map(rows('cameo/cameo-to-plover.tsv').map(([c, event = '', mode = '', context = '']) => [c, { event, mode, context }]));
  for (const key of [code, code.slice(0, 3), code.slice(0, 2)]) {
    const found = plover.get(key);
    if (found) return found;
  }
  return null;
}

let sectors: Map<string, string> | undefined;

/** The sector names of an actor: its role's (data/actors/role-sectors.tsv), IGO/NGO codes included. */
export function actorSectors(actor: { code: string; role: string | null } | null): string[] {
  if (actor === null) return [];
  if (!sectors) sectors = new Map(rows('actors/role-sectors.tsv').map(([role, sector]) => [role, sector]));
  const out: string[] = [];
  for (const role of [actor.role, actor.code.slice(0, 3)]) {
    const sector = role ? sectors.get(role) : undefined;
    if (sector && !out.includes(sector)) out.push(sector);
  }
  return out;
}
