/**
 * @module api/static
 * Serves the built dashboard (web/dist) at `/`: files with their content types, long-lived
 * caching for vite's hashed assets, and the SPA fallback (any other non-API GET gets
 * index.html). A strict Content-Security-Policy is defence in depth: the dashboard renders
 * article text as text, and the policy would stop injected script even if it did not.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';

/** web/dist relative to this module; the same two levels up from src/api and dist/api. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

async function fileAt(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = resolve(root, `.${normalize(`/${decoded}`)}`);
  // normalize() already folds "..", but check containment anyway: this is the only file access a client drives.
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

/**
 * Adds the dashboard routes to `app` (after the API routes, so /api/* never falls through here).
 *
 * @param root - the built dashboard folder (default web/dist)
 */
export function serveDashboard(app: Hono<any>, root: string = DEFAULT_WEB_ROOT): void {
  const base = resolve(root);
  app.get('*', async (c) => {
    const path = c.req.path;
    let file = await fileAt(base, path === '/' ? '/index.html' : path);
    // SPA fallback: an extension-less path is a page of the app, not a missing asset.
    if (!file && extname(path) === '') file = await fileAt(base, '/index.html');
    if (!file) {
      const index = await fileAt(base, '/index.html');
      if (!index) {
        return c.text('The dashboard is not built. Run `npm run build:web` (npm install does it for you), then restart `detente serve`. The API is at /api and its description at /openapi.json.', 503);
      }
      return c.text(`Not found: ${path}`, 404);
    }
    const hashed = file.includes(`${sep}assets${sep}`);
    return new Response(await readFile(file), {
      headers: {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
    });
  });
}
