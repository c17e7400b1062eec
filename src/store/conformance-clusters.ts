/**
 * @module store/conformance-clusters
 * The cross-story cluster part of the store conformance suite (run by storeConformance): which
 * reports end up together, their counts, per-cluster queries and timelines, and that the result
 * depends neither on batches nor on arrival order. Test-only.
 */
import { expect, it } from 'vitest';
import type { Store } from './store.js';
import { clusterFixtureArticles, fixtureArticles, wordLinkedArticles } from './fixtures.js';
import { planCluster, type StoredReport } from '../cluster/assign.js';
import { clusterRules } from '../cluster/rules.js';
import { reportWords } from '../cluster/link.js';
import { newArticle } from '../model/article.js';
import type { Actor } from '../model/event.js';
import type { Article } from '../model/article.js';

/** article ids grouped by cluster id, as a sorted list of sorted groups (ids stripped). */
async function groups(store: Store): Promise<string[][]> {
  const { events } = await store.queryEvents({ modality: 'all', limit: 1000 });
  const byCluster = new Map<string, string[]>();
  for (const e of events) {
    const id = e.cluster?.id ?? `none:${e.article_id}/${e.id}`;
    byCluster.set(id, [...(byCluster.get(id) ?? []), e.article_id].sort());
  }
  return [...byCluster.values()].sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

/** event → cluster id, for comparing whole stores. */
async function assignment(store: Store): Promise<Record<string, string | undefined>> {
  const { events } = await store.queryEvents({ modality: 'all', limit: 1000 });
  return Object.fromEntries(events.map((e) => [`${e.article_id}/${e.id}`, e.cluster?.id]));
}

/**
 * The clusters computed directly: every event in input order, compared with every earlier
 * report (no blocking by key or date window), by the words of its sentence, or of its evidence
 * alone when `sentences` is false.
 */
function directAssignment(articles: Article[], sentences = true): Record<string, string> {
  const rules = clusterRules();
  const stored: StoredReport[] = [];
  for (const article of articles) {
    for (const event of article.events) {
      const report: StoredReport = {
        cluster_id: null,
        article_id: article.id,
        event_id: event.id,
        outlet: article.meta.source,
        published: article.meta.published,
        event,
        words: sentences ? reportWords(event, article.text, article.sentences) : undefined,
      };
      const plan = planCluster(report, stored, rules, (id) => stored.filter((r) => r.cluster_id === id));
      for (const r of stored) if (r.cluster_id !== null && plan.replaces.includes(r.cluster_id)) r.cluster_id = plan.summary.id;
      report.cluster_id = plan.summary.id;
      stored.push(report);
    }
  }
  return Object.fromEntries(stored.map((r) => [`${r.article_id}/${r.event_id}`, r.cluster_id!]));
}

const EXPECTED = [['cl-danang'], ['cl-hamburg-a', 'cl-hamburg-b'], ['cl-shell-mon-a', 'cl-shell-mon-b'], ['cl-shell-tue']];

/** One article whose only event is a three-state summit (participants, no sides). */
function summitArticle(): Article {
  const text = 'Trump, Putin and Merkel met in Hamburg on Friday.';
  const article = newArticle({ id: 'ml-summit', text, meta: { title: 'Summit', published: '2017-07-08', language: 'en', source: 'Wire A' } });
  const actor = (code: string, words: string): Actor => ({ code, country: code.slice(0, 3), role: 'GOV', name: words, text: words, start: text.indexOf(words), end: text.indexOf(words) + words.length });
  article.sentences.push({ start: 0, end: text.length, tokenStart: 0, tokenEnd: 0 });
  article.events.push({
    id: 'e1', code: '040', root: '04', quad_class: 1, goldstein: 1, source: null, target: null, date: '2017-07-07', date_source: 'text',
    location: null, sentence: 0, evidence: { start: 0, end: text.length, text }, modality: 'asserted', rule: 'fixture.multilateral',
    participants: [actor('USAGOV', 'Trump'), actor('RUSGOV', 'Putin'), actor('DEUGOV', 'Merkel')], organisation: null,
  });
  return article;
}

export function clusterConformance(factory: () => Promise<Store>, open: Store[]): void {
  async function fresh(): Promise<Store> {
    const store = await factory();
    open.push(store);
    return store;
  }

  it('clusters reports of one happening across articles and outlets, and keeps similar happenings apart', async () => {
    const store = await fresh();
    await store.putArticles(clusterFixtureArticles());
    expect(await groups(store)).toEqual(EXPECTED);
  });

  it('gives each cluster its first report, counts and representative code and date', async () => {
    const store = await fresh();
    await store.putArticles(clusterFixtureArticles());
    const { events } = await store.queryEvents({ articleId: 'cl-hamburg-a' });
    const cluster = events[0].cluster!;
    expect(cluster).toMatchObject({ mentions: 2, articles: 2, sources: 2, date: '2017-07-07', first_article_id: 'cl-hamburg-b', first_event_id: 'e1' });
    expect(['040', '046']).toContain(cluster.code);
    const detail = await store.getCluster(cluster.id);
    expect(detail?.reports.map((r) => r.article_id)).toEqual(['cl-hamburg-b', 'cl-hamburg-a']);
    expect(detail?.reports[0].evidence.text).toBe('Putin held talks with Trump at the G20 summit in Hamburg on Friday.');
    expect(await store.getCluster('c-none')).toBeNull();
    const shelling = (await store.queryEvents({ articleId: 'cl-shell-mon-a' })).events[0].cluster!;
    expect(shelling).toMatchObject({ articles: 2, sources: 2, code: '190', first_article_id: 'cl-shell-mon-b' });
  });

  it('answers per cluster (first reports) or per report, in queries, dyads and timelines', async () => {
    const store = await fresh();
    await store.putArticles(clusterFixtureArticles());
    expect((await store.queryEvents({})).events).toHaveLength(6);
    const heads = (await store.queryEvents({ per: 'cluster' })).events;
    expect(heads.map((e) => e.article_id).sort()).toEqual(['cl-danang', 'cl-hamburg-b', 'cl-shell-mon-b', 'cl-shell-tue']);
    const ofCluster = (await store.queryEvents({ clusterId: heads[0].cluster!.id })).events;
    expect(ofCluster.every((e) => e.cluster?.id === heads[0].cluster!.id)).toBe(true);
    const perReport = await store.timeline({ a: 'UKR', b: 'RUS', bucket: 'day' });
    const perCluster = await store.timeline({ a: 'UKR', b: 'RUS', bucket: 'day', per: 'cluster' });
    expect(perReport.map((b) => [b.period, b.events])).toEqual([['2017-07-10', 2], ['2017-07-11', 1]]);
    expect(perCluster.map((b) => [b.period, b.events])).toEqual([['2017-07-10', 1], ['2017-07-11', 1]]);
    const dyads = await store.dyads({ per: 'cluster' });
    const total = dyads.reduce((n, d) => n + d.events, 0);
    expect(total).toBe(4);
  });

  it('counts a multilateral event once for each pair of its participants, in dyad queries and timelines, and never in the overview', async () => {
    const store = await fresh();
    await store.putArticles([...fixtureArticles(), summitArticle()]);
    const both = (await store.queryEvents({ dyad: ['USA', 'RUS'] })).events;
    expect(both.filter((e) => e.article_id === 'ml-summit')).toHaveLength(1);
    expect(both.find((e) => e.article_id === 'ml-summit')?.participants?.map((p) => p.country)).toEqual(['USA', 'RUS', 'DEU']);
    expect((await store.queryEvents({ dyad: ['RUS', 'DEU'] })).events.map((e) => e.article_id)).toEqual(['ml-summit']);
    expect((await store.queryEvents({ dyad: ['USA', 'RUS'], directed: true })).events.some((e) => e.article_id === 'ml-summit')).toBe(false);
    const day = await store.timeline({ a: 'USA', b: 'RUS', bucket: 'day' });
    expect(day.find((b) => b.period === '2017-07-07')?.events).toBe(2); // the Hamburg 036 and the summit
    const month = await store.timeline({ a: 'DEU', b: 'RUS', bucket: 'month', per: 'cluster' });
    expect(month.map((b) => [b.period, b.events])).toEqual([['2017-07', 1]]);
    expect((await store.dyads()).some((d) => d.source_country === 'DEU' || d.target_country === 'DEU')).toBe(false);
  });

  it('clusters the same whatever the batches and the order, and a re-run changes nothing', async () => {
    const articles = clusterFixtureArticles();
    const together = await fresh();
    await together.putArticles(articles);
    const expected = await assignment(together);
    const orders: Article[][][] = [
      articles.map((a) => [a]),
      [[...articles].reverse()],
      [[articles[5], articles[0]], [articles[3], articles[2], articles[1]], [articles[4]]],
    ];
    for (const batches of orders) {
      const store = await fresh();
      for (const batch of batches) await store.putArticles(batch);
      expect(await assignment(store)).toEqual(expected);
    }
    await together.putArticles(articles);
    expect(await assignment(together)).toEqual(expected);
    expect(await groups(together)).toEqual(EXPECTED);
  });

  it('links reports by the words of their whole sentences, as a direct computation over all earlier reports does, in any batches', async () => {
    const articles = wordLinkedArticles(80, 11);
    const expected = directAssignment(articles);
    // The fixture has power: with the evidence's words alone, the clusters would differ.
    expect(directAssignment(articles, false)).not.toEqual(expected);
    expect(new Set(Object.values(expected)).size).toBeLessThan(Object.keys(expected).length - 10);
    const together = await fresh();
    await together.putArticles(articles);
    expect(await assignment(together)).toEqual(expected);
    const inBatches = await fresh();
    for (let i = 0; i < articles.length; i += 7) await inBatches.putArticles(articles.slice(i, i + 7));
    expect(await assignment(inBatches)).toEqual(expected);
    // Each cluster's summary counts its reports.
    const sizes = new Map<string, number>();
    for (const id of Object.values(expected)) sizes.set(id, (sizes.get(id) ?? 0) + 1);
    for (const [id, n] of [...sizes].filter(([, n]) => n > 1).slice(0, 5)) expect((await together.getCluster(id))?.reports).toHaveLength(n);
  });
}
