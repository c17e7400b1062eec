/**
 * `detente watch` against a local HTTP server (loopback only): new items are picked up, an
 * unchanged feed is answered by a 304 and nothing is refetched (also after a restart: the state
 * is in the store), robots.txt is obeyed, and each failure is named on its own line.
 */
import { createServer } from 'node:http';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { assertBuilt, ROOT, runCliAsync, tempDir } from '../cli/run-cli.js';

const dir = tempDir('watch');
afterAll(() => dir.remove());

describe('detente watch', () => {
  assertBuilt();

  it('takes new items, sends conditional GETs, obeys robots.txt and names failures', async () => {
    const pages = ['2017-07-07-g20-hamburg-trump-putin.html', '2016-07-09-nato-warsaw-summit.html', '2017-01-24-astana-syria-talks.html'].map((f) =>
      readFileSync(join(ROOT, 'samples/html', f)),
    );
    let items = ['/a', '/b', '/private/c', '/broken'];
    let version = 1;
    const hits: Record<string, number> = {};
    const conditional: string[] = [];
    const server = createServer((req, res) => {
      const path = req.url ?? '/';
      hits[path] = (hits[path] ?? 0) + 1;
      if (path === '/robots.txt') return void res.end('User-agent: *\nDisallow: /private/\n');
      if (path === '/feed.xml') {
        const etag = `"v${version}"`;
        if (req.headers['if-none-match'] === etag) {
          conditional.push(etag);
          res.writeHead(304, { etag });
          return void res.end();
        }
        const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
        return void res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title><link>${base}/</link>${items
            .map((p) => `<item><title>${p}</title><link>${base}${p}</link></item>`)
            .join('')}</channel></rss>`,
        );
      }
      const page = { '/a': pages[0], '/b': pages[1], '/d': pages[2] }[path];
      if (!page) {
        res.writeHead(500);
        return void res.end('oops');
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const feed = `http://127.0.0.1:${(server.address() as { port: number }).port}/feed.xml`;
    const db = join(dir.path, 'watch.db');
    const watch = () => runCliAsync(['watch', feed, '--once', '--delay', '0', '--db', db]);
    try {
      const first = await watch();
      expect(first.code).toBe(1);
      expect(first.stderr).toContain(`watch: failed: ${feed.replace('/feed.xml', '/private/c')}: robots.txt does not allow fetching this page`);
      expect(first.stderr).toContain(`watch: failed: ${feed.replace('/feed.xml', '/broken')}: HTTP 500`);
      expect(first.stderr).toContain('2 new items taken of 4, 2 failed');
      expect(hits['/private/c']).toBeUndefined();
      let store = await openStore(db);
      expect((await store.stats()).articles).toBe(2);
      const [stored] = await store.listArticles({ text: '' });
      expect(stored.source).toBe('Loopback News');
      await store.close();

      // A new process, the feed unchanged: one 304, no page fetched again.
      const second = await watch();
      expect(second.stderr).toContain(`watch: ${feed}: unchanged`);
      expect(conditional).toEqual(['"v1"']);
      expect(hits['/a']).toBe(1);
      expect(hits['/b']).toBe(1);

      // The feed changes: only the new item is fetched (and the failed one tried again).
      items = ['/d', ...items];
      version = 2;
      const third = await watch();
      expect(third.stderr).toContain('1 new items taken of 5');
      expect(hits['/d']).toBe(1);
      expect(hits['/a']).toBe(1);
      expect(hits['/broken']).toBe(2);
      store = await openStore(db);
      expect((await store.stats()).articles).toBe(3);
      await store.close();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 180_000);

  it('backs off a failing feed and says when it will try again', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(503, { 'retry-after': '120' });
      res.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const feed = `http://127.0.0.1:${(server.address() as { port: number }).port}/feed.xml`;
    const db = join(dir.path, 'backoff.db');
    try {
      const first = await runCliAsync(['watch', feed, '--once', '--delay', '0', '--db', db]);
      expect(first.code).toBe(1);
      expect(first.stderr).toMatch(/watch: failed: .*feed\.xml: HTTP 503 \(retry after 120 s\) \(failure 1 in a row; next try in 60 s\)/);
      const second = await runCliAsync(['watch', feed, '--once', '--delay', '0', '--db', db]);
      expect(second.stderr).toContain(`watch: ${feed}: waiting`);
    } finally {
      server.close();
    }
  }, 60_000);
});
