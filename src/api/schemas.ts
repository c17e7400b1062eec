/**
 * @module api/schemas
 * The zod schemas that both validate requests and generate the OpenAPI document, so the
 * documented API and the enforced API cannot drift apart. Query values arrive as strings;
 * the schemas check their shape and convert them (numbers, booleans, upper-case codes).
 */
import { z } from '@hono/zod-openapi';
import { DEFAULT_MAX_BUCKETS, MAX_MAX_BUCKETS } from './bucket-cap.js';

const DATE_PREFIX = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD", compared on the event date's prefix. */
export const datePrefix = z
  .string()
  .regex(DATE_PREFIX, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

/** Actor codes are upper-case CAMEO codes; accept any case so `?actor=usa` works. */
export const actorCode = z
  .string()
  .regex(/^[A-Za-z]{3,15}$/, 'expected a CAMEO actor code of 3 to 15 letters, e.g. USA or USAGOV')
  .transform((s) => s.toUpperCase());

export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'expected a three-letter country code, e.g. USA')
  .transform((s) => s.toUpperCase());

/** Accepts the spellings people type in URLs: true/false, 1/0, yes/no, and a bare flag (`?directed`). */
export const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((s) => s === 'true' || s === '1' || s === 'yes' || s === '');

export const format = z.enum(['json', 'csv', 'ndjson']).openapi({
  description: 'Response format; overrides the Accept header (application/json, text/csv, application/x-ndjson).',
});

