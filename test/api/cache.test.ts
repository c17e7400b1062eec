/**
 * The read cache and ETags (src/api/response-cache.ts) and the timeline bucket cap (src/api/bucket-cap.ts):
 * answers are reused only while the store's version stands, any write (this connection's or
 * another's) retires them, a client holding the current answer gets a 304, and a timeline never
 * cuts a long range into thousands of buckets unless asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createApp } from '../../src/api/app.js';
import { periodsIn } from '../../src/api/bucket-cap.js';
import { openStore } from '../../src/store/open-store.js';
import { fixtureArticle, fixtureCorpus, tempStore, type TempStore } from './fixtures.js';

let t: TempStore;
let app: ReturnType<typeof createApp>;
const TOKEN = 'a-token-long-enough-for-the-check';

beforeAll(async () => {
  t = await tempStore(fixtureCorpus());
  app = createApp({ store: t.store });
});
afterAll(async () => t.cleanup());

const count = async (res: Response) => ((await res.json()) as { events: unknown[] }).events.length;

describe('response cache and ETags', () => {
  it('answers a repeated GET with the same body and tag, and If-None-Match with 304', async () => {
    const first = await app.request('/api/events?dyad=USA,RUS&limit=50');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const body = await first.text();
    const second = await app.request('/api/events?dyad=USA,RUS&limit=50');
    expect(second.headers.get('etag')).toBe(etag);
    expect(await second.text()).toBe(body);
    // The security headers are on cached answers too.
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');
    const revalidated = await app.request('/api/events?dyad=USA,RUS&limit=50', { headers: { 'if-none-match': etag! } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    // Another format of the same URL is another answer.
    const csv = await app.request('/api/events?dyad=USA,RUS&limit=50', { headers: { accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('etag')).not.toBe(etag);
  });

  it('never serves an answer from before a write of this process', async () => {
    const before = await app.request('/api/events?dyad=USA,FRA&limit=50');
    const n = await count(before);
    await t.store.putArticles([
      fixtureArticle('cache-1', '2026-04-01', [{ source: 'USA', target: 'FRA', code: '042', quad: 1, goldstein: 1.9, date: '2026-04-01', verb: 'visited' }]),
    ]);
    const after = await app.request('/api/events?dyad=USA,FRA&limit=50');
    expect(await count(after)).toBe(n + 1);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const stale = await app.request('/api/events?dyad=USA,FRA&limit=50', { headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(stale.status).toBe(200);
  });

  it('never serves an answer from before a write of another process (another connection to the file)', async () => {
    const before = await count(await app.request('/api/events?dyad=USA,FRA&limit=50'));
    const other = await openStore(join(t.dir, 'test.db'));
    await other.putArticles([
      fixtureArticle('cache-2', '2026-04-02', [{ source: 'FRA', target: 'USA', code: '042', quad: 1, goldstein: 1.9, date: '2026-04-02', verb: 'visited' }]),
    ]);
    await other.close();
    expect(await count(await app.request('/api/events?dyad=USA,FRA&limit=50'))).toBe(before + 1);
  });

  it('leaves health uncached, answers HEAD without a body, and never serves protected reads without the token', async () => {
    const health = await app.request('/api/health');
    expect(health.headers.get('etag')).toBeNull();
    const head = await app.request('/api/stats', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).not.toBeNull();
    const guarded = createApp({ store: t.store, token: TOKEN, protectReads: true });
    const ok = await guarded.request('/api/stats', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect((await guarded.request('/api/stats')).status).toBe(401);
    expect((await guarded.request('/api/stats', { headers: { 'if-none-match': ok.headers.get('etag')! } })).status).toBe(401);
  });
});

describe('timeline bucket cap', () => {
  it('counts the periods of a range', () => {
    const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
    expect(periodsIn('day', day('2026-01-01'), day('2026-01-31'))).toBe(31);
    expect(periodsIn('month', day('2000-01-01'), day('2025-12-31'))).toBe(312);
    expect(periodsIn('year', day('2000-01-01'), day('2025-12-31'))).toBe(26);
    expect(periodsIn('week', day('2000-01-01'), day('2025-12-31'))).toBeGreaterThan(1356);
  });

  it('keeps days over a short stored range, and coarsens them over a long one unless asked', async () => {
    const short = await (await app.request('/api/dyads/USA/RUS/timeline?bucket=day')).json();
    expect(short.bucket).toBe('day');
    expect(short.requested_bucket).toBeUndefined();
    const wide = await (await app.request('/api/dyads/USA/RUS/timeline?bucket=day&from=2000&to=2026')).json();
    expect(wide.bucket).toBe('month');
    expect(wide.requested_bucket).toBe('day');
    expect(wide.buckets.map((b: { period: string }) => b.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    const asked = await (await app.request('/api/dyads/USA/RUS/timeline?bucket=day&from=2000&to=2026&max_buckets=10000')).json();
    expect(asked.bucket).toBe('day');
    const weeks = await (await app.request('/api/dyads/USA/RUS/timeline?bucket=day&max_buckets=20')).json();
    expect(weeks.bucket).toBe('week');
  });

  it('caps the filtered view timeline the same way, down to years', async () => {
    const wide = await (await app.request('/api/timeline?bucket=day&from=1900&to=2026')).json();
    expect(wide.bucket).toBe('year');
    expect(wide.requested_bucket).toBe('day');
    expect((await app.request('/api/timeline?bucket=day&max_buckets=0')).status).toBe(400);
  });

  it('reads the stored date range anew after a write: a day timeline over a range grown by a write is coarsened', async () => {
    const store = await tempStore(fixtureCorpus());
    try {
      const own = createApp({ store: store.store });
      expect((await (await own.request('/api/dyads/USA/RUS/timeline?bucket=day')).json()).bucket).toBe('day');
      await store.store.putArticles([
        fixtureArticle('cache-old', '1990-01-02', [{ source: 'USA', target: 'RUS', code: '042', quad: 1, goldstein: 1.9, date: '1990-01-02', verb: 'visited' }]),
      ]);
      const after = await (await own.request('/api/dyads/USA/RUS/timeline?bucket=day')).json();
      expect(after.bucket).toBe('month');
      expect(after.buckets[0].period).toBe('1990-01');
    } finally {
      await store.cleanup();
    }
  });
});
