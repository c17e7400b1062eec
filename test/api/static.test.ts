/**
 * Dashboard serving: files with their content types, cache headers for hashed assets, the SPA
 * fallback, no escape from the web root, the CSP header, and a clear message when the
 * dashboard has not been built. Runs in-process against a temporary web root.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { serveDashboard } from '../../src/api/static.js';
import { tempStore, type TempStore } from './fixtures.js';

let t: TempStore;
let root: string;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await tempStore([]);
  root = mkdtempSync(join(tmpdir(), 'detente-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Détente</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(tmpdir(), 'detente-secret.txt'), 'TOP-SECRET-CONTENT-42');
  app = createApp({ store: t.store });
  serveDashboard(app, root);
});
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await t.cleanup();
});

describe('dashboard serving', () => {
  it('serves index.html at / with a strict CSP', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('Détente');
  });

  it.each([
    ['/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s, cached for good', async (path, type) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('falls back to index.html for app paths', async () => {
    const res = await app.request('/dyad/USA/RUS');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for a missing asset instead of HTML', async () => {
    const res = await app.request('/assets/missing.js');
    expect(res.status).toBe(404);
  });

  it('never serves files outside the web root', async () => {
    for (const path of ['/../detente-secret.txt', '/%2e%2e/detente-secret.txt', '/assets/..%2f..%2fdetente-secret.txt', '/%00']) {
      const res = await app.request(path);
      expect(await res.text(), path).not.toContain('TOP-SECRET-CONTENT-42');
    }
  });

  it('keeps API 404s as JSON', async () => {
    const res = await app.request('/api/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('explains how to build the dashboard when it is missing', async () => {
    const bare = createApp({ store: t.store });
    serveDashboard(bare, join(root, 'no-such-dir'));
    const res = await bare.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:web');
  });
});
