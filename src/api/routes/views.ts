/**
 * @module api/routes/views
 * The analyst's views over any event filter (the same parameters as /api/events):
 * GET /api/facets (counts per value of each field named, for filter pickers),
 * GET /api/timeline (events per day, week, month or year) and GET /api/places (located events per place).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { EventFilter, PlaceSummary, Store, TimelineBucket } from '../../store/store.js';
import type { AppEnv } from '../env.js';
import { badParameter } from '../errors.js';
import { render } from '../render/index.js';
import { registerRoute } from '../route.js';
import { EventQuery, FacetQuery, FacetsSchema, PlaceQuery, PlaceSchema, TimelineBucketSchema, ViewTimelineQuery, ViewTimelineSchema } from '../schemas.js';
import { checkRange, errorResponses, listContent } from './common.js';
import { chooseBucket } from '../bucket-cap.js';

type FilterParams = Omit<z.infer<typeof EventQuery>, 'limit' | 'cursor' | 'format'>;

/** The store filter of the query parameters every view of events shares. */
export function eventFilterOf(q: FilterParams): EventFilter {
  checkRange(q.from, q.to);
  if (q.directed !== undefined && !q.dyad) throw badParameter('directed', 'only applies together with "dyad"');
  return {
    dyad: q.dyad,
    directed: q.directed,
    actor: q.actor,
    country: q.country,
    source: q.source,
    target: q.target,
    root: q.root,
    code: q.code,
    quadClass: q.quad_class,
    from: q.from,
    to: q.to,
    modality: q.modality ?? 'asserted',
    text: q.q,
    articleId: q.article,
    role: q.role,
    name: q.name,
    outlet: q.outlet,
    articleText: q.article_q,
    place: q.place,
    clusterId: q.cluster,
    per: q.per,
  };
}

const facetsRoute = createRoute({
  method: 'get',
  path: '/api/facets',
  tags: ['events'],
  summary: 'Facet counts of a filtered view of events (for filter pickers)',
  description:
    'Takes every filter of /api/events. Each facet ignores the filter on its own field (the modality facet counts every modality; root ignores root and code), so the alternatives to a choice stay visible.',
  request: { query: FacetQuery },
  responses: {
    200: { description: 'Values and event counts per facet.', content: { 'application/json': { schema: FacetsSchema } } },
    ...errorResponses,
  },
});

const timelineRoute = createRoute({
  method: 'get',
  path: '/api/timeline',
  tags: ['events'],
  summary: 'A filtered view of events per day, ISO week, month or year',
  description: 'Takes every filter of /api/events. Events dated more coarsely than the bucket are left out; GET /api/facets?facets=partial_date counts them.',
  request: { query: ViewTimelineQuery },
  responses: {
    200: { description: 'Buckets in time order; empty periods are omitted.', content: listContent(ViewTimelineSchema, TimelineBucketSchema) },
    ...errorResponses,
  },
});

const placesRoute = createRoute({
  method: 'get',
  path: '/api/places',
  tags: ['events'],
  summary: 'Located places of a filtered view of events, with event counts',
  request: { query: PlaceQuery },
  responses: {
    200: { description: 'Places with coordinates, most events first.', content: listContent(z.object({ places: z.array(PlaceSchema) }), PlaceSchema) },
    ...errorResponses,
  },
});

function bucketRow(b: TimelineBucket): Record<string, unknown> {
  return { period: b.period, events: b.events, quad1: b.quad[0], quad2: b.quad[1], quad3: b.quad[2], quad4: b.quad[3], mean_goldstein: b.mean_goldstein, sum_goldstein: b.sum_goldstein };
}

export function registerViewRoutes(app: OpenAPIHono<AppEnv>, store: Store): void {
  registerRoute(app, facetsRoute, async (c) => {
    const { facets: names, limit, ...q } = c.req.valid('query');
    const facets = await store.facets({ filter: eventFilterOf(q), facets: names, limit });
    return c.json({ facets }, 200);
  });

  registerRoute(app, timelineRoute, async (c) => {
    const { bucket: asked, max_buckets: maxBuckets, format: _format, ...q } = c.req.valid('query');
    const filter = eventFilterOf(q);
    const bucket = await chooseBucket(store, asked, q, maxBuckets, undefined, c.get('storeVersion'));
    const buckets = await store.eventTimeline({ filter, bucket });
    const requested = bucket === asked ? {} : { requested_bucket: asked };
    return render(c, { body: { bucket, ...requested, buckets }, items: buckets, toRow: bucketRow });
  });

  registerRoute(app, placesRoute, async (c) => {
    const { limit, format: _format, ...q } = c.req.valid('query');
    const places: PlaceSummary[] = await store.places(eventFilterOf(q), limit);
    return render(c, { body: { places }, items: places });
  });
}
