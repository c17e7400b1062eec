/**
 * The ingest queue with real processes on a real PostgreSQL server (PG_URL) and, for pages, a
 * real HTTP server on loopback: two `detente worker` processes store the same result as one
 * SQLite ingest; a worker killed with SIGKILL in the middle of an item loses nothing and stores
 * nothing twice (the item goes to another worker once its lease runs out); a failed item keeps
 * its error and goes back on the queue by command.
 */
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { assertBuilt, BIN, ROOT, runCliAsync, tempDir } from '../cli/run-cli.js';
import { dropSchemas, PG_URL, schemaUrl, skipMessage } from '../store/pg-server.js';

const NEWS_BENCH = join(ROOT, '../shared/corpora/news-bench.jsonl.gz');
const haveBench = (() => {
  try {
    readFileSync(NEWS_BENCH, { flag: 'r' }).subarray(0, 1);
    return true;
  } catch {
    return false;
  }
})();

skipMessage('queue and workers');
if (PG_URL && !haveBench) console.warn('queue and workers: the news-bench comparison is skipped (../shared/corpora/news-bench.jsonl.gz is absent)');

const dir = tempDir('queue');
afterAll(async () => {
  dir.remove();
  await dropSchemas();
}, 60_000);

async function benchSample(lines: number): Promise<string> {
  const path = join(dir.path, `news-bench-${lines}.jsonl`);
  const out: string[] = [];
  const rl = createInterface({ input: createReadStream(NEWS_BENCH).pipe(createGunzip()) });
  for await (const line of rl) {
    out.push(line);
    if (out.length === lines) break;
  }
  rl.close();
  writeFileSync(path, out.join('\n') + '\n');
  return path;
}

/** A local page server: `/feed.xml` lists the given paths; each path answers as `pages` says. */
async function pageServer(pages: Record<string, (hit: number) => 'hang' | number>): Promise<{ url: string; hits: Record<string, number>; server: Server; waitFor: (path: string, n: number) => Promise<void> }> {
  const article = readFileSync(join(ROOT, 'samples/html/2017-07-07-g20-hamburg-trump-putin.html'));
  const hits: Record<string, number> = {};
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits[path] = (hits[path] ?? 0) + 1;
    if (path === '/feed.xml') {
      const items = Object.keys(pages).map((p) => `<item><title>Item ${p}</title><link>http://127.0.0.1:${(server.address() as { port: number }).port}${p}</link></item>`);
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><link>http://127.0.0.1/</link>${items.join('')}</channel></rss>`);
      return;
    }
    const answer = pages[path]?.(hits[path]) ?? 404;
    if (answer === 'hang') return; // never answers: the worker is stuck in the middle of this item
    res.writeHead(answer, { 'content-type': 'text/html' });
    res.end(answer === 200 ? article : 'no');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const waitFor = async (path: string, n: number) => {
    for (let i = 0; i < 1200 && (hits[path] ?? 0) < n; i += 1) await new Promise((r) => setTimeout(r, 100));
    if ((hits[path] ?? 0) < n) throw new Error(`${path} was not requested ${n} times`);
  };
  return { url, hits, server, waitFor };
}

