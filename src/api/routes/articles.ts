/**
 * @module api/routes/articles
 * GET /api/articles (summaries), GET /api/articles/{id} (text with every annotation) and
 * POST /api/articles (ingest a text, HTML or JSONL body through the same ingest + pipeline +
 * store path as the CLI; token-protected and size-limited).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../../store/store.js';
import { requireWriteToken } from '../auth.js';
import type { AppEnv, IngestBody } from '../env.js';
import { HttpError, badParameter } from '../errors.js';
import { render } from '../render/index.js';
import { registerRoute } from '../route.js';
import {
  ArticleListQuery,
  ArticleParams,
  ArticleRecordSchema,
  ArticleSummarySchema,
  ErrorSchema,
  IngestResultSchema,
  datePrefix,
} from '../schemas.js';
import { checkRange, errorResponses, listContent, notFoundResponse } from './common.js';

const listRoute = createRoute({
  method: 'get',
  path: '/api/articles',
  tags: ['articles'],
  summary: 'Stored articles, newest first',
  request: { query: ArticleListQuery },
  responses: {
    200: {
      description: 'Article summaries.',
      content: listContent(z.object({ articles: z.array(ArticleSummarySchema) }), ArticleSummarySchema),
    },
    ...errorResponses,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/articles/{id}',
  tags: ['articles'],
  summary: 'One article: clean text, sentences, mentions, events and quotes',
  request: { params: ArticleParams },
  responses: {
    200: { description: 'The article record.', content: { 'application/json': { schema: ArticleRecordSchema } } },
    ...errorResponses,
    ...notFoundResponse,
  },
});

const MEDIA_TYPES = ['text/plain', 'text/html', 'application/x-ndjson'] as const;
type IngestMediaType = (typeof MEDIA_TYPES)[number];

const bodyText = z.string().openapi({ format: 'binary' });

function postRoute(maxBytes: number) {
  return createRoute({
    method: 'post',
    path: '/api/articles',
    tags: ['articles'],
    summary: 'Ingest articles: plain text, HTML, or JSONL records (one article per line)',
    security: [{ bearer: [] }],
    request: {
      query: z.strictObject({
        published: datePrefix
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
          .optional()
          .openapi({ description: 'Publication date for inputs that carry none.' }),
      }),
      body: {
        required: true,
        description: `At most ${maxBytes} bytes.`,
        content: {
          'text/plain': { schema: bodyText },
          'text/html': { schema: bodyText },
          'application/x-ndjson': { schema: bodyText },
        },
      },
    },
    responses: {
      201: { description: 'What was stored.', content: { 'application/json': { schema: IngestResultSchema } } },
      ...errorResponses,
      413: { description: 'The body is larger than the limit.', content: { 'application/json': { schema: ErrorSchema } } },
      415: { description: 'Unsupported Content-Type.', content: { 'application/json': { schema: ErrorSchema } } },
    },
  });
}

/** The declared media type, with the JSONL aliases people use mapped to application/x-ndjson. */
function mediaTypeOf(header: string | undefined): IngestMediaType {
  const type = (header ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/plain' || type === 'text/html') return type;
  if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl' || type === 'application/x-jsonlines') {
    return 'application/x-ndjson';
  }
  throw new HttpError(
    415,
    'E_UNSUPPORTED_MEDIA_TYPE',
    `Content-Type "${type || '(none)'}" is not accepted; send text/plain, text/html or application/x-ndjson`,
  );
}

export interface ArticleRouteOptions {
  store: Store;
  token?: string;
  maxBodyBytes: number;
  ingest: IngestBody;
}

export function registerArticleRoutes(app: OpenAPIHono<AppEnv>, options: ArticleRouteOptions): void {
  const { store, maxBodyBytes } = options;

  registerRoute(app, listRoute, async (c) => {
    const q = c.req.valid('query');
    checkRange(q.from, q.to);
    const articles = q.search !== undefined ? await store.searchArticles(q.search, q.limit) : await store.listArticles({ from: q.from, to: q.to, text: q.q, limit: q.limit, offset: q.offset });
    return render(c, { body: { articles }, items: articles });
  });

  registerRoute(app, getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const article = await store.getArticle(id);
    if (!article) throw new HttpError(404, 'E_NOT_FOUND', `no article with id "${id}"`);
    return render(c, { body: article });
  });

  // Auth runs before the size limit, so an anonymous client cannot make the server read 5 MiB.
  app.use('/api/articles', async (c, next) => (c.req.method === 'POST' ? requireWriteToken(options.token)(c, next) : next()));
  app.use(
    '/api/articles',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new HttpError(413, 'E_TOO_LARGE', `the request body is larger than the limit of ${maxBodyBytes} bytes; split it into several requests`);
      },
    }),
  );

  registerRoute(app, postRoute(maxBodyBytes), async (c) => {
    const mediaType = mediaTypeOf(c.req.header('content-type'));
    const { published } = c.req.valid('query');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength === 0) throw badParameter('body', 'is empty; send the article text, HTML or JSONL records');
    const outcome = await options.ingest({ bytes, mediaType, published }, store);
    return render(c, { body: outcome, status: 201 });
  });
}
