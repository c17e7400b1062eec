/**
 * @module api/routes/glossary
 * GET /api/glossary: what the codes in the data mean — country names (with ISO numeric codes,
 * which map geometries use), actor role names, organisation codes, QuadClass and the Goldstein
 * scale — so that the dashboard can expand "USAELI" or "IGOWSTNAT" without its own copy.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { cameoCountry } from '../../nlp/actors/countries.js';
import { defaultDataDir, readTsv } from '../../nlp/actors/tsv.js';
import type { AppEnv } from '../env.js';
import { registerRoute } from '../route.js';
import { errorResponses } from './common.js';

const NamedCode = z.object({ code: z.string(), name: z.string() });

const GlossarySchema = z
  .object({
    countries: z.array(NamedCode.extend({ numeric: z.string().nullable().openapi({ description: 'ISO 3166 numeric code, as map geometries key countries.' }) })),
    roles: z.array(NamedCode.extend({ description: z.string() })),
    organizations: z.array(NamedCode),
    quad_classes: z.array(z.object({ quad_class: z.number().int(), name: z.string(), description: z.string() })),
    goldstein: z.string(),
    modalities: z.array(z.object({ modality: z.string(), description: z.string() })),
  })
  .openapi('Glossary');

const route = createRoute({
  method: 'get',
  path: '/api/glossary',
  tags: ['codes'],
  summary: 'What country, role and organisation codes, QuadClass, Goldstein and modality mean',
  responses: {
    200: { description: 'The glossary.', content: { 'application/json': { schema: GlossarySchema } } },
    ...errorResponses,
  },
});

type Glossary = z.infer<typeof GlossarySchema>;

export const QUAD_CLASSES = [
  { quad_class: 1, name: 'Verbal cooperation', description: 'Statements, appeals, intentions and consultations that are cooperative (CAMEO roots 01–05).' },
  { quad_class: 2, name: 'Material cooperation', description: 'Cooperative acts: aid, agreements carried out, concessions (roots 06–08).' },
  { quad_class: 3, name: 'Verbal conflict', description: 'Demands, disapproval, rejections and threats (roots 09–13).' },
  { quad_class: 4, name: 'Material conflict', description: 'Protests, force postures, sanctions, coercion and violence (roots 14–20).' },
];

const GOLDSTEIN =
  'The Goldstein scale scores each kind of event from −10 (most conflictual, e.g. military attack) to +10 (most cooperative, e.g. a merger of states). ' +
  'Summed Goldstein adds the scores of a period (it grows with volume); mean Goldstein divides by the number of events (the tone of a period).';

const MODALITIES = [
  { modality: 'asserted', description: 'The text says it happened. Only asserted events are counted by default.' },
  { modality: 'negated', description: 'The text says it did not happen ("did not impose sanctions").' },
  { modality: 'hypothetical', description: 'Possible, planned, threatened or asked about, but not said to have happened ("could impose", "would visit", "will it respond?").' },
];

let cached: Glossary | undefined;

function glossary(): Glossary {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const world = require('world-countries') as { cca3: string; ccn3: string; name: { common: string } }[];
  const countries = world
    .map((c) => ({ code: cameoCountry(c.cca3), name: c.name.common, numeric: c.ccn3 || null }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const dataDir = defaultDataDir();
  const roles = readTsv(join(dataDir, 'actors', 'role-names.tsv')).map((r) => ({ code: r.role, name: r.name, description: r.description }));
  const organizations = new Map<string, string>();
  const countryCodes = new Set(countries.map((c) => c.code));
  const roleCodes = new Set(roles.map((r) => r.code));
  // "USAGOV" is the United States' government, not the Federal Reserve that the dictionary codes USAGOV:
  // a code that reads as a country and role codes is expanded from those, never named by an organisation.
  const composite = (code: string) =>
    countryCodes.has(code.slice(0, 3)) && code.length % 3 === 0 && [...code.slice(3).matchAll(/.{3}/g)].every((m) => roleCodes.has(m[0]));
  for (const row of readTsv(join(dataDir, 'actors', 'organizations.tsv'))) {
    // The first row of a code names it ("NATO" before "NATO-Russia Council").
    if (row.code && row.code !== 'null' && !composite(row.code) && !organizations.has(row.code)) organizations.set(row.code, row.name);
  }
  cached = {
    countries,
    roles,
    organizations: [...organizations].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    quad_classes: QUAD_CLASSES,
    goldstein: GOLDSTEIN,
    modalities: MODALITIES,
  };
  return cached;
}

export function registerGlossaryRoutes(app: OpenAPIHono<AppEnv>): void {
  registerRoute(app, route, (c) => {
    const response = c.json(glossary(), 200);
    response.headers.set('cache-control', 'public, max-age=3600');
    return response;
  });
}
