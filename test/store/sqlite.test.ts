/**
 * Runs the store conformance suite against SQLite files in a temporary folder, plus the
 * SQLite-only behaviours: migrations, pragmas, reopening, and openStore's location parsing.
 * A PostgreSQL run needs PG_URL, and this release has no PostgreSQL backend: it is skipped, visibly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeConformance } from '../../src/store/conformance.js';
import { openStore } from '../../src/store/open-store.js';
import { fixtureArticles } from '../../src/store/fixtures.js';
import { latestVersion, migrations } from '../../src/store/sqlite/migrations.js';
import { createArticleWriter } from '../../src/store/sqlite/write.js';

const dir = mkdtempSync(join(tmpdir(), 'detente-store-'));
let n = 0;
const nextPath = () => join(dir, `store-${++n}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeConformance('sqlite', () => openStore(nextPath()));

describe.skipIf(!process.env.PG_URL)('Store conformance: postgres', () => {
  it('is refused clearly, because this release has no PostgreSQL backend', async () => {
    await expect(openStore(process.env.PG_URL)).rejects.toThrow(/PostgreSQL backend is not part of this release/);
  });
});
if (!process.env.PG_URL) console.warn('store conformance: postgres skipped (set PG_URL to run it)');

describe('SQLite store', () => {
  it('migrates a new file to the latest version with WAL and NORMAL sync', async () => {
    const path = nextPath();
    const store = await openStore(`sqlite:${path}`);
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('migrates a version-1 file forward, filling the dyad and actor totals from its rows', async () => {
    const path = nextPath();
    const v1 = new Database(path);
    v1.exec(migrations[0].sql);
    v1.pragma('user_version = 1');
    createArticleWriter(v1)(fixtureArticles());
    v1.close();
    const store = await openStore(path);
    const fresh = await openStore(nextPath());
    await fresh.putArticles(fixtureArticles());
    expect(await store.dyads()).toEqual(await fresh.dyads());
    expect(await store.searchActors('putin')).toEqual(await fresh.searchActors('putin'));
    expect((await store.dyads()).length).toBeGreaterThan(0);
    await store.close();
    await fresh.close();
  });

  it('keeps what it stored across close and reopen', async () => {
    const path = nextPath();
    const first = await openStore(path);
    await first.putArticles(fixtureArticles());
    await first.close();
    const second = await openStore(path);
    expect((await second.putArticles(fixtureArticles())).duplicates).toBe(3);
    expect((await second.stats()).events).toBe(7);
    await second.close();
  });

  it('turns a failed write into an error that names the file', async () => {
    const path = nextPath();
    const store = await openStore(path);
    const locker = new Database(path);
    locker.pragma('busy_timeout = 0');
    locker.exec('BEGIN IMMEDIATE');
    (store as unknown as { db: Database.Database }).db.pragma('busy_timeout = 0');
    await expect(store.putArticles(fixtureArticles())).rejects.toThrow(`cannot write to ${path}: database is locked`);
    locker.exec('ROLLBACK');
    locker.close();
    expect((await store.putArticles(fixtureArticles())).inserted).toBe(3);
    await store.close();
  });

  it('refuses a database written by a newer Détente', async () => {
    const path = nextPath();
    const db = new Database(path);
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    await expect(openStore(path)).rejects.toThrow(/newer than this Détente/);
  });

  it('refuses postgres:// and unknown schemes with a message naming the fix', async () => {
    await expect(openStore('postgres://u@localhost/db')).rejects.toThrow(/PostgreSQL backend is not part of this release/);
    await expect(openStore('mysql://x')).rejects.toThrow(/expected a file path or sqlite:path/);
  });

  it('uses DETENTE_DB when no location is given', async () => {
    const path = nextPath();
    const saved = process.env.DETENTE_DB;
    process.env.DETENTE_DB = path;
    try {
      const store = await openStore();
      await store.putArticles(fixtureArticles().slice(0, 1));
      await store.close();
    } finally {
      if (saved === undefined) delete process.env.DETENTE_DB;
      else process.env.DETENTE_DB = saved;
    }
    const db = new Database(path, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n).toBe(1);
    db.close();
  });
});
