/**
 * @module store/postgres/migrations
 * The PostgreSQL schema as an ordered list of migrations, recorded in `detente_migrations`.
 * Opening a store applies the missing ones, each in its own transaction under an advisory lock,
 * so several workers starting at once migrate once. Never edit a migration that has shipped:
 * append a new one.
 *
 * The tables mirror the SQLite store's (store/sqlite/migrations.ts) so both answer the same
 * queries the same way. Differences, and why:
 * - Text columns that are compared or sorted use COLLATE "C": byte order, as SQLite compares, so
 *   code-prefix ranges (`code >= 'USA' AND code < 'USA\uffff'`) and date prefixes behave alike
 *   whatever the database's locale.
 * - Each date-ordered index ends with the row id: PostgreSQL does not add it implicitly as
 *   SQLite does, and pages are ordered by (sort_date, id).
 * - Full-text search is a stored tsvector with a GIN index instead of FTS5 tables (from
 *   migration 2 stemmed with the 'english' configuration, as SQLite's porter tokenizer stems).
 * - The per-dyad and per-actor summaries are upserted by the batch writer (write.ts), in key
 *   order, instead of by row triggers: one statement per summary and batch, and concurrent
 *   workers take row locks in the same order.
 */

export interface PgMigration {
  version: number;
  description: string;
  sql: string;
}

const summaryColumns = `
  events         integer NOT NULL,
  q1             integer NOT NULL,
  q2             integer NOT NULL,
  q3             integer NOT NULL,
  q4             integer NOT NULL,
  sum_goldstein  double precision NOT NULL`;

