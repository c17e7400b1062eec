/**
 * Runs the store conformance suite against PostgreSQL (PG_URL), plus what only PostgreSQL has:
 * migrations recorded per version and applied once by concurrent openers, a schema per store,
 * and concurrent writers of the same article storing it once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { storeConformance } from '../../src/store/conformance.js';
import { openStore } from '../../src/store/open-store.js';
import { fixtureArticles, randomArticles } from '../../src/store/fixtures.js';
import { PgStore } from '../../src/store/postgres/pg-store.js';
import { latestPgVersion } from '../../src/store/postgres/migrations.js';
import { dropSchemas, inCi, PG_URL, schemaUrl, skipMessage } from './pg-server.js';

skipMessage('store conformance: postgres');
afterAll(dropSchemas, 60_000);

describe.runIf(inCi)('PostgreSQL in CI', () => {
  it('has a server to test against (.ci/run starts one and sets PG_URL)', () => {
    expect(PG_URL, 'PG_URL must be set in CI: the PostgreSQL suite may not skip there').toBeTruthy();
  });
});

if (PG_URL) {
  storeConformance('postgres', () => openStore(schemaUrl('conf')));

  describe('PostgreSQL store', () => {
    it('migrates a new schema once, even when several stores open it at the same time', async () => {
      const url = schemaUrl('mig');
      const stores = await Promise.all([0, 1, 2, 3].map(() => PgStore.open(url)));
      const [first] = stores;
      await first.putArticles(fixtureArticles());
      const versions = await (first as unknown as { rows: (sql: string) => Promise<{ version: number }[]> }).rows('SELECT version FROM detente_migrations ORDER BY version');
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: latestPgVersion }, (_, i) => i + 1));
      expect((await stores[3].stats()).events).toBe(7);
      for (const store of stores) await store.close();
    });

    it('stores an article once when concurrent writers race on it, with summaries counted once', async () => {
      const url = schemaUrl('race');
      const stores = await Promise.all([0, 1, 2].map(() => PgStore.open(url)));
      const articles = randomArticles(120, 5);
      // Overlapping batches in different orders: every article is written by two or three writers at once.
      const results = await Promise.all([
        stores[0].putArticles(articles),
        stores[1].putArticles([...articles].reverse()),
        stores[2].putArticles(articles.slice(40)),
      ]);
      expect(results.reduce((n, r) => n + r.inserted, 0)).toBe(120);
      const reference = await openStore(schemaUrl('ref'));
      await reference.putArticles(articles);
      expect(await stores[0].stats()).toEqual(await reference.stats());
      // Goldstein sums compared after rounding: the writers add them up in a different order.
      const round = <T extends { mean_goldstein: number }>(rows: T[]) => rows.map((r) => ({ ...r, mean_goldstein: r.mean_goldstein.toFixed(9), sum_goldstein: undefined }));
      expect(round(await stores[0].dyads({ limit: 100 }))).toEqual(round(await reference.dyads({ limit: 100 })));
      const weeks = { a: 'USA', b: 'RUS', bucket: 'week', modality: 'all' } as const;
      expect(round(await stores[0].timeline(weeks))).toEqual(round(await reference.timeline(weeks)));
      for (const store of [...stores, reference]) await store.close();
    });

    it('keeps stores in different schemas apart', async () => {
      const a = await openStore(schemaUrl('sep'));
      const b = await openStore(schemaUrl('sep'));
      await a.putArticles(fixtureArticles());
      expect((await b.stats()).articles).toBe(0);
      await a.close();
      await b.close();
    });

    it('names the server, without its password, when it cannot connect', async () => {
      await expect(openStore('postgres://detente:secret@127.0.0.1:1/none')).rejects.toThrow(/cannot open PostgreSQL store postgres:\/\/detente:\*\*\*@127\.0\.0\.1:1\/none/);
      await expect(openStore(`${PG_URL}?schema=Bad-Name`)).rejects.toThrow(/schema: expected a lower-case SQL name/);
    });
  });
}
