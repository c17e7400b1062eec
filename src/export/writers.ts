/**
 * @module export/writers
 * Streaming writers for every export format, shared by `detente events` and the API's downloads:
 * a header (possibly empty), one piece of text per event, and a footer (the JSON array's end).
 */
import type { EventRow } from '../store/store.js';
import { GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, gdeltEventRow, gdeltMentionRow, tsvLine } from './gdelt.js';
import { ICEWS_COLUMNS, icewsRow } from './icews.js';
import { POLECAT_COLUMNS, polecatRow, ploverRecord } from './plover.js';
import { datePrecision } from './precision.js';
import { csvLine, jsonLine } from '../cli/output.js';

export const EXPORT_FORMATS = ['csv', 'jsonl', 'gdelt', 'gdelt-mentions', 'plover', 'plover-json', 'polecat', 'icews'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportWriter {
  header(): string;
  row(event: EventRow): string;
  footer(): string;
  /** The media type of the whole file, for downloads. */
  mediaType: string;
  /** File name ending, for downloads. */
  extension: string;
}

export interface ExportOptions {
  /** Whether rows stand for clusters (ids and counts of the cluster) or single reports. */
  per: 'cluster' | 'report';
}

export const CSV_COLUMNS = [
  'article_id', 'event_id', 'date', 'date_precision', 'date_source', 'code', 'root', 'quad_class', 'goldstein',
  'source_code', 'source_name', 'source_country', 'source_role', 'target_code', 'target_name', 'target_country', 'target_role',
  'modality', 'sentence', 'evidence', 'evidence_start', 'evidence_end', 'location', 'rule', 'article_title', 'article_url',
  'cluster_id', 'cluster_mentions', 'cluster_articles', 'cluster_sources',
];

export function csvRow(e: EventRow): unknown[] {
  return [
    e.article_id, e.id, e.date, datePrecision(e.date), e.date_source, e.code, e.root, e.quad_class, e.goldstein,
    e.source?.code, e.source?.name, e.source?.country, e.source?.role, e.target?.code, e.target?.name, e.target?.country, e.target?.role,
    e.modality, e.sentence, e.evidence.text, e.evidence.start, e.evidence.end, e.location?.name, e.rule, e.article_title, e.article_url,
    e.cluster?.id, e.cluster?.mentions, e.cluster?.articles, e.cluster?.sources,
  ];
}

/** The JSONL record: the stored event as it is, plus its date's precision and its cluster's id. */
export function jsonRecord(e: EventRow): EventRow & { date_precision: string | null; cluster_id: string | null } {
  return { ...e, date_precision: datePrecision(e.date), cluster_id: e.cluster?.id ?? null };
}

const tsvHeader = (columns: readonly string[]) => columns.join('\t') + '\n';

export function exportWriter(format: ExportFormat, options: ExportOptions): ExportWriter {
  const { per } = options;
  const none = () => '';
  switch (format) {
    case 'csv':
      return { header: () => csvLine(CSV_COLUMNS), row: (e) => csvLine(csvRow(e)), footer: none, mediaType: 'text/csv; charset=utf-8', extension: 'csv' };
    case 'jsonl':
      return { header: none, row: (e) => jsonLine(jsonRecord(e)), footer: none, mediaType: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' };
    case 'gdelt':
      // GDELT's files have no header line.
      return { header: none, row: (e) => tsvLine(gdeltEventRow(e, per)), footer: none, mediaType: 'text/tab-separated-values; charset=utf-8', extension: 'export.CSV' };
    case 'gdelt-mentions':
      return { header: none, row: (e) => tsvLine(gdeltMentionRow(e, per)), footer: none, mediaType: 'text/tab-separated-values; charset=utf-8', extension: 'mentions.CSV' };
    case 'plover':
      return { header: none, row: (e) => jsonLine(ploverRecord(e, per)), footer: none, mediaType: 'application/x-ndjson; charset=utf-8', extension: 'plover.jsonl' };
    case 'plover-json': {
      let first = true;
      return {
        header: () => '[\n',
        row: (e) => {
          const text = `${first ? '' : ',\n'}${jsonLine(ploverRecord(e, per)).trimEnd()}`;
          first = false;
          return text;
        },
        footer: () => '\n]\n',
        mediaType: 'application/json; charset=utf-8',
        extension: 'plover.json',
      };
    }
    case 'polecat':
      return { header: () => tsvHeader(POLECAT_COLUMNS), row: (e) => tsvLine(polecatRow(e, per)), footer: none, mediaType: 'text/tab-separated-values; charset=utf-8', extension: 'polecat.tsv' };
    case 'icews':
      return { header: () => tsvHeader(ICEWS_COLUMNS), row: (e) => tsvLine(icewsRow(e, per)), footer: none, mediaType: 'text/tab-separated-values; charset=utf-8', extension: 'icews.tsv' };
  }
}

/** The columns of a tabular format (for tests and documentation); null for JSON formats. */
export function exportColumns(format: ExportFormat): readonly string[] | null {
  switch (format) {
    case 'csv': return CSV_COLUMNS;
    case 'gdelt': return GDELT_EVENT_COLUMNS;
    case 'gdelt-mentions': return GDELT_MENTION_COLUMNS;
    case 'polecat': return POLECAT_COLUMNS;
    case 'icews': return ICEWS_COLUMNS;
    default: return null;
  }
}
