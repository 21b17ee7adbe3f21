"""The event store: schema-v1 records in one SQLite file, deduplicated and queryable.

>>> from communique.store import Store
>>> with Store("events.db") as store:
...     stats = store.add(records)              # dicts: records or error records
...     rows = store.query_events(actor_country="IRN", type="CONSULT", limit=20)

The API other modules (CLI, web server, exporters, analytics) rely on:

``Store(path, readonly=False)``
    Opens (and creates or migrates) the file. ``readonly=True`` opens an
    existing store without writing to it (for web servers and readers that
    run beside an ingest). A Store is a context manager; ``close()`` ends it.
``add(records, batch_size=200) -> IngestStats``
    The only write path. Each batch is one transaction. An article already
    stored (same ``id`` or same text hash) is skipped; error records go to
    ``ingest_errors``. A record that cannot be stored becomes an error with
    stage ``store``; the batch goes on.
``has_article(id=None, text=None) -> bool``
    Whether an article is stored (lets ``ingest`` skip coding it again).
``query_events(**filters, limit=100, offset=0, newest_first=False) -> list[dict]``, ``count_events(**filters)``
    Per-article events, oldest first (``newest_first``: latest first). Filters: ``actor_country``, ``actor_sector``,
    ``actor_name``, ``recipient_country``, ``recipient_sector``,
    ``recipient_name``, ``country`` (either side), ``type``, ``mode``,
    ``quad_class``, ``modality``, ``context``, ``date_from``, ``date_to``
    (inclusive, ISO dates), ``text`` (SQLite FTS5 query over article title
    and text), ``article_id``, ``cluster_id``, ``include_negated`` (default
    False). Country, sector, type, mode, quad_class and modality take one
    value or a list; names match case-insensitively as substrings.
``get_event(id) -> dict | None``
    One event with its sentence text and its cluster: every article and
    trigger span reporting the same event.
``query_clusters(**filters, limit, offset)``, ``get_cluster(id)``, ``count_clusters(**filters)``
    Deduplicated events (GDELT-style ``num_mentions``, ``num_articles``,
    ``num_sources``).
``actors(country=None, sector=None, name=None, limit=100, offset=0) -> list[dict]``
    Actors across articles, grouped by name, country and sector, with counts.
``articles(text=None, limit=100, offset=0)``, ``count_articles(text=None)``, ``record(article_id)``
    Article summaries, and the full schema-v1 record rebuilt from the tables.
``errors(limit=100, offset=0)``, ``stats()``
``transaction()``
    A write transaction for tables another module owns (feed state:
    ``communique.feedstore``); records still go through ``add``.

Event dicts carry the schema-v1 event fields plus ``id`` (the store's
integer id), ``event_id`` (the record-local id, "E1"), ``article_id``,
``title``, ``url``, ``published``, ``source`` and ``cluster_id``; ``actor``
and ``recipient`` are lists of actor dicts (``id``, ``name``, ``kind``,
``country``, ``sector``, ``code``) instead of bare record-local ids.

Dedupe rule: per-article events with the same type, the same sets of actor
and recipient codes (country + sector), the same date, the same location
country and the same negation flag are one event (a cluster).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .filters import EVENT_FILTERS, cluster_where, event_where, like_pattern
from .record import SCHEMA_VERSION
from .store_rows import BadRecord, content_hash, event_dict, now, prepare, read_record
from .store_schema import MIGRATIONS, SCHEMA_USER_VERSION

__all__ = ["Store", "IngestStats", "StoreError", "EVENT_FILTERS"]


# Migrations that only add the tables of an optional feature (feeds): a read-only
# open of a store without them still works, and that feature's readers see no rows.
OPTIONAL_FOR_READERS = {2}


class StoreError(RuntimeError):
    """A store that cannot be opened or used as asked; the message says what to do."""


def _open_error(path: Path, exc: sqlite3.DatabaseError, readonly: bool) -> str:
    """One line saying why SQLite refused ``path``, and what to do."""
    msg = str(exc)
    if "not a database" in msg or "malformed" in msg:
        return (f"{path} is not a communique store (SQLite says: {msg}); name a new file "
                f"or an existing store")
    if "readonly" in msg or "read-only" in msg:
        return (f"{path} cannot be written (SQLite says: {msg}); make the file and its "
                f"folder writable, or choose another --db")
    if "unable to open" in msg or "cannot make folder" in msg:
        return (f"cannot open {path} (SQLite says: {msg}); check that its folder exists "
                f"and is {'readable' if readonly else 'writable'}")
    return f"cannot use {path} as a store (SQLite says: {msg})"


@dataclass
class IngestStats:
    """What one call of :meth:`Store.add` did."""

    articles_added: int = 0
    articles_skipped: int = 0  # already stored: same id or same text
    events_added: int = 0
    errors_added: int = 0  # rows added to ingest_errors (a repeated error adds none)
    errors: int = 0  # records that failed: error records given, and records the store refused
    batches: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    def __iadd__(self, other: "IngestStats") -> "IngestStats":
        for k, v in asdict(other).items():
            setattr(self, k, getattr(self, k) + v)
        return self


# What one bad record can raise while its rows are written: a broken constraint, an
# integer past 64 bits (OverflowError), a value SQLite cannot bind.
_UNSTORABLE = (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.ProgrammingError,
               OverflowError)


def _error_id(value: Any) -> str | None:
    """The article id an ingest error is filed under: text, never a list or object."""
    if value is None or isinstance(value, str):
        return value
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else None


class Store:
    """An event store in one SQLite file (WAL mode, versioned migrations)."""

    def __init__(self, path: str | Path, readonly: bool = False, timeout: float = 30.0):
        self.path = Path(path)
        self.readonly = readonly
        self._lock = threading.RLock()
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a store: name a file, "
                             f"e.g. --db {self.path / 'events.db'}")
        if readonly and not self.path.exists():
            raise StoreError(f"no store at {self.path}: create one with "
                             f"`communique ingest ARTICLES --db {self.path}`")
        try:
            try:
                self._db = self._connect(timeout)
            except sqlite3.DatabaseError as exc:
                if not (readonly and "readonly" in str(exc)):
                    raise
                # A reader of a WAL store in a folder it cannot write has no place for
                # the shared-memory file; nothing can write there either: read it as is.
                self._db = self._connect(timeout, immutable=True)
        except sqlite3.DatabaseError as exc:
            raise StoreError(_open_error(self.path, exc, readonly)) from None

    def _connect(self, timeout: float, immutable: bool = False) -> sqlite3.Connection:
        if self.readonly:
            uri = f"file:{self.path.resolve()}?mode=ro" + ("&immutable=1" if immutable else "")
            db = sqlite3.connect(uri, uri=True, timeout=timeout,
                                 isolation_level=None, check_same_thread=False)
            try:
                self._ready(db)
            except BaseException:
                db.close()
                raise
            return db
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise sqlite3.OperationalError(f"cannot make folder {self.path.parent} "
                                           f"({exc.strerror})") from None
        db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None,
                             check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL survives a killed process; only a power cut can lose
            # the last commits, and those are re-ingested by the next run.
            db.execute("PRAGMA synchronous=NORMAL")
            self._ready(db)
            # Fail now, before anything is coded, if no write can ever succeed.
            db.execute("BEGIN IMMEDIATE")
            db.execute("ROLLBACK")
        except BaseException:
            db.close()
            raise
        return db

    def _ready(self, db: sqlite3.Connection) -> None:
        self._db = db
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    # -- lifecycle ---------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    def _migrate(self) -> None:
        with self._lock:
            applied = self.migrations() if self._has_table("migrations") else []
            version = max((m["version"] for m in applied), default=0)
            if version > SCHEMA_USER_VERSION:
                raise StoreError(f"{self.path} has store schema {version}; this communique "
                                 f"knows up to {SCHEMA_USER_VERSION}: upgrade communique")
            pending = [m for m in MIGRATIONS if m[0] > version]
            if not pending:
                return
            if self.readonly:
                if all(m[0] in OPTIONAL_FOR_READERS for m in pending):
                    return
                raise StoreError(f"{self.path} needs migrating to schema {SCHEMA_USER_VERSION}: "
                                 f"open it once without readonly")
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("""CREATE TABLE IF NOT EXISTS migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)""")
                # Another process may have migrated while we waited for the lock.
                done = {r[0] for r in self._db.execute("SELECT version FROM migrations")}
                for number, name, statements in pending:
                    if number in done:
                        continue
                    for sql in statements:
                        self._db.execute(sql)
                    self._db.execute("INSERT INTO migrations VALUES (?, ?, ?)",
                                     (number, name, now()))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _has_table(self, name: str) -> bool:
        row = self._db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                               (name,)).fetchone()
        return row is not None

    def migrations(self) -> list[dict[str, Any]]:
        """The migrations applied to this file, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT version, name, applied_at FROM migrations ORDER BY version")
            return [dict(r) for r in rows]

    # -- writing -----------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on tables that other modules own (``feedstore``).

        Commits when the block ends, rolls back when it raises. Records still go
        through :meth:`add`.
        """
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only; open Store(path) to write")
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def has_article(self, id: str | None = None, text: str | None = None) -> bool:
        """Whether an article with this id, or with exactly this text, is stored."""
        with self._lock:
            if id is not None and self._db.execute(
                    "SELECT 1 FROM articles WHERE id=?", (id,)).fetchone():
                return True
            if text:
                h = content_hash({"text": text})
                return self._db.execute("SELECT 1 FROM articles WHERE content_hash=?",
                                        (h,)).fetchone() is not None
            return False

    def add(self, records: Iterable[dict[str, Any]], batch_size: int = 200) -> IngestStats:
        """Store records (schema-v1 dicts, or error records) in batches of one transaction.

        Returns counts of what was added and skipped. Safe to re-run on the same
        input: stored articles are skipped, so an interrupted ingest resumes.
        """
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only; open Store(path) to write")
        if batch_size < 1:
            raise ValueError(f"batch_size must be 1 or more, not {batch_size}")
        stats = IngestStats()
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(record)
            if len(batch) >= batch_size:
                stats += self._write_batch(batch)
                batch = []
        if batch:
            stats += self._write_batch(batch)
        return stats

    def _write_batch(self, batch: list[dict[str, Any]]) -> IngestStats:
        with self._lock:
            try:
                return self._write_batch_once(batch, careful=False)
            except _UNSTORABLE:
                # A record that passed validation still broke a constraint: redo the
                # batch with a savepoint per record, so only that record is refused.
                return self._write_batch_once(batch, careful=True)

    def _write_batch_once(self, batch: list[dict[str, Any]], careful: bool) -> IngestStats:
        stats = IngestStats(batches=1)
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            touched: set[int] = set()
            for record in batch:
                if not isinstance(record, dict):
                    stats.errors += 1
                    stats.errors_added += self._add_error(
                        None, "store", f"not a record: {type(record).__name__}")
                    continue
                rid = _error_id(record.get("id"))
                if "error" in record:
                    err = record["error"] if isinstance(record["error"], dict) else {}
                    stats.errors += 1
                    stats.errors_added += self._add_error(
                        rid, str(err.get("stage", "unknown")), str(err.get("message", "")))
                    continue
                try:
                    rows = prepare(record)
                except (BadRecord, KeyError, TypeError, ValueError, IndexError,
                        AttributeError, RecursionError) as exc:
                    msg = str(exc) if isinstance(exc, BadRecord) else (
                        f"malformed record ({type(exc).__name__}: {exc}); "
                        f"records must follow schema {SCHEMA_VERSION}")
                    stats.errors += 1
                    stats.errors_added += self._add_error(rid, "store", msg)
                    continue
                if careful:
                    db.execute("SAVEPOINT record")
                    try:
                        result = self._insert(rows, touched)
                    except _UNSTORABLE as exc:
                        db.execute("ROLLBACK TO record")
                        db.execute("RELEASE record")
                        stats.errors += 1
                        stats.errors_added += self._add_error(
                            rid, "store", f"record breaks the store's constraints "
                            f"({type(exc).__name__}: {exc}); ids within a record must be "
                            f"unique and integers fit in 64 bits")
                        continue
                    db.execute("RELEASE record")
                else:
                    result = self._insert(rows, touched)
                if result is None:
                    stats.articles_skipped += 1
                else:
                    stats.articles_added += 1
                    stats.events_added += result
            self._recount_clusters(touched)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return stats

    def _add_error(self, article_id: str | None, stage: str, message: str) -> int:
        cur = self._db.execute(
            "INSERT OR IGNORE INTO ingest_errors (article_id, stage, message, at) "
            "VALUES (?, ?, ?, ?)", (article_id, stage, message, now()))
        return cur.rowcount

    def _insert(self, rows: dict[str, Any], touched: set[int]) -> int | None:
        """Write a prepared record; None when the article is already stored, else its event count."""
        db = self._db
        if db.execute("SELECT 1 FROM articles WHERE id=? OR content_hash=?",
                      (rows["id"], rows["hash"])).fetchone():
            return None
        apk = db.execute(
            "INSERT INTO articles (id, content_hash, title, url, source, published, text, "
            "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [rows["id"], rows["hash"], *rows["article"], now()]).lastrowid
        db.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                   (apk, rows["title"], rows["text"]))
        db.execute("DELETE FROM ingest_errors WHERE article_id=?", (rows["id"],))
        db.executemany(
            "INSERT INTO actors (article_pk, local_id, name, kind, country, sector, role, "
            "code, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [[apk, *a] for a in rows["actors"]])
        actor_pk = dict(db.execute("SELECT local_id, pk FROM actors WHERE article_pk=?",
                                   (apk,)).fetchall())
        event_rows = []
        for e in rows["events"]:
            found = db.execute("SELECT pk FROM event_clusters WHERE key=?",
                               (e["key"],)).fetchone()
            cluster = found[0] if found else db.execute(
                "INSERT INTO event_clusters (key, type, actor_codes, recipient_codes, date, "
                "location_country, negated) VALUES (?, ?, ?, ?, ?, ?, ?)",
                e["cluster"]).lastrowid
            touched.add(cluster)
            event_rows.append([apk, *e["row"], cluster])
        db.executemany(
            "INSERT INTO events (article_pk, local_id, type, mode, contexts, cameo, "
            "quad_class, goldstein, plover_score, date, date_text, date_precision, "
            "location, location_name, location_country, fatalities, injured, modality, "
            "negated, trigger_start, trigger_end, trigger_text, sentence_start, "
            "sentence_end, confidence, cluster_pk) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            event_rows)
        if rows["links"]:
            event_pk = dict(db.execute("SELECT local_id, pk FROM events WHERE article_pk=?",
                                       (apk,)).fetchall())
            db.executemany(
                "INSERT INTO event_actors (event_pk, role, position, actor_pk) "
                "VALUES (?, ?, ?, ?)",
                [(event_pk[eid], role, i, actor_pk[aid]) for eid, role, i, aid in rows["links"]])
        db.executemany(
            'INSERT INTO quotes (article_pk, local_id, kind, text, start, "end", cue, speaker, '
            "speaker_mention) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [[apk, *q] for q in rows["quotes"]])
        db.executemany(
            "INSERT INTO places (article_pk, position, name, country, lat, lon, precision, "
            "mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [[apk, *p] for p in rows["places"]])
        return len(rows["events"])

    def _recount_clusters(self, clusters: set[int]) -> None:
        # Sources as GDELT counts them: distinct publishers (URL hosts); an article
        # without a URL is its own source.
        self._db.executemany(
            """UPDATE event_clusters SET
                 num_mentions = (SELECT COUNT(*) FROM events WHERE cluster_pk = :c),
                 num_articles = (SELECT COUNT(DISTINCT article_pk) FROM events
                                 WHERE cluster_pk = :c),
                 num_sources = (SELECT COUNT(DISTINCT COALESCE(a.source, 'article:' || a.id))
                                FROM events e JOIN articles a ON a.pk = e.article_pk
                                WHERE e.cluster_pk = :c)
               WHERE pk = :c""", [{"c": c} for c in sorted(clusters)])

    # -- reading: events ---------------------------------------------------

    def _run(self, sql: str, params: Sequence[Any]) -> list[sqlite3.Row]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            # Errors from a MATCH query are the user's FTS5 syntax, not a broken store.
            if "MATCH" in sql and not str(exc).startswith(("no such table", "database")):
                raise ValueError(f"text filter is not a valid FTS5 query ({exc}); put "
                                 f'phrases in double quotes, e.g. text=\'"border clash"\'') from None
            raise

    def query_events(self, limit: int | None = 100, offset: int = 0, newest_first: bool = False,
                     **filters: Any) -> list[dict[str, Any]]:
        """Per-article events matching the filters, ordered by date then id
        (``newest_first``: latest date first, undated events last)."""
        where, params = event_where(filters)
        order = ("e.date IS NULL, e.date DESC, e.pk DESC" if newest_first else "e.date, e.pk")
        sql = (f"SELECT e.*, a.id AS article_id, a.title, a.url, a.published, a.source "
               f"FROM events e JOIN articles a ON a.pk = e.article_pk{where} "
               f"ORDER BY {order} LIMIT ? OFFSET ?")
        with self._lock:
            rows = self._run(sql, [*params, -1 if limit is None else int(limit), int(offset)])
            return self._event_dicts(rows)

    def iter_events(self, batch_size: int = 5000, **filters: Any) -> Iterator[dict[str, Any]]:
        """All matching events, fetched a page at a time (for exports)."""
        where, params = event_where(filters)
        last = 0
        while True:
            sql = (f"SELECT e.*, a.id AS article_id, a.title, a.url, a.published, a.source "
                   f"FROM events e JOIN articles a ON a.pk = e.article_pk{where}"
                   f"{' AND' if where else ' WHERE'} e.pk > ? ORDER BY e.pk LIMIT ?")
            with self._lock:
                rows = self._run(sql, [*params, last, batch_size])
                page = self._event_dicts(rows)
            if not page:
                return
            yield from page
            last = page[-1]["id"]

    def count_events(self, **filters: Any) -> int:
        where, params = event_where(filters)
        with self._lock:
            return self._run(f"SELECT COUNT(*) FROM events e JOIN articles a "
                             f"ON a.pk = e.article_pk{where}", params)[0][0]

    def _participants(self, event_pks: list[int]) -> dict[int, dict[str, list[dict]]]:
        out: dict[int, dict[str, list[dict]]] = {pk: {"actor": [], "recipient": []}
                                                 for pk in event_pks}
        for i in range(0, len(event_pks), 500):
            chunk = event_pks[i:i + 500]
            rows = self._db.execute(
                "SELECT ea.event_pk, ea.role, ac.local_id, ac.name, ac.kind, ac.country, "
                "ac.sector, ac.role AS actor_role, ac.code FROM event_actors ea "
                "JOIN actors ac ON ac.pk = ea.actor_pk "
                f"WHERE ea.event_pk IN ({', '.join('?' * len(chunk))}) "
                "ORDER BY ea.event_pk, ea.role, ea.position", chunk)
            for r in rows:
                out[r["event_pk"]][r["role"]].append(
                    {"id": r["local_id"], "name": r["name"], "kind": r["kind"],
                     "country": r["country"], "sector": r["sector"],
                     "role": r["actor_role"], "code": r["code"]})
        return out

    def event_dicts(self, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
        """Event dicts (actors and recipients filled in) of rows selected by :meth:`execute`
        from ``events e`` joined with ``articles a`` (``a.id AS article_id``, title, url,
        published, source)."""
        with self._lock:
            return self._event_dicts(rows)

    def _event_dicts(self, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
        parts = self._participants([r["pk"] for r in rows])
        return [event_dict(r, parts[r["pk"]]) for r in rows]

    def get_event(self, id: int) -> dict[str, Any] | None:
        """One event, its sentence text, and its cluster with every reporting article."""
        with self._lock:
            rows = self._db.execute(
                "SELECT e.*, a.id AS article_id, a.title, a.url, a.published, a.source, "
                "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) "
                "AS sentence_text FROM events e JOIN articles a ON a.pk = e.article_pk "
                "WHERE e.pk = ?", (int(id),)).fetchall()
            if not rows:
                return None
            event = self._event_dicts(rows)[0]
            event["sentence"]["text"] = rows[0]["sentence_text"]
            event["cluster"] = self.get_cluster(rows[0]["cluster_pk"])
            return event

    # -- reading: clusters -------------------------------------------------

    def query_clusters(self, limit: int | None = 100, offset: int = 0,
                       **filters: Any) -> list[dict[str, Any]]:
        """Deduplicated events, each with its counts and representative (first) event.

        Filters: type, date_from, date_to, country (either side), min_articles,
        include_negated.
        """
        where, params = cluster_where(filters)
        with self._lock:
            rows = self._db.execute(
                f"SELECT c.* FROM event_clusters c{where} ORDER BY c.date, c.pk "
                f"LIMIT ? OFFSET ?", [*params, -1 if limit is None else int(limit),
                                      int(offset)]).fetchall()
            return [self._cluster_dict(r) for r in rows]

    def count_clusters(self, **filters: Any) -> int:
        where, params = cluster_where(filters)
        with self._lock:
            return self._db.execute(f"SELECT COUNT(*) FROM event_clusters c{where}",
                                    params).fetchone()[0]

    def _cluster_dict(self, c: sqlite3.Row, mentions: bool = False) -> dict[str, Any]:
        rows = self._db.execute(
            "SELECT e.*, a.id AS article_id, a.title, a.url, a.published, a.source, "
            "a.ingested_at, substr(a.text, e.sentence_start + 1, e.sentence_end - "
            "e.sentence_start) AS sentence_text FROM events e JOIN articles a "
            "ON a.pk = e.article_pk WHERE e.cluster_pk = ? ORDER BY e.pk"
            + ("" if mentions else " LIMIT 1"), (c["pk"],)).fetchall()
        events = self._event_dicts(rows)
        for e, r in zip(events, rows):
            e["sentence"]["text"] = r["sentence_text"]
        out = {"id": c["pk"], "type": c["type"], "actor_codes": c["actor_codes"],
               "recipient_codes": c["recipient_codes"], "date": c["date"],
               "location_country": c["location_country"], "negated": bool(c["negated"]),
               "num_mentions": c["num_mentions"], "num_articles": c["num_articles"],
               "num_sources": c["num_sources"],
               "first_added": rows[0]["ingested_at"] if rows else None,
               "event": events[0] if events else None}
        if mentions:
            out["mentions"] = [
                {"event_id": e["id"], "article_id": e["article_id"], "title": e["title"],
                 "url": e["url"], "source": e["source"], "published": e["published"],
                 "trigger": e["trigger"], "sentence": e["sentence"]} for e in events]
        return out

    def get_cluster(self, id: int) -> dict[str, Any] | None:
        """A deduplicated event with every article and trigger span that reports it."""
        with self._lock:
            row = self._db.execute("SELECT * FROM event_clusters WHERE pk = ?",
                                   (int(id),)).fetchone()
            return self._cluster_dict(row, mentions=True) if row else None

    # -- reading: actors, articles, records --------------------------------

    def actors(self, country: str | None = None, sector: str | None = None,
               name: str | None = None, limit: int | None = 100,
               offset: int = 0) -> list[dict[str, Any]]:
        """Actors across articles (grouped by name, country, sector), most active first."""
        where, params = [], []
        if country:
            where.append("ac.country = ?")
            params.append(country.upper())
        if sector:
            where.append("ac.sector = ?")
            params.append(sector.upper())
        if name:
            where.append("ac.name LIKE ? ESCAPE '\\'")
            params.append(like_pattern(name))
        sql = ("SELECT ac.name, ac.country, ac.sector, MAX(ac.code) AS code, "
               "MIN(ac.kind) AS kind, COUNT(DISTINCT ac.article_pk) AS num_articles, "
               "COUNT(DISTINCT ea.event_pk) AS num_events "
               "FROM actors ac LEFT JOIN event_actors ea ON ea.actor_pk = ac.pk"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " GROUP BY ac.name, ac.country, ac.sector ORDER BY num_events DESC, "
               "num_articles DESC, ac.name LIMIT ? OFFSET ?")
        with self._lock:
            rows = self._db.execute(sql, [*params, -1 if limit is None else int(limit),
                                          int(offset)]).fetchall()
            return [dict(r) for r in rows]

    def articles(self, text: str | None = None, limit: int | None = 100,
                 offset: int = 0) -> list[dict[str, Any]]:
        """Article summaries (no text), newest first; ``text`` is an FTS5 query."""
        where, params = "", []
        if text:
            where = " WHERE a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            params.append(text)
        sql = ("SELECT a.id, a.title, a.url, a.source, a.published, a.ingested_at, "
               "(SELECT COUNT(*) FROM events e WHERE e.article_pk = a.pk) AS num_events "
               f"FROM articles a{where} ORDER BY a.published DESC, a.pk DESC LIMIT ? OFFSET ?")
        with self._lock:
            rows = self._run(sql, [*params, -1 if limit is None else int(limit), int(offset)])
            return [dict(r) for r in rows]

    def count_articles(self, text: str | None = None) -> int:
        with self._lock:
            if text:
                return self._run("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                 [text])[0][0]
            return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def record(self, article_id: str) -> dict[str, Any] | None:
        """The schema-v1 record of a stored article, rebuilt from the tables."""
        with self._lock:
            return read_record(self._db, article_id)

    def errors(self, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Articles that could not be coded or stored: id, stage, message."""
        with self._lock:
            rows = self._db.execute(
                "SELECT article_id AS id, stage, message, at FROM ingest_errors "
                "ORDER BY pk LIMIT ? OFFSET ?", (-1 if limit is None else int(limit),
                                                 int(offset))).fetchall()
            return [dict(r) for r in rows]

    def stats(self) -> dict[str, Any]:
        """Counts of what the store holds, and the span of event dates."""
        with self._lock:
            one = lambda sql: self._db.execute(sql).fetchone()[0]  # noqa: E731
            return {
                "articles": one("SELECT COUNT(*) FROM articles"),
                "events": one("SELECT COUNT(*) FROM events"),
                "event_clusters": one("SELECT COUNT(*) FROM event_clusters"),
                "actors": one("SELECT COUNT(*) FROM actors"),
                "quotes": one("SELECT COUNT(*) FROM quotes"),
                "places": one("SELECT COUNT(*) FROM places"),
                "ingest_errors": one("SELECT COUNT(*) FROM ingest_errors"),
                "date_min": one("SELECT MIN(date) FROM events"),
                "date_max": one("SELECT MAX(date) FROM events"),
                "schema": SCHEMA_USER_VERSION,
            }

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Run a read-only SQL query (for analytics); writes go through :meth:`add`."""
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            raise StoreError("Store.execute runs SELECT queries only; write with Store.add")
        with self._lock:
            self._db.execute("PRAGMA query_only=ON")
            try:
                return self._db.execute(sql, params).fetchall()
            finally:
                self._db.execute("PRAGMA query_only=OFF")
