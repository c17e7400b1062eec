/**
 * @module api/auth
 * Bearer-token checks. Writes always need the configured token and are refused outright when
 * none is configured (a server started without one must not accept data from anyone). Reads
 * need it only with `protectReads`. Tokens are compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './errors.js';

function digest(value: string): Buffer {
  // Hashing first gives equal-length buffers, which timingSafeEqual requires, without
  // leaking the token's length through an early return.
  return createHash('sha256').update(value).digest();
}

function presented(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : '';
}

/** Throws 401 when no token is presented, 403 when it is wrong. */
export function checkToken(expected: string, header: string | undefined): void {
  const token = presented(header);
  if (token === null) {
    throw new HttpError(401, 'E_UNAUTHORIZED', 'this request needs "Authorization: Bearer <token>" with the token the server was started with');
  }
  if (token === '' || !timingSafeEqual(digest(token), digest(expected))) {
    throw new HttpError(403, 'E_FORBIDDEN', 'the bearer token is not the one the server was started with');
  }
}

/** Guards write routes. */
export function requireWriteToken(token: string | undefined): MiddlewareHandler {
  return async function requireWriteToken(c, next) {
    if (!token) {
      throw new HttpError(
        403,
        'E_INGEST_DISABLED',
        'POST /api/articles is disabled because the server has no token; start it with `detente serve --token <secret>` or set DETENTE_TOKEN, then send "Authorization: Bearer <secret>"',
      );
    }
    checkToken(token, c.req.header('authorization'));
    await next();
  };
}

/**
 * Guards every /api request when reads are protected: every method, HEAD and OPTIONS included
 * (a HEAD answers with the same status and headers as a GET, so left open it tells whether an
 * article exists or a search matches). Only liveness stays open, so that load balancers and
 * `detente demo` can probe the server.
 */
export function requireReadToken(token: string): MiddlewareHandler {
  return async function requireReadToken(c, next) {
    const liveness = c.req.path === '/api/health' && (c.req.method === 'GET' || c.req.method === 'HEAD');
    if (!liveness) checkToken(token, c.req.header('authorization'));
    await next();
  };
}
