/**
 * @module api/routes/search
 * GET /api/actors?q= (actors by code or name) and GET /api/quotes?speaker=&q= (quotes by speaker
 * or words).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { QuoteRow, Store } from '../../store/store.js';
import type { AppEnv } from '../env.js';
import { render } from '../render/index.js';
import { registerRoute } from '../route.js';
import { ActorQuery, ActorSummarySchema, QuoteQuery, QuoteRowSchema } from '../schemas.js';
import { errorResponses, listContent } from './common.js';

const actorsRoute = createRoute({
  method: 'get',
  path: '/api/actors',
  tags: ['search'],
  summary: 'Actors whose code or name matches q, most mentioned first',
  request: { query: ActorQuery },
  responses: {
    200: { description: 'Matching actors.', content: listContent(z.object({ actors: z.array(ActorSummarySchema) }), ActorSummarySchema) },
    ...errorResponses,
  },
});

const quotesRoute = createRoute({
  method: 'get',
  path: '/api/quotes',
  tags: ['search'],
  summary: 'Quotes by speaker and/or words',
  request: { query: QuoteQuery },
  responses: {
    200: { description: 'Matching quotes with their article.', content: listContent(z.object({ quotes: z.array(QuoteRowSchema) }), QuoteRowSchema) },
    ...errorResponses,
  },
});

function quoteRow(q: QuoteRow): Record<string, unknown> {
  return {
    article_id: q.article_id,
    article_title: q.article_title,
    kind: q.kind,
    text: q.text,
    start: q.start,
    end: q.end,
    speaker_name: q.speaker?.name ?? null,
    speaker_code: q.speaker?.code ?? null,
    speaker_affiliation: q.speaker?.affiliation ?? null,
  };
}

export function registerSearchRoutes(app: OpenAPIHono<AppEnv>, store: Store): void {
  registerRoute(app, actorsRoute, async (c) => {
    const q = c.req.valid('query');
    const actors = await store.searchActors(q.q, q.limit);
    return render(c, { body: { actors }, items: actors });
  });

  registerRoute(app, quotesRoute, async (c) => {
    const q = c.req.valid('query');
    const quotes = await store.searchQuotes({ speaker: q.speaker, text: q.q, limit: q.limit });
    return render(c, { body: { quotes }, items: quotes, toRow: quoteRow });
  });
}