const limit = (max: number, fallback: number) =>
  z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`)
    .default(fallback);

/** The event filter every view of events takes: the event list, facets, timelines, places. */
/** Count and list per report (every stored event) or per cluster (each happening once). */
const per = z.enum(['report', 'cluster']).openapi({
  description: '`report` (default): every report of an event. `cluster`: each cross-story cluster of reports of one happening once, as its first report.',
});

const eventFilterFields = {
  actor: actorCode.optional().openapi({ description: 'Actor code prefix on source or target (USA, USAGOV).' }),
  dyad: z
    .string()
    .regex(/^[A-Za-z]{3,15},[A-Za-z]{3,15}$/, 'expected two actor codes separated by a comma, e.g. USA,RUS')
    .transform((s) => s.toUpperCase().split(',') as [string, string])
    .optional()
    .openapi({ description: 'Pair of countries, both directions unless `directed`.', example: 'USA,RUS' }),
  directed: flag.optional().openapi({ description: 'With `dyad`: only events from the first to the second.' }),
  country: countryCode.optional(),
  source: actorCode.optional().openapi({ description: 'Source actor code prefix.' }),
  target: actorCode.optional().openapi({ description: 'Target actor code prefix.' }),
  root: z.string().regex(/^\d{2}$/, 'expected a two-digit CAMEO root code, e.g. 16').optional(),
  code: z.string().regex(/^\d{2,4}$/, 'expected a CAMEO event code prefix of 2 to 4 digits').optional(),
  quad_class: z.coerce
    .number({ error: 'expected 1, 2, 3 or 4' })
    .int('expected 1, 2, 3 or 4')
    .min(1, 'expected 1, 2, 3 or 4')
    .max(4, 'expected 1, 2, 3 or 4')
    .optional(),
  from: datePrefix.optional(),
  to: datePrefix.optional(),
  modality: z.enum(['asserted', 'negated', 'hypothetical', 'all']).optional().openapi({
    description: 'Defaults to asserted: only asserted events count as having happened.',
  }),
  q: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional().openapi({
    description: 'Full-text search (stemmed; words ANDed) over the evidence text and the source and target actor names: "expel" finds "expelled", "sanction" finds "sanctions".',
  }),
  article: z.string().min(1).max(200, 'must be at most 200 characters').optional(),
  role: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'expected a three-letter CAMEO role code, e.g. GOV, MIL, REB')
    .transform((s) => s.toUpperCase())
    .optional()
    .openapi({ description: 'Actor role (GOV, MIL, REB, ...) on the source or the target.' }),
  name: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional().openapi({
    description: "Actor name on the source or the target, ignoring case: a person's events (\"Vladimir Putin\"), not every event of their government.",
  }),
  outlet: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional().openapi({
    description: "The article's source (outlet), exactly.",
  }),
  place: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional().openapi({
    description: "The event's located place name, exactly (as /api/places lists it).",
  }),
  article_q: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional().openapi({
    description: 'Full-text search (stemmed; words ANDed) over the title and text of the event\'s article.',
  }),  cluster: z.string().regex(/^[\w-]{1,100}$/, 'expected a cluster id as events list it (cluster.id)').optional().openapi({
    description: 'The reports of one cross-story cluster (every article that reported one happening).',
  }),
  per: per.optional(),
};

export const EventQuery = z.strictObject({
  ...eventFilterFields,
  limit: limit(1000, 100),
  cursor: z.string().min(1).max(1000, 'must be at most 1000 characters').optional(),
  format: format.optional(),
});

export const ExportQuery = z.strictObject({
  ...eventFilterFields,
  dyadic: flag.optional().openapi({ description: 'A multilateral event (a summit, an accord) as one row per pair of its participants, for tools that know only dyads; otherwise one row with its participants.' }),
  format: z.enum(['csv', 'jsonl', 'gdelt', 'gdelt-mentions', 'plover', 'plover-json', 'polecat', 'icews']).openapi({
    description:
      'csv and jsonl (with date_precision and cluster_id); gdelt: the GDELT 2.0 Events table (61 columns, no header); gdelt-mentions: its Mentions table (16 columns); plover: PLOVER JSON Lines; plover-json: one PLOVER JSON array; polecat: a POLECAT-like TSV; icews: an ICEWS-style TSV.',
  }),
});

export const FACETS = ['root', 'code', 'quad_class', 'source_country', 'target_country', 'country', 'dyad', 'role', 'actor', 'name', 'modality', 'outlet', 'date_precision', 'partial_date'] as const;

export const FacetQuery = z.strictObject({
  ...eventFilterFields,
  facets: z
    .string()
    .transform((s) => s.split(',').map((f) => f.trim()).filter(Boolean))
    .pipe(z.array(z.enum(FACETS, { error: `expected facet names from: ${FACETS.join(', ')}` })).min(1, 'name at least one facet'))
    .openapi({ description: `Comma-separated facet names: ${FACETS.join(', ')}. Each facet ignores the filter on its own field.`, example: 'root,quad_class,country' }),
  limit: limit(1000, 20).openapi({ description: 'Values per facet, most events first.' }),
});

/** The most periods a timeline answer may hold (shared by the dyad and the any-filter timelines). */
const maxBuckets = z.coerce
  .number({ error: 'expected a whole number' })
  .int('expected a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_MAX_BUCKETS, `must be at most ${MAX_MAX_BUCKETS}`)
  .optional()
  .openapi({
    description: `Most periods the answer may hold (default ${DEFAULT_MAX_BUCKETS}): a bucket that would cut the date range (its open ends closed by the first and last stored dates) into more is replaced by the next coarser one, named in "bucket" ("requested_bucket" keeps the one asked for).`,
  });

export const ViewTimelineQuery = z.strictObject({
  ...eventFilterFields,
  bucket: z.enum(['day', 'week', 'month', 'year']).default('month'),
  max_buckets: maxBuckets,
  format: format.optional(),
});

export const PlaceQuery = z.strictObject({
  ...eventFilterFields,
  limit: limit(5000, 500),
  format: format.optional(),
});

export const DyadQuery = z.strictObject({
  limit: limit(1000, 50),
  per: per.optional(),
  from: datePrefix.optional(),
  to: datePrefix.optional(),
  format: format.optional(),
});

export const DyadParams = z.object({
  a: actorCode.openapi({ param: { name: 'a', in: 'path' }, example: 'USA' }),
  b: actorCode.openapi({ param: { name: 'b', in: 'path' }, example: 'RUS' }),
});

export const TimelineQuery = z.strictObject({
  bucket: z.enum(['day', 'week', 'month']).default('month'),
  max_buckets: maxBuckets,
  per: per.optional(),
  directed: flag.optional(),
  modality: z.enum(['asserted', 'negated', 'hypothetical', 'all']).optional().openapi({
    description: 'Which events count; asserted only by default.',
  }),
  from: datePrefix.optional(),
  to: datePrefix.optional(),
  format: format.optional(),
});

export const ArticleListQuery = z.strictObject({
  from: datePrefix.optional(),
  to: datePrefix.optional(),
  q: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  limit: limit(1000, 50),
  offset: z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .min(0, 'must be at least 0')
    .max(1_000_000, 'must be at most 1000000')
    .default(0),
  search: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional().openapi({
    description: 'Full-text search (stemmed; words ANDed) over title and text, best match first; replaces the date order and ignores from, to, q and offset.',
  }),
  format: format.optional(),
});

export const ArticleParams = z.object({
  id: z.string().min(1).max(200, 'must be at most 200 characters').openapi({ param: { name: 'id', in: 'path' } }),
});

export const ActorQuery = z.strictObject({
  q: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  limit: limit(200, 20),
  format: format.optional(),
});

export const QuoteQuery = z
  .strictObject({
    speaker: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
    q: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
    limit: limit(500, 50),
    format: format.optional(),
  });

// ---- response schemas (documentation of what the store returns) ----

const ActorSchema = z
  .object({
    code: z.string(),
    country: z.string().nullable(),
    role: z.string().nullable(),
    name: z.string().nullable(),
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
  })
  .openapi('Actor');

const TextSpanSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });

export const EventSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    root: z.string(),
    quad_class: z.number().int().min(1).max(4),
    goldstein: z.number(),
    source: ActorSchema.nullable(),
    target: ActorSchema.nullable(),
    date: z.string().nullable(),
    date_source: z.enum(['text', 'published']).nullable(),
    location: z
      .object({ name: z.string(), country: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable() })
      .nullable(),
    sentence: z.number().int(),
    evidence: TextSpanSchema,
    modality: z.enum(['asserted', 'negated', 'hypothetical']),
    rule: z.string(),
  })
  .openapi('Event');

export const ClusterInfoSchema = z
  .object({
    id: z.string(),
    mentions: z.number().int().openapi({ description: 'Spans reporting the happening, over all its reports.' }),
    articles: z.number().int(),
    sources: z.number().int().openapi({ description: 'Distinct outlets.' }),
    code: z.string().openapi({ description: 'Representative code (most reports\' code).' }),
    date: z.string().nullable().openapi({ description: 'Representative date (the most precise).' }),
    location: z.unknown().nullable(),
    first_article_id: z.string(),
    first_event_id: z.string(),
  })
  .openapi('ClusterInfo');

export const EventRowSchema = EventSchema.extend({
  article_id: z.string(),
  article_title: z.string().nullable(),
  article_published: z.string().nullable(),
  article_url: z.string().nullable().optional(),
  cluster: ClusterInfoSchema.nullable().optional().openapi({ description: 'The cross-story cluster of this report; null when it cannot be clustered.' }),
}).openapi('EventRow');

export const ClusterDetailSchema = ClusterInfoSchema.extend({ reports: z.array(EventRowSchema) }).openapi('ClusterDetail');

export const ClusterParams = z.object({
  id: z.string().regex(/^[\w-]{1,100}$/, 'expected a cluster id').openapi({ param: { name: 'id', in: 'path' } }),
});

export const EventPageSchema = z
  .object({
    events: z.array(EventRowSchema),
    next: z.string().nullable().openapi({ description: 'Cursor for the next page; null at the end.' }),
  })
  .openapi('EventPage');

export const DyadSchema = z
  .object({
    source_country: z.string(),
    target_country: z.string(),
    events: z.number().int(),
    mean_goldstein: z.number(),
    first: z.string().nullable(),
    last: z.string().nullable(),
  })
  .openapi('Dyad');

export const TimelineBucketSchema = z
  .object({
    period: z.string(),
    events: z.number().int(),
    quad: z.array(z.number().int()).length(4).openapi({ description: 'Event counts for QuadClass 1..4.' }),
    mean_goldstein: z.number(),
    sum_goldstein: z.number(),
  })
  .openapi('TimelineBucket');

export const TimelineSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    directed: z.boolean(),
    bucket: z.enum(['day', 'week', 'month']).openapi({ description: 'The bucket used: the one asked for, or a coarser one (see max_buckets).' }),
    requested_bucket: z.enum(['day', 'week', 'month']).optional().openapi({ description: 'Present when the bucket asked for was replaced by a coarser one.' }),
    buckets: z.array(TimelineBucketSchema),
  })
  .openapi('Timeline');

export const FacetValueSchema = z.object({ value: z.string(), count: z.number().int() }).openapi('FacetValue');

export const FacetsSchema = z
  .object({
    facets: z.record(z.enum(FACETS), z.array(FacetValueSchema)).openapi({
      description: 'Per facet asked for: its values with event counts, most events first. Events without a value are not counted (date_precision counts every event).',
    }),
  })
  .openapi('Facets');

export const ViewTimelineSchema = z
  .object({
    bucket: z.enum(['day', 'week', 'month', 'year']).openapi({ description: 'The bucket used: the one asked for, or a coarser one (see max_buckets).' }),
    requested_bucket: z.enum(['day', 'week', 'month', 'year']).optional().openapi({ description: 'Present when the bucket asked for was replaced by a coarser one.' }),
    buckets: z.array(TimelineBucketSchema),
  })
  .openapi('ViewTimeline', { description: 'Only events dated precisely enough for the bucket are counted; the partial_date facet counts the rest.' });

export const PlaceSchema = z
  .object({ name: z.string(), country: z.string().nullable(), lat: z.number(), lon: z.number(), events: z.number().int() })
  .openapi('Place');

export const ArticleSummarySchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    url: z.string().nullable(),
    source: z.string().nullable(),
    language: z.string().nullable(),
    events: z.number().int(),
    ingested_at: z.string(),
  })
  .openapi('ArticleSummary');

const MentionSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  kind: z.enum(['person', 'organization', 'country', 'location', 'group']),
  code: z.string().nullable(),
  country: z.string().nullable(),
  role: z.string().nullable(),
  name: z.string().nullable(),
  sentence: z.number().int(),
});

export const QuoteSchema = z
  .object({
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    kind: z.enum(['direct', 'reported']),
    speaker: z
      .object({
        name: z.string().nullable(),
        code: z.string().nullable(),
        country: z.string().nullable(),
        affiliation: z.string().nullable(),
        start: z.number().int(),
        end: z.number().int(),
      })
      .nullable(),
  })
  .openapi('Quote');

export const ArticleRecordSchema = z
  .object({
    format: z.literal(1),
    id: z.string(),
    title: z.string().nullable(),
    author: z.string().nullable(),
    source: z.string().nullable(),
    url: z.string().nullable(),
    published: z.string().nullable(),
    language: z.string().nullable(),
    text: z.string(),
    sentences: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
    mentions: z.array(MentionSchema),
    events: z.array(EventSchema),
    quotes: z.array(QuoteSchema),
    errors: z.array(z.string()),
  })
  .openapi('ArticleRecord', { description: 'The record format of `detente extract` (format 1).' });

export const ActorSummarySchema = z
  .object({
    code: z.string(),
    name: z.string().nullable(),
    country: z.string().nullable(),
    role: z.string().nullable(),
    mentions: z.number().int(),
  })
  .openapi('ActorSummary');

export const QuoteRowSchema = QuoteSchema.extend({
  article_id: z.string(),
  article_title: z.string().nullable(),
}).openapi('QuoteRow');

export const StatsSchema = z
  .object({
    articles: z.number().int(),
    events: z.number().int(),
    mentions: z.number().int(),
    quotes: z.number().int(),
    failures: z.number().int(),
  })
  .openapi('Stats');

export const HealthSchema = z
  .object({ status: z.literal('ok'), version: z.string() })
  .openapi('Health');

export const IngestResultSchema = z
  .object({
    inserted: z.number().int(),
    duplicates: z.number().int(),
    events: z.number().int(),
    ids: z.array(z.string()),
    duplicate_ids: z.array(z.string()),
    failures: z.array(z.object({ item: z.string(), code: z.string(), message: z.string() })),
  })
  .openapi('IngestResult');

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');
