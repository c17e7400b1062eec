/**
 * @module api/routes/clusters
 * GET /api/clusters/{id}: one cross-story cluster (the reports of one happening by different
 * articles) with its counts, representative code, date and place, and every report, first
 * report first, each traceable to its article and sentence. Listing reports per cluster or per
 * report is the `per` parameter of /api/events, /api/timeline and the dyad routes.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '../../store/store.js';
import type { AppEnv } from '../env.js';
import { HttpError } from '../errors.js';
import { render } from '../render/index.js';
import { registerRoute } from '../route.js';
import { ClusterDetailSchema, ClusterParams } from '../schemas.js';
import { errorResponses, notFoundResponse } from './common.js';

const route = createRoute({
  method: 'get',
  path: '/api/clusters/{id}',
  tags: ['events'],
  summary: 'One cross-story event cluster with all its reports',
  request: { params: ClusterParams },
  responses: {
    200: { description: 'The cluster and its reports, first report first.', content: { 'application/json': { schema: ClusterDetailSchema } } },
    ...errorResponses,
    ...notFoundResponse,
  },
});

export function registerClusterRoutes(app: OpenAPIHono<AppEnv>, store: Store): void {
  registerRoute(app, route, async (c) => {
    const { id } = c.req.valid('param');
    const cluster = await store.getCluster(id);
    if (!cluster) throw new HttpError(404, 'E_NOT_FOUND', `no cluster with id "${id}"`);
    return render(c, { body: cluster });
  });
}
