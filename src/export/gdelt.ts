/**
 * @module export/gdelt
 * GDELT 2.0 files: the Events table (61 tab-separated columns, no header) and the Mentions table
 * (16 columns), column for column in the order of GDELT's 2.0 codebooks.
 *
 * Dates: SQLDATE is YYYYMMDD. GDELT has no precision column, so a month-precision date is written
 * as the month's first day (2017-07 → 20170701) and a year as its first day (2017 → 20170101);
 * MonthYear and Year are exact, and the CSV/JSONL exports keep `date_precision`. An undated event
 * has empty date columns. DATEADDED is the first report's publication date at 000000.
 *
 * Counts: per cluster, NumMentions / NumSources / NumArticles are the cluster's; per report,
 * those of the report's cluster too (what GDELT says about the event the row reports).
 */
import { createHash } from 'node:crypto';
import type { Actor, EventLocation } from '../model/event.js';
import type { EventRow } from '../store/store.js';
import { fipsTable } from './data-files.js';
import { printable } from '../cli/output.js';

/** The GDELT 2.0 Event table columns, in the codebook's order. */
export const GDELT_EVENT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode', 'Actor1Religion1Code', 'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code', 'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode', 'Actor2Religion1Code', 'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code', 'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code', 'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_FullName', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code', 'Actor2Geo_ADM2Code', 'Actor2Geo_Lat', 'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code', 'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID',
  'DATEADDED', 'SOURCEURL',
] as const;

/** The GDELT 2.0 Mentions table columns, in the codebook's order. */
export const GDELT_MENTION_COLUMNS = [
  'GLOBALEVENTID', 'EventTimeDate', 'MentionTimeDate', 'MentionType', 'MentionSourceName', 'MentionIdentifier', 'SentenceID',
  'Actor1CharOffset', 'Actor2CharOffset', 'ActionCharOffset', 'InRawText', 'Confidence', 'MentionDocLen', 'MentionDocTone',
  'MentionDocTranslationInfo', 'Extras',
] as const;

/** GDELT's geographic resolution codes. */
export const GDELT_GEO_TYPE = { none: 0, country: 1, usState: 2, usCity: 3, worldCity: 4, worldState: 5 } as const;

/**
 * A stable positive integer id below 2^53 (spreadsheets and JSON keep it exact) from a string:
 * a cluster id, or an article and event id.
 */
export function numericId(key: string): number {
  return parseInt(createHash('sha1').update(key).digest('hex').slice(0, 12), 16);
}

/** The id of one report (per-report rows), as earlier Détente versions gave it. */
export function globalEventId(articleId: string, eventId: string): number {
  return numericId(`${articleId}\u0000${eventId}`);
}

/** The GLOBALEVENTID of a row: its cluster's when counting per cluster, its own per report. */
export function rowEventId(e: EventRow, per: 'cluster' | 'report'): number {
  return per === 'cluster' && e.cluster ? numericId(e.cluster.id) : globalEventId(e.article_id, e.id);
}

