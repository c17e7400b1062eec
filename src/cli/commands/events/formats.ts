/**
 * @module cli/commands/events/formats
 * Renderers for stored events: an aligned table for people, CSV and JSONL for tools, and a
 * GDELT 1.0-style tab-separated layout for scripts written against GDELT event files.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../../model/event.js';
import type { EventRow } from '../../../store/store.js';
import { csvLine, formatGoldstein, formatTable, jsonLine, printable, truncate } from '../../output.js';

export type EventFormat = 'table' | 'csv' | 'jsonl' | 'gdelt';

export interface EventWriter {
  header(): string;
  row(event: EventRow): string;
}

const actorLabel = (a: Actor | null) => (a ? `${a.code}${a.name ? ` (${a.name})` : ''}` : '—');

export const CSV_COLUMNS = [
  'article_id', 'event_id', 'date', 'date_source', 'code', 'root', 'quad_class', 'goldstein',
  'source_code', 'source_name', 'source_country', 'source_role', 'target_code', 'target_name', 'target_country', 'target_role',
  'modality', 'sentence', 'evidence', 'evidence_start', 'evidence_end', 'location', 'rule', 'article_title', 'article_url',
];

function csvRow(e: EventRow): unknown[] {
  return [
    e.article_id, e.id, e.date, e.date_source, e.code, e.root, e.quad_class, e.goldstein,
    e.source?.code, e.source?.name, e.source?.country, e.source?.role, e.target?.code, e.target?.name, e.target?.country, e.target?.role,
    e.modality, e.sentence, e.evidence.text, e.evidence.start, e.evidence.end, e.location?.name, e.rule, e.article_title, e.article_url,
  ];
}

/** The GDELT 1.0 event-table columns Détente can fill, in GDELT's order and spelling. */
export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1Type1Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2Type1Code', 'IsRootEvent', 'EventCode', 'EventBaseCode',
  'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'ActionGeo_FullName', 'ActionGeo_CountryCode',
  'ActionGeo_Lat', 'ActionGeo_Long', 'SOURCEURL',
];

/** Sentences 0–2 hold the headline and lead, GDELT's "root event" paragraph. */
const ROOT_SENTENCES = 3;

/**
 * A stable positive integer id from (article, event): the same stored event always gets the same
 * GLOBALEVENTID. 48 bits of sha1 stay below 2^53, so spreadsheets and JSON keep it exact.
 */
export function globalEventId(articleId: string, eventId: string): number {
  return parseInt(createHash('sha1').update(`${articleId}\u0000${eventId}`).digest('hex').slice(0, 12), 16);
}

/** YYYYMMDD; a month or year precision is padded with 00 rather than invented. */
export function sqlDate(date: string | null): string {
  if (date === null) return '';
  const [y, m = '00', d = '00'] = date.split('-');
  return `${y}${m}${d}`;
}

/** GDELT fields are tab-separated with no quoting: tabs and line breaks inside a value become spaces. */
const tsv = (value: unknown) => (value === null || value === undefined ? '' : printable(String(value)).replace(/[\t\r\n]+/g, ' '));

function gdeltRow(e: EventRow): unknown[] {
  const actor = (a: Actor | null) => [a?.code, a?.name?.toUpperCase(), a?.country, a?.role];
  return [
    globalEventId(e.article_id, e.id), sqlDate(e.date), ...actor(e.source), ...actor(e.target),
    e.sentence < ROOT_SENTENCES ? 1 : 0, e.code, e.code.slice(0, 3), e.root, e.quad_class, e.goldstein,
    e.mentions_of_event?.length ?? 1, e.location?.name, e.location?.country, e.location?.lat, e.location?.lon, e.article_url,
  ];
}

/** A streaming writer for the line formats (the table needs every row first: formatEventTable). */
export function eventWriter(format: Exclude<EventFormat, 'table'>): EventWriter {
  switch (format) {
    case 'jsonl':
      return { header: () => '', row: (e) => jsonLine(e) };
    case 'csv':
      return { header: () => csvLine(CSV_COLUMNS), row: (e) => csvLine(csvRow(e)) };
    case 'gdelt':
      return { header: () => GDELT_COLUMNS.join('\t') + '\n', row: (e) => gdeltRow(e).map(tsv).join('\t') + '\n' };
  }
}

/** All rows at once, so the columns can be aligned. */
export function formatEventTable(events: EventRow[], width: number): string {
  const rows = events.map((e) => [
    e.date ?? '',
    e.code,
    formatGoldstein(e.goldstein),
    `${actorLabel(e.source)} → ${actorLabel(e.target)}`,
    e.modality === 'asserted' ? '' : e.modality,
    e.evidence.text,
  ]);
  const table = formatTable(['date', 'code', 'gold', 'source → target', 'modality', 'evidence'], rows);
  if (width <= 0) return table;
  return table
    .split('\n')
    .map((line) => truncate(line, width))
    .join('\n');
}
