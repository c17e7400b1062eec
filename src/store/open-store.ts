/**
 * @module store/open-store
 * Picks the Store backend from a location: a file path or `sqlite:path` opens SQLite; with no
 * location, `DETENTE_DB` or `./detente.db`. PostgreSQL URLs are recognised and refused with a
 * clear message, because that backend is not part of this release.
 */
import { DetenteError } from '../errors.js';
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

/**
 * Opens the store at `url` (creating and migrating a SQLite file if needed).
 *
 * @param url - `path/to/file.db`, `sqlite:path/to/file.db`; defaults to $DETENTE_DB or ./detente.db
 * @returns the open store; call `close()` when done
 * @example
 * const store = await openStore('news.db');
 * const { events } = await store.queryEvents({ dyad: ['USA', 'RUS'], limit: 10 });
 * await store.close();
 */
export async function openStore(url?: string): Promise<Store> {
  const location = resolveStoreUrl(url);
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new DetenteError(
      'E_STORE_BACKEND',
      'the PostgreSQL backend is not part of this release of Détente; use a SQLite file (--db path/to/file.db)',
    );
  }
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\\)/i.exec(location);
  // A one-letter "scheme" is a Windows drive letter, not a URL.
  if (scheme && scheme[1].length > 1 && scheme[1].toLowerCase() !== 'sqlite') {
    throw new DetenteError('E_STORE_BACKEND', `unknown store location "${location}": expected a file path or sqlite:path`);
  }
  const path = sqlitePath(location);
  if (path.length === 0) throw new DetenteError('E_STORE_BACKEND', 'empty store location: expected a file path or sqlite:path');
  return new SqliteStore(path);
}
