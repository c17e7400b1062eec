/**
 * API tests for cross-story clusters: three outlets report one expulsion (one cluster), a fourth
 * article reports an expulsion a month later (its own cluster). Listings, dyad rankings and
 * timelines count each report with per=report (the default) and each happening once with
 * per=cluster; /api/clusters/{id} lists the reports; CSV rows carry date_precision and cluster_id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { fixtureArticle, tempStore, type FixtureEvent, type TempStore } from './fixtures.js';
import { expectError, getJson, type App } from './helpers.js';

const expulsion = (date: string): FixtureEvent => ({
  source: 'RUSGOV', target: 'USAGOV', code: '1246', quad: 3, goldstein: -5, date,
  verb: 'expelled ten diplomats of the embassy staff of',
});

let t: TempStore;
let app: App;

beforeAll(async () => {
  t = await tempStore([
    fixtureArticle('wire-a', '2026-03-02', [expulsion('2026-03-01')]),
    fixtureArticle('wire-b', '2026-03-02', [expulsion('2026-03-01')]),
    fixtureArticle('wire-c', '2026-03-03', [expulsion('2026-03-01')]),
    fixtureArticle('wire-d', '2026-04-11', [expulsion('2026-04-10')]),
    fixtureArticle('wire-e', '2026-04-12', [{ ...expulsion('2026'), verb: 'has threatened sanctions against' , code: '1312', quad: 3, goldstein: -4 }]),
  ]);
  app = createApp({ store: t.store });
});
afterAll(async () => t.cleanup());

describe('per report or per cluster', () => {
  it('lists every report by default and each happening once per cluster', async () => {
    const reports = await getJson(app, '/api/events?dyad=RUS,USA&limit=100');
    expect(reports.events.filter((e: any) => e.code === '1246')).toHaveLength(4);
    const clusters = await getJson(app, '/api/events?dyad=RUS,USA&per=cluster&limit=100');
    const expulsions = clusters.events.filter((e: any) => e.code === '1246');
    expect(expulsions).toHaveLength(2);
    const march = expulsions.find((e: any) => e.date === '2026-03-01');
    expect(march.cluster).toMatchObject({ articles: 3, mentions: 3 });
    expect(march.article_id).toBe('wire-a');
  });

  it('counts clusters once in dyad rankings and timelines', async () => {
    const [perReport] = await getJson(app, '/api/dyads?limit=5').then((b: any) => b.dyads);
    const [perCluster] = await getJson(app, '/api/dyads?limit=5&per=cluster').then((b: any) => b.dyads);
    expect(perReport.events).toBe(5);
    expect(perCluster.events).toBe(3);
    const t1 = await getJson(app, '/api/dyads/RUS/USA/timeline?bucket=month');
    const t2 = await getJson(app, '/api/dyads/RUS/USA/timeline?bucket=month&per=cluster');
    const march = (b: any) => b.buckets.find((x: any) => x.period === '2026-03').events;
    expect(march(t1)).toBe(3);
    expect(march(t2)).toBe(1);
  });

  it('shows one cluster with its reports, first report first, and 404s an unknown id', async () => {
    const { events } = await getJson(app, '/api/events?dyad=RUS,USA&per=cluster&code=1246&from=2026-03&to=2026-03');
    const id = events[0].cluster.id;
    const detail = await getJson(app, `/api/clusters/${id}`);
    expect(detail.reports.map((r: any) => r.article_id)).toEqual(['wire-a', 'wire-b', 'wire-c']);
    expect(detail).toMatchObject({ id, code: '1246', date: '2026-03-01', articles: 3 });
    const members = await getJson(app, `/api/events?cluster=${id}`);
    expect(members.events).toHaveLength(3);
    await expectError(await app.request('/api/clusters/nope'), 404, 'nope');
    await expectError(await app.request('/api/events?per=story'), 400, 'per');
  });

  it('gives CSV rows their date precision and cluster', async () => {
    const res = await app.request('/api/events?dyad=RUS,USA&format=csv&limit=100');
    const [header, ...rows] = (await res.text()).trim().split(/\r?\n/);
    const columns = header.split(',');
    const col = (row: string, name: string) => row.split(',')[columns.indexOf(name)];
    expect(columns).toEqual(expect.arrayContaining(['date_precision', 'cluster_id', 'cluster_articles']));
    const year = rows.find((r) => r.startsWith('wire-e'))!;
    expect(col(year, 'date_precision')).toBe('year');
    const a = rows.find((r) => r.startsWith('wire-a'))!;
    const b = rows.find((r) => r.startsWith('wire-b'))!;
    expect(col(a, 'date_precision')).toBe('day');
    expect(col(a, 'cluster_id')).not.toBe('');
    expect(col(a, 'cluster_id')).toBe(col(b, 'cluster_id'));
  });
});