async function queueState(db: string): Promise<{ pending: number; running: number; failed: number; done: number; retries: number; failedJobs?: { id: string; item: string; error: string; retries: number }[] }> {
  const result = await runCliAsync(['queue', '--failed', '--json', '--db', db]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe.runIf(PG_URL)('ingest queue with worker processes', () => {
  assertBuilt();

  it.runIf(haveBench)('two workers on PostgreSQL store what one SQLite ingest stores', async () => {
    const sample = await benchSample(100);
    const sqlite = join(dir.path, 'single.db');
    const db = schemaUrl('workers');
    const [single, enqueued] = await Promise.all([runCliAsync(['ingest', sample, '--db', sqlite, '-q']), runCliAsync(['enqueue', sample, '--db', db])]);
    expect(single.code, single.stderr).toBe(0);
    expect(enqueued.code, enqueued.stderr).toBe(0);
    expect(enqueued.stderr).toContain('100 jobs queued');
    const workers = await Promise.all([0, 1].map(() => runCliAsync(['worker', '--db', db, '--until-empty', '--batch-size', '10'])));
    for (const w of workers) expect(w.code, w.stderr).toBe(0);
    // Both took part.
    for (const w of workers) expect(w.stderr).toMatch(/worker: done — [1-9]\d* jobs/);
    const a = await openStore(sqlite);
    const b = await openStore(db);
    try {
      const stats = await a.stats();
      expect(stats.articles).toBe(100);
      expect(await b.stats()).toEqual(stats);
      const round = (rows: { mean_goldstein: number }[]) => rows.map((r) => ({ ...r, mean_goldstein: r.mean_goldstein.toFixed(9) }));
      expect(round(await b.dyads({ limit: 20 }))).toEqual(round(await a.dyads({ limit: 20 })));
      const ids = (await a.listArticles({ limit: 100 })).map((x) => x.id).sort();
      expect((await b.listArticles({ limit: 100 })).map((x) => x.id).sort()).toEqual(ids);
      // A sample of whole records, events and all.
      for (const id of ids.filter((_, i) => i % 10 === 0)) expect(await b.getArticle(id), id).toEqual(await a.getArticle(id));
      expect(await queueState(db)).toMatchObject({ pending: 0, running: 0, failed: 0, done: 100 });
    } finally {
      await a.close();
      await b.close();
    }
  }, 300_000);

  it('a worker killed with SIGKILL mid-item: another runs the item after the lease, stored once', async () => {
    const site = await pageServer({ '/slow': (hit) => (hit === 1 ? 'hang' : 200), '/quick': () => 200 });
    const db = schemaUrl('kill');
    try {
      const enqueued = await runCliAsync(['enqueue', `${site.url}/feed.xml`, '--db', db, '--lease', '5', '--retry-delay', '1']);
      expect(enqueued.code, enqueued.stderr).toBe(0);
      expect(enqueued.stderr).toContain('2 jobs queued');
      const doomed = spawn(process.execPath, [BIN, 'worker', '--db', db, '--batch-size', '1', '--concurrency', '2', '--supervise-seconds', '1'], { cwd: ROOT, stdio: 'ignore' });
      await site.waitFor('/slow', 1);
      doomed.kill('SIGKILL');
      await once(doomed, 'exit');
      expect((await queueState(db)).running).toBeGreaterThan(0);
      const rescuer = await runCliAsync(['worker', '--db', db, '--until-empty', '--supervise-seconds', '1']);
      expect(rescuer.code, rescuer.stderr).toBe(0);
      // Fetched again after the kill (more than once if a lease ran out again on a busy machine).
      expect(site.hits['/slow']).toBeGreaterThanOrEqual(2);
      const after = await queueState(db);
      expect(after).toMatchObject({ pending: 0, running: 0, failed: 0, done: 2 });
      // The item the dead worker held was run again (its lease ran out): one retry at least.
      expect(after.retries).toBeGreaterThan(0);
      const store = await openStore(db);
      try {
        // Both pages hold the same article: stored once, whoever fetched it.
        expect((await store.stats()).articles).toBe(1);
        const [article] = await store.listArticles();
        expect((await store.queryEvents({ articleId: article.id, modality: 'all' })).events.length).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
    } finally {
      site.server.closeAllConnections();
      site.server.close();
    }
  }, 180_000);

  it('a failed item keeps its error and is run again by command', async () => {
    let broken = true;
    const site = await pageServer({ '/flaky': () => (broken ? 500 : 200) });
    const db = schemaUrl('retry');
    try {
      expect((await runCliAsync(['enqueue', `${site.url}/feed.xml`, '--db', db, '--retries', '0'])).code).toBe(0);
      const first = await runCliAsync(['worker', '--db', db, '--until-empty']);
      expect(first.code).toBe(1);
      expect(first.stderr).toContain(`failed: ${site.url}/flaky: HTTP 500`);
      const failed = await queueState(db);
      expect(failed).toMatchObject({ pending: 0, failed: 1, done: 0 });
      expect(failed.failedJobs?.[0]).toMatchObject({ item: `${site.url}/flaky`, error: `${site.url}/flaky: HTTP 500` });
      broken = false;
      const retried = await runCliAsync(['queue', '--retry-all', '--db', db]);
      expect(retried.stderr).toContain('1 failed jobs put back on the queue');
      const second = await runCliAsync(['worker', '--db', db, '--until-empty']);
      expect(second.code, second.stderr).toBe(0);
      expect(await queueState(db)).toMatchObject({ pending: 0, failed: 0, done: 1 });
      const store = await openStore(db);
      expect((await store.stats()).articles).toBe(1);
      await store.close();
    } finally {
      site.server.closeAllConnections();
      site.server.close();
    }
  }, 180_000);
});
