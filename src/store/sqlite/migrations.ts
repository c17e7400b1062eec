/**
 * @module store/sqlite/migrations
 * The SQLite schema as an ordered list of migrations. The database's `PRAGMA user_version`
 * says how many have been applied; opening a store applies the rest, each in its own
 * transaction. Never edit a migration that has shipped: append a new one.
 */

export interface Migration {
  /** 1-based; equals the user_version after it has run. */
  version: number;
  description: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'articles, events, mentions, quotes, failures; FTS on evidence and quote text',
    sql: `
      CREATE TABLE articles (
        id          TEXT PRIMARY KEY,
        title       TEXT,
        author      TEXT,
        source      TEXT,
        url         TEXT,
        published   TEXT,
        language    TEXT,
        input       TEXT,
        item        TEXT,
        n_events    INTEGER NOT NULL,
        ingested_at TEXT NOT NULL,
        -- The ArticleRecord exactly as extract writes it, so getArticle round-trips.
        record      TEXT NOT NULL
      );
      CREATE INDEX articles_published ON articles (published);

      -- One row per event. Dates stay text ("YYYY", "YYYY-MM", "YYYY-MM-DD") so that a
      -- prefix compares correctly; sort_date is the date or '' so keyset paging needs no NULL logic.
      CREATE TABLE events (
        rowid            INTEGER PRIMARY KEY,
        article_id       TEXT NOT NULL,
        idx              INTEGER NOT NULL,
        event_id         TEXT NOT NULL,
        code             TEXT NOT NULL,
        root             TEXT NOT NULL,
        quad_class       INTEGER NOT NULL,
        goldstein        REAL NOT NULL,
        source_code      TEXT,
        source_country   TEXT,
        source_role      TEXT,
        source_name      TEXT,
        target_code      TEXT,
        target_country   TEXT,
        target_role      TEXT,
        target_name      TEXT,
        date             TEXT,
        sort_date        TEXT NOT NULL,
        date_source      TEXT,
        modality         TEXT NOT NULL,
        sentence         INTEGER NOT NULL,
        evidence_text    TEXT NOT NULL,
        evidence_start   INTEGER NOT NULL,
        evidence_end     INTEGER NOT NULL,
        location_name    TEXT,
        location_country TEXT,
        location_lat     REAL,
        location_lon     REAL,
        rule             TEXT NOT NULL,
        json             TEXT NOT NULL,
        UNIQUE (article_id, idx)
      );
      CREATE INDEX events_dyad        ON events (source_country, target_country, sort_date);
      CREATE INDEX events_dyad_rev    ON events (target_country, source_country, sort_date);
      CREATE INDEX events_source_code ON events (source_code, sort_date);
      CREATE INDEX events_target_code ON events (target_code, sort_date);
      CREATE INDEX events_root        ON events (root, sort_date);
      CREATE INDEX events_code        ON events (code, sort_date);
      CREATE INDEX events_date        ON events (sort_date);

      CREATE VIRTUAL TABLE events_fts USING fts5 (evidence_text, content = 'events', content_rowid = 'rowid');
      CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts (rowid, evidence_text) VALUES (new.rowid, new.evidence_text);
      END;

      CREATE TABLE mentions (
        article_id TEXT NOT NULL,
        idx        INTEGER NOT NULL,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        text       TEXT NOT NULL,
        kind       TEXT NOT NULL,
        code       TEXT,
        country    TEXT,
        role       TEXT,
        name       TEXT,
        sentence   INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
      ) WITHOUT ROWID;
      CREATE INDEX mentions_code ON mentions (code, name);
      CREATE INDEX mentions_name ON mentions (name);

      CREATE TABLE quotes (
        rowid               INTEGER PRIMARY KEY,
        article_id          TEXT NOT NULL,
        idx                 INTEGER NOT NULL,
        text                TEXT NOT NULL,
        kind                TEXT NOT NULL,
        speaker_name        TEXT,
        speaker_code        TEXT,
        speaker_country     TEXT,
        speaker_affiliation TEXT,
        json                TEXT NOT NULL,
        UNIQUE (article_id, idx)
      );
      CREATE INDEX quotes_speaker_name ON quotes (speaker_name);
      CREATE INDEX quotes_speaker_code ON quotes (speaker_code);
      CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, content = 'quotes', content_rowid = 'rowid');
      CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text);
      END;

      CREATE TABLE failures (
        item       TEXT NOT NULL,
        code       TEXT NOT NULL,
        message    TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen  TEXT NOT NULL,
        PRIMARY KEY (item, code)
      );
    `,
  },
];

/** The schema version this build of Détente writes. */
export const latestVersion = migrations[migrations.length - 1].version;
