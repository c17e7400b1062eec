/**
 * @module store/sqlite/event-filter
 * Turns an EventFilter into a SQL WHERE clause over `events e`, written so that SQLite can use
 * the indexes of migration 1: equality on countries, half-open ranges for code prefixes
 * (`code >= 'USA' AND code < 'USA\uffff'` rather than LIKE, which would ignore the index),
 * and text comparison on `sort_date` for date ranges.
 */
import { UsageError } from '../../errors.js';
import type { EventFilter } from '../store.js';

export interface Where {
  clauses: string[];
  params: unknown[];
}

/** The highest UTF-16 code unit: appended to a prefix it bounds every string that starts with it. */
const PREFIX_END = '\uffff';

/** A 3-letter upper-case value names a country; anything else is a code prefix. */
export function isCountry(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}

/** A 3-letter value is a country (matched on the country column); anything longer is a code prefix. */
export function sideMatch(side: 'source' | 'target', value: string, where: Where): string {
  if (isCountry(value)) {
    where.params.push(value);
    return `e.${side}_country = ?`;
  }
  return codePrefix(`e.${side}_code`, value, where);
}

export function codePrefix(column: string, prefix: string, where: Where): string {
  where.params.push(prefix, prefix + PREFIX_END);
  return `(${column} >= ? AND ${column} < ?)`;
}

/** Date bounds on text dates: `from` inclusive; `to` also takes everything that starts with it. */
export function dateRange(column: string, from: string | undefined, to: string | undefined, where: Where): void {
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (value !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
      throw new UsageError(`${name}: expected YYYY, YYYY-MM or YYYY-MM-DD, found "${value}"`);
    }
  }
  if (from !== undefined) {
    where.clauses.push(`${column} >= ?`);
    where.params.push(from);
  }
  if (to !== undefined) {
    where.clauses.push(`${column} <> '' AND ${column} < ?`);
    where.params.push(to + PREFIX_END);
  }
}

/** A LIKE pattern (with ESCAPE '\\') matching values that contain `text` literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Quotes each word so user text cannot be read as FTS5 query syntax; words are ANDed. */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((w) => `"${w}"`).join(' ');
}

/**
 * Which direction of a dyad a query branch covers. A non-directed dyad is queried as two
 * branches (a→b and b→a), each able to walk its own index in date order, then merged: one
 * `(a→b OR b→a)` clause would make SQLite sort every matching row of a busy dyad.
 */
export type DyadDirection = 'both' | 'forward' | 'backward';

/** The branches a filter needs: two for a non-directed dyad of two different sides, else one. */
export function dyadBranches(filter: { dyad?: [string, string]; directed?: boolean }): DyadDirection[] {
  if (!filter.dyad || filter.directed) return ['both'];
  return filter.dyad[0] === filter.dyad[1] ? ['forward'] : ['forward', 'backward'];
}

/**
 * Which side an actor or country filter ("source or target") covers in a query branch. As for
 * a dyad, `(source = X OR target = X)` makes SQLite collect and sort every match; two branches
 * (source = X; target = X and source ≠ X, so that no event is counted twice) each walk an
 * index newest first and stop after one page.
 */
export type Side = 'either' | 'source' | 'target';

export interface Branch {
  direction: DyadDirection;
  side: Side;
  /** One full actor code on that side (equality, so the branch walks (code, sort_date) in order) instead of the prefix range. */
  code?: string;
}

/**
 * Every combination of dyad direction and actor/country side a filter needs. `actorCodes`, when
 * given, lists the stored codes under the actor prefix on each side: one branch per code.
 */
export function eventBranches(filter: EventFilter, actorCodes?: { source: string[]; target: string[] }): Branch[] {
  if (!splitsSides(filter)) return dyadBranches(filter).map((direction) => ({ direction, side: 'either' }));
  const sides: { side: Side; code?: string }[] =
    filter.actor !== undefined && actorCodes
      ? [...actorCodes.source.map((code) => ({ side: 'source' as const, code })), ...actorCodes.target.map((code) => ({ side: 'target' as const, code }))]
      : filter.actor !== undefined || filter.country !== undefined
        ? [{ side: 'source' }, { side: 'target' }]
        : [{ side: 'either' }];
  return dyadBranches(filter).flatMap((direction) => sides.map((s) => ({ direction, ...s })));
}

/**
 * Whether the actor or country filter is split into a source and a target branch: only when no
 * other filter can drive the query through its own date-ordered index (dyad, root, code, source,
 * target, article). With one, both branches would walk that same index, each for the rarer
 * one-sided matches: several times the rows of one walk testing `source OR target`.
 */
export function splitsSides(filter: EventFilter): boolean {
  if (filter.actor === undefined && filter.country === undefined) return false;
  return [filter.dyad, filter.root, filter.code, filter.source, filter.target, filter.articleId].every((f) => f === undefined);
}

export interface WhereOptions {
  /** An actor code for the branch's side (see Branch.code). */
  code?: string;
  /**
   * The evidence words match many events: test each candidate row against the match list
   * (`+rowid`, so SQLite does not drive the query from it) while an index walks in date order,
   * instead of reading every matching row and sorting them.
   */
  textFilters?: boolean;
}

/** CAMEO code prefix: equality on the root, base or full code where the length allows (indexed in date order). */
function codeFilter(code: string, where: Where): string {
  const column = code.length === 2 ? 'e.root' : code.length === 3 ? 'e.base_code' : code.length === 4 ? 'e.code' : null;
  if (column === null) return codePrefix('e.code', code, where);
  where.params.push(code);
  return `${column} = ?`;
}

