"""Feed state for `communique watch`: the feeds it polls and every page they listed.

The state lives in the event store beside the articles (tables ``feeds`` and
``feed_pages``, store migration 2), so one file holds everything a restart
needs. Reads go through :meth:`Store.execute`, writes through
:meth:`Store.transaction`; records themselves still go through :meth:`Store.add`.

A page is ``pending`` from the moment a feed lists it until it is ``stored``
(coded and in the store), a ``duplicate`` (its text is already stored under
another URL), ``failed`` (retried later with a growing wait, up to a number
of attempts) or ``blocked`` (robots.txt disallows it; never fetched).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .store import Store

PAGE_STATUSES = ("pending", "stored", "duplicate", "failed", "blocked")
# The longest wait before a failed page is tried again.
MAX_RETRY_WAIT = dt.timedelta(days=7)


@dataclass
class FeedItem:
    """One page a feed lists: its URL, and the title and date the feed gives it."""

    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "title": self.title, "published": self.published}


def now_iso(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%SZ")


def _rows(store: Store, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    return [dict(r) for r in store.execute(sql, list(params))]


def has_feed_tables(store: Store) -> bool:
    """False for a store made before migration 2 and opened read-only: no feeds yet."""
    return bool(store.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                              "AND name = 'feed_pages'"))


# -- feeds --------------------------------------------------------------------

def feed_validators(store: Store, url: str) -> tuple[str | None, str | None]:
    """The ETag and Last-Modified of the feed's last good fetch, for a conditional GET."""
    rows = _rows(store, "SELECT etag, last_modified FROM feeds WHERE url = ?", [url])
    return (rows[0]["etag"], rows[0]["last_modified"]) if rows else (None, None)


def feed_fetched(store: Store, url: str, kind: str, items: Iterable[FeedItem],
                 etag: str | None = None, last_modified: str | None = None) -> int:
    """Record a good fetch and the pages it lists; returns how many pages are new.

    The validators and the new pages are written in one transaction: a watch
    killed after it is never told "not modified" about pages it has not seen.
    """
    at = now_iso()
    with store.transaction() as db:
        new = 0
        for item in items:
            new += db.execute(
                "INSERT OR IGNORE INTO feed_pages (url, feed_url, first_seen, feed_published, "
                "title, status) VALUES (?, ?, ?, ?, ?, 'pending')",
                (item.url, url, at, item.published, item.title)).rowcount
        db.execute(
            "INSERT INTO feeds (url, kind, etag, last_modified, last_checked, last_success, "
            "failures) VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT (url) DO UPDATE SET "
            "kind = excluded.kind, etag = excluded.etag, last_modified = excluded.last_modified, "
            "last_checked = excluded.last_checked, last_success = excluded.last_success, "
            "failures = 0", (url, kind, etag, last_modified, at, at))
    return new


def feed_unchanged(store: Store, url: str) -> None:
    """The feed answered 304 Not Modified: a success with nothing new."""
    at = now_iso()
    with store.transaction() as db:
        db.execute("UPDATE feeds SET last_checked = ?, last_success = ?, failures = 0 "
                   "WHERE url = ?", (at, at, url))


def feed_failed(store: Store, url: str, reason: str) -> None:
    """Record why a feed could not be read; it is tried again next round."""
    at = now_iso()
    with store.transaction() as db:
        db.execute(
            "INSERT INTO feeds (url, last_checked, last_error, last_error_at, failures) "
            "VALUES (?, ?, ?, ?, 1) ON CONFLICT (url) DO UPDATE SET "
            "last_checked = excluded.last_checked, last_error = excluded.last_error, "
            "last_error_at = excluded.last_error_at, failures = failures + 1",
            (url, at, reason, at))


