/**
 * API tests for articles: the list, the full record with every annotation, and POST's guards
 * (token, size limit, media type). A successful POST runs the real ingest + pipeline + store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { fixtureCorpus, tempStore, type TempStore } from './fixtures.js';
import { expectError, getJson, type App } from './helpers.js';

let t: TempStore;
let app: App;
const TOKEN = 'correct-horse-battery-staple';

beforeAll(async () => {
  t = await tempStore(fixtureCorpus());
  app = createApp({ store: t.store, token: TOKEN, maxBodyBytes: 64 * 1024 });
});
afterAll(async () => t.cleanup());

const post = (body: BodyInit, headers: Record<string, string>) => app.request('/api/articles', { method: 'POST', body, headers });
const auth = { authorization: `Bearer ${TOKEN}` };

describe('GET /api/articles', () => {
  it('lists summaries, newest first, with event counts', async () => {
    const { articles } = await getJson(app, '/api/articles');
    expect(articles.map((a: any) => a.id)[0]).toBe('usa-rus-3');
    expect(articles.find((a: any) => a.id === 'usa-rus-1').events).toBe(4);
  });

  it('filters by publication date and paginates by offset', async () => {
    const { articles } = await getJson(app, '/api/articles?from=2026-02&to=2026-02&limit=2&offset=1');
    expect(articles).toHaveLength(2);
    for (const a of articles) expect(a.published.startsWith('2026-02')).toBe(true);
  });
});

describe('GET /api/articles/{id}', () => {
  it('returns text, sentences, mentions, events and quotes', async () => {
    const a = await getJson(app, '/api/articles/usa-rus-1');
    expect(a.format).toBe(1);
    expect(a.sentences).toHaveLength(4);
    expect(a.mentions).toHaveLength(8);
    expect(a.events).toHaveLength(4);
    for (const e of a.events) expect(a.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
  });

  it('returns markup in the text unchanged (the client must show it as text)', async () => {
    const a = await getJson(app, '/api/articles/hostile-1');
    expect(a.text).toContain('<script>window.__pwned = true</script>');
    expect(a.quotes[0].speaker.name).toBe('Jean Dupont');
  });

  it('answers 404 with the id for an unknown article', async () => {
    await expectError(await app.request('/api/articles/no-such-id'), 404, 'no-such-id');
  });

  it('refuses CSV for a single record with 406', async () => {
    await expectError(await app.request('/api/articles/usa-rus-1?format=csv'), 406, 'format');
  });
});

describe('POST /api/articles guards', () => {
  it('is disabled with 403 and says how to enable it when no token is configured', async () => {
    const open = createApp({ store: t.store });
    const res = await open.request('/api/articles', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
    const error = await expectError(res, 403, '--token');
    expect(error.message).toContain('DETENTE_TOKEN');
  });

  it('needs a bearer token: 401 without one', async () => {
    await expectError(await post('Some text.', { 'content-type': 'text/plain' }), 401, 'Authorization');
  });

  it('answers 403 for a wrong token', async () => {
    await expectError(await post('Some text.', { 'content-type': 'text/plain', authorization: 'Bearer nope' }), 403, 'token');
    await expectError(await post('Some text.', { 'content-type': 'text/plain', authorization: 'Basic abc' }), 403);
  });

  it('answers 413 with the limit for an oversize body', async () => {
    const big = 'A'.repeat(64 * 1024 + 1);
    await expectError(await post(big, { 'content-type': 'text/plain', ...auth }), 413, String(64 * 1024));
  });

  it('uses a 5 MiB limit by default', async () => {
    const defaults = createApp({ store: t.store, token: TOKEN });
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(65);
    const res = await defaults.request('/api/articles', { method: 'POST', body: big, headers: { 'content-type': 'text/plain', ...auth } });
    await expectError(res, 413, '5242880');
  });

  it('checks the token before reading the body', async () => {
    const big = 'A'.repeat(64 * 1024 + 1);
    expect((await post(big, { 'content-type': 'text/plain' })).status).toBe(401);
  });

  it('answers 415 for an unsupported media type', async () => {
    await expectError(await post('{}', { 'content-type': 'application/json', ...auth }), 415, 'text/plain');
  });

  it('answers 400 for an empty body', async () => {
    await expectError(await post('', { 'content-type': 'text/plain', ...auth }), 400, 'body');
  });

  it('validates ?published', async () => {
    const res = await app.request('/api/articles?published=yesterday', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain', ...auth } });
    await expectError(res, 400, 'published');
  });
});

describe('protected reads', () => {
  it('requires the token for GET when protectReads is on, but keeps /api/health open', async () => {
    const locked = createApp({ store: t.store, token: TOKEN, protectReads: true });
    await expectError(await locked.request('/api/events'), 401);
    await expectError(await locked.request('/api/events', { headers: { authorization: 'Bearer wrong' } }), 403);
    expect((await locked.request('/api/events', { headers: auth })).status).toBe(200);
    expect((await locked.request('/api/health')).status).toBe(200);
  });

  it('refuses to start with protectReads and no token', () => {
    expect(() => createApp({ store: t.store, protectReads: true })).toThrow(/token/);
  });
});

describe('POST /api/articles ingest (real ingest + pipeline + store)', () => {
  it('stores a plain-text article and returns its id', async () => {
    const text = 'Talks in Geneva\n\nGENEVA, 3 March 2026 - The United States and Russia agreed on Tuesday to resume arms control talks in Geneva, officials said.';
    const res = await post(text, { 'content-type': 'text/plain; charset=utf-8', ...auth });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.inserted).toBe(1);
    expect(body.ids).toHaveLength(1);
    const stored = await getJson(app, `/api/articles/${encodeURIComponent(body.ids[0])}`);
    expect(stored.text).toContain('resume arms control talks');
    expect(stored.sentences.length).toBeGreaterThan(0);

    const again = await (await post(text, { 'content-type': 'text/plain', ...auth })).json();
    expect(again).toMatchObject({ inserted: 0, duplicates: 1, duplicate_ids: body.ids });
  });

  it('stores JSONL records and names a bad line as part of the request body', async () => {
    const lines = [
      JSON.stringify({ id: 'posted-1', text: 'France and Germany signed a treaty in Aachen on Monday.', published: '2026-01-22' }),
      '{not json',
      JSON.stringify({ id: 'posted-2', text: 'China criticised Japan over the visit.', published: '2026-01-23' }),
    ].join('\n');
    const res = await post(lines, { 'content-type': 'application/x-ndjson', ...auth });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.ids.sort()).toEqual(['posted-1', 'posted-2']);
    expect(body.failures).toHaveLength(1);
    expect(body.failures[0].item).toContain('request body');
    expect(JSON.stringify(body.failures)).not.toMatch(/detente-post-/);
    const stored = await getJson(app, '/api/articles/posted-1');
    expect(stored.published).toBe('2026-01-22');
  });

  it('stores HTML with the page furniture removed', async () => {
    const html = '<html><head><title>Summit ends</title></head><body><nav>Home | World</nav><article><h1>Summit ends</h1><p>The leaders of India and Pakistan met in Astana on Friday and pledged to reopen trade.</p></article></body></html>';
    const body = await (await post(html, { 'content-type': 'text/html', ...auth })).json();
    expect(body.inserted).toBe(1);
    const stored = await getJson(app, `/api/articles/${encodeURIComponent(body.ids[0])}`);
    expect(stored.text).toContain('pledged to reopen trade');
    expect(stored.text).not.toContain('Home | World');
  });
});
