/**
 * @module api/host-check
 * A Host allow-list against DNS rebinding: a page on an attacker's domain whose name is made to
 * resolve to 127.0.0.1 would otherwise read an unprotected local API from the victim's browser.
 * Allowed are the address the server binds, `localhost` (and its subdomains, which resolve to
 * loopback), names given with `--allowed-host`, and IP literals when the server binds every
 * interface (a browser only sends an IP literal as Host when the page's own origin is that IP,
 * which rebinding cannot produce).
 */
import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './errors.js';

const WILDCARD = new Set(['0.0.0.0', '::', '']);

/** The host name of a Host header value, without port or IPv6 brackets, lower-cased. */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']') >= 0 ? value.indexOf(']') : undefined);
  const colon = value.lastIndexOf(':');
  const name = colon >= 0 && value.indexOf(':') === colon ? value.slice(0, colon) : value;
  return name.replace(/\.$/, '');
}

/** Whether `host` (a Host header value) may reach a server bound to `bound`. */
export function hostAllowed(host: string | undefined, bound: string, extra: readonly string[] = []): boolean {
  if (!host) return false;
  const name = hostName(host);
  if (name === '') return false;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  const boundName = hostName(bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound);
  if (name === boundName) return true;
  if (WILDCARD.has(boundName) && isIP(name) !== 0) return true;
  if ((boundName === '127.0.0.1' || boundName === '::1') && (name === '127.0.0.1' || name === '::1')) return true;
  return extra.some((allowed) => hostName(allowed) === name);
}

/** Refuses requests whose Host is not allowed, with 403 and the name it was given. */
export function requireAllowedHost(bound: string, extra: readonly string[] = []): MiddlewareHandler {
  return async function requireAllowedHost(c, next) {
    const host = c.req.header('host');
    if (!hostAllowed(host, bound, extra)) {
      const shown = JSON.stringify((host ?? '').slice(0, 100));
      throw new HttpError(403, 'E_HOST_NOT_ALLOWED', `the Host ${shown} is not served here; start the server with --allowed-host NAME to allow it`);
    }
    await next();
  };
}
