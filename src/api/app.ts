/**
 * @module api/app
 * `createApp({ store, token })`: the Hono app behind `detente serve`. Routes live in
 * routes/<resource>.ts, formats in render/, errors funnel through one `onError`. The OpenAPI
 * document at /openapi.json is generated from the same zod schemas that validate requests.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { requireReadToken } from './auth.js';
import type { ApiOptions, AppEnv, IngestBody } from './env.js';
import { HttpError, toErrorResponse } from './errors.js';
import { registerArticleRoutes } from './routes/articles.js';
import { registerCodeRoutes } from './routes/codes.js';
import { registerDyadRoutes } from './routes/dyads.js';
import { registerEventRoutes } from './routes/events.js';
import { registerClusterRoutes } from './routes/clusters.js';
import { registerExportRoutes } from './routes/exports.js';
import { registerSearchRoutes } from './routes/search.js';
import { registerSystemRoutes } from './routes/system.js';
import { registerViewRoutes } from './routes/views.js';
import { registerGlossaryRoutes } from './routes/glossary.js';
import { validationError } from './validation.js';
import { securityHeaders } from './security-headers.js';
import { requireAllowedHost } from './host-check.js';
import { UsageError } from '../errors.js';
import { responseCache } from './response-cache.js';

export type { ApiOptions, IngestBody, IngestOutcome } from './env.js';

export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The real ingest path, loaded on first POST so that a read-only server never loads the NLP models. */
const defaultIngest: IngestBody = async (body, store) => {
  const { ingestBody } = await import('./ingest-body.js');
  return ingestBody(body, store);
};

/**
 * Builds the API app.
 *
 * @param options - the store to read, and the token that enables POST (and protected reads)
 * @returns a Hono app; serve it with @hono/node-server or call `app.request()` in tests
 * @example
 * const app = createApp({ store: await openStore('news.db') });
 * const res = await app.request('/api/events?dyad=USA,RUS&limit=10');
 */
export function createApp(options: ApiOptions): OpenAPIHono<AppEnv> {
  const { store, token, protectReads = false, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, version = '0.1.0' } = options;
  if (protectReads && !token) {
    throw new UsageError('protected reads need a token: pass --token <secret> or set DETENTE_TOKEN');
  }
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
  app.onError(toErrorResponse);
  app.use('*', securityHeaders());
  if (options.bindHost !== undefined) app.use('*', requireAllowedHost(options.bindHost, options.allowedHosts ?? []));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  if (protectReads && token) app.use('/api/*', requireReadToken(token));
  // After the token check: a cached answer is only ever served to a request allowed to read it.
  if (options.cache !== false) app.use('/api/*', responseCache(store, options.cache === true ? {} : options.cache));

  registerSystemRoutes(app, store, version);
  registerEventRoutes(app, store);
  registerClusterRoutes(app, store);
  registerExportRoutes(app, store);
  registerDyadRoutes(app, store);
  registerArticleRoutes(app, { store, token, maxBodyBytes, ingest: options.ingest ?? defaultIngest });
  registerSearchRoutes(app, store);
  registerCodeRoutes(app);
  registerViewRoutes(app, store);
  registerGlossaryRoutes(app);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Détente API',
      version,
      description: 'Political event data (CAMEO) coded from news, each event traceable to its sentence.',
    },
  });

  app.all('/api/*', (c) => {
    throw new HttpError(404, 'E_NOT_FOUND', `no API route ${c.req.method} ${c.req.path}; see /openapi.json`);
  });
  return app;
}