/** YYYYMMDD; month and year precision take the period's first day (see the module comment). */
export function sqlDate(date: string | null): string {
  if (date === null) return '';
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}${m}${d}`;
}

/** GDELT's FractionDate: the year plus the elapsed fraction of it, four decimals. */
export function fractionDate(date: string | null): string {
  if (date === null) return '';
  const day = sqlDate(date);
  const start = Date.UTC(Number(day.slice(0, 4)), 0, 1);
  const at = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)));
  return (Number(day.slice(0, 4)) + (at - start) / (365 * 86_400_000)).toFixed(4);
}

/** Sentences 0–2 hold the headline and lead, GDELT's "root event" paragraph. */
const ROOT_SENTENCES = 3;

/** The actor columns: code, name, country, known group, ethnic, religion ×2, type ×3. */
function actorColumns(a: Actor | null): unknown[] {
  if (a === null) return ['', '', '', '', '', '', '', '', '', ''];
  const group = /^(IGO|NGO)/.test(a.code) ? a.code.slice(3, 6) : '';
  return [a.code, a.name?.toUpperCase() ?? a.text.toUpperCase(), a.country ?? '', group, '', '', '', a.role ?? '', '', ''];
}

/** A location's GDELT geography columns: type, full name, FIPS country, ADM1, ADM2, lat, long, feature id. */
export function geoColumns(location: EventLocation | null): unknown[] {
  if (location === null) return [GDELT_GEO_TYPE.none, '', '', '', '', '', '', ''];
  const { byIso, countryNames } = fipsTable();
  const fips = location.country ? byIso.get(location.country) ?? '' : '';
  const isCountry = countryNames.has(location.name.toLowerCase());
  if (isCountry) return [GDELT_GEO_TYPE.country, location.name, fips, fips, '', location.lat ?? '', location.lon ?? '', fips];
  const type = location.country === 'USA' ? GDELT_GEO_TYPE.usCity : GDELT_GEO_TYPE.worldCity;
  return [type, location.name, fips, '', '', location.lat ?? '', location.lon ?? '', ''];
}

/** One Events row. Per cluster, the representative code, date and place are the cluster's. */
export function gdeltEventRow(e: EventRow, per: 'cluster' | 'report'): unknown[] {
  const c = per === 'cluster' ? e.cluster ?? null : null;
  const code = c?.code ?? e.code;
  const date = c ? c.date : e.date;
  const location = c ? c.location : e.location;
  const published = (e.article_published ?? '').replace(/-/g, '');
  return [
    rowEventId(e, per), sqlDate(date), date === null ? '' : sqlDate(date).slice(0, 6), date === null ? '' : date.slice(0, 4), fractionDate(date),
    ...actorColumns(e.source), ...actorColumns(e.target),
    e.sentence < ROOT_SENTENCES ? 1 : 0, code, code.slice(0, 3), code.slice(0, 2), e.quad_class, e.goldstein,
    e.cluster?.mentions ?? Math.max(1, e.mentions_of_event?.length ?? 1), e.cluster?.sources ?? 1, e.cluster?.articles ?? 1, '',
    ...geoColumns(null), ...geoColumns(null), ...geoColumns(location),
    published.length === 8 ? `${published}000000` : '', e.article_url ?? '',
  ];
}

/**
 * How complete a report is, 0–100, for GDELT's Confidence: both actors, a date the text gives and a
 * place each add to it. (GDELT's own figure measures its parser; Détente's coder gives none.)
 */
export function reportConfidence(e: EventRow): number {
  let score = 40;
  if (e.source !== null) score += 20;
  if (e.target !== null) score += 20;
  if (e.date_source === 'text') score += 10;
  if (e.location !== null) score += 10;
  return score;
}

/** The host of a URL, or '' when there is none or it does not parse. */
function hostOf(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** One Mentions row: the report itself, pointing at its event (cluster) id. */
export function gdeltMentionRow(e: EventRow, per: 'cluster' | 'report'): unknown[] {
  const published = (e.article_published ?? '').replace(/-/g, '');
  const eventDate = e.cluster?.date ?? e.date;
  return [
    rowEventId(e, per), eventDate === null ? '' : `${sqlDate(eventDate)}000000`, published.length === 8 ? `${published}000000` : '',
    e.article_url ? 1 : 2, e.article_source ?? hostOf(e.article_url), e.article_url ?? e.article_id,
    e.sentence + 1, e.source?.start ?? -1, e.target?.start ?? -1, e.evidence.start, 1, reportConfidence(e), '', '', '', '',
  ];
}

/** GDELT fields are tab-separated with no quoting: tabs and line breaks inside a value become spaces. */
export const tsvField = (value: unknown) => (value === null || value === undefined ? '' : printable(String(value)).replace(/[\t\r\n]+/g, ' '));
export const tsvLine = (values: unknown[]) => values.map(tsvField).join('\t') + '\n';
