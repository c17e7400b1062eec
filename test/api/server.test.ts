/**
 * The real HTTP server (startServer on an ephemeral loopback port): it answers, and a large
 * POST does not hold up reads, because ingest yields to the event loop between articles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { fixtureCorpus, tempStore, type TempStore } from './fixtures.js';

let t: TempStore;
let server: RunningServer;
const TOKEN = 'server-test-token';

beforeAll(async () => {
  t = await tempStore(fixtureCorpus());
  server = await startServer({ store: t.store, token: TOKEN, port: 0, webRoot: '/nonexistent' });
});
afterAll(async () => {
  await server.close();
  await t.cleanup();
});

describe('startServer', () => {
  it('listens on loopback and serves the API', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${server.url}api/health`);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('keeps answering reads while a large POST is being coded', async () => {
    const paragraph = 'The foreign ministers of France and Germany met in Berlin on Monday and agreed to coordinate sanctions against Iran, officials said.';
    const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: `bulk-post-${i}`, text: `${paragraph} Report ${i}. ${paragraph}`, published: '2026-02-01' }));
    const send = (body: string) =>
      fetch(`${server.url}api/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
        body,
      });
    // Warm up first, so that the timed POST spends its time coding rather than loading models.
    expect((await send(JSON.stringify({ id: 'warm-up', text: paragraph }))).status).toBe(201);
    let postDone = 0;
    const post = fetch(`${server.url}api/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
      body: lines.join('\n'),
    }).then(async (res) => {
      postDone = performance.now();
      return res.json();
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const res = await fetch(`${server.url}api/stats`);
    const readDone = performance.now();
    expect(res.status).toBe(200);
    const result = await post;
    expect(result.inserted).toBe(60);
    // The read finished first, while the POST was still coding articles.
    expect(postDone).toBeGreaterThan(readDone);
  });
});
