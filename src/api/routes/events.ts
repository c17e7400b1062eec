/**
 * @module api/routes/events
 * GET /api/events: coded events with filters and cursor pagination, in JSON, CSV or NDJSON.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { EventFilter, EventRow, Store } from '../../store/store.js';
import type { AppEnv } from '../env.js';
import { render } from '../render/index.js';
import { registerRoute } from '../route.js';
import { EventPageSchema, EventQuery, EventRowSchema } from '../schemas.js';
import { errorResponses, listContent } from './common.js';
import { eventFilterOf } from './views.js';
import { datePrecision } from '../../export/precision.js';

const route = createRoute({
  method: 'get',
  path: '/api/events',
  tags: ['events'],
  summary: 'Coded events, filtered and paginated by cursor',
  request: { query: EventQuery },
  responses: {
    200: { description: 'One page of events and the cursor of the next.', content: listContent(EventPageSchema, EventRowSchema) },
    ...errorResponses,
  },
});

export const EVENT_COLUMNS = [
  'article_id', 'id', 'date', 'date_source', 'code', 'root', 'quad_class', 'goldstein',
  'source_code', 'source_name', 'target_code', 'target_name', 'modality', 'sentence',
  'evidence', 'evidence_start', 'evidence_end', 'location', 'rule', 'article_title', 'article_published', 'article_url',
  'date_precision', 'cluster_id', 'cluster_articles',
];

/** One event as a flat CSV row. */
export function eventRow(e: EventRow): Record<string, unknown> {
  return {
    article_id: e.article_id,
    id: e.id,
    date: e.date,
    date_source: e.date_source,
    code: e.code,
    root: e.root,
    quad_class: e.quad_class,
    goldstein: e.goldstein,
    source_code: e.source?.code ?? null,
    source_name: e.source?.name ?? null,
    target_code: e.target?.code ?? null,
    target_name: e.target?.name ?? null,
    modality: e.modality,
    sentence: e.sentence,
    evidence: e.evidence.text,
    evidence_start: e.evidence.start,
    evidence_end: e.evidence.end,
    location: e.location?.name ?? null,
    rule: e.rule,
    article_title: e.article_title,
    article_published: e.article_published,
    article_url: e.article_url ?? null,
    date_precision: datePrecision(e.date),
    cluster_id: e.cluster?.id ?? null,
    cluster_articles: e.cluster?.articles ?? null,
  };
}

export function registerEventRoutes(app: OpenAPIHono<AppEnv>, store: Store): void {
  registerRoute(app, route, async (c) => {
    const q = c.req.valid('query');
    const filter: EventFilter = { ...eventFilterOf(q), limit: q.limit, cursor: q.cursor };
    const page = await store.queryEvents(filter);
    return render(c, {
      body: page,
      items: page.events,
      toRow: eventRow,
      columns: EVENT_COLUMNS,
      next: page.next,
    });
  });
}
