/**
 * @module api/render
 * Chooses the response format (JSON, CSV or NDJSON) from `?format=` or the Accept header and
 * renders a route's payload in it. Routes return data; only this module knows about formats.
 */
import type { Context } from 'hono';
import { HttpError } from '../errors.js';
import { renderCsv } from './csv.js';
import { renderNdjson } from './ndjson.js';
import type { Payload, Row } from './payload.js';

export type { Payload, Row } from './payload.js';
export type Format = 'json' | 'csv' | 'ndjson';

const MEDIA: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** The format asked for: an explicit `?format=` wins over the Accept header; JSON is the default. */
export function chooseFormat(c: Context): Format {
  const explicit = c.req.query('format');
  if (explicit === 'json' || explicit === 'csv' || explicit === 'ndjson') return explicit;
  const accept = (c.req.header('accept') ?? '').toLowerCase();
  // First listed of the three wins; quality values are rare from scripts and are not weighed.
  const candidates: [Format, number][] = [
    ['csv', accept.indexOf('text/csv')],
    ['ndjson', Math.max(accept.indexOf('application/x-ndjson'), accept.indexOf('application/ndjson'))],
    ['json', accept.indexOf('application/json')],
  ];
  const present = candidates.filter(([, at]) => at >= 0).sort((x, y) => x[1] - y[1]);
  return present.length > 0 ? present[0][0] : 'json';
}

/**
 * The text each rendered response was made from, so that the response cache can keep it without
 * reading the response back as a stream (which builds a full fetch Response per request).
 */
const renderedTexts = new WeakMap<Response, string>();

/** The text `response` was rendered from, when render() made it. */
export function renderedText(response: Response): string | undefined {
  return renderedTexts.get(response);
}

function textResponse(text: string, status: number, headers: Record<string, string>): Response {
  const response = new Response(text, { status, headers });
  renderedTexts.set(response, text);
  return response;
}

/** Renders `payload` in the negotiated format. */
export function render<T>(c: Context, payload: Payload<T>): Response {
  const format = chooseFormat(c);
  const status = payload.status ?? 200;
  const headers: Record<string, string> = { 'content-type': MEDIA[format] };
  if (format === 'json') {
    return textResponse(JSON.stringify(payload.body), status, headers);
  }
  if (!payload.items) {
    throw new HttpError(406, 'E_NOT_ACCEPTABLE', `parameter "format": ${format} is offered for lists only; this resource is JSON`);
  }
  if (payload.next) {
    headers['x-next-cursor'] = payload.next;
    const url = new URL(c.req.url);
    url.searchParams.set('cursor', payload.next);
    headers.link = `<${url.pathname}${url.search}>; rel="next"`;
  }
  if (format === 'ndjson') return textResponse(renderNdjson(payload.items), status, headers);
  // Without a flattener, list items are already flat records (dyads, actors, articles).
  const toRow = payload.toRow ?? ((item: T) => item as Row);
  return textResponse(renderCsv(payload.items.map(toRow), payload.columns), status, headers);
}