def feeds(store: Store) -> list[dict[str, Any]]:
    """Every feed with its last success, last error, and pages, articles and events added."""
    if not has_feed_tables(store):
        return []
    return _rows(store, """
        SELECT f.url, f.kind, f.last_checked, f.last_success, f.last_error, f.last_error_at,
               f.failures,
               COUNT(p.url) AS pages,
               COALESCE(SUM(p.status = 'stored'), 0) AS articles,
               COALESCE(SUM(CASE WHEN p.status = 'stored' THEN p.events END), 0) AS events,
               COALESCE(SUM(p.status = 'pending'), 0) AS pending,
               COALESCE(SUM(p.status = 'failed'), 0) AS failed,
               COALESCE(SUM(p.status = 'blocked'), 0) AS blocked,
               COALESCE(SUM(p.status = 'duplicate'), 0) AS duplicates
        FROM feeds f LEFT JOIN feed_pages p ON p.feed_url = f.url
        GROUP BY f.url ORDER BY f.url""")


# -- pages --------------------------------------------------------------------

def due_pages(store: Store, max_attempts: int, limit: int | None = None) -> list[dict[str, Any]]:
    """Pages to fetch now: every pending page, then failed ones whose wait is over."""
    return _rows(store, """
        SELECT url, feed_url, feed_published, title, status, attempts FROM feed_pages
        WHERE status = 'pending'
           OR (status = 'failed' AND attempts < ? AND next_attempt <= ?)
        ORDER BY status = 'failed', rowid LIMIT ?""",
                 [max_attempts, now_iso(), -1 if limit is None else int(limit)])


def pages(store: Store, status: str | Iterable[str] | None = None,
          limit: int | None = 100) -> list[dict[str, Any]]:
    """Pages with their state, in the order they were found (``status`` filters)."""
    where, params = "", []
    if status:
        wanted = [status] if isinstance(status, str) else list(status)
        unknown = set(wanted) - set(PAGE_STATUSES)
        if unknown:
            raise ValueError(f"unknown page status {sorted(unknown)}; "
                             f"known: {', '.join(PAGE_STATUSES)}")
        where = f" WHERE status IN ({', '.join('?' * len(wanted))})"
        params = wanted
    if not has_feed_tables(store):
        return []
    return _rows(store, f"SELECT * FROM feed_pages{where} ORDER BY rowid LIMIT ?",
                 [*params, -1 if limit is None else int(limit)])


def page_done(store: Store, url: str, article_id: str, events: int | None,
              status: str = "stored", note: str | None = None) -> None:
    """The page's article is in the store (``stored``) or was already (``duplicate``)."""
    if status not in ("stored", "duplicate"):
        raise ValueError(f"page_done takes status stored or duplicate, not {status!r}")
    with store.transaction() as db:
        db.execute("UPDATE feed_pages SET status = ?, attempts = attempts + 1, "
                   "last_attempt = ?, next_attempt = NULL, error = ?, article_id = ?, "
                   "events = ? WHERE url = ?",
                   (status, now_iso(), note, article_id, events, url))


def page_failed(store: Store, url: str, reason: str, retry_after: float) -> None:
    """Record why a page failed; it is tried again after ``retry_after`` seconds,
    doubled at each further failure (at most a week)."""
    now = dt.datetime.now(dt.timezone.utc)
    with store.transaction() as db:
        row = db.execute("SELECT attempts FROM feed_pages WHERE url = ?", (url,)).fetchone()
        attempts = row[0] if row else 0
        wait = min(dt.timedelta(seconds=retry_after * 2 ** attempts), MAX_RETRY_WAIT)
        db.execute("UPDATE feed_pages SET status = 'failed', attempts = attempts + 1, "
                   "last_attempt = ?, next_attempt = ?, error = ? WHERE url = ?",
                   (now_iso(now), now_iso(now + wait), reason, url))


def page_blocked(store: Store, url: str, reason: str) -> None:
    """robots.txt disallows the page: recorded, never fetched."""
    with store.transaction() as db:
        db.execute("UPDATE feed_pages SET status = 'blocked', last_attempt = ?, "
                   "next_attempt = NULL, error = ? WHERE url = ?", (now_iso(), reason, url))
