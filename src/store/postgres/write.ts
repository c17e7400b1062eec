/**
 * @module store/postgres/write
 * The write side of the PostgreSQL store: one batch of articles in one transaction, each table
 * written with one multi-row INSERT over arrays (`unnest`), whatever the batch size. An article
 * id already stored is skipped whole (ON CONFLICT DO NOTHING on the primary key), so workers
 * that race on the same article store it once, and re-running writes nothing new. Summaries are
 * upserted in key order; a deadlock or serialisation failure between workers retries the batch.
 */
import type pg from 'pg';
import type { Article } from '../../model/article.js';
import { toRecord, type ArticleRecord } from '../../model/record.js';
import type { FailureRecord, PutResult } from '../store.js';
import { summarise, type PeriodRow } from './summaries.js';
import { clusterBatch, clusterKey } from './clusters.js';
import { reportWords } from '../../cluster/link.js';
import { participantPairs } from '../../export/dyadic.js';

/** Runs `work` in a transaction, again (up to 5 times) when PostgreSQL aborts it for a deadlock or serialisation conflict. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      const code = (error as { code?: string }).code;
      if ((code === '40P01' || code === '40001') && attempt < 5) continue;
      throw error;
    } finally {
      client.release();
    }
  }
}

/** Stores `articles`; ids already stored (or repeated within the batch) count as duplicates. */
export async function writeArticles(pool: pg.Pool, articles: Article[]): Promise<PutResult> {
  const seen = new Set<string>();
  const unique: ArticleRecord[] = [];
  for (const article of articles) {
    if (seen.has(article.id)) continue;
    seen.add(article.id);
    unique.push(toRecord(article));
  }
  const insertedSet = await inTransaction(pool, async (client) => {
    const ingestedAt = new Date().toISOString();
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO articles (id, title, author, source, url, published, language, input, item, n_events, ingested_at, record, words)
       SELECT u.id, u.title, u.author, u.source, u.url, u.published, u.language, u.input, u.item, u.n_events, u.ingested_at, u.record,
              to_tsvector('english', coalesce(u.title, '') || ' ' || t.text)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[], $12::text[])
              WITH ORDINALITY AS u(id, title, author, source, url, published, language, input, item, n_events, ingested_at, record, n)
       JOIN unnest($13::text[]) WITH ORDINALITY AS t(text, n) ON t.n = u.n
       ORDER BY u.n
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        unique.map((r) => r.id),
        unique.map((r) => r.title),
        unique.map((r) => r.author),
        unique.map((r) => r.source),
        unique.map((r) => r.url),
        unique.map((r) => r.published),
        unique.map((r) => r.language),
        unique.map((r) => r.provenance.input),
        unique.map((r) => r.provenance.item),
        unique.map((r) => r.events.length),
        unique.map(() => ingestedAt),
        unique.map((r) => JSON.stringify(r)),
        unique.map((r) => r.text),
      ],
    );
    const ids = new Set(inserted.rows.map((r) => r.id));
    const fresh = unique.filter((r) => ids.has(r.id));
    if (fresh.length > 0) await writeParts(client, fresh);
    return ids;
  });
  const result: PutResult = { inserted: 0, duplicates: 0, events: 0, insertedIds: [], duplicateIds: [] };
  const counted = new Set<string>();
  for (const article of articles) {
    if (insertedSet.has(article.id) && !counted.has(article.id)) {
      counted.add(article.id);
      result.inserted += 1;
      result.insertedIds.push(article.id);
      result.events += article.events.length;
    } else {
      result.duplicates += 1;
      result.duplicateIds.push(article.id);
    }
  }
  return result;
}

