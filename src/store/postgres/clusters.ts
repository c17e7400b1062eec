/**
 * @module store/postgres/clusters
 * Cross-story clusters on PostgreSQL, kept in the writing transaction as in the SQLite store
 * (store/sqlite/clusters.ts; the decisions are src/cluster/'s). The result is the SQLite store's
 * (each new event, in input order, goes through planCluster against the stored reports of its
 * key and date window, with the content words of its sentence), but the work is set-based, not
 * a round trip per event: one query reads every stored report the batch's events could meet
 * (and every report of their clusters), the batch is clustered in memory event by event (an
 * event clustered earlier in the batch is a candidate for the later ones, as it would be once
 * stored), and the new events are then inserted with their cluster already set: an UPDATE of
 * every new row would write each row and its dozen index entries twice. Only stored reports
 * whose cluster or first-report flag changed are updated.
 *
 * Workers write at the same time: before reading candidates, a batch takes a transaction lock on
 * each cluster key it holds (in key order, so two batches never wait on each other in a circle).
 * A report is compared only with reports of its own key, so the lock makes each key's clustering
 * one sequence, and the result the same as one writer's whatever the order the workers commit in.
 */
import type pg from 'pg';
import type { CodedEvent } from '../../model/event.js';
import type { ArticleRecord } from '../../model/record.js';
import { clusterKey, dateWindow } from '../../cluster/link.js';
import { clusterRules, type ClusterRules } from '../../cluster/rules.js';
import { planCluster, type StoredReport } from '../../cluster/assign.js';
import type { ClusterSummary } from '../../cluster/summary.js';

type Row = {
  rid: string;
  cluster_id: string;
  cluster_head: boolean;
  cluster_key: string | null;
  sort_date: string;
  article_id: string;
  json: string;
  source: string | null;
  published: string | null;
  words: string | null;
};

/** A report in the batch's working set: a stored row or a new event, with what it was when read. */
interface Held extends StoredReport {
  rid: string;
  key: string | null;
  sortDate: string;
  head: boolean;
  /** Cluster and head flag as stored before this batch (null cluster: a new event). */
  was: { cluster_id: string | null; head: boolean };
}

const wordSet = (words: string | null) => (words === null ? undefined : new Set(words === '' ? [] : words.split(' ')));

const fromRow = (r: Row): Held => {
  const event = JSON.parse(r.json) as CodedEvent;
  return {
    rid: r.rid,
    cluster_id: r.cluster_id,
    article_id: r.article_id,
    event_id: event.id,
    outlet: r.source,
    published: r.published,
    event,
    words: wordSet(r.words),
    key: r.cluster_key,
    sortDate: r.sort_date,
    head: r.cluster_head,
    was: { cluster_id: r.cluster_id, head: r.cluster_head },
  };
};

let rules: ClusterRules | null = null;

/** The cluster key of an event, as stored in events.cluster_key. */
export { clusterKey };

/** A new event to cluster, not yet inserted, with the content words stored with it (events.cluster_words). */
export interface NewReport {
  record: ArticleRecord;
  event: CodedEvent;
  words: string;
}

/** Where a batch's new events go, and what to write for the stored reports and clusters. */
export interface BatchClusters {
  /** Per new report, in the order given: its cluster and whether it is the cluster's first report. */
  assigned: { cluster_id: string; head: boolean }[];
  /** Writes the stored reports that moved, the clusters merged away and every touched cluster's summary. */
  write(client: pg.PoolClient): Promise<void>;
}

/**
 * Clusters `reports`, the events of one batch about to be inserted, in input order (article by
 * article, event by event), as single articles would be.
 */
