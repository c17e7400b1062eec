/**
 * @module cli/commands/events/formats
 * Output of `detente events`: an aligned table for people, and every export format of
 * src/export/ (CSV, JSONL, GDELT 2.0 events and mentions, PLOVER JSON/JSONL, POLECAT-like and
 * ICEWS-style TSV) for tools.
 */
import type { Actor } from '../../../model/event.js';
import type { EventRow } from '../../../store/store.js';
import { formatGoldstein, formatTable, truncate } from '../../output.js';

export { CSV_COLUMNS, EXPORT_FORMATS, exportWriter, type ExportFormat } from '../../../export/writers.js';
export { GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, globalEventId, sqlDate } from '../../../export/gdelt.js';

export type EventFormat = 'table' | import('../../../export/writers.js').ExportFormat;

const actorLabel = (a: Actor | null) => (a ? `${a.code}${a.name ? ` (${a.name})` : ''}` : '—');

/** All rows at once, so the columns can be aligned. */
export function formatEventTable(events: EventRow[], width: number): string {
  const rows = events.map((e) => [
    e.date ?? '',
    e.code,
    formatGoldstein(e.goldstein),
    `${actorLabel(e.source)} → ${actorLabel(e.target)}`,
    e.modality === 'asserted' ? '' : e.modality,
    e.cluster && e.cluster.articles > 1 ? `${e.cluster.articles}` : '',
    e.evidence.text,
  ]);
  const table = formatTable(['date', 'code', 'gold', 'source → target', 'modality', 'reports', 'evidence'], rows);
  if (width <= 0) return table;
  return table
    .split('\n')
    .map((line) => truncate(line, width))
    .join('\n');
}
