/**
 * @module api/routes/exports
 * GET /api/export: every event of a filtered view as one downloadable file in an analyst's
 * format (GDELT 2.0 Events or Mentions, PLOVER, POLECAT-like, ICEWS-style, CSV, JSON Lines),
 * written by the same writers as `detente events --format`. The file streams page by page from
 * the store, so it holds every matching row however many there are; `per=cluster` writes one row
 * per happening with the cluster's ids and counts; `dyadic` writes a multilateral event as one row
 * per pair of its participants.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { EventFilter, Store } from '../../store/store.js';
import { exportWriter, type ExportFormat } from '../../export/writers.js';
import { expandDyadic } from '../../export/dyadic.js';
import type { AppEnv } from '../env.js';
import { registerRoute } from '../route.js';
import { ExportQuery } from '../schemas.js';
import { errorResponses } from './common.js';
import { eventFilterOf } from './views.js';

const PAGE = 1000;

const route = createRoute({
  method: 'get',
  path: '/api/export',
  tags: ['events'],
  summary: 'Every event of a filtered view as a file in an analyst format (GDELT 2.0, PLOVER, ICEWS, CSV, JSONL)',
  request: { query: ExportQuery },
  responses: {
    200: {
      description: 'The whole file, streamed; Content-Disposition names it.',
      content: {
        'text/tab-separated-values': { schema: z.string() },
        'text/csv': { schema: z.string() },
        'application/x-ndjson': { schema: z.string() },
        'application/json': { schema: z.string() },
      },
    },
    ...errorResponses,
  },
});

/** The file's text, chunk by chunk: header, every row of every page, footer. */
async function* exportChunks(store: Store, filter: EventFilter, format: ExportFormat, dyadic: boolean): AsyncGenerator<string> {
  const writer = exportWriter(format, { per: filter.per ?? 'report' });
  yield writer.header();
  let cursor: string | undefined;
  do {
    const page = await store.queryEvents({ ...filter, limit: PAGE, cursor });
    let text = '';
    for (const event of page.events) for (const row of dyadic ? expandDyadic(event) : [event]) text += writer.row(row);
    if (text !== '') yield text;
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  yield writer.footer();
}

export function registerExportRoutes(app: OpenAPIHono<AppEnv>, store: Store): void {
  registerRoute(app, route, async (c) => {
    const { format, dyadic, ...q } = c.req.valid('query');
    const filter = eventFilterOf(q);
    const writer = exportWriter(format, { per: filter.per ?? 'report' });
    const chunks = exportChunks(store, filter, format, dyadic === true);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // Skip empty chunks (formats without a header): a pull that enqueues nothing may not be repeated.
        for (;;) {
          const next = await chunks.next();
          if (next.done) return controller.close();
          if (next.value !== '') return controller.enqueue(encoder.encode(next.value));
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      status: 200,
      headers: { 'content-type': writer.mediaType, 'content-disposition': `attachment; filename="detente-events.${writer.extension}"` },
    });
  });
}
