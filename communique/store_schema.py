"""The event store's SQLite schema, as numbered migrations (read by communique/store.py).

Each migration: (version, name, statements). Never edit a released one: add a new one.
``Store`` applies the pending ones when it opens a file and records each in
``schema_migrations``.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "initial schema", [
        """CREATE TABLE articles (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT, url TEXT, source TEXT, published TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL)""",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='pk')""",
        """CREATE TABLE actors (
            pk INTEGER PRIMARY KEY,
            article_pk INTEGER NOT NULL REFERENCES articles(pk),
            local_id TEXT NOT NULL,
            name TEXT NOT NULL, kind TEXT, country TEXT, sector TEXT, role TEXT, code TEXT,
            mentions TEXT NOT NULL,
            UNIQUE (article_pk, local_id))""",
        "CREATE INDEX actors_country ON actors(country, sector)",
        "CREATE INDEX actors_code ON actors(code)",
        "CREATE INDEX actors_name ON actors(name COLLATE NOCASE)",
        """CREATE TABLE event_clusters (
            pk INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL, actor_codes TEXT NOT NULL, recipient_codes TEXT NOT NULL,
            date TEXT, location_country TEXT, negated INTEGER NOT NULL,
            num_mentions INTEGER NOT NULL DEFAULT 0,
            num_articles INTEGER NOT NULL DEFAULT 0,
            num_sources INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX event_clusters_date ON event_clusters(date)",
        """CREATE TABLE events (
            pk INTEGER PRIMARY KEY,
            article_pk INTEGER NOT NULL REFERENCES articles(pk),
            local_id TEXT NOT NULL,
            type TEXT NOT NULL, mode TEXT, contexts TEXT NOT NULL, cameo TEXT,
            quad_class INTEGER, goldstein REAL, plover_score REAL,
            date TEXT, date_text TEXT, date_precision TEXT,
            location TEXT, location_name TEXT, location_country TEXT,
            fatalities INTEGER, injured INTEGER,
            modality TEXT, negated INTEGER NOT NULL,
            trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
            sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
            confidence REAL,
            cluster_pk INTEGER REFERENCES event_clusters(pk),
            UNIQUE (article_pk, local_id))""",
        "CREATE INDEX events_date ON events(date)",
        "CREATE INDEX events_type ON events(type, date)",
        "CREATE INDEX events_cluster ON events(cluster_pk)",
        """CREATE TABLE event_actors (
            event_pk INTEGER NOT NULL REFERENCES events(pk),
            role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
            position INTEGER NOT NULL,
            actor_pk INTEGER NOT NULL REFERENCES actors(pk),
            PRIMARY KEY (event_pk, role, position)) WITHOUT ROWID""",
        "CREATE INDEX event_actors_actor ON event_actors(actor_pk, role)",
        """CREATE TABLE quotes (
            pk INTEGER PRIMARY KEY,
            article_pk INTEGER NOT NULL REFERENCES articles(pk),
            local_id TEXT NOT NULL, kind TEXT, text TEXT,
            start INTEGER, "end" INTEGER, cue TEXT,
            speaker TEXT, speaker_mention TEXT,
            UNIQUE (article_pk, local_id))""",
        """CREATE TABLE places (
            pk INTEGER PRIMARY KEY,
            article_pk INTEGER NOT NULL REFERENCES articles(pk),
            position INTEGER NOT NULL,
            name TEXT, country TEXT, lat REAL, lon REAL, precision TEXT,
            mentions TEXT NOT NULL,
            UNIQUE (article_pk, position))""",
        "CREATE INDEX places_country ON places(country)",
        """CREATE TABLE ingest_errors (
            pk INTEGER PRIMARY KEY,
            article_id TEXT, stage TEXT NOT NULL, message TEXT NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (article_id, stage, message))""",
    ]),
    # Written and read by communique/feedstore.py (`communique watch`).
    (2, "feeds: watched feeds and the pages they list", [
        """CREATE TABLE feeds (
            url TEXT PRIMARY KEY, kind TEXT, etag TEXT, last_modified TEXT,
            last_checked TEXT, last_success TEXT, last_error TEXT, last_error_at TEXT,
            failures INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE feed_pages (
            url TEXT PRIMARY KEY, feed_url TEXT NOT NULL, first_seen TEXT NOT NULL,
            feed_published TEXT, title TEXT,
            status TEXT NOT NULL CHECK (status IN
                ('pending', 'stored', 'duplicate', 'failed', 'blocked')),
            attempts INTEGER NOT NULL DEFAULT 0, last_attempt TEXT, next_attempt TEXT,
            error TEXT, article_id TEXT, events INTEGER)""",
        "CREATE INDEX feed_pages_status ON feed_pages(status, next_attempt)",
        "CREATE INDEX feed_pages_feed ON feed_pages(feed_url, status)",
    ]),
]
SCHEMA_USER_VERSION = MIGRATIONS[-1][0]
