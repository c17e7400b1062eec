/**
 * @module api/routes/system
 * GET /api/health (liveness, no store access beyond a cheap count) and GET /api/stats.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '../../store/store.js';
import type { AppEnv } from '../env.js';
import { render } from '../render/index.js';
import { registerRoute } from '../route.js';
import { HealthSchema, StatsSchema } from '../schemas.js';
import { errorResponses } from './common.js';

const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Liveness check',
  responses: { 200: { description: 'The server is up.', content: { 'application/json': { schema: HealthSchema } } } },
});

const statsRoute = createRoute({
  method: 'get',
  path: '/api/stats',
  tags: ['system'],
  summary: 'Counts of stored articles, events, mentions, quotes and failures',
  responses: {
    200: { description: 'Store counts.', content: { 'application/json': { schema: StatsSchema } } },
    ...errorResponses,
  },
});

export function registerSystemRoutes(app: OpenAPIHono<AppEnv>, store: Store, version: string): void {
  registerRoute(app, healthRoute, (c) => render(c, { body: { status: 'ok', version } }));
  registerRoute(app, statsRoute, async (c) => render(c, { body: await store.stats() }));
}
