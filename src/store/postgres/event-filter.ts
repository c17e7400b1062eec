/**
 * @module store/postgres/event-filter
 * An EventFilter as a PostgreSQL WHERE clause over `events e`, with the same meaning as the
 * SQLite store's (store/sqlite/event-filter.ts, whose branch planning it shares): countries by
 * equality, code prefixes as half-open ranges on "C"-collated columns, text dates compared on
 * their prefix, evidence words through the tsvector index.
 */
import { UsageError } from '../../errors.js';
import type { EventFilter } from '../store.js';
import { isCountry, type Branch } from '../sqlite/event-filter.js';

/** Numbered parameters ($1, $2 …) collected as a query is built. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const PREFIX_END = '\uffff';

export function codePrefix(column: string, prefix: string, p: Params): string {
  return `(${column} >= ${p.add(prefix)} AND ${column} < ${p.add(prefix + PREFIX_END)})`;
}

function sideMatch(side: 'source' | 'target', value: string, p: Params): string {
  return isCountry(value) ? `e.${side}_country = ${p.add(value)}` : codePrefix(`e.${side}_code`, value, p);
}

/** Date bounds on text dates: `from` inclusive; `to` also takes everything that starts with it. */
export function dateRange(column: string, from: string | undefined, to: string | undefined, p: Params, clauses: string[]): void {
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (value !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
      throw new UsageError(`${name}: expected YYYY, YYYY-MM or YYYY-MM-DD, found "${value}"`);
    }
  }
  if (from !== undefined) clauses.push(`${column} >= ${p.add(from)}`);
  if (to !== undefined) clauses.push(`${column} <> '' AND ${column} < ${p.add(to + PREFIX_END)}`);
}

/** The words of a text query (letters and digits), as FTS5 reads them in the SQLite store; null when there are none. */
export function queryWords(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  return words ? words.join(' ').toLowerCase() : null;
}

/** ILIKE pattern matching values that contain `text` literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE clauses of one query branch (see store/sqlite/event-filter.ts for what a branch is). */
export function eventWhere(filter: EventFilter, branch: Branch, p: Params): string[] {
  const clauses: string[] = [];
  const modality = filter.modality ?? 'asserted';
  if (modality !== 'all') clauses.push(`e.modality = ${p.add(modality)}`);
  if (filter.dyad) {
    const [a, b] = filter.dyad;
    const forward = () => `(${sideMatch('source', a, p)} AND ${sideMatch('target', b, p)})`;
    const backward = () => `(${sideMatch('source', b, p)} AND ${sideMatch('target', a, p)})`;
    if (filter.directed || branch.direction === 'forward') clauses.push(forward());
    else if (branch.direction === 'backward') clauses.push(backward());
    else clauses.push(`(${forward()} OR ${backward()})`);
  }
  const side = branch.side;
  if (filter.actor !== undefined) {
    const actor = filter.actor;
    if (side === 'source') {
      clauses.push(branch.code !== undefined ? `e.source_code = ${p.add(branch.code)}` : codePrefix('e.source_code', actor, p));
    } else if (side === 'target') {
      clauses.push(branch.code !== undefined ? `e.target_code = ${p.add(branch.code)}` : codePrefix('e.target_code', actor, p));
      clauses.push(`(e.source_code IS NULL OR NOT ${codePrefix('e.source_code', actor, p)})`);
    } else {
      clauses.push(`(${codePrefix('e.source_code', actor, p)} OR ${codePrefix('e.target_code', actor, p)})`);
    }
  }
  if (filter.country !== undefined) {
    const countrySide = filter.actor === undefined ? side : 'either';
    if (countrySide === 'source') clauses.push(`e.source_country = ${p.add(filter.country)}`);
    else if (countrySide === 'target') {
      const c = p.add(filter.country);
      clauses.push(`e.target_country = ${c}`, `e.source_country IS DISTINCT FROM ${c}`);
    } else {
      const c = p.add(filter.country);
      clauses.push(`(e.source_country = ${c} OR e.target_country = ${c})`);
    }
  }
  if (filter.source !== undefined) clauses.push(codePrefix('e.source_code', filter.source, p));
  if (filter.target !== undefined) clauses.push(codePrefix('e.target_code', filter.target, p));
  dateRange('e.sort_date', filter.from, filter.to, p, clauses);
  if (filter.root !== undefined) clauses.push(`e.root = ${p.add(filter.root)}`);
  if (filter.code !== undefined) {
    const code = filter.code;
    const column = /^\d+$/.test(code) ? (code.length === 2 ? 'e.root' : code.length === 3 ? 'e.base_code' : code.length === 4 ? 'e.code' : null) : null;
    clauses.push(column === null ? codePrefix('e.code', code, p) : `${column} = ${p.add(code)}`);
  }
  if (filter.quadClass !== undefined) clauses.push(`e.quad_class = ${p.add(filter.quadClass)}`);
  if (filter.articleId !== undefined) clauses.push(`e.article_id = ${p.add(filter.articleId)}`);
  if (filter.text !== undefined) {
    const words = queryWords(filter.text);
    clauses.push(words === null ? 'false' : `e.evidence_words @@ plainto_tsquery('simple', ${p.add(words)})`);
  }
  return clauses;
}

export function whereSql(clauses: string[]): string {
  return clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
}
