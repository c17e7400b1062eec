/**
 * @module api/security-headers
 * Headers every response carries, API and dashboard alike, errors included: `nosniff` so that a
 * browser never runs a JSON or CSV answer holding article text as a page or script, a
 * Content-Security-Policy that lets an API response load nothing at all (the dashboard sets its
 * own, stricter-than-default policy, which is kept), and no Referer leaking article URLs or
 * query strings to other sites.
 */
import type { MiddlewareHandler } from 'hono';

/** Nothing may load from an API response: it is data, never a document. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    const headers = c.res.headers;
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'no-referrer');
    if (!headers.has('content-security-policy')) headers.set('content-security-policy', API_CSP);
  };
}
