/**
 * The PostgreSQL server the tests use: PG_URL (set by .ci/run, which starts a throw-away
 * server). Each test store gets a schema of its own, dropped when the file's tests end.
 * Without PG_URL the PostgreSQL tests skip with a message locally, and fail in CI (CI=true),
 * where they must run.
 */
import pg from 'pg';

export const PG_URL = process.env.PG_URL;
export const inCi = process.env.CI === 'true';

export function skipMessage(what: string): void {
  if (!PG_URL) console.warn(`${what}: skipped, no PostgreSQL server (set PG_URL=postgres://… to run it; .ci/run starts one)`);
}

/** A URL naming a fresh schema on the test server; `dropSchemas` removes every one handed out. */
export function schemaUrl(prefix: string): string {
  const url = new URL(PG_URL!);
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  url.searchParams.set('schema', name);
  created.push(name);
  return url.href;
}

const created: string[] = [];

export async function dropSchemas(): Promise<void> {
  if (!PG_URL || created.length === 0) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    for (const name of created.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  } finally {
    await client.end();
  }
}
