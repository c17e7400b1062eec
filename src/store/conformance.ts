/**
 * @module store/conformance
 * One behaviour suite for every Store backend (litestream's RunWithReplicaClient idea): a
 * backend passes when `storeConformance(name, factory)` passes against it. Test-only: it
 * imports vitest and is never loaded by the library or the CLI.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { toRecord } from '../model/record.js';
import type { CodedEvent } from '../model/event.js';
import type { DyadSummary, EventFilter, EventRow, Store, TimelineBucket, TimelineQuery } from './store.js';
import { fixtureArticles, randomArticles, RANDOM_COUNTRIES, RANDOM_WORDS } from './fixtures.js';
import { clusterConformance } from './conformance-clusters.js';

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

    it('changes its version on every write and only then; knows the stored date extent', async () => {
      const store = await factory();
      open.push(store);
      expect(await store.dateExtent!()).toBeNull();
      const empty = await store.version!();
      expect(await store.version!()).toBe(empty);
      await store.putArticles(fixtureArticles());
      const written = await store.version!();
      expect(written).not.toBe(empty);
      expect(await store.version!()).toBe(written);
      await store.putFailures([{ item: 'x.txt', code: 'E_EMPTY', message: 'empty' }]);
      expect(await store.version!()).not.toBe(written);
      const dates = fixtureArticles().flatMap((a) => a.events.map((e) => e.date)).filter((d): d is string => d !== null).sort();
      expect(await store.dateExtent!()).toEqual({ first: dates[0], last: dates[dates.length - 1] });
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

    describe('on random data, equals a direct computation over the stored events', () => {
      const articles = randomArticles(400, 7);
      // Storage order: the events of each article in order, articles in the order given.
      const stored = articles.flatMap((a) => a.events.map((event) => ({ article: a.id, event })));
      const pick = <T>(list: T[], i: number): T => list[i % list.length];
      async function randomStore(): Promise<Store> {
        const store = await factory();
        open.push(store);
        // Several batches, as an ingest writes them.
        for (let i = 0; i < articles.length; i += 150) await store.putArticles(articles.slice(i, i + 150));
        return store;
      }

      it('timelines: every bucket, direction, modality and date range', async () => {
        const store = await randomStore();
        const sides = [...RANDOM_COUNTRIES, 'USAGOV', 'RUS'];
        const ranges: [string | undefined, string | undefined][] = [
          [undefined, undefined], ['2017', undefined], [undefined, '2016-12'], ['2016-12-26', '2017-01-08'], ['2017-01', '2017-01'], ['2018', undefined],
          ['2016-12-07', '2017-02-15'], ['2016-12-14', '2016-12-16'], ['2016-12', '2017'], [undefined, '2017-01-19'],
        ];
        let compared = 0;
        let nonEmpty = 0;
        for (let i = 0; i < 240; i += 1) {
          const [from, to] = pick(ranges, i);
          const query: TimelineQuery = {
            a: pick(sides, i),
            b: pick(sides, Math.floor(i / 6) + (i % 3 === 0 ? 0 : 1)),
            directed: i % 2 === 0,
            bucket: pick(['day', 'week', 'month'] as const, Math.floor(i / 2)),
            modality: pick([undefined, 'all', 'negated', 'asserted', 'hypothetical'] as const, Math.floor(i / 4)),
            from,
            to,
          };
          const expected = expectedTimeline(stored.map((s) => s.event), query);
          const actual = await store.timeline(query);
          expectBuckets(actual, expected, JSON.stringify(query));
          compared += 1;
          if (expected.length > 0) nonEmpty += 1;
        }
        expect(compared).toBe(240);
        expect(nonEmpty).toBeGreaterThan(120);
      });

      it('dyad rankings, with and without a date range', async () => {
        const store = await randomStore();
        const events = stored.map((s) => s.event);
        for (const [from, to] of [[undefined, undefined], ['2017', undefined], [undefined, '2016'], ['2016-12-15', '2017-01-31'], ['2017-02-03', '2017-02-03']] as const) {
          const expected = expectedDyads(events, from, to).slice(0, 12);
          const actual = await store.dyads({ from, to, limit: 12 });
          expect(actual.map(({ mean_goldstein: _m, ...rest }) => rest)).toEqual(expected.map(({ mean_goldstein: _m, ...rest }) => rest));
          actual.forEach((d, i) => expect(d.mean_goldstein).toBeCloseTo(expected[i].mean_goldstein, 9));
        }
      });

      it('event pages by actor, country, words and dyad: every match once, newest first', async () => {
        const store = await randomStore();
        const filters: EventFilter[] = [
          { actor: 'USA' },
          { actor: 'RUSMIL', modality: 'all' },
          { country: 'UKR' },
          { country: 'RUS', modality: 'all' },
          { country: 'CHN', from: '2017-01', to: '2017-01' },
          { text: RANDOM_WORDS[0] },
          { text: `${RANDOM_WORDS[1]} ${RANDOM_WORDS[2]}`, modality: 'all' },
          { text: 'ceasefire', country: 'USA' },
          { actor: 'USAGOV', dyad: ['USA', 'RUS'] },
          { actor: 'RUS', country: 'USA', modality: 'all' },
          { actor: 'UKR', root: '19', modality: 'all' },
          { dyad: ['RUS', 'UKR'], quadClass: 4 },
          { country: 'USA', dyad: ['USA', 'USA'], modality: 'all' },
        ];
        for (const filter of filters) {
          const expected = stored
            .map((s, rowid) => ({ ...s, rowid }))
            .filter((s) => matches(s.event, filter))
            .sort((x, y) => (x.event.date ?? '') < (y.event.date ?? '') ? 1 : (x.event.date ?? '') > (y.event.date ?? '') ? -1 : y.rowid - x.rowid)
            .map((s) => `${s.article}/${s.event.id}`);
          expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(filter.dyad?.[0] === 'USA' && filter.dyad[1] === 'USA' ? 0 : 5);
          const seen: string[] = [];
          let cursor: string | undefined;
          do {
            const page = await store.queryEvents({ ...filter, limit: 7, cursor });
            seen.push(...page.events.map((e) => `${e.article_id}/${e.id}`));
            cursor = page.next ?? undefined;
          } while (cursor !== undefined && seen.length <= expected.length);
          expect(seen, JSON.stringify(filter)).toEqual(expected);
        }
      });
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

    it('finds events by stemmed words in evidence and actor names, by person, role, outlet and article text', async () => {
      const store = await filled();
      // Stemming: "sanction" finds "sanctions", "criticize" finds "criticized".
      expect(ids((await store.queryEvents({ text: 'sanction', modality: 'all' })).events)).toEqual(['fx-hamburg/e2', 'fx-hamburg/e3']);
      expect(ids((await store.queryEvents({ text: 'criticize' })).events)).toEqual(['fx-hamburg/e2']);
      // Actor names are searched too: "Vladimir" is only in the actors' names, never in the evidence.
      expect(ids((await store.queryEvents({ text: 'vladimir' })).events)).toEqual(['fx-hamburg/e1', 'fx-hamburg/e2']);
      // A person's events, not every event of their government (Lavrov is RUSGOV too).
      expect(ids((await store.queryEvents({ name: 'vladimir putin' })).events)).toEqual(['fx-hamburg/e1', 'fx-hamburg/e2']);
      expect(ids((await store.queryEvents({ role: 'MIL' })).events)).toEqual(['fx-donbas/e1']);
      expect((await store.queryEvents({ outlet: 'Fixture Wire' })).events).toHaveLength(5);
      expect((await store.queryEvents({ outlet: 'Other Wire' })).events).toHaveLength(0);
      expect(ids((await store.queryEvents({ articleText: 'shelling' })).events)).toEqual(['fx-donbas/e1', 'fx-donbas/e2']);
      expect((await store.searchArticles('shelled')).map((a) => a.id)).toEqual(['fx-donbas']);
      expect((await store.searchArticles('constructive conversations')).map((a) => a.id)).toEqual(['fx-hamburg']);
      expect(await store.searchArticles('...')).toEqual([]);
      expect((await store.searchQuotes({ text: 'conversations' })).map((q) => q.article_id)).toEqual(['fx-hamburg']);
    });

    it('counts facets of a filtered view, each ignoring its own filter', async () => {
      const store = await filled();
      const all = await store.facets({
        filter: {},
        facets: ['root', 'modality', 'country', 'role', 'actor', 'name', 'dyad', 'outlet', 'date_precision', 'partial_date', 'quad_class', 'source_country', 'target_country'],
      });
      expect(all.root).toEqual(['03', '04', '07', '11', '19'].map((value) => ({ value, count: 1 })));
      // Every modality is counted, whatever the filter's modality.
      expect(all.modality).toEqual([{ value: 'asserted', count: 5 }, { value: 'hypothetical', count: 1 }, { value: 'negated', count: 1 }]);
      // Either side, each event once.
      expect(all.country).toEqual([{ value: 'RUS', count: 4 }, { value: 'USA', count: 4 }, { value: 'UKR', count: 2 }]);
      expect(all.role).toEqual([{ value: 'GOV', count: 4 }, { value: 'MIL', count: 1 }]);
      expect(all.actor?.[0]).toEqual({ value: 'USAGOV', count: 4 });
      expect(all.name).toContainEqual({ value: 'Vladimir Putin', count: 2 });
      expect(all.dyad).toEqual([{ value: 'RUS>USA', count: 2 }, { value: 'UKR>RUS', count: 1 }, { value: 'USA>RUS', count: 1 }, { value: 'USA>UKR', count: 1 }]);
      expect(all.outlet).toEqual([{ value: 'Fixture Wire', count: 5 }]);
      expect(all.date_precision).toEqual([{ value: 'day', count: 4 }, { value: 'month', count: 1 }]);
      expect(all.partial_date).toEqual([{ value: '2017-07', count: 1 }]);
      expect(all.quad_class).toEqual([{ value: '1', count: 2 }, { value: '3', count: 1 }, { value: '2', count: 1 }, { value: '4', count: 1 }].sort((x, y) => y.count - x.count || x.value.localeCompare(y.value)));
      expect(all.source_country).toEqual([{ value: 'USA', count: 2 }, { value: 'RUS', count: 2 }, { value: 'UKR', count: 1 }].sort((x, y) => y.count - x.count || x.value.localeCompare(y.value)));
      expect(all.target_country?.map((v) => v.value).sort()).toEqual(['RUS', 'UKR', 'USA']);

      const military = await store.facets({ filter: { root: '19', modality: 'negated' }, facets: ['root', 'code', 'modality'] });
      expect(military.root).toEqual([{ value: '16', count: 1 }]);
      expect(military.code).toEqual([]);
      expect(military.modality).toEqual([{ value: 'asserted', count: 1 }]);
      const limited = await store.facets({ filter: { role: 'GOV' }, facets: ['country'], limit: 2 });
      expect(limited.country).toEqual([{ value: 'USA', count: 4 }, { value: 'RUS', count: 3 }]);
      await expect(store.facets({ filter: {}, facets: ['nope' as never] })).rejects.toThrow(/facet/);
    });

    it('buckets any filtered view by day, week, month and year; coarser dates only where they fit', async () => {
      const store = await filled();
      const month = await store.eventTimeline({ filter: {}, bucket: 'month' });
      expect(month.map((b) => [b.period, b.events])).toEqual([['2017-07', 4], ['2017-08', 1]]);
      expect(month[0].quad).toEqual([1, 1, 1, 1]);
      expect(month[0].sum_goldstein).toBeCloseTo(4 - 2 - 10 + 7, 9);
      expect(month[0].mean_goldstein).toBeCloseTo((4 - 2 - 10 + 7) / 4, 9);
      expect((await store.eventTimeline({ filter: {}, bucket: 'day' })).map((b) => b.period)).toEqual(['2017-07-07', '2017-07-08', '2017-07-10', '2017-08-01']);
      expect((await store.eventTimeline({ filter: {}, bucket: 'week' })).map((b) => [b.period, b.events])).toEqual([['2017-07-03', 2], ['2017-07-10', 1], ['2017-07-31', 1]]);
      expect((await store.eventTimeline({ filter: { modality: 'all' }, bucket: 'year' })).map((b) => [b.period, b.events])).toEqual([['2017', 7]]);
      expect((await store.eventTimeline({ filter: { name: 'Sergei Lavrov' }, bucket: 'month' })).map((b) => [b.period, b.events])).toEqual([['2017-08', 1]]);
    });

    it('counts events per located place under a filter', async () => {
      const store = await factory();
      open.push(store);
      const [article] = fixtureArticles();
      article.events[0].location = { name: 'Hamburg', country: 'DEU', lat: 53.55, lon: 10.0 };
      article.events[1].location = { name: 'Hamburg', country: 'DEU', lat: 53.55, lon: 10.0 };
      await store.putArticles([article]);
      expect(await store.places({})).toEqual([{ name: 'Hamburg', country: 'DEU', lat: 53.55, lon: 10.0, events: 2 }]);
      expect(await store.places({ root: '03' })).toEqual([{ name: 'Hamburg', country: 'DEU', lat: 53.55, lon: 10.0, events: 1 }]);
      expect(await store.places({ root: '19' })).toEqual([]);
      expect(ids((await store.queryEvents({ place: 'Hamburg' })).events)).toEqual(['fx-hamburg/e1', 'fx-hamburg/e2']);
      expect((await store.queryEvents({ place: 'Kyiv' })).events).toEqual([]);
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

    it('keeps a watched feed\'s state across reopening and replaces it on save', async () => {
      const store = await factory();
      open.push(store);
      expect(await store.getFeedState('http://127.0.0.1/feed.xml')).toBeNull();
      const state = { url: 'http://127.0.0.1/feed.xml', etag: '"v1"', lastModified: null, checkedAt: '2026-01-01T00:00:00Z', failures: 0, retryAt: null, seen: ['http://127.0.0.1/a'] };
      await store.putFeedState(state);
      await store.putFeedState({ ...state, etag: '"v2"', failures: 2, retryAt: '2026-01-01T01:00:00Z', seen: [...state.seen, 'http://127.0.0.1/b'] });
      expect(await store.getFeedState(state.url)).toEqual({ ...state, etag: '"v2"', failures: 2, retryAt: '2026-01-01T01:00:00Z', seen: ['http://127.0.0.1/a', 'http://127.0.0.1/b'] });
    });

    it('counts what it holds', async () => {
      const store = await filled();
      expect(await store.stats()).toEqual({ articles: 3, events: 7, mentions: 14, quotes: 1, failures: 0 });
    });

    clusterConformance(factory, open);
  });
}

/** Event filters the random-data tests use, computed directly on an event. */
function matches(e: CodedEvent, f: EventFilter): boolean {
  const modality = f.modality ?? 'asserted';
  if (modality !== 'all' && e.modality !== modality) return false;
  const code = (side: CodedEvent['source'], prefix: string) => side?.code.startsWith(prefix) ?? false;
  if (f.actor !== undefined && !code(e.source, f.actor) && !code(e.target, f.actor)) return false;
  if (f.country !== undefined && e.source?.country !== f.country && e.target?.country !== f.country) return false;
  if (f.dyad && !dyadMatch(e, f.dyad[0], f.dyad[1], f.directed ?? false)) return false;
  if (!inRange(e.date ?? '', f.from, f.to)) return false;
  if (f.root !== undefined && e.root !== f.root) return false;
  if (f.quadClass !== undefined && e.quad_class !== f.quadClass) return false;
  if (f.text !== undefined) {
    const words = new Set(e.evidence.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    if (!f.text.toLowerCase().split(/\s+/).every((w) => words.has(w))) return false;
  }
  return true;
}

/** A 3-letter side is a country; a longer one an actor code prefix. */
function sideIs(actor: CodedEvent['source'], value: string): boolean {
  if (!actor) return false;
  return /^[A-Z]{3}$/.test(value) ? actor.country === value : actor.code.startsWith(value);
}

function dyadMatch(e: CodedEvent, a: string, b: string, directed: boolean): boolean {
  const forward = sideIs(e.source, a) && sideIs(e.target, b);
  return directed ? forward : forward || (sideIs(e.source, b) && sideIs(e.target, a));
}

/** `from` inclusive; `to` takes every date that starts with it; an undated event is outside any `to`. */
function inRange(date: string, from: string | undefined, to: string | undefined): boolean {
  if (from !== undefined && date < from) return false;
  if (to !== undefined && (date === '' || date >= to + '\uffff')) return false;
  return true;
}

function period(date: string, bucket: TimelineQuery['bucket']): string | null {
  if (bucket === 'month') return date.length >= 7 ? date.slice(0, 7) : null;
  if (date.length !== 10) return null;
  if (bucket === 'day') return date;
  const day = new Date(`${date}T00:00:00Z`);
  const back = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

function expectedTimeline(events: CodedEvent[], q: TimelineQuery): TimelineBucket[] {
  const buckets = new Map<string, TimelineBucket>();
  for (const e of events) {
    const modality = q.modality ?? 'asserted';
    if (modality !== 'all' && e.modality !== modality) continue;
    if (!dyadMatch(e, q.a, q.b, q.directed ?? false)) continue;
    const date = e.date ?? '';
    if (!inRange(date, q.from, q.to)) continue;
    const p = period(date, q.bucket);
    if (p === null) continue;
    const b = buckets.get(p) ?? { period: p, events: 0, quad: [0, 0, 0, 0], mean_goldstein: 0, sum_goldstein: 0 };
    b.events += 1;
    b.quad[e.quad_class - 1] += 1;
    b.sum_goldstein += e.goldstein;
    b.mean_goldstein = b.sum_goldstein / b.events;
    buckets.set(p, b);
  }
  return [...buckets.values()].sort((x, y) => (x.period < y.period ? -1 : 1));
}

/** Counts, periods and quads exactly; Goldstein sums up to floating-point rounding (summation order). */
function expectBuckets(actual: TimelineBucket[], expected: TimelineBucket[], label: string): void {
  const exact = (b: TimelineBucket) => ({ period: b.period, events: b.events, quad: b.quad });
  expect(actual.map(exact), label).toEqual(expected.map(exact));
  actual.forEach((b, i) => {
    expect(b.sum_goldstein, label).toBeCloseTo(expected[i].sum_goldstein, 9);
    expect(b.mean_goldstein, label).toBeCloseTo(expected[i].mean_goldstein, 9);
  });
}

function expectedDyads(events: CodedEvent[], from: string | undefined, to: string | undefined): DyadSummary[] {
  const dyads = new Map<string, DyadSummary & { sum: number }>();
  for (const e of events) {
    const s = e.source?.country;
    const t = e.target?.country;
    if (e.modality !== 'asserted' || !s || !t || !inRange(e.date ?? '', from, to)) continue;
    const d = dyads.get(`${s}>${t}`) ?? { source_country: s, target_country: t, events: 0, mean_goldstein: 0, first: null, last: null, sum: 0 };
    d.events += 1;
    d.sum += e.goldstein;
    d.mean_goldstein = d.sum / d.events;
    if (e.date) {
      if (d.first === null || e.date < d.first) d.first = e.date;
      if (d.last === null || e.date > d.last) d.last = e.date;
    }
    dyads.set(`${s}>${t}`, d);
  }
  return [...dyads.values()]
    .map(({ sum: _sum, ...d }) => d)
    .sort((x, y) => y.events - x.events || x.source_country.localeCompare(y.source_country) || x.target_country.localeCompare(y.target_country));
}
