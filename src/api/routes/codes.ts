/**
 * @module api/routes/codes
 * GET /api/codes: the CAMEO event codebook (code, root, QuadClass, Goldstein, name), so clients
 * such as the dashboard can name an event code without shipping their own copy of the table.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { loadCodebook } from '../../coder/cameo/codebook.js';
import type { AppEnv } from '../env.js';
import { render } from '../render/index.js';
import { registerRoute } from '../route.js';
import { format } from '../schemas.js';
import { errorResponses, listContent } from './common.js';

const CodeSchema = z
  .object({
    code: z.string(),
    root: z.string(),
    quad_class: z.number().int().min(1).max(4),
    goldstein: z.number(),
    name: z.string(),
  })
  .openapi('EventCode');

const route = createRoute({
  method: 'get',
  path: '/api/codes',
  tags: ['codes'],
  summary: 'The CAMEO event codes the coder uses, with names and Goldstein weights',
  request: { query: z.strictObject({ format: format.optional() }) },
  responses: {
    200: { description: 'Every event code, in codebook order.', content: listContent(z.object({ codes: z.array(CodeSchema) }), CodeSchema) },
    ...errorResponses,
  },
});

type Code = z.infer<typeof CodeSchema>;
let cached: Code[] | undefined;

function codes(): Code[] {
  cached ??= loadCodebook()
    .entries()
    .map((e) => ({ code: e.code, root: e.root, quad_class: e.quadClass, goldstein: e.goldstein, name: e.name }));
  return cached;
}

export function registerCodeRoutes(app: OpenAPIHono<AppEnv>): void {
  registerRoute(app, route, (c) => {
    const list = codes();
    const response = render(c, { body: { codes: list }, items: list });
    // The codebook changes only with a new release; let browsers keep it for the session.
    response.headers.set('cache-control', 'public, max-age=3600');
    return response;
  });
}
