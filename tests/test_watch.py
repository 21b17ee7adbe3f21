"""communique watch against a real HTTP server on 127.0.0.1 serving fixture feeds and pages.

Nothing here reaches beyond loopback. The fixtures (tests/data/watch) hold an
RSS 2.0 feed, an Atom feed, a news sitemap and a malformed feed; the server
adds a missing feed, a 404 page, a page that fails with 500 once, a page
slower than the timeout, a page over the size cap, a redirect loop, a good
redirect, a copy of one article at a second URL, and a robots.txt that
disallows /private/.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from communique import feedstore
from communique.io import InputError
from communique.store import Store
from communique.watch import (FeedError, WatchOptions, Watcher, article_id, parse_feed,
                              read_feed_list)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "watch"

# Short timeouts and no politeness delay keep the tests fast; the slow page
# waits longer than TIMEOUT, and at most two seconds.
TIMEOUT = 0.5
MAX_BYTES = 200_000


def options(**kw) -> WatchOptions:
    base = dict(timeout=TIMEOUT, retries=1, backoff=0.01, delay=0.0, max_bytes=MAX_BYTES,
                retry_after=3600.0)
    return WatchOptions(**{**base, **kw})


class FixtureServer:
    """A loopback news site; counts hits and keeps request headers per path."""

    def __init__(self):
        self.hits: Counter[str] = Counter()
        self.headers: dict[str, list[dict[str, str]]] = {}
        self.release = threading.Event()   # set at teardown: the slow page stops waiting
        self.missing_is_back = False       # /news/missing.html starts serving an article
        self.robots = (200, b"User-agent: *\nDisallow: /private/\n")
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                path = urlsplit(self.path).path
                server.hits[path] += 1
                server.headers.setdefault(path, []).append(dict(self.headers))
                try:
                    server.route(self, path)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the slow page, the capped one)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    @staticmethod
    def send(h, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None, length: bool = True) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        if length:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def route(self, h, path: str) -> None:
        page = lambda name: (DATA / name).read_bytes()  # noqa: E731
        if path == "/robots.txt":
            return self.send(h, *self.robots, "text/plain")
        if path.startswith("/feeds/") and (DATA / path[7:]).exists():
            body = page(path[7:]).replace(b"HOST", self.base[7:].encode())
            etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
            if h.headers.get("If-None-Match") == etag:
                return self.send(h, 304, headers={"ETag": etag})
            return self.send(h, 200, body, "application/xml", {"ETag": etag})
        if path == "/news/flaky.html" and self.hits[path] == 1:
            return self.send(h, 500, b"<h1>Internal Server Error</h1>")
        if path == "/news/slow.html":
            self.release.wait(2.0)
            return self.send(h, 200, page("flood-aid.html"))
        if path == "/news/huge.html":  # no Content-Length: the cap must stop the reading
            return self.send(h, 200, b"<p>" + b"news " * 60_000 + b"</p>", length=False)
        if path in ("/news/loop.html", "/news/loop-2.html"):
            other = "/news/loop-2.html" if path == "/news/loop.html" else "/news/loop.html"
            return self.send(h, 302, headers={"Location": self.url(other)})
        if path == "/news/moved.html":
            return self.send(h, 301, headers={"Location": "/news/sanctions.html"})
        if path == "/news/ankara-talks-syndicated.html":
            return self.send(h, 200, page("ankara-talks.html"))
        if path == "/news/missing.html" and self.missing_is_back:
            return self.send(h, 200, page("late.html"))
        if path.startswith("/news/") and (DATA / path[6:]).exists():
            return self.send(h, 200, page(path[6:]))
        return self.send(h, 404, b"<h1>Not Found</h1>")


@pytest.fixture
def site():
    s = FixtureServer()
    yield s
    s.stop()


@pytest.fixture
def feed_list(site, tmp_path) -> Path:
    path = tmp_path / "feeds.txt"
    path.write_text(
        "# Harbour Post feeds\n"
        f"{site.url('/feeds/rss.xml')}\n"
        f"{site.url('/feeds/atom.xml')}   # Asia desk\n"
        "\n"
        f"{site.url('/feeds/sitemap.xml')}\n"
        f"{site.url('/feeds/broken.xml')}\n"
        f"{site.url('/feeds/gone.xml')}\n", "utf-8")
    return path


# What the fixtures hold, written out by hand from the files above.
GOOD = {  # page listed -> (URL stored, publication date)
    "/news/ankara-talks.html": ("/news/ankara-talks.html", "2026-11-30"),
    "/news/flaky.html": ("/news/flaky.html", "2026-11-29"),
    "/news/moved.html": ("/news/sanctions.html", "2026-12-02"),
    "/news/flood-aid.html": ("/news/flood-aid.html", "2026-12-01"),
    "/news/border-protest.html": ("/news/border-protest.html", "2026-12-03"),  # the sitemap's date
}
BAD = {  # page -> (status, words of the reason)
    "/news/missing.html": ("failed", "HTTP 404"),
    "/news/slow.html": ("failed", "timed out"),
    "/news/huge.html": ("failed", "over the cap"),
    "/news/loop.html": ("failed", "redirect loop"),
    "/private/leak.html": ("blocked", "robots.txt disallows"),
    "/news/ankara-talks-syndicated.html": ("duplicate", "already stored"),
}
BAD_FEEDS = {"/feeds/broken.xml": "not well-formed XML", "/feeds/gone.xml": "HTTP 404"}


def round_once(store, coder, feed_list, **kw):
    return Watcher(store, lambda: coder, options(**kw)).run_round(read_feed_list(feed_list))


def check_store(store: Store, site: FixtureServer) -> None:
    """Every good article exactly once, with its URL and date; every bad page with its reason."""
    arts = store.articles(limit=None)
    assert sorted(a["url"] for a in arts) == sorted(site.url(u) for u, _ in GOOD.values())
    assert {a["url"]: a["published"] for a in arts} == {site.url(u): d for u, d in GOOD.values()}
    for listed in GOOD:
        assert store.record(article_id(site.url(listed)))["url"] == site.url(GOOD[listed][0])
    pages = {p["url"]: p for p in feedstore.pages(store, limit=None)}
    assert set(pages) == {site.url(p) for p in [*GOOD, *BAD]}
    for listed in GOOD:
        assert pages[site.url(listed)]["status"] == "stored"
    for listed, (status, reason) in BAD.items():
        assert pages[site.url(listed)]["status"] == status, listed
        assert reason in pages[site.url(listed)]["error"], (listed, pages[site.url(listed)])
    feeds = {f["url"]: f for f in feedstore.feeds(store)}
    for path, reason in BAD_FEEDS.items():
        assert reason in feeds[site.url(path)]["last_error"]
        assert feeds[site.url(path)]["last_success"] is None


# -- a round, and a second one ----------------------------------------------------

def test_once_stores_every_good_article_once_and_records_every_bad_one(
        site, feed_list, tmp_path, coder):
    with Store(tmp_path / "events.db") as store:
        first = round_once(store, coder, feed_list)
        assert (first.feeds, first.feeds_failed, first.new_pages) == (5, 2, 11)
        assert (first.stored, first.duplicates, first.failed, first.blocked) == (5, 1, 4, 1)
        check_store(store, site)
        assert first.events == store.count_events(include_negated=True) > 0
        # Events carry their article's URL.
        urls = {e["url"] for e in store.query_events(limit=None, include_negated=True)}
        assert urls <= {site.url(u) for u, _ in GOOD.values()} and urls
        # ... and the exports' URL columns come from it.
        from communique.export import export

        for flavor, url_of in (("gdelt", lambda r: r["SOURCEURL"]),
                               ("plover", lambda r: r["cite_info"]["url"])):
            out = tmp_path / f"{flavor}.jsonl"
            assert export(store, out, format="jsonl", flavor=flavor) > 0
            rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
            assert {url_of(r) for r in rows} == urls, flavor
        assert site.hits["/news/flaky.html"] == 2        # 500, then 200 on the retry
        assert site.hits["/news/slow.html"] == 2         # timed out twice (one retry)
        assert site.hits["/private/leak.html"] == 0      # robots.txt said no
        assert site.hits["/robots.txt"] == 1             # read once per host
        ua = site.headers["/feeds/rss.xml"][0]["User-Agent"]
        assert ua.startswith("communique/")

        hits = Counter(site.hits)
        second = round_once(store, coder, feed_list)
        assert (second.new_pages, second.stored, second.events, second.failed) == (0, 0, 0, 0)
        assert second.feeds_unchanged == 3                # ETag -> 304 Not Modified
        assert site.headers["/feeds/rss.xml"][-1].get("If-None-Match")
        assert {p: n - hits[p] for p, n in site.hits.items() if p.startswith("/news/")
                and n != hits[p]} == {}                   # no page fetched again
        check_store(store, site)


def test_failed_pages_are_retried_later_until_the_attempts_run_out(site, feed_list, tmp_path,
                                                                  coder):
    with Store(tmp_path / "events.db") as store:
        round_once(store, coder, feed_list, retry_after=0, max_attempts=2)
        site.missing_is_back = True
        second = round_once(store, coder, feed_list, retry_after=0, max_attempts=2)
        # missing.html now serves an article; slow, huge and loop fail a second time.
        assert (second.stored, second.failed) == (1, 3)
        back = store.record(article_id(site.url("/news/missing.html")))
        assert back["title"].startswith("Chile and Argentina") and back["published"] == "2026-11-30"
        hits = Counter(site.hits)
        third = round_once(store, coder, feed_list, retry_after=0, max_attempts=2)
        assert (third.stored, third.failed) == (0, 0)     # two attempts each: left alone
        assert site.hits["/news/huge.html"] == hits["/news/huge.html"]
        failed = feedstore.pages(store, "failed")
        assert {p["url"] for p in failed} == {site.url(u) for u in
                                              ("/news/slow.html", "/news/huge.html",
                                               "/news/loop.html")}
        assert all(p["attempts"] == 2 for p in failed)


def test_article_stored_but_not_marked_is_not_fetched_again(site, feed_list, tmp_path, coder,
                                                            monkeypatch):
    """A watch killed between storing an article and marking its page resumes cleanly."""
    real = feedstore.page_done

    def crash(*args, **kw):
        raise KeyboardInterrupt  # as if killed right after the article's commit

    with Store(tmp_path / "events.db") as store:
        monkeypatch.setattr(feedstore, "page_done", crash)
        with pytest.raises(KeyboardInterrupt):
            round_once(store, coder, feed_list)
        monkeypatch.setattr(feedstore, "page_done", real)
        assert store.count_articles() == 1
        assert feedstore.pages(store, "stored") == []
        hits = Counter(site.hits)
        round_once(store, coder, feed_list)
        assert site.hits["/news/ankara-talks.html"] == hits["/news/ankara-talks.html"]
        check_store(store, site)


@pytest.mark.parametrize("kill_after", ["feed", "stored"])
def test_sigkill_mid_round_then_restart_loses_and_doubles_nothing(site, feed_list, tmp_path,
                                                                  coder, kill_after):
    db = tmp_path / "events.db"
    cmd = [sys.executable, "-m", "communique", "watch", str(feed_list), "--db", str(db),
           "--once", "--json", "--timeout", str(TIMEOUT), "--retries", "1", "--backoff",
           "0.01", "--delay", "0", "--max-bytes", str(MAX_BYTES)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    seen = []
    try:
        for line in proc.stdout:
            entry = json.loads(line)
            seen.append(entry)
            if entry["event"] == "feed" if kill_after == "feed" else entry.get("status") == "stored":
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=60)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, seen
    with Store(db) as store:
        before = store.count_articles()
        assert before == (1 if kill_after == "stored" else 0)
        round_once(store, coder, feed_list)
        check_store(store, site)
        again = round_once(store, coder, feed_list)
        assert (again.new_pages, again.stored) == (0, 0)
        check_store(store, site)


def test_unreadable_robots_txt_means_wait(site, feed_list, tmp_path, coder):
    site.robots = (503, b"down for maintenance")
    with Store(tmp_path / "events.db") as store:
        stats = round_once(store, coder, feed_list)
        assert (stats.feeds_failed, stats.new_pages) == (5, 0)
        assert not any(p.startswith(("/feeds/", "/news/")) for p in site.hits)
        for f in feedstore.feeds(store):
            assert "robots.txt unreadable (HTTP 503" in f["last_error"]
        site.robots = (404, b"")   # no robots.txt at all: everything is allowed
        second = round_once(store, coder, feed_list)
        assert (second.new_pages, second.stored, second.blocked) == (11, 5, 0)
        assert site.hits["/private/leak.html"] == 1   # allowed now (and a 404 there)


def test_per_host_delay_and_crawl_delay(site):
    from communique.watch import Fetcher

    waits: list[float] = []
    fetcher = Fetcher(options(delay=1.5), sleep=waits.append)
    fetcher.get(site.url("/news/flood-aid.html"))
    fetcher.get(site.url("/news/sanctions.html"))
    assert len(waits) == 1 and 1.0 < waits[0] <= 1.5
    site.robots = (200, b"User-agent: *\nCrawl-delay: 4\n")
    waits.clear()
    fresh = Fetcher(options(delay=1.5), sleep=waits.append)
    assert fresh.allowed(site.url("/news/flood-aid.html"))
    fresh.get(site.url("/news/flood-aid.html"))
    assert len(waits) == 1 and 3.0 < waits[0] <= 4.0


# -- the commands --------------------------------------------------------------------

def test_watch_and_feeds_commands(site, feed_list, tmp_path, capsys, monkeypatch, coder):
    from communique import cli, pipeline

    monkeypatch.setattr(pipeline, "Coder", lambda **kw: coder)  # one model load per session
    db = str(tmp_path / "events.db")
    flags = ["--timeout", str(TIMEOUT), "--retries", "1", "--backoff", "0.01", "--delay", "0",
             "--max-bytes", str(MAX_BYTES)]
    assert cli.main(["watch", str(feed_list), "--db", db, "--once", "--json", *flags]) == 0
    out, err = capsys.readouterr()
    log = [json.loads(line) for line in out.splitlines()]
    assert [e["event"] for e in log].count("round") == 1 and log[-1]["event"] == "round"
    assert sum(e.get("status") == "stored" for e in log) == 5
    lines = err.strip().splitlines()
    assert len(lines) == 1, err and lines[0].startswith("communique watch: round 1: 5 feeds (2 failed)")
    assert "5 stored" in lines[0] and "4 failed" in lines[0]

    assert cli.main(["feeds", "--db", db, "--json"]) == 0
    feeds = {f["url"]: f for f in json.loads(capsys.readouterr().out)}
    rss = feeds[site.url("/feeds/rss.xml")]
    # rss.xml lists ankara-talks, flaky and moved (good), missing (404), leak (robots.txt).
    assert (rss["articles"], rss["failed"], rss["blocked"], rss["kind"]) == (3, 1, 1, "rss")
    assert rss["events"] > 0 and rss["last_success"] and rss["last_error"] is None
    assert cli.main(["feeds", "--db", db]) == 0
    text = capsys.readouterr().out
    assert "not well-formed XML" in text and site.url("/feeds/gone.xml") in text
    assert cli.main(["feeds", "--db", db, "--pages", "failed"]) == 0
    assert capsys.readouterr().out.count("failed") == 4


def test_a_store_from_before_the_feed_tables_still_opens_read_only(tmp_path, capsys):
    import sqlite3

    from communique import cli

    path = tmp_path / "old.db"
    Store(path).close()
    db = sqlite3.connect(path)  # undo migration 2: a store written by the previous version
    db.executescript("DROP TABLE feed_pages; DROP TABLE feeds; "
                     "DELETE FROM migrations WHERE version = 2;")
    db.close()
    with Store(path, readonly=True) as ro:
        assert ro.count_articles() == 0 and feedstore.feeds(ro) == []
        assert feedstore.pages(ro, "failed") == []
    assert cli.main(["feeds", "--db", str(path)]) == 0
    assert "no feeds yet" in capsys.readouterr().err
    with Store(path) as rw:  # the first writer adds the tables
        assert [m["version"] for m in rw.migrations()] == [1, 2]
        assert feedstore.feeds(rw) == []


def test_watch_refuses_a_bad_feed_list(tmp_path, capsys):
    from communique import cli

    bad = tmp_path / "feeds.txt"
    bad.write_text("# mine\nexample.org/rss\n", "utf-8")
    assert cli.main(["watch", str(bad), "--db", str(tmp_path / "e.db"), "--once"]) == 2
    assert "line 2" in capsys.readouterr().err
    assert not (tmp_path / "e.db").exists()


# -- the parts ---------------------------------------------------------------------------

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>One</title><link>https://news.example/a</link>
<pubDate>Tue, 01 Dec 2026 08:00:00 +0000</pubDate></item>
<item><title>Two</title><guid>https://news.example/b</guid></item>
<item><title>No link</title><guid isPermaLink="false">tag:1</guid></item>
<item><link>/e?utm_source=rss&amp;id=5#comments</link></item>
<item><link>mailto:desk@news.example</link></item>
</channel></rss>"""
RDF = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<item rdf:about="https://news.example/c"><title>Three</title>
<link>https://news.example/c</link><dc:date>2026-12-02T10:00:00Z</dc:date></item></rdf:RDF>"""
ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Four</title>
<link rel="self" href="https://news.example/feed/4"/><link href="d?x=1#top"/>
<updated>2026-12-03T00:00:00Z</updated></entry></feed>"""
INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example/sm-1.xml</loc><lastmod>2026-11-01</lastmod></sitemap>
</sitemapindex>"""


