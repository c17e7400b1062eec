/**
 * @module store/postgres/connection
 * Opens a connection pool on a `postgres://` URL and brings the schema up to date. A
 * `?schema=NAME` parameter puts Détente's tables in their own schema (created if needed), so
 * several stores can share one database; the default is the server's search path (`public`).
 */
import pg from 'pg';
import { StoreError, errorMessage } from '../../errors.js';
import { latestPgVersion, pgMigrations } from './migrations.js';

export interface PgLocation {
  /** The connection string without Détente's own parameters. */
  connectionString: string;
  schema: string | null;
  /** The URL with any password hidden, for messages. */
  display: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Splits Détente's `schema` parameter off a PostgreSQL URL. */
export function parsePgLocation(url: string): PgLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreError('E_STORE_BACKEND', `not a PostgreSQL URL: "${url}" (expected postgres://user@host:port/database)`);
  }
  const schema = parsed.searchParams.get('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new StoreError('E_STORE_BACKEND', `schema: expected a lower-case SQL name (letters, digits, _), found "${schema}"`);
  }
  parsed.searchParams.delete('schema');
  const display = new URL(parsed.href);
  if (display.password) display.password = '***';
  return { connectionString: parsed.href, schema, display: display.href };
}

/** A pool whose every connection uses the store's schema; the schema and its tables are created or migrated first. */
export async function openPool(location: PgLocation, max = 8): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: location.connectionString,
    max,
    // The schema is set per connection, so every query of every pooled client sees the store's tables.
    options: location.schema ? `-c search_path=${location.schema}` : undefined,
    connectionTimeoutMillis: 15_000,
  });
  // An idle client that loses its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  try {
    await migrate(pool, location);
  } catch (error) {
    await pool.end().catch(() => {});
    if (error instanceof StoreError) throw error;
    throw new StoreError('E_STORE_OPEN', `cannot open PostgreSQL store ${location.display}: ${errorMessage(error)}`, { cause: error });
  }
  return pool;
}

/** Detente's fixed advisory-lock key for migrations ("detente" in ASCII, as a number). */
const MIGRATION_LOCK = 0x64657465;

async function migrate(pool: pg.Pool, location: PgLocation): Promise<void> {
  const client = await pool.connect();
  // Workers starting together: one creates and migrates, the others wait for the lock and then
  // find it done. (CREATE … IF NOT EXISTS alone races on the catalog's unique indexes.)
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    if (location.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${location.schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS detente_migrations (
      version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM detente_migrations');
    const current = applied.rows[0].v ?? 0;
    if (current > latestPgVersion) {
      throw new StoreError(
        'E_STORE_VERSION',
        `PostgreSQL store ${location.display} has schema version ${current}, newer than this Détente (${latestPgVersion}); upgrade Détente`,
      );
    }
    for (const migration of pgMigrations) {
      if (migration.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO detente_migrations (version, description) VALUES ($1, $2)', [migration.version, migration.description]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
