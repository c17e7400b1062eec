/**
 * @module api/routes/dyads
 * GET /api/dyads (country pairs ranked by activity) and
 * GET /api/dyads/{a}/{b}/timeline (events per period: QuadClass counts, mean and summed Goldstein).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Store, TimelineBucket } from '../../store/store.js';
import type { AppEnv } from '../env.js';
import { render } from '../render/index.js';
import { registerRoute } from '../route.js';
import { DyadParams, DyadQuery, DyadSchema, TimelineBucketSchema, TimelineQuery, TimelineSchema } from '../schemas.js';
import { checkRange, errorResponses, listContent } from './common.js';
import { chooseBucket } from '../bucket-cap.js';

const listRoute = createRoute({
  method: 'get',
  path: '/api/dyads',
  tags: ['dyads'],
  summary: 'Directed country pairs ranked by number of events',
  request: { query: DyadQuery },
  responses: {
    200: {
      description: 'Dyads, most active first.',
      content: listContent(z.object({ dyads: z.array(DyadSchema) }), DyadSchema),
    },
    ...errorResponses,
  },
});

const timelineRoute = createRoute({
  method: 'get',
  path: '/api/dyads/{a}/{b}/timeline',
  tags: ['dyads'],
  summary: 'Events between two actors per day, ISO week or month',
  request: { params: DyadParams, query: TimelineQuery },
  responses: {
    200: { description: 'Buckets in time order; empty periods are omitted.', content: listContent(TimelineSchema, TimelineBucketSchema) },
    ...errorResponses,
  },
});

function bucketRow(b: TimelineBucket): Record<string, unknown> {
  return {
    period: b.period,
    events: b.events,
    quad1: b.quad[0],
    quad2: b.quad[1],
    quad3: b.quad[2],
    quad4: b.quad[3],
    mean_goldstein: b.mean_goldstein,
    sum_goldstein: b.sum_goldstein,
  };
}

export function registerDyadRoutes(app: OpenAPIHono<AppEnv>, store: Store): void {
  registerRoute(app, listRoute, async (c) => {
    const q = c.req.valid('query');
    checkRange(q.from, q.to);
    const dyads = await store.dyads({ limit: q.limit, from: q.from, to: q.to, per: q.per });
    return render(c, { body: { dyads }, items: dyads });
  });

  registerRoute(app, timelineRoute, async (c) => {
    const { a, b } = c.req.valid('param');
    const q = c.req.valid('query');
    checkRange(q.from, q.to);
    const directed = q.directed ?? false;
    const bucket = await chooseBucket(store, q.bucket, q, q.max_buckets, ['day', 'week', 'month'] as const, c.get('storeVersion'));
    const buckets = await store.timeline({ a, b, directed, bucket, from: q.from, to: q.to, modality: q.modality, per: q.per });
    const requested = bucket === q.bucket ? {} : { requested_bucket: q.bucket };
    return render(c, {
      body: { a, b, directed, bucket, ...requested, buckets },
      items: buckets,
      toRow: bucketRow,
    });
  });
}
