/**
 * @module api/server
 * Starts the API and the dashboard on a loopback (or given) address with @hono/node-server.
 * Used by `detente serve`, `detente demo`, the end-to-end test and the load benchmark, so all
 * four run the same server.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { ApiOptions } from './env.js';
import { serveDashboard } from './static.js';

export interface ServerOptions extends ApiOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1: the server is local unless asked otherwise. */
  host?: string;
  /** The built dashboard; default web/dist. */
  webRoot?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts listening; resolves once the port is bound.
 *
 * @example
 * const server = await startServer({ store, port: 0 });
 * console.log(server.url); // http://127.0.0.1:40123/
 * await server.close();
 */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const { port = 8787, host = '127.0.0.1', webRoot, ...api } = options;
  const app = createApp({ bindHost: host, ...api });
  serveDashboard(app, webRoot);
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolvePromise({
        url: `http://${shown}:${info.port}/`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections from browsers would hold close() open indefinitely.
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
    // Node closes idle keep-alive sockets after 5 s; a client that reuses one at that moment
    // gets ECONNRESET. A longer idle timeout (with headersTimeout above it, as Node requires)
    // avoids the race for dashboards and scripts that pause between requests.
    const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number };
    http.keepAliveTimeout = 65_000;
    http.headersTimeout = 66_000;
  });
}
