/**
 * The OpenAPI document: structurally valid OpenAPI 3.1 (checked with ajv against a minimal
 * schema of the parts we rely on), every served API route documented, every $ref resolvable,
 * and each route's documented query parameters equal to what the route accepts.
 */
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { tempStore, type TempStore } from './fixtures.js';
import { getJson, type App } from './helpers.js';

let t: TempStore;
let app: App;
let doc: any;

beforeAll(async () => {
  t = await tempStore([]);
  app = createApp({ store: t.store, token: 'x' });
  doc = await getJson(app, '/openapi.json');
});
afterAll(async () => t.cleanup());

const parameter = {
  type: 'object',
  required: ['name', 'in'],
  properties: { name: { type: 'string' }, in: { enum: ['query', 'path', 'header', 'cookie'] }, required: { type: 'boolean' }, schema: { type: 'object' } },
};
const operation = {
  type: 'object',
  required: ['responses'],
  properties: {
    parameters: { type: 'array', items: parameter },
    responses: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^([1-5][0-9X]{2}|default)$' },
      additionalProperties: { type: 'object', required: ['description'] },
    },
    requestBody: { type: 'object', required: ['content'] },
  },
};
const openapi31 = {
  type: 'object',
  required: ['openapi', 'info', 'paths'],
  properties: {
    openapi: { type: 'string', pattern: '^3\\.1\\.\\d+$' },
    info: { type: 'object', required: ['title', 'version'] },
    paths: {
      type: 'object',
      propertyNames: { pattern: '^/' },
      additionalProperties: {
        type: 'object',
        propertyNames: { enum: ['get', 'post', 'put', 'delete', 'patch', 'parameters', 'summary', 'description'] },
        additionalProperties: operation,
      },
    },
    components: { type: 'object' },
  },
};

describe('GET /openapi.json', () => {
  it('is a structurally valid OpenAPI 3.1 document', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(openapi31);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('documents every API route the app serves', () => {
    const served = new Set<string>();
    for (const r of (app as any).routes as { method: string; path: string }[]) {
      if (!r.path.startsWith('/api/') || r.path.endsWith('*') || r.method === 'ALL') continue;
      served.add(`${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    }
    const documented = new Set<string>();
    for (const [path, item] of Object.entries<any>(doc.paths)) for (const method of Object.keys(item)) documented.add(`${method} ${path}`);
    expect([...served].sort()).toEqual([...documented].sort());
    expect(served.size).toBeGreaterThanOrEqual(10);
  });

  it('resolves every $ref', () => {
    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) (k === '$ref' && typeof v === 'string' ? refs.push(v) : walk(v));
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const target = ref.replace(/^#\//, '').split('/').reduce((n: any, key) => n?.[key], doc);
      expect(target, ref).toBeTruthy();
    }
  });

  it('serves the CAMEO codebook with names', async () => {
    const { codes } = await getJson(app, '/api/codes');
    const sanctions = codes.find((c: any) => c.code === '163');
    expect(sanctions).toMatchObject({ root: '16', quad_class: 4 });
    expect(sanctions.name.length).toBeGreaterThan(3);
  });

  it('documents the event filters, with limit bounded at 1000', () => {
    const params = doc.paths['/api/events'].get.parameters;
    const names = params.map((p: any) => p.name).sort();
    expect(names).toEqual(
      ['actor', 'article', 'article_q', 'cluster', 'code', 'country', 'cursor', 'directed', 'dyad', 'format', 'from', 'limit', 'modality', 'name', 'outlet', 'per', 'place', 'q', 'quad_class', 'role', 'root', 'source', 'target', 'to'].sort(),
    );
    expect(params.find((p: any) => p.name === 'per').schema.enum).toEqual(['report', 'cluster']);
    expect(doc.paths['/api/clusters/{id}'].get.responses['404']).toBeDefined();
    for (const path of ['/api/dyads', '/api/dyads/{a}/{b}/timeline', '/api/timeline']) {
      expect(doc.paths[path].get.parameters.map((p: any) => p.name), path).toContain('per');
    }
    const limit = params.find((p: any) => p.name === 'limit');
    expect(limit.schema.maximum).toBe(1000);
  });

  it('documents the views over any event filter: facets, timeline, places, and the glossary', () => {
    const filters = ['actor', 'article', 'article_q', 'code', 'country', 'directed', 'dyad', 'from', 'modality', 'name', 'outlet', 'q', 'quad_class', 'role', 'root', 'source', 'target', 'to'];
    for (const path of ['/api/facets', '/api/timeline', '/api/places']) {
      const names = doc.paths[path].get.parameters.map((p: any) => p.name);
      for (const f of filters) expect(names, `${path} ${f}`).toContain(f);
    }
    const facets = doc.paths['/api/facets'].get.parameters.find((p: any) => p.name === 'facets');
    expect(facets.required).toBe(true);
    expect(facets.description).toContain('partial_date');
    expect(doc.paths['/api/timeline'].get.parameters.find((p: any) => p.name === 'bucket').schema.enum).toEqual(['day', 'week', 'month', 'year']);
    expect(doc.paths['/api/glossary'].get.responses['200']).toBeTruthy();
    expect(doc.paths['/api/articles'].get.parameters.map((p: any) => p.name)).toContain('search');
  });

  it('documents the ingest body types, the bearer scheme and the 413', () => {
    const post = doc.paths['/api/articles'].post;
    expect(Object.keys(post.requestBody.content).sort()).toEqual(['application/x-ndjson', 'text/html', 'text/plain']);
    expect(post.security).toEqual([{ bearer: [] }]);
    expect(post.responses['413']).toBeTruthy();
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  });
});
