/**
 * Runs the store conformance suite against SQLite files in a temporary folder, plus the
 * SQLite-only behaviours: migrations, pragmas, reopening, and openStore's location parsing.
 * The same suite runs against PostgreSQL in postgres.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeConformance } from '../../src/store/conformance.js';
import { openStore } from '../../src/store/open-store.js';
import { fixtureArticles, randomArticles } from '../../src/store/fixtures.js';
import { latestVersion, migrations } from '../../src/store/sqlite/migrations.js';
import { createArticleWriter } from '../../src/store/sqlite/write.js';

const dir = mkdtempSync(join(tmpdir(), 'detente-store-'));
let n = 0;
const nextPath = () => join(dir, `store-${++n}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeConformance('sqlite', () => openStore(nextPath()));

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

  it('migrates a file from before migration 6 forward: stored evidence, names, quotes and article text become searchable with stemming', async () => {
    const path = nextPath();
    const old = new Database(path);
    const before = migrations.filter((m) => m.version < 6);
    for (const m of before) old.exec(m.sql);
    old.pragma(`user_version = ${before[before.length - 1].version}`);
    createArticleWriter(old)(fixtureArticles());
    old.close();
    const store = await openStore(path);
    expect((await store.queryEvents({ text: 'sanction', modality: 'all' })).events.map((e) => e.id).sort()).toEqual(['e2', 'e3']);
    expect((await store.queryEvents({ text: 'vladimir' })).events).toHaveLength(2);
    expect((await store.searchArticles('shelled')).map((a) => a.id)).toEqual(['fx-donbas']);
    expect((await store.searchQuotes({ text: 'conversations' })).map((q) => q.article_id)).toEqual(['fx-hamburg']);
    // Rows written after the migration are indexed by the new triggers.
    await store.putArticles([{ ...fixtureArticles()[1], id: 'fx-donbas-2' }]);
    expect((await store.searchArticles('shelled')).map((a) => a.id).sort()).toEqual(['fx-donbas', 'fx-donbas-2']);
    await store.close();
  });

  it('migrates a version-3 file forward, filling the per-day, per-week and per-month dyad summaries from its rows', async () => {
    const articles = randomArticles(300, 11);
    const path = nextPath();
    const v3 = new Database(path);
    for (const m of migrations.slice(0, 3)) v3.exec(m.sql);
    v3.pragma('user_version = 3');
    createArticleWriter(v3)(articles);
    v3.close();
    const migrated = await openStore(path);
    const freshPath = nextPath();
    const fresh = await openStore(freshPath);
    for (let i = 0; i < articles.length; i += 100) await fresh.putArticles(articles.slice(i, i + 100));
    await migrated.close();
    await fresh.close();
    const rows = (file: string, table: string) => {
      const db = new Database(file, { readonly: true });
      const all = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3, 4`).all() as { sum_goldstein: number }[];
      db.close();
      return all.map((r) => ({ ...r, sum_goldstein: Math.round(r.sum_goldstein * 1e6) }));
    };
    for (const table of ['dyad_days', 'dyad_weeks', 'dyad_months']) {
      const backfilled = rows(path, table);
      expect(backfilled.length, table).toBeGreaterThan(20);
      expect(backfilled, table).toEqual(rows(freshPath, table));
    }
  });

  it('answers timelines and dated dyad rankings as an aggregation over the events table does', async () => {
    const path = nextPath();
    const store = await openStore(path);
    const articles = randomArticles(400, 3);
    for (let i = 0; i < articles.length; i += 100) await store.putArticles(articles.slice(i, i + 100));
    const db = new Database(path, { readonly: true });
    // The timeline query before migration 4: every matching event row, bucketed on sort_date.
    const direct = db.prepare(`
      SELECT period, COUNT(*) AS events, SUM(quad_class = 1) AS q1, SUM(quad_class = 2) AS q2, SUM(quad_class = 3) AS q3,
             SUM(quad_class = 4) AS q4, SUM(goldstein) AS sum_goldstein
      FROM (SELECT CASE @bucket WHEN 'day' THEN sort_date WHEN 'month' THEN substr(sort_date, 1, 7)
                     ELSE date(sort_date, '-' || ((CAST(strftime('%w', sort_date) AS INTEGER) + 6) % 7) || ' days') END AS period,
                   quad_class, goldstein
            FROM events
            WHERE (@bucket = 'month' AND length(sort_date) >= 7 OR length(sort_date) = 10)
              AND (@modality = 'all' OR modality = @modality)
              AND ((source_country = @a AND target_country = @b) OR (@directed = 0 AND source_country = @b AND target_country = @a))
              AND sort_date >= @from AND sort_date < @to)
      GROUP BY period ORDER BY period`);
    let nonEmpty = 0;
    for (const [a, b] of [['USA', 'RUS'], ['RUS', 'USA'], ['UKR', 'CHN'], ['USA', 'USA'], ['CHN', 'XXX']]) {
      for (const bucket of ['day', 'week', 'month'] as const) {
        for (const directed of [false, true]) {
          for (const modality of ['asserted', 'all', 'negated'] as const) {
            for (const [from, to] of [[undefined, undefined], ['2016-12-20', '2017-01']] as const) {
              type Row = { period: string; events: number; q1: number; q2: number; q3: number; q4: number; sum_goldstein: number };
              const rows = direct.all({ a, b, bucket, modality, directed: directed ? 1 : 0, from: from ?? '', to: `${to ?? ''}\uffff` }) as Row[];
              const actual = await store.timeline({ a, b, bucket, directed, modality, from, to });
              expect(actual.map((r) => [r.period, r.events, ...r.quad])).toEqual(rows.map((r) => [r.period, r.events, r.q1, r.q2, r.q3, r.q4]));
              actual.forEach((r, i) => expect(r.sum_goldstein).toBeCloseTo(rows[i].sum_goldstein, 9));
              if (rows.length > 0) nonEmpty += 1;
            }
          }
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(50);
    const dated = db
      .prepare(`SELECT source_country, target_country, COUNT(*) AS events FROM events
                WHERE modality = 'asserted' AND source_country IS NOT NULL AND target_country IS NOT NULL AND sort_date >= '2017'
                GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT 8`)
      .all();
    expect((await store.dyads({ from: '2017', limit: 8 })).map(({ source_country, target_country, events }) => ({ source_country, target_country, events }))).toEqual(dated);
    db.close();
    await store.close();
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

  it('refuses unknown schemes with a message naming the fix', async () => {
    await expect(openStore('mysql://x')).rejects.toThrow(/expected a file path, sqlite:path or postgres:/);
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
