/**
 * API tests for the dyad ranking and the timeline: bucket arithmetic (QuadClass counts, mean and
 * summed Goldstein) is recomputed here from the fixture events and compared with the API's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import type { Article } from '../../src/model/article.js';
import { fixtureCorpus, tempStore, type TempStore } from './fixtures.js';
import { getJson, type App } from './helpers.js';

let t: TempStore;
let app: App;
const corpus: Article[] = fixtureCorpus();

beforeAll(async () => {
  t = await tempStore(corpus);
  app = createApp({ store: t.store });
});
afterAll(async () => t.cleanup());

function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** The expected timeline, computed independently of the store. */
function expected(a: string, b: string, directed: boolean, bucket: 'day' | 'week' | 'month') {
  const groups = new Map<string, { events: number; quad: number[]; sum: number }>();
  for (const article of corpus) {
    for (const e of article.events) {
      if (e.modality !== 'asserted' || !e.date) continue;
      const s = e.source?.country;
      const tc = e.target?.country;
      const forward = s === a && tc === b;
      const backward = s === b && tc === a;
      if (!(forward || (!directed && backward))) continue;
      const period = bucket === 'month' ? e.date.slice(0, 7) : bucket === 'week' ? mondayOf(e.date) : e.date;
      const g = groups.get(period) ?? { events: 0, quad: [0, 0, 0, 0], sum: 0 };
      g.events += 1;
      g.quad[e.quad_class - 1] += 1;
      g.sum += e.goldstein;
      groups.set(period, g);
    }
  }
  return [...groups.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([period, g]) => ({ period, events: g.events, quad: g.quad, sum_goldstein: g.sum, mean_goldstein: g.sum / g.events }));
}

describe('GET /api/dyads/{a}/{b}/timeline', () => {
  it.each([
    ['USA', 'RUS', false, 'month'],
    ['USA', 'RUS', true, 'month'],
    ['RUS', 'USA', true, 'week'],
    ['USA', 'RUS', false, 'day'],
    ['RUS', 'UKR', false, 'week'],
  ] as const)('%s/%s directed=%s by %s matches the independent computation', async (a, b, directed, bucket) => {
    const body = await getJson(app, `/api/dyads/${a}/${b}/timeline?bucket=${bucket}&directed=${directed}`);
    expect(body).toMatchObject({ a, b, directed, bucket });
    const want = expected(a, b, directed, bucket);
    expect(body.buckets.map((x: any) => x.period)).toEqual(want.map((x) => x.period));
    body.buckets.forEach((got: any, i: number) => {
      expect(got.events).toBe(want[i].events);
      expect(got.quad).toEqual(want[i].quad);
      expect(got.sum_goldstein).toBeCloseTo(want[i].sum_goldstein, 9);
      expect(got.mean_goldstein).toBeCloseTo(want[i].mean_goldstein, 9);
      expect(got.quad.reduce((x: number, y: number) => x + y, 0)).toBe(got.events);
    });
  });

  it('gives the known January USA–RUS numbers', async () => {
    const body = await getJson(app, '/api/dyads/usa/rus/timeline?bucket=month');
    expect(body.buckets[0]).toEqual({ period: '2026-01', events: 4, quad: [1, 0, 2, 1], mean_goldstein: -2, sum_goldstein: -8 });
  });

  it('limits buckets to from/to', async () => {
    const body = await getJson(app, '/api/dyads/USA/RUS/timeline?bucket=month&from=2026-02&to=2026-02');
    expect(body.buckets.map((x: any) => x.period)).toEqual(['2026-02']);
  });

  it('counts negated events only when asked', async () => {
    const asserted = await getJson(app, '/api/dyads/USA/RUS/timeline?from=2026-02&to=2026-02');
    const all = await getJson(app, '/api/dyads/USA/RUS/timeline?from=2026-02&to=2026-02&modality=all');
    expect(asserted.buckets[0].events).toBe(2);
    expect(all.buckets[0]).toMatchObject({ events: 3, quad: [2, 0, 0, 1] });
  });

  it('weeks start on Monday', async () => {
    const body = await getJson(app, '/api/dyads/USA/RUS/timeline?bucket=week');
    for (const b of body.buckets) expect(new Date(`${b.period}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('exports buckets as CSV with one column per QuadClass', async () => {
    const text = await (await app.request('/api/dyads/USA/RUS/timeline?format=csv')).text();
    const [header, first] = text.split('\r\n');
    expect(header).toBe('period,events,quad1,quad2,quad3,quad4,mean_goldstein,sum_goldstein');
    expect(first).toBe('2026-01,4,1,0,2,1,-2,-8');
  });
});

describe('GET /api/dyads', () => {
  it('ranks directed pairs by asserted events', async () => {
    const { dyads } = await getJson(app, '/api/dyads');
    expect(dyads[0]).toMatchObject({ source_country: 'USA', target_country: 'RUS', events: 5 });
    const counts = dyads.map((d: any) => d.events);
    expect(counts).toEqual([...counts].sort((x: number, y: number) => y - x));
    expect(dyads[0].mean_goldstein).toBeCloseTo((4 - 8 - 2 + 8 + 1.9) / 5, 9);
  });

  it('honours limit', async () => {
    const { dyads } = await getJson(app, '/api/dyads?limit=2');
    expect(dyads).toHaveLength(2);
  });
});
