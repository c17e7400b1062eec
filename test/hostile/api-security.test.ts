/**
 * Hostile-input catalogue (issue 14), the API's part: protected reads cover every method,
 * HEAD included; the Host header is checked against the bound address, localhost and
 * --allowed-host names; every response carries nosniff, a CSP and a Referrer-Policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { hostAllowed } from '../../src/api/host-check.js';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { fixtureCorpus, tempStore, type TempStore } from '../api/fixtures.js';

let t: TempStore;
const TOKEN = 'correct-horse-battery-staple';
beforeAll(async () => {
  t = await tempStore(fixtureCorpus());
});
afterAll(async () => t.cleanup());

describe('--protect-reads covers every method', () => {
  it('refuses HEAD and OPTIONS without the token (no existence or search oracle), keeps health open', async () => {
    const app = createApp({ store: t.store, token: TOKEN, protectReads: true });
    for (const method of ['HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH']) {
      for (const path of ['/api/articles/usa-rus-1', '/api/articles/no-such-id', '/api/search?q=treaty', '/api/events']) {
        const res = await app.request(path, { method });
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    }
    // An existing and a missing article answer the same to a HEAD without the token.
    const a = await app.request('/api/articles/usa-rus-1', { method: 'HEAD' });
    const b = await app.request('/api/articles/no-such-id', { method: 'HEAD' });
    expect([a.status, a.headers.get('content-length')]).toEqual([b.status, b.headers.get('content-length')]);
    expect((await app.request('/api/health', { method: 'HEAD' })).status).toBe(200);
    expect((await app.request('/api/articles/usa-rus-1', { method: 'HEAD', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });
});

describe('security headers on every response', () => {
  it('sets nosniff, a CSP and no-referrer on data, errors and 404s', async () => {
    const app = createApp({ store: t.store });
    for (const path of ['/api/events', '/api/articles/no-such-id', '/api/events?limit=-1', '/api/nothing', '/openapi.json', '/api/events?format=csv']) {
      const res = await app.request(path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), path).toMatch(/default-src 'none'/);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });
});

describe('Host allow-list', () => {
  it('allows the bound address, localhost and --allowed-host names only', () => {
    expect(hostAllowed('127.0.0.1:8787', '127.0.0.1')).toBe(true);
    expect(hostAllowed('localhost:8787', '127.0.0.1')).toBe(true);
    expect(hostAllowed('[::1]:8787', '::1')).toBe(true);
    expect(hostAllowed('attacker.example:8787', '127.0.0.1')).toBe(false);
    expect(hostAllowed('attacker.example', '0.0.0.0')).toBe(false);
    expect(hostAllowed('192.168.1.5:8787', '0.0.0.0')).toBe(true);
    expect(hostAllowed('news.example.org', '0.0.0.0', ['news.example.org'])).toBe(true);
    expect(hostAllowed(undefined, '127.0.0.1')).toBe(false);
    expect(hostAllowed('', '127.0.0.1')).toBe(false);
  });

  describe('a running server', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ store: t.store, port: 0, allowedHosts: ['detente.internal'] });
    });
    afterAll(async () => server.close());

    it('refuses a rebound name with 403 and serves the bound address and allowed names', async () => {
      const { request } = await import('node:http');
      const get = (host: string) =>
        new Promise<{ status: number; nosniff: string | undefined }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: server.port, path: '/api/health', headers: { host } }, (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, nosniff: res.headers['x-content-type-options'] as string | undefined });
          });
          req.on('error', reject);
          req.end();
        });
      expect(await get(`attacker.example:${server.port}`)).toEqual({ status: 403, nosniff: 'nosniff' });
      expect((await get(`127.0.0.1:${server.port}`)).status).toBe(200);
      expect((await get(`localhost:${server.port}`)).status).toBe(200);
      expect((await get('detente.internal')).status).toBe(200);
    });
  });
});