export const pgMigrations: PgMigration[] = [
  {
    version: 1,
    description: 'articles, events, mentions, quotes, failures; full-text search; dyad and actor summaries (SQLite migrations 1-4)',
    sql: `
      CREATE TABLE articles (
        id          text COLLATE "C" PRIMARY KEY,
        seq         bigserial NOT NULL,
        title       text,
        author      text,
        source      text,
        url         text,
        published   text COLLATE "C",
        language    text,
        input       text,
        item        text,
        n_events    integer NOT NULL,
        ingested_at text NOT NULL,
        record      text NOT NULL
      );
      CREATE INDEX articles_published ON articles (published DESC NULLS LAST, seq DESC);

      CREATE TABLE events (
        id               bigserial PRIMARY KEY,
        article_id       text COLLATE "C" NOT NULL,
        idx              integer NOT NULL,
        event_id         text NOT NULL,
        code             text COLLATE "C" NOT NULL,
        root             text COLLATE "C" NOT NULL,
        base_code        text COLLATE "C" GENERATED ALWAYS AS (substr(code, 1, 3)) STORED,
        quad_class       smallint NOT NULL,
        goldstein        double precision NOT NULL,
        source_code      text COLLATE "C",
        source_country   text COLLATE "C",
        source_role      text,
        source_name      text,
        target_code      text COLLATE "C",
        target_country   text COLLATE "C",
        target_role      text,
        target_name      text,
        date             text COLLATE "C",
        sort_date        text COLLATE "C" NOT NULL,
        date_source      text,
        modality         text COLLATE "C" NOT NULL,
        sentence         integer NOT NULL,
        evidence_text    text NOT NULL,
        evidence_start   integer NOT NULL,
        evidence_end     integer NOT NULL,
        location_name    text,
        location_country text,
        location_lat     double precision,
        location_lon     double precision,
        rule             text NOT NULL,
        json             text NOT NULL,
        evidence_words   tsvector GENERATED ALWAYS AS (to_tsvector('simple', evidence_text)) STORED,
        UNIQUE (article_id, idx)
      );
      CREATE INDEX events_dyad            ON events (source_country, target_country, sort_date, id);
      CREATE INDEX events_dyad_rev        ON events (target_country, source_country, sort_date, id);
      CREATE INDEX events_source_code     ON events (source_code, sort_date, id);
      CREATE INDEX events_target_code     ON events (target_code, sort_date, id);
      CREATE INDEX events_root            ON events (root, sort_date, id);
      CREATE INDEX events_base_code       ON events (base_code, sort_date, id);
      CREATE INDEX events_code            ON events (code, sort_date, id);
      CREATE INDEX events_date            ON events (sort_date, id);
      CREATE INDEX events_source_country  ON events (source_country, sort_date, id);
      CREATE INDEX events_target_country  ON events (target_country, sort_date, id);
      CREATE INDEX events_evidence_words  ON events USING gin (evidence_words);

      CREATE TABLE mentions (
        article_id text COLLATE "C" NOT NULL,
        idx        integer NOT NULL,
        start      integer NOT NULL,
        "end"      integer NOT NULL,
        text       text NOT NULL,
        kind       text NOT NULL,
        code       text COLLATE "C",
        country    text,
        role       text,
        name       text,
        sentence   integer NOT NULL,
        PRIMARY KEY (article_id, idx)
      );
      CREATE INDEX mentions_code ON mentions (code, name);

      CREATE TABLE quotes (
        id                  bigserial PRIMARY KEY,
        article_id          text COLLATE "C" NOT NULL,
        idx                 integer NOT NULL,
        text                text NOT NULL,
        kind                text NOT NULL,
        speaker_name        text,
        speaker_code        text COLLATE "C",
        speaker_country     text,
        speaker_affiliation text,
        json                text NOT NULL,
        words               tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
        UNIQUE (article_id, idx)
      );
      CREATE INDEX quotes_speaker_code ON quotes (speaker_code);
      CREATE INDEX quotes_words ON quotes USING gin (words);

      CREATE TABLE failures (
        item       text NOT NULL,
        code       text NOT NULL,
        message    text NOT NULL,
        first_seen text NOT NULL,
        last_seen  text NOT NULL,
        PRIMARY KEY (item, code)
      );

      CREATE TABLE dyad_totals (
        source_country text COLLATE "C" NOT NULL,
        target_country text COLLATE "C" NOT NULL,
        events         integer NOT NULL,
        sum_goldstein  double precision NOT NULL,
        first          text COLLATE "C",
        last           text COLLATE "C",
        PRIMARY KEY (source_country, target_country)
      );
      CREATE INDEX dyad_totals_events ON dyad_totals (events DESC, source_country, target_country);

      CREATE TABLE actor_totals (
        code     text COLLATE "C" NOT NULL,
        name     text COLLATE "C" NOT NULL,
        country  text,
        role     text,
        mentions integer NOT NULL,
        PRIMARY KEY (code, name)
      );

      CREATE TABLE dyad_days (
        source_country text COLLATE "C" NOT NULL,
        target_country text COLLATE "C" NOT NULL,
        modality       text COLLATE "C" NOT NULL,
        day            text COLLATE "C" NOT NULL,${summaryColumns},
        PRIMARY KEY (source_country, target_country, modality, day)
      );
      CREATE TABLE dyad_weeks (
        source_country text COLLATE "C" NOT NULL,
        target_country text COLLATE "C" NOT NULL,
        modality       text COLLATE "C" NOT NULL,
        week           text COLLATE "C" NOT NULL,${summaryColumns},
        PRIMARY KEY (source_country, target_country, modality, week)
      );
      CREATE TABLE dyad_months (
        source_country text COLLATE "C" NOT NULL,
        target_country text COLLATE "C" NOT NULL,
        modality       text COLLATE "C" NOT NULL,
        month          text COLLATE "C" NOT NULL,${summaryColumns},
        PRIMARY KEY (source_country, target_country, modality, month)
      );
    `,
  },
  {
    version: 2,
    description: 'cross-story clusters (SQLite migration 5); stemmed full-text search over evidence and actor names, quotes and articles, name and outlet indexes (SQLite migration 6)',
    sql: `
      ALTER TABLE events ADD COLUMN cluster_key text COLLATE "C";
      ALTER TABLE events ADD COLUMN cluster_id text COLLATE "C";
      -- true on a cluster's first report: the row that stands for the cluster in per-cluster queries.
      ALTER TABLE events ADD COLUMN cluster_head boolean NOT NULL DEFAULT true;
      CREATE INDEX events_cluster_key ON events (cluster_key, sort_date) WHERE cluster_key IS NOT NULL;
      CREATE INDEX events_cluster ON events (cluster_id);
      CREATE TABLE clusters (
        id               text COLLATE "C" PRIMARY KEY,
        first_article_id text NOT NULL,
        first_event_id   text NOT NULL,
        mentions         integer NOT NULL,
        articles         integer NOT NULL,
        sources          integer NOT NULL,
        code             text NOT NULL,
        date             text,
        location         text
      );

      -- Stemmed words ('english': Snowball stemmer, like FTS5's porter tokenizer in the SQLite store).
      DROP INDEX events_evidence_words;
      ALTER TABLE events DROP COLUMN evidence_words;
      ALTER TABLE events ADD COLUMN words tsvector GENERATED ALWAYS AS (
        to_tsvector('english', evidence_text || ' ' || coalesce(source_name, '') || ' ' || coalesce(target_name, ''))) STORED;
      CREATE INDEX events_words ON events USING gin (words);
      DROP INDEX quotes_words;
      ALTER TABLE quotes DROP COLUMN words;
      ALTER TABLE quotes ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('english', text || ' ' || coalesce(speaker_name, ''))) STORED;
      CREATE INDEX quotes_words ON quotes USING gin (words);
      -- Articles: title and clean text, written by the batch writer (the text lives in the record).
      ALTER TABLE articles ADD COLUMN words tsvector;
      UPDATE articles SET words = to_tsvector('english', coalesce(title, '') || ' ' || coalesce(record::json->>'text', ''));
      CREATE INDEX articles_words ON articles USING gin (words);
      CREATE INDEX articles_source ON articles (source);
      CREATE INDEX events_source_name ON events (lower(source_name), sort_date, id);
      CREATE INDEX events_target_name ON events (lower(target_name), sort_date, id);
    `,
  },
  {
    version: 3,
    description: 'feed state for detente watch (SQLite migration 7)',
    sql: `
      CREATE TABLE watch_feeds (
        url           text PRIMARY KEY,
        etag          text,
        last_modified text,
        checked_at    text,
        failures      integer NOT NULL DEFAULT 0,
        retry_at      text,
        seen          text NOT NULL DEFAULT '[]'
      );
    `,
  },
  {
    version: 4,
    description: 'pairs of the participants of multilateral events (SQLite migration 5 event_pairs)',
    sql: `
      CREATE TABLE event_pairs (
        event_id bigint NOT NULL,
        a        text COLLATE "C" NOT NULL,
        b        text COLLATE "C" NOT NULL,
        PRIMARY KEY (a, b, event_id)
      );
    `,
  },
  {
    version: 5,
    description: 'store_version: a sequence advanced after every committed write, so readers in any process can tell that data changed',
    sql: `
      CREATE SEQUENCE store_version;
    `,
  },
  {
    version: 6,
    description: 'content words of each event\'s sentence, which cross-story linking compares (SQLite migration 5 cluster_words); events stored before keep NULL and are compared by their evidence words',
    sql: `
      ALTER TABLE events ADD COLUMN cluster_words text;
    `,
  },
];

export const latestPgVersion = pgMigrations[pgMigrations.length - 1].version;
