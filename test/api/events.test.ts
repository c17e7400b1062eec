/**
 * API tests for GET /api/events: every filter, cursor pagination and the three formats,
 * against a real SQLite store filled with the hand-built fixture corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { bulkArticles, fixtureCorpus, tempStore, type TempStore } from './fixtures.js';
import { getJson, type App } from './helpers.js';

let t: TempStore;
let app: App;

beforeAll(async () => {
  t = await tempStore([...fixtureCorpus(), ...bulkArticles(250)]);
  app = createApp({ store: t.store });
});
afterAll(async () => t.cleanup());

const ids = (page: { events: { article_id: string; id: string }[] }) => page.events.map((e) => `${e.article_id}/${e.id}`).sort();

describe('GET /api/events filters', () => {
  it.each([
    ['dyad=USA,RUS', 8],
    ['dyad=USA,RUS&directed=true', 5],
    ['dyad=rus,usa&directed', 3],
    ['actor=USAGOV', 3],
    ['actor=RUSMIL', 3],
    ['country=UKR', 2],
    ['source=CHN', 1],
    ['target=UKR', 2],
    ['root=19', 2],
    ['code=16', 1],
    ['quad_class=4', 4],
    ['from=2026-02&to=2026-02', 4],
    ['from=2026-01-06&to=2026-01-12', 2],
    ['modality=negated', 1],
    ['modality=all&dyad=USA,RUS', 9],
    ['q=sanctions', 1],
    ['article=usa-rus-1', 4],
    ['dyad=USA,RUS&quad_class=1&from=2026-02', 3],
  ])('%s matches %i events', async (query, count) => {
    const page = await getJson(app, `/api/events?${query}&limit=1000`);
    expect(page.events).toHaveLength(count);
    expect(page.next).toBeNull();
  });

  it('returns only asserted events unless modality says otherwise', async () => {
    const page = await getJson(app, '/api/events?article=usa-rus-2');
    expect(page.events.every((e: { modality: string }) => e.modality === 'asserted')).toBe(true);
    expect(page.events).toHaveLength(2);
  });

  it('carries the article id, title and publication date with each event', async () => {
    const page = await getJson(app, '/api/events?q=sanctions');
    expect(page.events[0]).toMatchObject({
      article_id: 'usa-rus-1',
      article_title: 'Article usa-rus-1',
      article_published: '2026-01-10',
      code: '163',
      evidence: { text: 'United States imposed sanctions on Russia.' },
    });
  });
});

describe('GET /api/events pagination', () => {
  it('walks every event exactly once with the cursor, newest first', async () => {
    const seen: string[] = [];
    const dates: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await getJson(app, `/api/events?limit=37${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.events.map((e: any) => `${e.article_id}/${e.id}`));
      dates.push(...page.events.map((e: any) => e.date));
      cursor = page.next;
      pages += 1;
    } while (cursor && pages < 100);
    const all = await getJson(app, '/api/events?limit=1000');
    expect(seen).toHaveLength(all.events.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(ids(all));
    expect(pages).toBe(Math.ceil(all.events.length / 37));
    expect([...dates]).toEqual([...dates].sort().reverse());
  });

  it('defaults to 100 events per page', async () => {
    const page = await getJson(app, '/api/events');
    expect(page.events).toHaveLength(100);
    expect(typeof page.next).toBe('string');
  });
});

describe('GET /api/events formats', () => {
  it('renders CSV by ?format=csv with a header row and the next cursor in a header', async () => {
    const res = await app.request('/api/events?format=csv&limit=5');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('x-next-cursor')).toBeTruthy();
    expect(res.headers.get('link')).toMatch(/rel="next"/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0].split(',').slice(0, 5)).toEqual(['article_id', 'id', 'date', 'date_source', 'code']);
  });

  it('renders CSV by Accept: text/csv and quotes cells with commas', async () => {
    const res = await app.request('/api/events?article=usa-rus-2&modality=all', { headers: { accept: 'text/csv' } });
    const text = await res.text();
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(text).toContain('"Talks, then a ""deal"""');
    expect(text).toContain('United States signed an agreement with Russia.');
  });

  it('neutralises spreadsheet formulas in CSV cells', async () => {
    const text = await (await app.request('/api/quotes?speaker=Dupont&format=csv')).text();
    expect(text).not.toMatch(/(^|,)=/m);
  });

  it('renders NDJSON: one full event per line', async () => {
    const res = await app.request('/api/events?limit=3', { headers: { accept: 'application/x-ndjson' } });
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await res.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('evidence.text');
  });

  it('lets ?format= win over Accept', async () => {
    const res = await app.request('/api/events?limit=1&format=json', { headers: { accept: 'text/csv' } });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
