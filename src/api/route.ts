/**
 * @module api/route
 * Registers an OpenAPI route whose handler returns a content-negotiated `Response`.
 * @hono/zod-openapi types a handler's return value against the documented JSON schema, which
 * cannot express "JSON, CSV or NDJSON depending on Accept"; the single cast below is the price
 * of keeping the schemas as the one source of both validation and documentation.
 */
import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';

/** The typed request context of route `R` (validated `c.req.valid('query' | 'param')`). */
export type RouteContext<R extends RouteConfig> = Parameters<RouteHandler<R, AppEnv>>[0];

export function registerRoute<R extends RouteConfig>(
  app: OpenAPIHono<AppEnv>,
  route: R,
  handler: (c: RouteContext<R>) => Promise<Response> | Response,
): void {
  app.openapi(route, handler as unknown as RouteHandler<R, AppEnv>);
}
