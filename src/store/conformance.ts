/**
 * @module store/conformance
 * One behaviour suite for every Store backend (litestream's RunWithReplicaClient idea): a
 * backend passes when `storeConformance(name, factory)` passes against it. Test-only: it
 * imports vitest and is never loaded by the library or the CLI.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { toRecord } from '../model/record.js';
import type { EventRow, Store } from './store.js';
import { fixtureArticles } from './fixtures.js';

/** Runs the suite; `factory` must return a new, empty store each time. */
export function storeConformance(name: string, factory: () => Promise<Store>): void {
  describe(`Store conformance: ${name}`, () => {
    const open: Store[] = [];
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
    });
    async function filled(): Promise<Store> {
      const store = await factory();
      open.push(store);
      await store.putArticles(fixtureArticles());
      return store;
    }
    const ids = (events: EventRow[]) => events.map((e) => `${e.article_id}/${e.id}`).sort();

    it('stores a batch and reports inserted articles and events', async () => {
      const store = await factory();
      open.push(store);
      const result = await store.putArticles(fixtureArticles());
      expect(result).toMatchObject({ inserted: 3, duplicates: 0, events: 7 });
      expect(result.insertedIds).toEqual(['fx-hamburg', 'fx-donbas', 'fx-lavrov']);
    });

    it('skips ids already stored, within and across batches, and writes nothing for them', async () => {
      const store = await filled();
      const again = await store.putArticles(fixtureArticles());
      expect(again).toMatchObject({ inserted: 0, duplicates: 3, events: 0, duplicateIds: ['fx-hamburg', 'fx-donbas', 'fx-lavrov'] });
      const [first] = fixtureArticles();
      const fresh = { ...first, id: 'fx-new' };
      const mixed = await store.putArticles([fresh, { ...fresh }]);
      expect(mixed).toMatchObject({ inserted: 1, duplicates: 1, events: 3 });
      expect(await store.stats()).toMatchObject({ articles: 4, events: 10 });
    });

    it('returns exactly the extract record from getArticle', async () => {
      const store = await filled();
      const expected = JSON.parse(JSON.stringify(toRecord(fixtureArticles()[0])));
      expect(await store.getArticle('fx-hamburg')).toEqual(expected);
      expect(await store.getArticle('nope')).toBeNull();
      expect(await store.hasArticle('fx-donbas')).toBe(true);
      expect(await store.hasArticle('nope')).toBe(false);
    });

    it('lists articles newest first with event counts, date range, title search and paging', async () => {
      const store = await filled();
      const all = await store.listArticles();
      expect(all.map((a) => a.id)).toEqual(['fx-lavrov', 'fx-donbas', 'fx-hamburg']);
      expect(all.map((a) => a.events)).toEqual([2, 2, 3]);
      expect(typeof all[0].ingested_at).toBe('string');
      expect((await store.listArticles({ from: '2017-07-09', to: '2017-07' })).map((a) => a.id)).toEqual(['fx-donbas']);
      expect((await store.listArticles({ text: 'hamburg' })).map((a) => a.id)).toEqual(['fx-hamburg']);
      expect((await store.listArticles({ limit: 1, offset: 1 })).map((a) => a.id)).toEqual(['fx-donbas']);
    });

    it('returns asserted events only unless modality says otherwise', async () => {
      const store = await filled();
      expect((await store.queryEvents()).events).toHaveLength(5);
      expect((await store.queryEvents({ modality: 'all' })).events).toHaveLength(7);
      expect(ids((await store.queryEvents({ modality: 'negated' })).events)).toEqual(['fx-hamburg/e3']);
    });

    it('returns events newest first with their article title and date', async () => {
      const store = await filled();
      const { events } = await store.queryEvents();
      expect(events.map((e) => e.date)).toEqual(['2017-08-01', '2017-07-10', '2017-07-08', '2017-07-07', '2017-07']);
      expect(events[0]).toMatchObject({ article_id: 'fx-lavrov', article_title: 'Lavrov in Washington', article_published: '2017-08-02', code: '042' });
      expect(events[0].evidence.text).toBe('Lavrov visited Washington on August 1.');
    });

    it('filters by dyad in both directions, or directed', async () => {
      const store = await filled();
      expect(ids((await store.queryEvents({ dyad: ['USA', 'RUS'] })).events)).toEqual([
        'fx-hamburg/e1',
        'fx-hamburg/e2',
        'fx-lavrov/e1',
      ]);
      expect(ids((await store.queryEvents({ dyad: ['USA', 'RUS'], directed: true })).events)).toEqual(['fx-hamburg/e1']);
      expect(ids((await store.queryEvents({ dyad: ['RUSGOV', 'USAGOV'], directed: true })).events)).toEqual([
        'fx-hamburg/e2',
        'fx-lavrov/e1',
      ]);
    });

    it('filters by actor prefix, country, source and target', async () => {
      const store = await filled();
      expect(ids((await store.queryEvents({ actor: 'UKR' })).events)).toEqual(['fx-donbas/e1', 'fx-donbas/e2']);
      expect(ids((await store.queryEvents({ actor: 'RUSMIL' })).events)).toEqual(['fx-donbas/e1']);
      expect(ids((await store.queryEvents({ country: 'UKR' })).events)).toEqual(['fx-donbas/e1', 'fx-donbas/e2']);
      expect(ids((await store.queryEvents({ source: 'USA' })).events)).toEqual(['fx-donbas/e2', 'fx-hamburg/e1']);
      expect(ids((await store.queryEvents({ target: 'USAGOV' })).events)).toEqual(['fx-hamburg/e2', 'fx-lavrov/e1']);
    });

    it('filters by date prefix: "to" takes a whole month, a month-only date sorts within it', async () => {
      const store = await filled();
      expect(ids((await store.queryEvents({ from: '2017-07-08', to: '2017-07' })).events)).toEqual(['fx-donbas/e1', 'fx-hamburg/e2']);
      expect(ids((await store.queryEvents({ from: '2017-08' })).events)).toEqual(['fx-lavrov/e1']);
      expect((await store.queryEvents({ to: '2017-07' })).events).toHaveLength(4);
      await expect(store.queryEvents({ from: 'July' })).rejects.toThrow(/from: expected YYYY/);
    });

    it('filters by root, code prefix, quad class, article and evidence text', async () => {
      const store = await filled();
      expect(ids((await store.queryEvents({ root: '19' })).events)).toEqual(['fx-donbas/e1']);
      expect(ids((await store.queryEvents({ code: '0' })).events)).toEqual(['fx-donbas/e2', 'fx-hamburg/e1', 'fx-lavrov/e1']);
      expect(ids((await store.queryEvents({ code: '036' })).events)).toEqual(['fx-hamburg/e1']);
      expect(ids((await store.queryEvents({ quadClass: 4 })).events)).toEqual(['fx-donbas/e1']);
      expect(ids((await store.queryEvents({ articleId: 'fx-lavrov', modality: 'all' })).events)).toEqual(['fx-lavrov/e1', 'fx-lavrov/e2']);
      expect(ids((await store.queryEvents({ text: 'shelled positions' })).events)).toEqual(['fx-donbas/e1']);
      expect(ids((await store.queryEvents({ text: 'sanctions', modality: 'all' })).events)).toEqual(['fx-hamburg/e2', 'fx-hamburg/e3']);
      expect((await store.queryEvents({ text: '"OR (' })).events).toHaveLength(0);
    });

    it('matches child codes under a 3-digit prefix and counts a same-country dyad once', async () => {
      const store = await filled();
      const [hamburg] = fixtureArticles();
      const child = { ...hamburg, id: 'fx-child', events: hamburg.events.map((e, i) => (i === 0 ? { ...e, code: '0361' } : e)) };
      await store.putArticles([child]);
      expect(ids((await store.queryEvents({ code: '036' })).events)).toEqual(['fx-child/e1', 'fx-hamburg/e1']);
      expect(ids((await store.queryEvents({ code: '0361' })).events)).toEqual(['fx-child/e1']);
      expect(ids((await store.queryEvents({ code: '03' })).events)).toEqual(['fx-child/e1', 'fx-hamburg/e1']);
      const usaUsa = await store.queryEvents({ dyad: ['USA', 'USA'], modality: 'all' });
      expect(usaUsa.events).toHaveLength(0);
      const rusRus = await store.queryEvents({ dyad: ['RUSGOV', 'RUSGOV'], modality: 'all' });
      expect(rusRus.events).toHaveLength(0);
      const donbas = await store.queryEvents({ dyad: ['UKR', 'RUS'], modality: 'all' });
      expect(ids(donbas.events)).toEqual(['fx-donbas/e1']);
      // A self-dyad exists when both sides share a country: count it once, not once per direction.
      const self = { ...hamburg, id: 'fx-self', events: hamburg.events.slice(0, 1).map((e) => ({ ...e, target: { ...e.source! } })) };
      await store.putArticles([self]);
      expect(ids((await store.queryEvents({ dyad: ['USA', 'USA'] })).events)).toEqual(['fx-self/e1']);
      expect((await store.timeline({ a: 'USA', b: 'USA', bucket: 'day' })).map((b) => b.events)).toEqual([1]);
    });

    it('pages with a cursor through every event exactly once', async () => {
      const store = await filled();
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.queryEvents({ modality: 'all', limit: 2, cursor });
        seen.push(...page.events.map((e) => `${e.article_id}/${e.id}`));
        cursor = page.next ?? undefined;
        pages += 1;
      } while (cursor !== undefined && pages < 10);
      expect(pages).toBe(4);
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
      // The same through the two-branch (non-directed dyad) query; equal dates go newest-stored first.
      const dyadSeen: string[] = [];
      cursor = undefined;
      do {
        const page = await store.queryEvents({ dyad: ['USA', 'RUS'], modality: 'all', limit: 1, cursor });
        dyadSeen.push(...page.events.map((e) => `${e.article_id}/${e.id}`));
        cursor = page.next ?? undefined;
      } while (cursor !== undefined && dyadSeen.length < 10);
      expect(dyadSeen).toEqual(['fx-lavrov/e2', 'fx-lavrov/e1', 'fx-hamburg/e3', 'fx-hamburg/e2', 'fx-hamburg/e1']);
      await expect(store.queryEvents({ cursor: 'garbage' })).rejects.toThrow(/cursor/);
    });

    it('summarises directed country dyads over asserted events', async () => {
      const store = await filled();
      const dyads = await store.dyads();
      const usaRus = dyads.find((d) => d.source_country === 'USA' && d.target_country === 'RUS');
      const rusUsa = dyads.find((d) => d.source_country === 'RUS' && d.target_country === 'USA');
      expect(usaRus).toMatchObject({ events: 1, mean_goldstein: 4, first: '2017-07-07', last: '2017-07-07' });
      expect(rusUsa?.events).toBe(2);
      expect(rusUsa?.mean_goldstein).toBeCloseTo(-0.05);
      expect(dyads.reduce((n, d) => n + d.events, 0)).toBe(5);
      expect(await store.dyads({ from: '2017-08' })).toHaveLength(1);
    });

    it('buckets a dyad timeline by day, week and month with quad counts and Goldstein', async () => {
      const store = await filled();
      const days = await store.timeline({ a: 'USA', b: 'RUS', bucket: 'day' });
      expect(days).toEqual([
        { period: '2017-07-07', events: 1, quad: [1, 0, 0, 0], mean_goldstein: 4, sum_goldstein: 4 },
        { period: '2017-07-08', events: 1, quad: [0, 0, 1, 0], mean_goldstein: -2, sum_goldstein: -2 },
        { period: '2017-08-01', events: 1, quad: [1, 0, 0, 0], mean_goldstein: 1.9, sum_goldstein: 1.9 },
      ]);
      const weeks = await store.timeline({ a: 'USA', b: 'RUS', bucket: 'week' });
      // 7 and 8 July 2017 are a Friday and a Saturday: the week of Monday 3 July.
      expect(weeks.map((w) => [w.period, w.events])).toEqual([['2017-07-03', 2], ['2017-07-31', 1]]);
      const directed = await store.timeline({ a: 'USA', b: 'RUS', bucket: 'month', directed: true });
      expect(directed).toEqual([{ period: '2017-07', events: 1, quad: [1, 0, 0, 0], mean_goldstein: 4, sum_goldstein: 4 }]);
      const all = await store.timeline({ a: 'USA', b: 'RUS', bucket: 'month', modality: 'all' });
      expect(all.map((b) => b.events)).toEqual([3, 2]);
      const usaUkr = await store.timeline({ a: 'USA', b: 'UKR', bucket: 'month' });
      expect(usaUkr.map((b) => b.period)).toEqual(['2017-07']);
      expect(await store.timeline({ a: 'USA', b: 'UKR', bucket: 'day' })).toEqual([]);
    });

    it('finds actors by name or code prefix with mention counts', async () => {
      const store = await filled();
      const putin = await store.searchActors('putin');
      expect(putin[0]).toMatchObject({ code: 'RUSGOV', name: 'Vladimir Putin', country: 'RUS', role: 'GOV', mentions: 3 });
      const rus = await store.searchActors('rus');
      expect(rus.map((a) => a.code)).toEqual(expect.arrayContaining(['RUSGOV', 'RUSMIL']));
      expect(await store.searchActors('zzz-nobody')).toEqual([]);
    });

    it('finds quotes by speaker and by words', async () => {
      const store = await filled();
      const bySpeaker = await store.searchQuotes({ speaker: 'Putin' });
      expect(bySpeaker).toHaveLength(1);
      expect(bySpeaker[0]).toMatchObject({ text: 'We had a very constructive conversation', article_id: 'fx-hamburg', article_title: 'Trump and Putin meet in Hamburg' });
      expect(await store.searchQuotes({ text: 'constructive' })).toHaveLength(1);
      expect(await store.searchQuotes({ speaker: 'RUS', text: 'sanctions' })).toHaveLength(0);
    });

    it('records failures once per item and code', async () => {
      const store = await factory();
      open.push(store);
      await store.putFailures([{ item: 'a.jsonl:3', code: 'E_JSON', message: 'bad JSON' }]);
      await store.putFailures([
        { item: 'a.jsonl:3', code: 'E_JSON', message: 'bad JSON again' },
        { item: 'b.html', code: 'E_EMPTY', message: 'no text' },
      ]);
      const failures = await store.listFailures();
      expect(failures).toHaveLength(2);
      expect(failures.find((f) => f.item === 'a.jsonl:3')?.message).toBe('bad JSON again');
      expect((await store.stats()).failures).toBe(2);
    });

    it('counts what it holds', async () => {
      const store = await filled();
      expect(await store.stats()).toEqual({ articles: 3, events: 7, mentions: 14, quotes: 1, failures: 0 });
    });
  });
}
