/**
 * @module store/sqlite/clusters
 * Cross-story event clusters kept up to date as articles are written (migration 5). Each new
 * event is compared only with stored reports of the same two sides and a compatible date (an
 * index on cluster_key, sort_date); old articles are never re-read. The decisions themselves
 * are src/cluster/'s, shared with every store.
 */
import type { CodedEvent } from '../../model/event.js';
import type { ArticleRecord } from '../../model/record.js';
import { clusterKey, dateWindow, reportWords, type Report } from '../../cluster/link.js';
import { clusterRules } from '../../cluster/rules.js';
import { planCluster } from '../../cluster/assign.js';
import type { ClusterSummary } from '../../cluster/summary.js';
import type { Db } from './connection.js';

type ReportRow = { rid: number; cluster_id: string | null; article_id: string; json: string; source: string | null; published: string | null; words: string | null };

const toReport = (r: ReportRow): Report & { rid: number; cluster_id: string | null } => {
  const event = JSON.parse(r.json) as CodedEvent;
  const words = r.words === null ? undefined : new Set(r.words === '' ? [] : r.words.split(' '));
  return { rid: r.rid, cluster_id: r.cluster_id, article_id: r.article_id, event_id: event.id, outlet: r.source, published: r.published, event, words };
};

/** Clusters the events of one just-written article (its record gives the sentences' words). */
export type ClusterArticle = (record: Pick<ArticleRecord, 'id' | 'text' | 'sentences'>) => void;

/** Prepares the statements once; the returned function clusters one just-written article's events. */
export function createClusterer(db: Db): ClusterArticle {
  const rules = clusterRules();
  const select = `SELECT e.rowid AS rid, e.cluster_id, e.article_id, e.json, a.source, a.published, e.cluster_words AS words FROM events e JOIN articles a ON a.id = e.article_id`;
  const ofArticle = db.prepare(`${select} WHERE e.article_id = ? ORDER BY e.idx`);
  const inRange = db.prepare(`${select} WHERE e.cluster_key = ? AND e.sort_date >= ? AND e.sort_date <= ? AND e.cluster_id IS NOT NULL`);
  const atDate = db.prepare(`${select} WHERE e.cluster_key = ? AND e.sort_date = ? AND e.cluster_id IS NOT NULL`);
  const members = db.prepare(`${select} WHERE e.cluster_id = ?`);
  const setKey = db.prepare('UPDATE events SET cluster_key = ?, cluster_words = ? WHERE rowid = ?');
  const moveCluster = db.prepare('UPDATE events SET cluster_id = ?, cluster_head = 0 WHERE cluster_id = ?');
  const setCluster = db.prepare('UPDATE events SET cluster_id = ?, cluster_head = 0 WHERE rowid = ?');
  const setHead = db.prepare('UPDATE events SET cluster_head = 1 WHERE cluster_id = ? AND article_id = ? AND event_id = ?');
  const deleteCluster = db.prepare('DELETE FROM clusters WHERE id = ?');
  const upsertCluster = db.prepare(`
    INSERT INTO clusters (id, first_article_id, first_event_id, mentions, articles, sources, code, date, location)
    VALUES (@id, @first_article_id, @first_event_id, @mentions, @articles, @sources, @code, @date, @location)
    ON CONFLICT (id) DO UPDATE SET first_article_id = excluded.first_article_id, first_event_id = excluded.first_event_id,
      mentions = excluded.mentions, articles = excluded.articles, sources = excluded.sources,
      code = excluded.code, date = excluded.date, location = excluded.location`);

  const save = (summary: ClusterSummary) =>
    upsertCluster.run({
      id: summary.id,
      first_article_id: summary.first.article_id,
      first_event_id: summary.first.event_id,
      mentions: summary.mentions,
      articles: summary.articles,
      sources: summary.sources,
      code: summary.code,
      date: summary.date,
      location: summary.location === null ? null : JSON.stringify(summary.location),
    });

  return (record) => {
    for (const row of ofArticle.all(record.id) as ReportRow[]) {
      const report = toReport(row);
      const words = reportWords(report.event, record.text, record.sentences);
      report.words = words;
      const key = clusterKey(report.event);
      setKey.run(key, [...words].join(' '), row.rid);
      let candidates: ReturnType<typeof toReport>[] = [];
      if (key !== null && report.event.date !== null) {
        const window = dateWindow(report.event.date);
        const rows = inRange.all(key, window.from, window.to) as ReportRow[];
        for (const coarser of window.coarser) rows.push(...(atDate.all(key, coarser) as ReportRow[]));
        candidates = rows.map(toReport);
      }
      const plan = planCluster(report, candidates, rules, (id) => (members.all(id) as ReportRow[]).map(toReport));
      for (const old of plan.replaces) {
        moveCluster.run(plan.summary.id, old);
        if (old !== plan.summary.id) deleteCluster.run(old);
      }
      setCluster.run(plan.summary.id, row.rid);
      setHead.run(plan.summary.id, plan.summary.head.article_id, plan.summary.head.event_id);
      save(plan.summary);
    }
  };
}
