/**
 * @module store/postgres/clusters
 * Cross-story clusters on PostgreSQL, kept in the writing transaction as in the SQLite store
 * (store/sqlite/clusters.ts; the decisions are src/cluster/'s). Workers write at the same time:
 * before looking for candidates, a batch takes a transaction lock on each cluster key it holds
 * (in key order, so two batches never wait on each other in a circle). A report is compared only
 * with reports of its own key, so the lock makes each key's clustering one sequence, and the
 * result the same as one writer's whatever the order the workers commit in.
 */
import type pg from 'pg';
import type { CodedEvent } from '../../model/event.js';
import type { ArticleRecord } from '../../model/record.js';
import { clusterKey, dateWindow, type Report } from '../../cluster/link.js';
import { clusterRules, type ClusterRules } from '../../cluster/rules.js';
import { planCluster, type StoredReport } from '../../cluster/assign.js';

type Row = { rid: string; cluster_id: string | null; article_id: string; json: string; source: string | null; published: string | null };

const SELECT = 'SELECT e.id AS rid, e.cluster_id, e.article_id, e.json, a.source, a.published FROM events e JOIN articles a ON a.id = e.article_id';

const toReport = (r: Row): StoredReport => {
  const event = JSON.parse(r.json) as CodedEvent;
  return { cluster_id: r.cluster_id, article_id: r.article_id, event_id: event.id, outlet: r.source, published: r.published, event };
};

let rules: ClusterRules | null = null;

/** The cluster key of an event, as stored in events.cluster_key. */
export { clusterKey };

/**
 * Clusters the events just inserted for `records` (ids in `rowIds`, keyed "article\u0000idx"),
 * article by article in input order, as single articles would be.
 */
export async function clusterInserted(client: pg.PoolClient, records: ArticleRecord[], rowIds: Map<string, string>): Promise<void> {
  rules ??= clusterRules();
  const keys = [...new Set(records.flatMap((r) => r.events.map((e) => clusterKey(e)).filter((k): k is string => k !== null)))].sort();
  // hashtextextended gives the 64-bit lock key; different keys may share one (then they only wait).
  if (keys.length > 0) await client.query('SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k ORDER BY k', [keys]);
  for (const record of records) {
    for (const [idx, event] of record.events.entries()) {
      const rid = rowIds.get(`${record.id}\u0000${idx}`)!;
      const report: Report = { article_id: record.id, event_id: event.id, outlet: record.source, published: record.published, event };
      const key = clusterKey(event);
      let candidates: StoredReport[] = [];
      if (key !== null && event.date !== null) {
        const window = dateWindow(event.date);
        const { rows } = await client.query<Row>(
          `${SELECT} WHERE e.cluster_key = $1 AND e.cluster_id IS NOT NULL AND ((e.sort_date >= $2 AND e.sort_date <= $3) OR e.sort_date = ANY($4::text[]))`,
          [key, window.from, window.to, window.coarser],
        );
        candidates = rows.map(toReport);
      }
      const joined = [...new Set(candidates.map((c) => c.cluster_id).filter((c): c is string => c !== null))];
      const members = new Map<string, StoredReport[]>();
      if (joined.length > 0) {
        const { rows } = await client.query<Row>(`${SELECT} WHERE e.cluster_id = ANY($1::text[])`, [joined]);
        for (const r of rows) members.set(r.cluster_id!, [...(members.get(r.cluster_id!) ?? []), toReport(r)]);
      }
      const plan = planCluster(report, candidates, rules, (id) => members.get(id) ?? []);
      const id = plan.summary.id;
      if (plan.replaces.length > 0) {
        await client.query('UPDATE events SET cluster_id = $1, cluster_head = false WHERE cluster_id = ANY($2::text[])', [id, plan.replaces]);
        await client.query('DELETE FROM clusters WHERE id = ANY($1::text[]) AND id <> $2', [plan.replaces, id]);
      }
      await client.query('UPDATE events SET cluster_id = $1, cluster_head = false WHERE id = $2', [id, rid]);
      await client.query('UPDATE events SET cluster_head = true WHERE cluster_id = $1 AND article_id = $2 AND event_id = $3', [id, plan.summary.head.article_id, plan.summary.head.event_id]);
      const s = plan.summary;
      await client.query(
        `INSERT INTO clusters (id, first_article_id, first_event_id, mentions, articles, sources, code, date, location)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO UPDATE SET first_article_id = excluded.first_article_id, first_event_id = excluded.first_event_id,
           mentions = excluded.mentions, articles = excluded.articles, sources = excluded.sources,
           code = excluded.code, date = excluded.date, location = excluded.location`,
        [id, s.first.article_id, s.first.event_id, s.mentions, s.articles, s.sources, s.code, s.date, s.location === null ? null : JSON.stringify(s.location)],
      );
    }
  }
}
