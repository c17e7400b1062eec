/**
 * @module store/open-store
 * Picks the Store backend from a location: a file path or `sqlite:path` opens SQLite;
 * `postgres://…` (or `postgresql://…`) opens PostgreSQL; with no location, `DETENTE_DB` or
 * `./detente.db`.
 */
import { StoreError } from '../errors.js';
import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export const DEFAULT_DB = 'detente.db';

/** The database location in effect: the argument, else $DETENTE_DB, else ./detente.db. */
export function resolveStoreUrl(url?: string): string {
  return url ?? process.env.DETENTE_DB ?? DEFAULT_DB;
}

/** The file path of a SQLite location: `sqlite:x.db`, `sqlite://x.db` and `x.db` all name x.db. */
export function sqlitePath(location: string): string {
  return location.replace(/^sqlite:(\/\/)?/i, '');
}

/** Whether a store location names a PostgreSQL server. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the store at `url` (creating and migrating a SQLite file if needed).
 *
 * @param url - `path/to/file.db`, `sqlite:path/to/file.db`, `postgres://user@host/db[?schema=name]`;
 *   defaults to $DETENTE_DB or ./detente.db
 * @returns the open store; call `close()` when done
 * @example
 * const store = await openStore('news.db');
 * const { events } = await store.queryEvents({ dyad: ['USA', 'RUS'], limit: 10 });
 * await store.close();
 */
export async function openStore(url?: string): Promise<Store> {
  const location = resolveStoreUrl(url);
  if (isPostgresUrl(location)) {
    // Loaded only when asked for, so a SQLite user never loads the PostgreSQL driver.
    const { PgStore } = await import('./postgres/pg-store.js');
    return PgStore.open(location);
  }
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\\)/i.exec(location);
  // A one-letter "scheme" is a Windows drive letter, not a URL.
  if (scheme && scheme[1].length > 1 && scheme[1].toLowerCase() !== 'sqlite') {
    throw new StoreError('E_STORE_BACKEND', `unknown store location "${location}": expected a file path, sqlite:path or postgres://…`);
  }
  const path = sqlitePath(location);
  if (path.length === 0) throw new StoreError('E_STORE_BACKEND', 'empty store location: expected a file path or sqlite:path');
  return new SqliteStore(path);
}
