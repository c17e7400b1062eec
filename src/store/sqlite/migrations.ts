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
  {
    version: 2,
    description: 'running totals per dyad and per actor, so dyads() and searchActors() stay fast at millions of rows',
    sql: `
      -- Asserted events per directed country pair, kept by trigger; dyads() without a date range
      -- reads this instead of grouping every event row.
      CREATE TABLE dyad_totals (
        source_country TEXT NOT NULL,
        target_country TEXT NOT NULL,
        events         INTEGER NOT NULL,
        sum_goldstein  REAL NOT NULL,
        first          TEXT,
        last           TEXT,
        PRIMARY KEY (source_country, target_country)
      ) WITHOUT ROWID;
      CREATE TRIGGER events_dyad_totals AFTER INSERT ON events
      WHEN new.modality = 'asserted' AND new.source_country IS NOT NULL AND new.target_country IS NOT NULL
      BEGIN
        INSERT INTO dyad_totals (source_country, target_country, events, sum_goldstein, first, last)
        VALUES (new.source_country, new.target_country, 1, new.goldstein, NULLIF(new.sort_date, ''), NULLIF(new.sort_date, ''))
        ON CONFLICT (source_country, target_country) DO UPDATE SET
          events = events + 1,
          sum_goldstein = sum_goldstein + excluded.sum_goldstein,
          first = CASE WHEN first IS NULL THEN excluded.first WHEN excluded.first IS NULL THEN first ELSE min(first, excluded.first) END,
          last = CASE WHEN last IS NULL THEN excluded.last WHEN excluded.last IS NULL THEN last ELSE max(last, excluded.last) END;
      END;
      INSERT INTO dyad_totals (source_country, target_country, events, sum_goldstein, first, last)
        SELECT source_country, target_country, COUNT(*), SUM(goldstein), MIN(NULLIF(sort_date, '')), MAX(NULLIF(sort_date, ''))
        FROM events
        WHERE modality = 'asserted' AND source_country IS NOT NULL AND target_country IS NOT NULL
        GROUP BY source_country, target_country;

      -- Mentions per (code, name): the actor search scans this small table, not every mention.
      CREATE TABLE actor_totals (
        code     TEXT NOT NULL,
        name     TEXT NOT NULL,
        country  TEXT,
        role     TEXT,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (code, name)
      ) WITHOUT ROWID;
      CREATE INDEX actor_totals_mentions ON actor_totals (mentions);
      CREATE TRIGGER mentions_actor_totals AFTER INSERT ON mentions
      WHEN new.code IS NOT NULL
      BEGIN
        INSERT INTO actor_totals (code, name, country, role, mentions)
        VALUES (new.code, COALESCE(new.name, ''), new.country, new.role, 1)
        ON CONFLICT (code, name) DO UPDATE SET
          mentions = mentions + 1,
          country = COALESCE(country, excluded.country),
          role = COALESCE(role, excluded.role);
      END;
      INSERT INTO actor_totals (code, name, country, role, mentions)
        SELECT code, COALESCE(name, ''), MAX(country), MAX(role), COUNT(*)
        FROM mentions WHERE code IS NOT NULL
        GROUP BY code, COALESCE(name, '');
    `,
  },
  {
    version: 3,
    description: 'covering index for dyad timelines; indexed 3-digit base code so code filters walk in date order',
    sql: `
      -- A timeline reads only these columns: with them in the index it never touches the table.
      CREATE INDEX events_dyad_timeline ON events (source_country, target_country, modality, sort_date, quad_class, goldstein);
      -- "163" must match 163 and 1631..1639: equality on the base code (instead of a range on
      -- code) lets SQLite walk (base_code, sort_date) newest first and stop after one page.
      ALTER TABLE events ADD COLUMN base_code TEXT GENERATED ALWAYS AS (substr(code, 1, 3)) VIRTUAL;
      CREATE INDEX events_base_code ON events (base_code, sort_date);
    `,
  },
  {
    version: 4,
    description: 'per-day, per-week and per-month dyad summaries for timelines and dated dyad rankings; per-side country indexes in date order',
    sql: `
      -- Events per (directed country pair, modality, day), kept by trigger in the writing
      -- transaction. A timeline or a dated dyad ranking sums at most one row per day and
      -- direction instead of one per event. "day" is the event's sort_date ('', YYYY, YYYY-MM
      -- or YYYY-MM-DD), so the same precision and range rules apply as on events.
      CREATE TABLE dyad_days (
        source_country TEXT NOT NULL,
        target_country TEXT NOT NULL,
        modality       TEXT NOT NULL,
        day            TEXT NOT NULL,
        events         INTEGER NOT NULL,
        q1             INTEGER NOT NULL,
        q2             INTEGER NOT NULL,
        q3             INTEGER NOT NULL,
        q4             INTEGER NOT NULL,
        sum_goldstein  REAL NOT NULL,
        PRIMARY KEY (source_country, target_country, modality, day)
      ) WITHOUT ROWID;
      CREATE TRIGGER events_dyad_days AFTER INSERT ON events
      WHEN new.source_country IS NOT NULL AND new.target_country IS NOT NULL
      BEGIN
        INSERT INTO dyad_days (source_country, target_country, modality, day, events, q1, q2, q3, q4, sum_goldstein)
        VALUES (new.source_country, new.target_country, new.modality, new.sort_date, 1,
                new.quad_class = 1, new.quad_class = 2, new.quad_class = 3, new.quad_class = 4, new.goldstein)
        ON CONFLICT (source_country, target_country, modality, day) DO UPDATE SET
          events = events + 1,
          q1 = q1 + excluded.q1,
          q2 = q2 + excluded.q2,
          q3 = q3 + excluded.q3,
          q4 = q4 + excluded.q4,
          sum_goldstein = sum_goldstein + excluded.sum_goldstein;
      END;
      INSERT INTO dyad_days (source_country, target_country, modality, day, events, q1, q2, q3, q4, sum_goldstein)
        SELECT source_country, target_country, modality, sort_date, COUNT(*),
               SUM(quad_class = 1), SUM(quad_class = 2), SUM(quad_class = 3), SUM(quad_class = 4), SUM(goldstein)
        FROM events
        WHERE source_country IS NOT NULL AND target_country IS NOT NULL
        GROUP BY source_country, target_country, modality, sort_date;

      -- The same per calendar month (events dated to the month or the day): a month timeline
      -- reads one row per month and direction instead of summing ~30 days in a temp B-tree.
      CREATE TABLE dyad_months (
        source_country TEXT NOT NULL,
        target_country TEXT NOT NULL,
        modality       TEXT NOT NULL,
        month          TEXT NOT NULL,
        events         INTEGER NOT NULL,
        q1             INTEGER NOT NULL,
        q2             INTEGER NOT NULL,
        q3             INTEGER NOT NULL,
        q4             INTEGER NOT NULL,
        sum_goldstein  REAL NOT NULL,
        PRIMARY KEY (source_country, target_country, modality, month)
      ) WITHOUT ROWID;
      CREATE TRIGGER events_dyad_months AFTER INSERT ON events
      WHEN new.source_country IS NOT NULL AND new.target_country IS NOT NULL AND length(new.sort_date) >= 7
      BEGIN
        INSERT INTO dyad_months (source_country, target_country, modality, month, events, q1, q2, q3, q4, sum_goldstein)
        VALUES (new.source_country, new.target_country, new.modality, substr(new.sort_date, 1, 7), 1,
                new.quad_class = 1, new.quad_class = 2, new.quad_class = 3, new.quad_class = 4, new.goldstein)
        ON CONFLICT (source_country, target_country, modality, month) DO UPDATE SET
          events = events + 1,
          q1 = q1 + excluded.q1,
          q2 = q2 + excluded.q2,
          q3 = q3 + excluded.q3,
          q4 = q4 + excluded.q4,
          sum_goldstein = sum_goldstein + excluded.sum_goldstein;
      END;
      INSERT INTO dyad_months (source_country, target_country, modality, month, events, q1, q2, q3, q4, sum_goldstein)
        SELECT source_country, target_country, modality, substr(day, 1, 7), SUM(events), SUM(q1), SUM(q2), SUM(q3), SUM(q4), SUM(sum_goldstein)
        FROM dyad_days
        WHERE length(day) >= 7
        GROUP BY source_country, target_country, modality, substr(day, 1, 7);

      -- And per ISO week (its Monday), for events dated to the day.
      CREATE TABLE dyad_weeks (
        source_country TEXT NOT NULL,
        target_country TEXT NOT NULL,
        modality       TEXT NOT NULL,
        week           TEXT NOT NULL,
        events         INTEGER NOT NULL,
        q1             INTEGER NOT NULL,
        q2             INTEGER NOT NULL,
        q3             INTEGER NOT NULL,
        q4             INTEGER NOT NULL,
        sum_goldstein  REAL NOT NULL,
        PRIMARY KEY (source_country, target_country, modality, week)
      ) WITHOUT ROWID;
      CREATE TRIGGER events_dyad_weeks AFTER INSERT ON events
      WHEN new.source_country IS NOT NULL AND new.target_country IS NOT NULL AND length(new.sort_date) = 10
        AND date(new.sort_date) IS NOT NULL
      BEGIN
        INSERT INTO dyad_weeks (source_country, target_country, modality, week, events, q1, q2, q3, q4, sum_goldstein)
        VALUES (new.source_country, new.target_country, new.modality,
                date(new.sort_date, '-' || ((CAST(strftime('%w', new.sort_date) AS INTEGER) + 6) % 7) || ' days'), 1,
                new.quad_class = 1, new.quad_class = 2, new.quad_class = 3, new.quad_class = 4, new.goldstein)
        ON CONFLICT (source_country, target_country, modality, week) DO UPDATE SET
          events = events + 1,
          q1 = q1 + excluded.q1,
          q2 = q2 + excluded.q2,
          q3 = q3 + excluded.q3,
          q4 = q4 + excluded.q4,
          sum_goldstein = sum_goldstein + excluded.sum_goldstein;
      END;
      INSERT INTO dyad_weeks (source_country, target_country, modality, week, events, q1, q2, q3, q4, sum_goldstein)
        SELECT source_country, target_country, modality, date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days') AS week,
               SUM(events), SUM(q1), SUM(q2), SUM(q3), SUM(q4), SUM(sum_goldstein)
        FROM dyad_days
        WHERE length(day) = 10 AND date(day) IS NOT NULL
        GROUP BY source_country, target_country, modality, week;

      -- "country = X" is queried as two branches (source side, target side), each walking its
      -- own index newest first; events_dyad has target_country between country and date.
      CREATE INDEX events_source_country ON events (source_country, sort_date);
      CREATE INDEX events_target_country ON events (target_country, sort_date);
    `,
  },
  {
    version: 5,
    description: 'cross-story event clusters (cluster key, words, cluster and first-report flag on events; cluster summaries) and multilateral event pairs',
    sql: `
      -- cluster_key: the event's two sides, unordered (src/cluster/link.ts clusterKey); NULL when
      -- the event cannot be clustered. Candidates for a new report are looked up by key and date.
      ALTER TABLE events ADD COLUMN cluster_key TEXT;
      ALTER TABLE events ADD COLUMN cluster_id TEXT;
      -- The content words of the event's sentence (space-separated stems) that linking compares.
      ALTER TABLE events ADD COLUMN cluster_words TEXT;
      -- 1 on a cluster's first report: the row that stands for the cluster in per-cluster queries.
      ALTER TABLE events ADD COLUMN cluster_head INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX events_cluster_key ON events (cluster_key, sort_date) WHERE cluster_key IS NOT NULL;
      CREATE INDEX events_cluster ON events (cluster_id);

      -- A multilateral event (a summit, an accord of several states) is one row in events with no
      -- source or target country (so the dyad overview does not list every pair); each unordered
      -- pair of its participants is here (a < b), so a dyad's events and timeline count it once.
      CREATE TABLE event_pairs (
        event_rowid INTEGER NOT NULL,
        a           TEXT NOT NULL,
        b           TEXT NOT NULL,
        PRIMARY KEY (a, b, event_rowid)
      ) WITHOUT ROWID;

      CREATE TABLE clusters (
        id               TEXT PRIMARY KEY,
        first_article_id TEXT NOT NULL,
        first_event_id   TEXT NOT NULL,
        mentions         INTEGER NOT NULL,
        articles         INTEGER NOT NULL,
        sources          INTEGER NOT NULL,
        code             TEXT NOT NULL,
        date             TEXT,
        location         TEXT
      );
    `,
  },
  {
    version: 6,
    description: 'full-text search with stemming (porter) over evidence and actor names, quotes and article text; indexes on actor names and roles for facets',
    sql: `
      -- Events: evidence plus the source and target names, so "Putin" or "expelled" finds
      -- the events that name them ("expel" matches "expelled" and "expulsion" does not: porter).
      DROP TRIGGER events_fts_insert;
      DROP TABLE events_fts;
      CREATE VIRTUAL TABLE events_fts USING fts5 (
        evidence_text, source_name, target_name,
        content = 'events', content_rowid = 'rowid', tokenize = 'porter unicode61 remove_diacritics 2'
      );
      INSERT INTO events_fts (events_fts) VALUES ('rebuild');
      CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts (rowid, evidence_text, source_name, target_name)
        VALUES (new.rowid, new.evidence_text, new.source_name, new.target_name);
      END;

      DROP TRIGGER quotes_fts_insert;
      DROP TABLE quotes_fts;
      CREATE VIRTUAL TABLE quotes_fts USING fts5 (
        text, speaker_name,
        content = 'quotes', content_rowid = 'rowid', tokenize = 'porter unicode61 remove_diacritics 2'
      );
      INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
      CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts (rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name);
      END;

      -- Articles: title and clean text. Contentless (the text lives in articles.record), keyed
      -- by the articles rowid; articles are never updated or deleted.
      CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = '', tokenize = 'porter unicode61 remove_diacritics 2');
      INSERT INTO articles_fts (rowid, title, text)
        SELECT rowid, coalesce(title, ''), coalesce(json_extract(record, '$.text'), '') FROM articles;
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text)
        VALUES (new.rowid, coalesce(new.title, ''), coalesce(json_extract(new.record, '$.text'), ''));
      END;

      -- A person's events ("Vladimir Putin", not every RUSGOV event) and role facets.
      CREATE INDEX events_source_name ON events (source_name COLLATE NOCASE, sort_date);
      CREATE INDEX events_target_name ON events (target_name COLLATE NOCASE, sort_date);
      CREATE INDEX articles_source ON articles (source);
    `,
  },
];

/** The schema version this build of Détente writes. */
export const latestVersion = migrations[migrations.length - 1].version;
