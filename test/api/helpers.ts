/**
 * @module test/api/helpers
 * Small request helpers for in-process API tests (`app.request`, no ports).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { expect } from 'vitest';

export type App = OpenAPIHono<any>;

export async function getJson<T = any>(app: App, path: string, init?: RequestInit): Promise<T> {
  const res = await app.request(path, init);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Expects an error response with `status` whose message mentions `parameter`. */
export async function expectError(res: Response, status: number, mention?: string): Promise<{ code: string; message: string }> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(typeof body.error.code).toBe('string');
  if (mention) expect(body.error.message).toContain(mention);
  return body.error;
}
