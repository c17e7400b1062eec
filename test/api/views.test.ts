/**
 * API tests for the analyst's views: GET /api/facets, /api/timeline, /api/places, the new
 * event filters (role, name, outlet, article_q), article full-text search and /api/glossary,
 * against a real SQLite store filled with the hand-built fixture corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { fixtureCorpus, tempStore, type TempStore } from './fixtures.js';
import { expectError, getJson, type App } from './helpers.js';

let t: TempStore;
let app: App;

beforeAll(async () => {
  const articles = fixtureCorpus();
  articles[3].events[0].location = { name: 'Donetsk', country: 'UKR', lat: 48.0, lon: 37.8 };
  articles[3].events[1].location = { name: 'Donetsk', country: 'UKR', lat: 48.0, lon: 37.8 };
  t = await tempStore(articles);
  app = createApp({ store: t.store });
});
afterAll(async () => t.cleanup());

describe('GET /api/facets', () => {
  it('counts each facet under the filter, ignoring the facet’s own field', async () => {
    const { facets } = await getJson(app, '/api/facets?facets=root,quad_class,modality,country,role&dyad=USA,RUS&quad_class=1');
    expect(facets.quad_class).toEqual([{ value: '1', count: 4 }, { value: '3', count: 2 }, { value: '4', count: 2 }]);
    expect(facets.modality).toEqual([{ value: 'asserted', count: 4 }]);
    expect(facets.root).toEqual([{ value: '02', count: 1 }, { value: '03', count: 1 }, { value: '04', count: 1 }, { value: '05', count: 1 }]);
    expect(facets.country).toEqual([{ value: 'RUS', count: 4 }, { value: 'USA', count: 4 }]);
    expect(facets.role).toEqual([{ value: 'GOV', count: 1 }]);
  });

  it('reaches every dyad and country with a large limit, and rejects unknown facets', async () => {
    const { facets } = await getJson(app, '/api/facets?facets=dyad,country,outlet&limit=1000');
    expect(facets.dyad.map((d: { value: string }) => d.value).sort()).toEqual(['CHN>USA', 'FRA>USA', 'RUS>UKR', 'RUS>USA', 'USA>RUS']);
    expect(facets.country.map((d: { value: string }) => d.value).sort()).toEqual(['CHN', 'FRA', 'RUS', 'UKR', 'USA']);
    expect(facets.outlet).toEqual([{ value: 'Fixture Times', count: 12 }]);
    await expectError(await app.request('/api/facets?facets=root,nope'), 400, 'facets');
    await expectError(await app.request('/api/facets'), 400, 'facets');
  });
});

describe('GET /api/timeline and /api/places', () => {
  it('buckets any filtered view, in JSON and CSV', async () => {
    const month = await getJson(app, '/api/timeline?bucket=month&root=19');
    expect(month.buckets.map((b: { period: string; events: number }) => [b.period, b.events])).toEqual([['2026-01', 2]]);
    const year = await getJson(app, '/api/timeline?bucket=year&country=USA');
    expect(year.buckets).toEqual([{ period: '2026', events: 10, quad: [5, 1, 2, 2], mean_goldstein: expect.any(Number), sum_goldstein: expect.any(Number) }]);
    const csv = await (await app.request('/api/timeline?bucket=day&quad_class=4&format=csv')).text();
    expect(csv.split(/\r?\n/)[0]).toBe('period,events,quad1,quad2,quad3,quad4,mean_goldstein,sum_goldstein');
  });

  it('lists located places under the filter', async () => {
    expect((await getJson(app, '/api/places')).places).toEqual([{ name: 'Donetsk', country: 'UKR', lat: 48, lon: 37.8, events: 2 }]);
    expect((await getJson(app, '/api/places?country=USA')).places).toEqual([]);
    expect((await getJson(app, '/api/events?place=Donetsk')).events).toHaveLength(2);
  });
});

describe('event filters and search', () => {
  it.each([
    ['role=MIL', 3],
    ['role=gov', 3],
    ['name=russia', 10],
    ['outlet=Fixture%20Times', 12],
    ['outlet=Elsewhere', 0],
    ['article_q=deal', 2],
    ['q=sanction', 1],
    ['q=shell', 1],
    ['q=criticise', 1],
  ])('%s finds %i events', async (query, n) => {
    expect((await getJson(app, `/api/events?${query}&limit=1000`)).events).toHaveLength(n);
  });

  it('searches article text with stemming', async () => {
    const { articles } = await getJson(app, '/api/articles?search=attacks');
    expect(articles.map((a: { id: string }) => a.id)).toEqual(['rus-ukr-1']);
  });
});

describe('GET /api/glossary', () => {
  it('names countries (with ISO numeric codes), roles, organisations, QuadClass and Goldstein', async () => {
    const g = await getJson(app, '/api/glossary');
    expect(g.countries.find((c: { code: string }) => c.code === 'USA')).toEqual({ code: 'USA', name: 'United States', numeric: '840' });
    expect(g.countries.find((c: { code: string }) => c.code === 'XKX')?.name).toBe('Kosovo');
    expect(g.roles.find((r: { code: string }) => r.code === 'ELI')?.name).toBe('Elites');
    expect(g.organizations.find((o: { code: string }) => o.code === 'IGOWSTNAT')?.name).toBe('NATO');
    // A country-and-role code is expanded from its parts, never named after one organisation that carries it.
    expect(g.organizations.find((o: { code: string }) => o.code === 'USAGOV' || o.code === 'RUSGOV')).toBeUndefined();
    expect(g.quad_classes).toHaveLength(4);
    expect(g.goldstein).toMatch(/−10/);
  });
});
