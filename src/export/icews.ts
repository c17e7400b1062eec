/**
 * @module export/icews
 * An ICEWS-style TSV: the columns of the ICEWS coded event files, in their order. Détente has no
 * district or province, so those columns stay empty; City is the event's place unless the place is
 * a country. Intensity is the Goldstein value (ICEWS uses the CAMEO intensity scale of the same range).
 */
import type { Actor } from '../model/event.js';
import type { EventRow } from '../store/store.js';
import { actorSectors, fipsTable } from './data-files.js';
import { rowEventId } from './gdelt.js';

export const ICEWS_COLUMNS = [
  'Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code', 'Intensity',
  'Target Name', 'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher',
  'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude',
] as const;

const side = (a: Actor | null) => [a?.name ?? a?.text ?? '', actorSectors(a).join(','), a?.country ?? ''];

export function icewsRow(e: EventRow, per: 'cluster' | 'report'): unknown[] {
  const place = e.location;
  const isCountry = place !== null && fipsTable().countryNames.has(place.name.toLowerCase());
  return [
    rowEventId(e, per), e.date ?? '', ...side(e.source), e.evidence.text, e.code, e.goldstein,
    ...side(e.target), e.article_id, e.sentence + 1, e.article_source ?? '',
    place && !isCountry ? place.name : '', '', '', place?.country ?? '', place?.lat ?? '', place?.lon ?? '',
  ];
}