export async function clusterBatch(client: pg.PoolClient, reports: NewReport[]): Promise<BatchClusters> {
  rules ??= clusterRules();
  const fresh: Held[] = reports.map(({ record, event, words }) => ({
    rid: '',
    cluster_id: null,
    article_id: record.id,
    event_id: event.id,
    outlet: record.source,
    published: record.published,
    event,
    words: wordSet(words),
    key: clusterKey(event),
    sortDate: event.date ?? '',
    head: false,
    was: { cluster_id: null, head: true },
  }));
  const keys = [...new Set(fresh.map((h) => h.key).filter((k): k is string => k !== null))].sort();
  // hashtextextended gives the 64-bit lock key; different keys may share one (then they only wait).
  if (keys.length > 0) await client.query('SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k ORDER BY k', [keys]);

  // Every stored report a new event may be compared with (its key, in its date window or at a
  // coarser date), and every report of the clusters those belong to: one query for the batch.
  const ranges = { key: [] as string[], from: [] as string[], to: [] as string[] };
  const points = { key: [] as string[], date: [] as string[] };
  const windows = new Map<Held, ReturnType<typeof dateWindow>>();
  // Events of one key and date share their window: each is looked up once.
  const asked = new Set<string>();
  for (const h of fresh) {
    if (h.key === null || h.event.date === null) continue;
    const w = dateWindow(h.event.date);
    windows.set(h, w);
    if (asked.has(`${h.key}\u0000${h.event.date}`)) continue;
    asked.add(`${h.key}\u0000${h.event.date}`);
    ranges.key.push(h.key);
    ranges.from.push(w.from);
    ranges.to.push(w.to);
    for (const d of w.coarser) {
      if (asked.has(`${h.key}\u0000=${d}`)) continue;
      asked.add(`${h.key}\u0000=${d}`);
      points.key.push(h.key);
      points.date.push(d);
    }
  }
  const held = new Map<string, Held>();
  if (ranges.key.length > 0) {
    const { rows } = await client.query<Row>(
      // Each window is its own index range scan (LATERAL ... OFFSET 0 keeps the planner from
      // flattening it into a merge join over the whole events table, which it chose at 300,000
      // events: 9.6 s per batch instead of 0.8 s).
      `WITH hit AS (
         SELECT DISTINCT x.cluster_id FROM unnest($1::text[], $2::text[], $3::text[]) AS w(k, f, t)
         CROSS JOIN LATERAL (SELECT e.cluster_id FROM events e
                             WHERE e.cluster_key = w.k AND e.sort_date >= w.f AND e.sort_date <= w.t AND e.cluster_id IS NOT NULL OFFSET 0) x
         UNION
         SELECT DISTINCT x.cluster_id FROM unnest($4::text[], $5::text[]) AS p(k, d)
         CROSS JOIN LATERAL (SELECT e.cluster_id FROM events e
                             WHERE e.cluster_key = p.k AND e.sort_date = p.d AND e.cluster_id IS NOT NULL OFFSET 0) x)
       SELECT m.* FROM hit CROSS JOIN LATERAL (
         SELECT e.id AS rid, e.cluster_id, e.cluster_head, e.cluster_key, e.sort_date, e.article_id, e.json, e.cluster_words AS words,
                a.source, a.published
         FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = hit.cluster_id OFFSET 0) m`,
      [ranges.key, ranges.from, ranges.to, points.key, points.date],
    );
    for (const r of rows) held.set(r.rid, fromRow(r));
  }

  // The working set: reports by key (candidates) and by cluster (members).
  const byKey = new Map<string, Held[]>();
  const members = new Map<string, Set<Held>>();
  const byKeyAdd = (h: Held) => {
    if (h.key === null) return;
    const list = byKey.get(h.key);
    if (list) list.push(h);
    else byKey.set(h.key, [h]);
  };
  const add = (h: Held) => {
    byKeyAdd(h);
    const set = members.get(h.cluster_id!) ?? new Set<Held>();
    set.add(h);
    members.set(h.cluster_id!, set);
  };
  for (const h of held.values()) add(h);

  const summaries = new Map<string, ClusterSummary>();
  const removed = new Set<string>();
  for (const report of fresh) {
    const window = windows.get(report);
    const candidates = window
      ? (byKey.get(report.key!) ?? []).filter((c) => (c.sortDate >= window.from && c.sortDate <= window.to) || window.coarser.includes(c.sortDate))
      : [];
    const plan = planCluster(report, candidates, rules, (id) => [...(members.get(id) ?? [])]);
    const id = plan.summary.id;
    const joined = new Set<Held>();
    for (const old of plan.replaces) {
      for (const m of members.get(old) ?? []) {
        m.cluster_id = id;
        m.head = false;
        joined.add(m);
      }
      members.delete(old);
      if (old !== id) {
        removed.add(old);
        summaries.delete(old);
      }
    }
    report.cluster_id = id;
    joined.add(report);
    members.set(id, joined);
    byKeyAdd(report);
    for (const m of joined) m.head = m.article_id === plan.summary.head.article_id && m.event_id === plan.summary.head.event_id;
    summaries.set(id, plan.summary);
    removed.delete(id);
  }

  const assigned = fresh.map((h) => ({ cluster_id: h.cluster_id!, head: h.head }));
  return { assigned, write: (c) => writeChanges(c, [...held.values()], removed, summaries) };
}

/** Stored rows whose cluster or head flag moved, clusters merged away, clusters summarised anew. */
async function writeChanges(client: pg.PoolClient, stored: Held[], removed: Set<string>, summaries: Map<string, ClusterSummary>): Promise<void> {
  const changed = stored.filter((h) => h.cluster_id !== h.was.cluster_id || h.head !== h.was.head);
  if (changed.length > 0) {
    await client.query(
      `UPDATE events e SET cluster_id = u.c, cluster_head = u.h
       FROM unnest($1::bigint[], $2::text[], $3::boolean[]) AS u(id, c, h) WHERE e.id = u.id`,
      [changed.map((h) => h.rid), changed.map((h) => h.cluster_id), changed.map((h) => h.head)],
    );
  }
  if (removed.size > 0) await client.query('DELETE FROM clusters WHERE id = ANY($1::text[])', [[...removed]]);
  const live = [...summaries.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (live.length > 0) {
    await client.query(
      `INSERT INTO clusters (id, first_article_id, first_event_id, mentions, articles, sources, code, date, location)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[])
       ON CONFLICT (id) DO UPDATE SET first_article_id = excluded.first_article_id, first_event_id = excluded.first_event_id,
         mentions = excluded.mentions, articles = excluded.articles, sources = excluded.sources,
         code = excluded.code, date = excluded.date, location = excluded.location`,
      [
        live.map((s) => s.id),
        live.map((s) => s.first.article_id),
        live.map((s) => s.first.event_id),
        live.map((s) => s.mentions),
        live.map((s) => s.articles),
        live.map((s) => s.sources),
        live.map((s) => s.code),
        live.map((s) => s.date),
        live.map((s) => (s.location === null ? null : JSON.stringify(s.location))),
      ],
    );
  }
}
