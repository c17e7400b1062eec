/**
 * @module api/routes/common
 * Pieces every route shares: the documented error responses, the list media types, and the
 * checks that span two parameters (a date range the right way round).
 */
import { z } from '@hono/zod-openapi';
import { ErrorSchema } from '../schemas.js';
import { badParameter } from '../errors.js';

const errorContent = { 'application/json': { schema: ErrorSchema } };

/** 400/401/403 responses documented on every route. */
export const errorResponses = {
  400: { description: 'A parameter is invalid; the message names it.', content: errorContent },
  401: { description: 'A token is required (Authorization: Bearer <token>).', content: errorContent },
  403: { description: 'The token is wrong, or the operation is disabled.', content: errorContent },
} as const;

export const notFoundResponse = {
  404: { description: 'Not found.', content: errorContent },
} as const;

/** JSON plus the list formats (one item per CSV row / NDJSON line). */
export function listContent<T extends z.ZodType>(schema: T, itemSchema: z.ZodType) {
  return {
    'application/json': { schema },
    'text/csv': { schema: z.string().openapi({ description: 'One item per row, flattened.' }) },
    'application/x-ndjson': { schema: itemSchema },
  };
}

/** Rejects `from` after `to`, which would silently match nothing. */
export function checkRange(from?: string, to?: string): void {
  if (from && to && from.slice(0, Math.min(from.length, to.length)) > to.slice(0, Math.min(from.length, to.length))) {
    throw badParameter('from', `"${from}" is after "to" (${to})`);
  }
}