export function buildEventWhere(filter: EventFilter, direction: DyadDirection = 'both', side: Side = 'either', options: WhereOptions = {}): Where {
  const where: Where = { clauses: [], params: [] };
  const modality = filter.modality ?? 'asserted';
  if (modality !== 'all') {
    // With evidence words as a filter, the modality must not lead SQLite into skip-scanning
    // an index that starts with the countries (and then sorting every match).
    where.clauses.push(`${options.textFilters ? '+' : ''}e.modality = ?`);
    where.params.push(modality);
  }
  if (filter.dyad) {
    const [a, b] = filter.dyad;
    if (filter.directed || direction === 'forward') {
      where.clauses.push(`(${sideMatch('source', a, where)} AND ${sideMatch('target', b, where)})`);
    } else if (direction === 'backward') {
      where.clauses.push(`(${sideMatch('source', b, where)} AND ${sideMatch('target', a, where)})`);
    } else {
      const forward = `(${sideMatch('source', a, where)} AND ${sideMatch('target', b, where)})`;
      const backward = `(${sideMatch('source', b, where)} AND ${sideMatch('target', a, where)})`;
      where.clauses.push(`(${forward} OR ${backward})`);
    }
  }
  // The side split goes to the actor filter when there is one, else to the country filter.
  const actorSide = filter.actor !== undefined ? side : 'either';
  const countrySide = filter.actor === undefined ? side : 'either';
  if (filter.actor !== undefined) {
    const equal = (column: string, code: string) => {
      where.params.push(code);
      return `${column} = ?`;
    };
    if (actorSide === 'source') {
      where.clauses.push(options.code !== undefined ? equal('e.source_code', options.code) : codePrefix('e.source_code', filter.actor, where));
    } else if (actorSide === 'target') {
      const t = options.code !== undefined ? equal('e.target_code', options.code) : codePrefix('e.target_code', filter.actor, where);
      const s = codePrefix('e.source_code', filter.actor, where);
      where.clauses.push(t, `(e.source_code IS NULL OR NOT ${s})`);
    } else {
      const s = codePrefix('e.source_code', filter.actor, where);
      const t = codePrefix('e.target_code', filter.actor, where);
      where.clauses.push(`(${s} OR ${t})`);
    }
  }
  if (filter.country !== undefined) {
    if (countrySide === 'source') {
      where.clauses.push('e.source_country = ?');
      where.params.push(filter.country);
    } else if (countrySide === 'target') {
      where.clauses.push('e.target_country = ?', 'e.source_country IS NOT ?');
      where.params.push(filter.country, filter.country);
    } else {
      where.clauses.push('(e.source_country = ? OR e.target_country = ?)');
      where.params.push(filter.country, filter.country);
    }
  }
  if (filter.source !== undefined) where.clauses.push(codePrefix('e.source_code', filter.source, where));
  if (filter.target !== undefined) where.clauses.push(codePrefix('e.target_code', filter.target, where));
  dateRange('e.sort_date', filter.from, filter.to, where);
  if (filter.root !== undefined) {
    where.clauses.push('e.root = ?');
    where.params.push(filter.root);
  }
  if (filter.code !== undefined) where.clauses.push(/^\d+$/.test(filter.code) ? codeFilter(filter.code, where) : codePrefix('e.code', filter.code, where));
  if (filter.quadClass !== undefined) {
    where.clauses.push('e.quad_class = ?');
    where.params.push(filter.quadClass);
  }
  if (filter.articleId !== undefined) {
    where.clauses.push('e.article_id = ?');
    where.params.push(filter.articleId);
  }
  if (filter.clusterId !== undefined) {
    where.clauses.push('e.cluster_id = ?');
    where.params.push(filter.clusterId);
  }
  if (filter.per === 'cluster') where.clauses.push('e.cluster_head = 1');
  else if (filter.per !== undefined && filter.per !== 'report') throw new UsageError(`per: expected cluster or report, found "${String(filter.per)}"`);
  if (filter.role !== undefined) {
    where.clauses.push('(e.source_role = ? OR e.target_role = ?)');
    where.params.push(filter.role, filter.role);
  }
  if (filter.name !== undefined) {
    where.clauses.push('(e.source_name = ? COLLATE NOCASE OR e.target_name = ? COLLATE NOCASE)');
    where.params.push(filter.name, filter.name);
  }
  if (filter.place !== undefined) {
    where.clauses.push('e.location_name = ?');
    where.params.push(filter.place);
  }
  if (filter.outlet !== undefined) {
    where.clauses.push('e.article_id IN (SELECT id FROM articles WHERE source = ?)');
    where.params.push(filter.outlet);
  }
  if (filter.articleText !== undefined) {
    const query = ftsQuery(filter.articleText);
    if (query === null) where.clauses.push('0');
    else {
      where.clauses.push('e.article_id IN (SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?)');
      where.params.push(query);
    }
  }
  if (filter.text !== undefined) {
    const query = ftsQuery(filter.text);
    if (query === null) {
      where.clauses.push('0');
    } else {
      where.clauses.push(`${options.textFilters ? '+' : ''}e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)`);
      where.params.push(query);
    }
  }
  return where;
}

/** Cursor = position of the last row of a page in the (sort_date DESC, rowid DESC) order. */
export function encodeCursor(sortDate: string, rowid: number): string {
  return Buffer.from(JSON.stringify([sortDate, rowid])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, number] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && Number.isInteger(value[1])) {
      return [value[0], value[1] as number];
    }
  } catch {
    // fall through to the usage error below
  }
  throw new UsageError(`cursor: expected a cursor returned by a previous page, found "${cursor}"`);
}
