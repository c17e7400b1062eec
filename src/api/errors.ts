/**
 * @module api/errors
 * The API's one error shape, `{error: {code, message}}`, and the mapping from thrown errors
 * to HTTP statuses. Routes throw; `toErrorResponse` (wired as the app's single `onError`)
 * decides the status, so no handler builds an error body by hand.
 */
import { HTTPException } from 'hono/http-exception';
import type { Context } from 'hono';
import { DetenteError, errorMessage } from '../errors.js';

/** An error that already knows its HTTP status. */
export class HttpError extends DetenteError {
  readonly status: number;
  constructor(status: number, code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.status = status;
  }
}

/** A request parameter that failed validation; the message always names the parameter. */
export function badParameter(name: string, problem: string): HttpError {
  return new HttpError(400, 'E_BAD_PARAMETER', `parameter "${name}": ${problem}`);
}

export interface ErrorBody {
  error: { code: string; message: string };
}

/** Status for errors raised below the API (store, ingest): input problems are 4xx, the rest 500. */
function statusOf(error: DetenteError): number {
  if (error instanceof HttpError) return error.status;
  if (error.code === 'E_NOT_FOUND') return 404;
  // The store and ingest report caller mistakes (a malformed cursor, an unreadable body) with
  // these codes; they are the client's to fix, so they must not surface as a 5xx.
  if (error.code === 'E_USAGE' || /CURSOR|INVALID|BAD_|PARSE|TOO_LARGE/.test(error.code)) {
    return /TOO_LARGE/.test(error.code) ? 413 : 400;
  }
  return 500;
}

/** Turns any thrown value into the API's JSON error response. */
export function toErrorResponse(error: unknown, c: Context): Response {
  let status = 500;
  let body: ErrorBody;
  if (error instanceof DetenteError) {
    status = statusOf(error);
    body = { error: { code: error.code, message: error.message } };
    // The store names the offending option as "cursor: ..."; say it the way the API does.
    const named = error.code === 'E_USAGE' ? /^([a-z_]+): (.*)$/s.exec(error.message) : null;
    if (named) body = { error: { code: 'E_BAD_PARAMETER', message: `parameter "${named[1]}": ${named[2]}` } };
  } else if (error instanceof HTTPException) {
    status = error.status;
    body = { error: { code: `E_HTTP_${status}`, message: error.message || 'request failed' } };
  } else {
    body = { error: { code: 'E_INTERNAL', message: 'internal error; the server log has the details' } };
  }
  if (status >= 500) console.error(`detente serve: ${c.req.method} ${c.req.path}: ${errorMessage(error)}`, error);
  return c.json(body, status as 500);
}