/** Events, mentions, quotes and summaries of the newly inserted articles, in input order. */
async function writeParts(client: pg.PoolClient, records: ArticleRecord[]): Promise<void> {
  // Each event's sentence words are kept with it (cluster_words), as the SQLite store keeps them:
  // later reports are linked by the words of the whole sentence, not of the evidence alone.
  const events = records.flatMap((r) => r.events.map((event, idx) => ({ id: r.id, idx, event, record: r, words: [...reportWords(event, r.text, r.sentences)].join(' ') })));
  const rowIds = new Map<string, string>();
  // Clusters first, so that each new row is inserted with its cluster (see clusters.ts).
  const clusters = await clusterBatch(client, events.map((e) => ({ record: e.record, event: e.event, words: e.words })));
  if (events.length > 0) {
    const col = <T>(f: (e: (typeof events)[number]['event']) => T) => events.map((e) => f(e.event));
    const inserted = await client.query<{ id: string; article_id: string; idx: number }>(
      `INSERT INTO events
         (article_id, idx, event_id, code, root, quad_class, goldstein,
          source_code, source_country, source_role, source_name,
          target_code, target_country, target_role, target_name,
          date, sort_date, date_source, modality, sentence,
          evidence_text, evidence_start, evidence_end,
          location_name, location_country, location_lat, location_lon, rule, json, cluster_key, cluster_words, cluster_id, cluster_head)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::float8[],
          $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
          $16::text[], $17::text[], $18::text[], $19::text[], $20::int[], $21::text[], $22::int[], $23::int[],
          $24::text[], $25::text[], $26::float8[], $27::float8[], $28::text[], $29::text[], $30::text[], $31::text[], $32::text[], $33::boolean[])
       RETURNING id, article_id, idx`,
      [
        events.map((e) => e.id),
        events.map((e) => e.idx),
        col((e) => e.id),
        col((e) => e.code),
        col((e) => e.root),
        col((e) => e.quad_class),
        col((e) => e.goldstein),
        col((e) => e.source?.code ?? null),
        col((e) => e.source?.country ?? null),
        col((e) => e.source?.role ?? null),
        col((e) => e.source?.name ?? null),
        col((e) => e.target?.code ?? null),
        col((e) => e.target?.country ?? null),
        col((e) => e.target?.role ?? null),
        col((e) => e.target?.name ?? null),
        col((e) => e.date),
        col((e) => e.date ?? ''),
        col((e) => e.date_source),
        col((e) => e.modality),
        col((e) => e.sentence),
        col((e) => e.evidence.text),
        col((e) => e.evidence.start),
        col((e) => e.evidence.end),
        col((e) => e.location?.name ?? null),
        col((e) => e.location?.country ?? null),
        col((e) => e.location?.lat ?? null),
        col((e) => e.location?.lon ?? null),
        col((e) => e.rule),
        col((e) => JSON.stringify(e)),
        col((e) => clusterKey(e)),
        events.map((e) => e.words),
        clusters.assigned.map((a) => a.cluster_id),
        clusters.assigned.map((a) => a.head),
      ],
    );
    for (const r of inserted.rows) rowIds.set(`${r.article_id}\u0000${r.idx}`, r.id);
    // Multilateral events: each unordered pair of participants (a < b), as the SQLite store keeps them.
    const pairs = events.flatMap((e) => participantPairs(e.event).map(([a, b]) => [rowIds.get(`${e.id}\u0000${e.idx}`)!, a, b] as const));
    if (pairs.length > 0) {
      await client.query('INSERT INTO event_pairs (event_id, a, b) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING', [
        pairs.map((x) => x[0]),
        pairs.map((x) => x[1]),
        pairs.map((x) => x[2]),
      ]);
    }
  }
  const mentions = records.flatMap((r) => r.mentions.map((m, idx) => ({ id: r.id, idx, m })));
  if (mentions.length > 0) {
    await client.query(
      `INSERT INTO mentions (article_id, idx, start, "end", text, kind, code, country, role, name, sentence)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[])`,
      [
        mentions.map((x) => x.id),
        mentions.map((x) => x.idx),
        mentions.map((x) => x.m.start),
        mentions.map((x) => x.m.end),
        mentions.map((x) => x.m.text),
        mentions.map((x) => x.m.kind),
        mentions.map((x) => x.m.code),
        mentions.map((x) => x.m.country),
        mentions.map((x) => x.m.role),
        mentions.map((x) => x.m.name),
        mentions.map((x) => x.m.sentence),
      ],
    );
  }
  const quotes = records.flatMap((r) => r.quotes.map((q, idx) => ({ id: r.id, idx, q })));
  if (quotes.length > 0) {
    await client.query(
      `INSERT INTO quotes (article_id, idx, text, kind, speaker_name, speaker_code, speaker_country, speaker_affiliation, json)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
      [
        quotes.map((x) => x.id),
        quotes.map((x) => x.idx),
        quotes.map((x) => x.q.text),
        quotes.map((x) => x.q.kind),
        quotes.map((x) => x.q.speaker?.name ?? null),
        quotes.map((x) => x.q.speaker?.code ?? null),
        quotes.map((x) => x.q.speaker?.country ?? null),
        quotes.map((x) => x.q.speaker?.affiliation ?? null),
        quotes.map((x) => JSON.stringify(x.q)),
      ],
    );
  }
  await writeSummaries(client, records);
  await clusters.write(client);
}

async function writeSummaries(client: pg.PoolClient, records: ArticleRecord[]): Promise<void> {
  const s = summarise(records);
  for (const [table, column, rows] of [['dyad_days', 'day', s.days], ['dyad_weeks', 'week', s.weeks], ['dyad_months', 'month', s.months]] as const) {
    if (rows.length > 0) await upsertPeriods(client, table, column, rows);
  }
  if (s.totals.length > 0) {
    await client.query(
      `INSERT INTO dyad_totals AS t (source_country, target_country, events, sum_goldstein, first, last)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::float8[], $5::text[], $6::text[])
       ON CONFLICT (source_country, target_country) DO UPDATE SET
         events = t.events + excluded.events,
         sum_goldstein = t.sum_goldstein + excluded.sum_goldstein,
         first = CASE WHEN t.first IS NULL THEN excluded.first WHEN excluded.first IS NULL THEN t.first ELSE least(t.first, excluded.first) END,
         last = CASE WHEN t.last IS NULL THEN excluded.last WHEN excluded.last IS NULL THEN t.last ELSE greatest(t.last, excluded.last) END`,
      [s.totals.map((r) => r.source), s.totals.map((r) => r.target), s.totals.map((r) => r.events), s.totals.map((r) => r.sum), s.totals.map((r) => r.first), s.totals.map((r) => r.last)],
    );
  }
  if (s.actors.length > 0) {
    await client.query(
      `INSERT INTO actor_totals AS t (code, name, country, role, mentions)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[])
       ON CONFLICT (code, name) DO UPDATE SET
         mentions = t.mentions + excluded.mentions,
         country = COALESCE(t.country, excluded.country),
         role = COALESCE(t.role, excluded.role)`,
      [s.actors.map((r) => r.code), s.actors.map((r) => r.name), s.actors.map((r) => r.country), s.actors.map((r) => r.role), s.actors.map((r) => r.mentions)],
    );
  }
}

async function upsertPeriods(client: pg.PoolClient, table: string, column: string, rows: PeriodRow[]): Promise<void> {
  await client.query(
    `INSERT INTO ${table} AS t (source_country, target_country, modality, ${column}, events, q1, q2, q3, q4, sum_goldstein)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::float8[])
     ON CONFLICT (source_country, target_country, modality, ${column}) DO UPDATE SET
       events = t.events + excluded.events,
       q1 = t.q1 + excluded.q1, q2 = t.q2 + excluded.q2, q3 = t.q3 + excluded.q3, q4 = t.q4 + excluded.q4,
       sum_goldstein = t.sum_goldstein + excluded.sum_goldstein`,
    [
      rows.map((r) => r.source),
      rows.map((r) => r.target),
      rows.map((r) => r.modality),
      rows.map((r) => r.period),
      rows.map((r) => r.events),
      rows.map((r) => r.q[0]),
      rows.map((r) => r.q[1]),
      rows.map((r) => r.q[2]),
      rows.map((r) => r.q[3]),
      rows.map((r) => r.sum),
    ],
  );
}

/** Upserts failures by (item, code): the latest message and time win. */
export async function writeFailures(pool: pg.Pool, failures: FailureRecord[]): Promise<void> {
  const latest = new Map<string, FailureRecord>();
  for (const f of failures) latest.set(`${f.item}\u0000${f.code}`, f);
  const rows = [...latest.values()].sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : a.code < b.code ? -1 : 1));
  const now = new Date().toISOString();
  await inTransaction(pool, (client) =>
    client.query(
      `INSERT INTO failures (item, code, message, first_seen, last_seen)
       SELECT i, c, m, $4, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(i, c, m)
       ON CONFLICT (item, code) DO UPDATE SET message = excluded.message, last_seen = excluded.last_seen`,
      [rows.map((r) => r.item), rows.map((r) => r.code), rows.map((r) => r.message), now],
    ),
  );
}
