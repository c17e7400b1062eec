/**
 * @module store/sqlite/connection
 * Opens a SQLite file with the settings Détente relies on (WAL so readers never block the
 * writer, synchronous=NORMAL which is durable across process crashes in WAL mode) and brings
 * its schema up to date with the ordered migrations.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DetenteError, errorMessage } from '../../errors.js';
import { migrations, latestVersion } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open without writing anything (no migrations); fails if the schema is not current. */
  readonly?: boolean;
}

/** Opens (creating if needed) the database file at `path` and migrates it. */
export function openDatabase(path: string, { readonly = false }: OpenOptions = {}): Db {
  if (!readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw new DetenteError('E_STORE_OPEN', `cannot open database ${path}: ${errorMessage(error)}`, { cause: error });
  }
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  // Every event row touches about ten B-trees (indexes, FTS, totals); SQLite's default 2 MB page
  // cache makes large ingests thrash once the indexes outgrow it. 16 MB per connection: past that
  // the operating system's page cache serves the pages, and 64 MB (the earlier setting) was a
  // tenth of a news-bench ingest's memory, which must stay under 500 MB (issue 11).
  db.pragma('cache_size = -16384');
  db.pragma('temp_store = MEMORY');
  // Another process (a running ingest) may hold the write lock for one batch.
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = OFF');
  migrate(db, path, readonly);
  return db;
}

function migrate(db: Db, path: string, readonly: boolean): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestVersion) {
    db.close();
    throw new DetenteError(
      'E_STORE_VERSION',
      `database ${path} has schema version ${current}, newer than this Détente (${latestVersion}); upgrade Détente or use another --db`,
    );
  }
  if (current === latestVersion) return;
  if (readonly) {
    db.close();
    throw new DetenteError('E_STORE_VERSION', `database ${path} has schema version ${current}; open it once read-write to migrate`);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    // IMMEDIATE takes the write lock first, and the version is read again under it, so two
    // processes opening a new file at once do not both run the same migration.
    db.transaction(() => {
      const now = db.pragma('user_version', { simple: true }) as number;
      if (now >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
