/**
 * @module store/sqlite/write
 * The write side of the SQLite store: one batch of articles (with their events, mentions and
 * quotes) in one transaction, and failure records upserted by (item, code). An article id
 * that is already stored is skipped whole, so re-running an ingest writes nothing new.
 */
import type { Article } from '../../model/article.js';
import type { CodedEvent } from '../../model/event.js';
import { toRecord } from '../../model/record.js';
import type { FailureRecord, PutResult } from '../store.js';
import type { Db } from './connection.js';
import { createClusterer } from './clusters.js';
import { participantPairs } from '../../export/dyadic.js';

export type WriteArticles = (articles: Article[]) => PutResult;
export type WriteFailures = (failures: FailureRecord[]) => void;

/** Prepares the statements once and returns the batch writer. */
export function createArticleWriter(db: Db): WriteArticles {
  const insertArticle = db.prepare(`
    INSERT OR IGNORE INTO articles
      (id, title, author, source, url, published, language, input, item, n_events, ingested_at, record)
    VALUES (@id, @title, @author, @source, @url, @published, @language, @input, @item, @n_events, @ingested_at, @record)`);
  const insertEvent = db.prepare(`
    INSERT INTO events
      (article_id, idx, event_id, code, root, quad_class, goldstein,
       source_code, source_country, source_role, source_name,
       target_code, target_country, target_role, target_name,
       date, sort_date, date_source, modality, sentence,
       evidence_text, evidence_start, evidence_end,
       location_name, location_country, location_lat, location_lon, rule, json)
    VALUES
      (@article_id, @idx, @event_id, @code, @root, @quad_class, @goldstein,
       @source_code, @source_country, @source_role, @source_name,
       @target_code, @target_country, @target_role, @target_name,
       @date, @sort_date, @date_source, @modality, @sentence,
       @evidence_text, @evidence_start, @evidence_end,
       @location_name, @location_country, @location_lat, @location_lon, @rule, @json)`);
  const insertMention = db.prepare(`
    INSERT INTO mentions (article_id, idx, start, "end", text, kind, code, country, role, name, sentence)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertQuote = db.prepare(`
    INSERT INTO quotes (article_id, idx, text, kind, speaker_name, speaker_code, speaker_country, speaker_affiliation, json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  // A file of an older schema (before migration 5) is written without clusters; opening it as a
  // store migrates it and clusters what it holds (SqliteStore.clusterStored).
  const hasClusters = (db.prepare("SELECT 1 FROM pragma_table_info('events') WHERE name = 'cluster_id'").get() ?? null) !== null;
  const clusterArticle = hasClusters ? createClusterer(db) : () => undefined;
  const insertPair = hasClusters ? db.prepare('INSERT OR IGNORE INTO event_pairs (event_rowid, a, b) VALUES (?, ?, ?)') : null;

  const batch = db.transaction((articles: Article[]): PutResult => {
    const result: PutResult = { inserted: 0, duplicates: 0, events: 0, insertedIds: [], duplicateIds: [] };
    const ingestedAt = new Date().toISOString();
    for (const article of articles) {
      const record = toRecord(article);
      const info = insertArticle.run({
        id: record.id,
        title: record.title,
        author: record.author,
        source: record.source,
        url: record.url,
        published: record.published,
        language: record.language,
        input: record.provenance.input,
        item: record.provenance.item,
        n_events: record.events.length,
        ingested_at: ingestedAt,
        record: JSON.stringify(record),
      });
      if (info.changes === 0) {
        result.duplicates += 1;
        result.duplicateIds.push(record.id);
        continue;
      }
      result.inserted += 1;
      result.insertedIds.push(record.id);
      record.events.forEach((event, idx) => {
        const info = insertEvent.run(eventRow(record.id, idx, event));
        if (insertPair) for (const [a, b] of participantPairs(event)) insertPair.run(info.lastInsertRowid, a, b);
      });
      result.events += record.events.length;
      // In the same transaction, article by article: a batch clusters exactly as single articles would.
      clusterArticle(record);
      record.mentions.forEach((m, idx) =>
        insertMention.run(record.id, idx, m.start, m.end, m.text, m.kind, m.code, m.country, m.role, m.name, m.sentence),
      );
      record.quotes.forEach((q, idx) =>
        insertQuote.run(
          record.id,
          idx,
          q.text,
          q.kind,
          q.speaker?.name ?? null,
          q.speaker?.code ?? null,
          q.speaker?.country ?? null,
          q.speaker?.affiliation ?? null,
          JSON.stringify(q),
        ),
      );
    }
    return result;
  });
  // IMMEDIATE: take the write lock at the start of the batch rather than on the first insert,
  // so a concurrent writer waits (busy_timeout) instead of failing mid-batch.
  return (articles) => batch.immediate(articles);
}

/** The indexed columns of one event, plus its full JSON for exact read-back. */
function eventRow(articleId: string, idx: number, event: CodedEvent): Record<string, unknown> {
  return {
    article_id: articleId,
    idx,
    event_id: event.id,
    code: event.code,
    root: event.root,
    quad_class: event.quad_class,
    goldstein: event.goldstein,
    source_code: event.source?.code ?? null,
    source_country: event.source?.country ?? null,
    source_role: event.source?.role ?? null,
    source_name: event.source?.name ?? null,
    target_code: event.target?.code ?? null,
    target_country: event.target?.country ?? null,
    target_role: event.target?.role ?? null,
    target_name: event.target?.name ?? null,
    date: event.date,
    sort_date: event.date ?? '',
    date_source: event.date_source,
    modality: event.modality,
    sentence: event.sentence,
    evidence_text: event.evidence.text,
    evidence_start: event.evidence.start,
    evidence_end: event.evidence.end,
    location_name: event.location?.name ?? null,
    location_country: event.location?.country ?? null,
    location_lat: event.location?.lat ?? null,
    location_lon: event.location?.lon ?? null,
    rule: event.rule,
    json: JSON.stringify(event),
  };
}

export function createFailureWriter(db: Db): WriteFailures {
  const upsert = db.prepare(`
    INSERT INTO failures (item, code, message, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (item, code) DO UPDATE SET message = excluded.message, last_seen = excluded.last_seen`);
  const batch = db.transaction((failures: FailureRecord[]) => {
    const now = new Date().toISOString();
    for (const f of failures) upsert.run(f.item, f.code, f.message, now, now);
  });
  return (failures) => batch.immediate(failures);
}