@pytest.mark.parametrize("data, kind, items", [
    (RSS, "rss", [("https://news.example/a", "One", "2026-12-01"),
                  ("https://news.example/b", "Two", None),
                  ("https://news.example/e?id=5", None, None)]),
    (RDF, "rss", [("https://news.example/c", "Three", "2026-12-02")]),
    (ATOM, "atom", [("https://news.example/feed/d?x=1", "Four", "2026-12-03")]),
    (INDEX, "sitemap index", [("https://news.example/sm-1.xml", None, "2026-11-01")]),
])
def test_parse_feed(data, kind, items):
    got_kind, got = parse_feed(data, "https://news.example/feed/")
    assert got_kind == kind
    assert [(i.url, i.title, i.published) for i in got] == items


@pytest.mark.parametrize("data, words", [
    (b"<html><body>Front page</body></html>", "root element is <html>"),
    (b"<rss><channel><item>", "not well-formed"),
    (b'<!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>', "entities"),
])
def test_parse_feed_refuses(data, words):
    with pytest.raises(FeedError, match=words):
        parse_feed(data, "https://news.example/")


def test_read_feed_list(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# comment\n\nhttps://a.example/rss  # inline\nhttps://a.example/rss\n"
                    "http://b.example/sitemap.xml\n", "utf-8")
    assert read_feed_list(path) == ["https://a.example/rss", "http://b.example/sitemap.xml"]
    path.write_text("# nothing\n", "utf-8")
    with pytest.raises(InputError, match="lists no feeds"):
        read_feed_list(path)
    with pytest.raises(InputError, match="cannot read"):
        read_feed_list(tmp_path / "nope.txt")
