/**
 * @module api/render/csv
 * Flat rows to RFC 4180 CSV (CRLF line ends, quotes doubled). Cells that a spreadsheet would
 * run as a formula are prefixed with a quote mark: event evidence is text from the web, and
 * opening an export must not execute it.
 */
import type { Row } from './payload.js';

const FORMULA_START = /^[=+@\t\r]|^-(?!\d)/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of `rows`, with a header line from `columns` (or the first row's keys). */
export function renderCsv(rows: Row[], columns?: string[]): string {
  const header = columns ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const lines = [header.map(cell).join(',')];
  for (const row of rows) lines.push(header.map((name) => cell(row[name])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
