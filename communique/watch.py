"""Watch news feeds: poll RSS/Atom feeds and sitemaps, fetch new articles, code and store them.

>>> from communique.watch import WatchOptions, read_feed_list, watch_round
>>> with Store("events.db") as store:
...     stats = watch_round(read_feed_list("feeds.txt"), store, Coder(), WatchOptions())

Polite by default: a User-Agent naming communique, robots.txt, a delay
between requests to one host, conditional GETs (ETag / Last-Modified), a
timeout, retries with backoff for 5xx and network errors, and a size cap per
response. A feed or page that fails is recorded (``communique.feedstore``) and
tried again later; it never stops the others. Each article is committed on
its own and the page marked done after it, and an article's id comes from
its URL, so a watch killed at any moment resumes without losing or doubling
anything.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.client
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

from . import __version__, feedstore
from .feedstore import FeedItem
from .io import InputError, check_text, html_to_article, normalize_published
from .record import Article
from .store import Store

USER_AGENT = f"communique/{__version__} (political event coder; feed watcher)"
# Statuses worth asking again within a round: the server may be back in a moment.
RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}
# robots.txt is read again after this long; one that could not be read, after ROBOTS_RETRY.
ROBOTS_TTL = 24 * 3600
ROBOTS_RETRY = 300
# At most this many sitemaps of a sitemap index are read, the most recently changed first.
MAX_INDEX_CHILDREN = 5

Log = Callable[[dict[str, Any]], None]


@dataclass
class WatchOptions:
    """How politely and how persistently to fetch. Times are seconds."""

    timeout: float = 20.0          # one request, connection to last byte
    retries: int = 2               # extra tries within a round (5xx, 429, timeouts, resets)
    backoff: float = 2.0           # wait before the first retry, doubled each time
    delay: float = 1.0             # between two requests to one host (robots.txt may ask more)
    max_bytes: int = 5_000_000     # largest response read
    retry_after: float = 3600.0    # wait before a failed page is tried again, doubled each time
    max_attempts: int = 5          # a page that failed this often is left alone
    max_pages: int = 200           # pages fetched per round; the rest wait for the next one
    max_chars: int = 200_000       # longest article text coded
    user_agent: str = USER_AGENT


class FetchError(Exception):
    """A request that gave no usable response; ``reason`` says why in a few words."""

    def __init__(self, url: str, reason: str, retryable: bool = False,
                 status: int | None = None):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.retryable, self.status = url, reason, retryable, status


class FeedError(ValueError):
    """A feed response that is not an RSS/Atom feed or a sitemap."""


@dataclass
class Response:
    url: str                       # after redirects
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body as text: the charset the server names, else UTF-8, else cp1252."""
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                try:
                    return self.body.decode(value.strip('"\''), errors="replace")
                except LookupError:  # a charset Python does not know
                    break
        try:
            return self.body.decode("utf-8")
        except UnicodeDecodeError:
            return self.body.decode("cp1252", errors="replace")


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 5
    max_repeats = 1

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(req.full_url, f"redirect to a non-web address {newurl!r}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """HTTP GETs with the watch's manners: user agent, robots.txt, per-host delay,
    conditional requests, timeouts, retries with backoff and a size cap."""

    def __init__(self, options: WatchOptions | None = None,
                 sleep: Callable[[float], None] = time.sleep):
        self.options = options or WatchOptions()
        self.sleep = sleep
        self._opener = urllib.request.build_opener(_Redirects())
        self._last: dict[str, float] = {}      # host -> monotonic time of the last request
        self._delay: dict[str, float] = {}     # host -> crawl delay robots.txt asks for
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None, str]] = {}
        self.requests = 0

    # -- one request ----------------------------------------------------------

    def get(self, url: str, etag: str | None = None,
            last_modified: str | None = None) -> Response:
        """GET with retries: raises FetchError when no try gave a usable answer."""
        o = self.options
        for attempt in range(o.retries + 1):
            try:
                return self._once(url, etag, last_modified)
            except FetchError as exc:
                if not exc.retryable or attempt == o.retries:
                    if attempt:
                        exc.reason += f" (after {attempt + 1} tries)"
                    raise
            self.sleep(o.backoff * 2 ** attempt)
        raise AssertionError("unreachable")

    def _wait_for_host(self, host: str) -> None:
        delay = max(self.options.delay, self._delay.get(host, 0.0))
        last = self._last.get(host)
        if last is not None and delay > 0:
            wait = last + delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)

    def _once(self, url: str, etag: str | None, last_modified: str | None) -> Response:
        o = self.options
        host = urlsplit(url).netloc.lower()
        self._wait_for_host(host)
        headers = {"User-Agent": o.user_agent, "Accept-Encoding": "identity",
                   "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                             "text/html;q=0.9, */*;q=0.5"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(url, headers=headers)
        deadline = time.monotonic() + o.timeout
        self.requests += 1
        try:
            with self._opener.open(request, timeout=o.timeout) as resp:
                length = resp.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > o.max_bytes:
                    raise FetchError(url, f"response of {int(length):,} bytes is over the cap "
                                          f"of {o.max_bytes:,} (--max-bytes)")
                chunks, size = [], 0
                while chunk := resp.read(65536):
                    size += len(chunk)
                    if size > o.max_bytes:
                        raise FetchError(url, f"response is over the cap of {o.max_bytes:,} "
                                              f"bytes (--max-bytes)")
                    if time.monotonic() > deadline:
                        raise FetchError(url, f"timed out after {o.timeout:g} s (--timeout)",
                                         retryable=True)
                    chunks.append(chunk)
                return Response(url=resp.geturl(), status=resp.status, body=b"".join(chunks),
                                etag=resp.headers.get("ETag"),
                                last_modified=resp.headers.get("Last-Modified"),
                                content_type=resp.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code == 304:
                return Response(url=url, status=304, etag=etag, last_modified=last_modified)
            if 300 <= exc.code < 400:
                raise FetchError(url, f"redirect loop or more than "
                                      f"{_Redirects.max_redirections} redirects",
                                 status=exc.code) from None
            raise FetchError(url, f"HTTP {exc.code} {exc.reason}".strip(),
                             retryable=exc.code in RETRY_STATUSES, status=exc.code) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise FetchError(url, f"timed out after {o.timeout:g} s (--timeout)",
                                 retryable=True) from None
            if isinstance(reason, FetchError):
                raise reason from None
            raise FetchError(url, f"cannot connect: {reason}", retryable=True) from None
        except (TimeoutError, socket.timeout):
            raise FetchError(url, f"timed out after {o.timeout:g} s (--timeout)",
                             retryable=True) from None
        except (http.client.HTTPException, ConnectionError) as exc:
            raise FetchError(url, f"broken response: {type(exc).__name__}: {exc}",
                             retryable=True) from None
        finally:
            self._last[host] = time.monotonic()

    # -- robots.txt -----------------------------------------------------------

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our user agent fetch ``url``.

        A robots.txt that is missing (4xx) allows everything; one that cannot be
        read (5xx, network) raises FetchError, so the page waits (RFC 9309).
        """
        parts = urlsplit(url)
        host = parts.netloc.lower()
        cached = self._robots.get(host)
        if cached is None or time.monotonic() > cached[0]:
            cached = self._read_robots(f"{parts.scheme}://{parts.netloc}/robots.txt", host)
            self._robots[host] = cached
        _, rules, error = cached
        if rules is None:
            raise FetchError(url, error, retryable=True)
        return rules.can_fetch(self.options.user_agent, url)

    def _read_robots(self, robots_url: str, host: str):
        now = time.monotonic()
        rules = urllib.robotparser.RobotFileParser(robots_url)
        try:
            resp = self.get(robots_url)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                rules.allow_all = True
                return now + ROBOTS_TTL, rules, ""
            return now + ROBOTS_RETRY, None, f"robots.txt unreadable ({exc.reason}); " \
                                             f"not fetching from {host} until it can be read"
        rules.parse(resp.text().splitlines())
        delay = rules.crawl_delay(self.options.user_agent)
        if delay:
            self._delay[host] = float(delay)
        return now + ROBOTS_TTL, rules, ""


# -- feeds ----------------------------------------------------------------------

def read_feed_list(path: str | Path) -> list[str]:
    """Feed URLs from a file: one a line; blank lines and ``#`` comments are skipped."""
    path = Path(path)
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the feed list {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; a feed list is one URL a line") from None
    urls: list[str] = []
    for n, line in enumerate(lines, 1):
        line = line.split(" #", 1)[0].split("\t#", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        parts = urlsplit(line)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(f"{path}, line {n}: {line!r} is not an http(s) URL; "
                             f"write one feed or sitemap URL a line")
        if line not in urls:
            urls.append(line)
    if not urls:
        raise InputError(f"{path} lists no feeds: write one RSS/Atom feed or sitemap URL a line")
    return urls


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child(el: ET.Element, *names: str) -> ET.Element | None:
    for c in el:
        if _local(c.tag) in names:
            return c
    return None


def _text(el: ET.Element, *names: str) -> str | None:
    c = _child(el, *names)
    return (c.text or "").strip() or None if c is not None else None


def _date(value: str | None) -> str | None:
    """RFC 822 (RSS) or ISO 8601 (Atom, sitemaps) -> YYYY-MM-DD, or None."""
    if not value:
        return None
    try:
        return normalize_published(value)
    except InputError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _page_url(link: str | None, base: str) -> str | None:
    """An absolute http(s) URL without its fragment and campaign tags (utm_*)."""
    if not link:
        return None
    url = urldefrag(urljoin(base, link.strip()))[0]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    if "utm_" in parts.query:
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                           if not k.startswith("utm_")])
        url = urlunsplit(parts._replace(query=query))
    return url


def parse_feed(data: bytes, base_url: str) -> tuple[str, list[FeedItem]]:
    """RSS 2.0 / RSS 1.0 / Atom / sitemap / sitemap index -> (kind, items).

    Items of a sitemap index are sitemaps, not pages. Raises FeedError.
    """
    if b"<!ENTITY" in data[:65536].upper():
        # Entity declarations are how XML bombs and external-entity reads start.
        raise FeedError("the feed declares XML entities; refused")
    try:
        root = ET.fromstring(data)
    except (ET.ParseError, ValueError, LookupError) as exc:  # bad XML, unknown encoding
        raise FeedError(f"not well-formed XML ({exc})") from None
    kind = _local(root.tag)
    items: list[FeedItem] = []
    if kind in ("rss", "rdf"):
        for it in root.iter():
            if _local(it.tag) != "item":
                continue
            link = _text(it, "link")
            guid = _child(it, "guid")
            if not link and guid is not None and guid.get("isPermaLink", "true") == "true":
                link = (guid.text or "").strip()
            url = _page_url(link, base_url)
            if url:
                items.append(FeedItem(url, _text(it, "title"),
                                      _date(_text(it, "pubdate", "date", "published"))))
        kind = "rss"
    elif kind == "feed":
        for entry in root:
            if _local(entry.tag) != "entry":
                continue
            links = [c for c in entry if _local(c.tag) == "link"]
            best = next((c for c in links if c.get("rel", "alternate") == "alternate"), None)
            url = _page_url(best.get("href") if best is not None else None, base_url)
            if url:
                items.append(FeedItem(url, _text(entry, "title"),
                                      _date(_text(entry, "published", "updated"))))
        kind = "atom"
    elif kind in ("urlset", "sitemapindex"):
        entry_tag = "url" if kind == "urlset" else "sitemap"
        for entry in root:
            if _local(entry.tag) != entry_tag:
                continue
            url = _page_url(_text(entry, "loc"), base_url)
            if not url:
                continue
            news = _child(entry, "news")
            title = published = None
            if news is not None:
                title = _text(news, "title")
                published = _date(_text(news, "publication_date"))
            items.append(FeedItem(url, title, published or _date(_text(entry, "lastmod"))))
        kind = "sitemap" if kind == "urlset" else "sitemap index"
    else:
        raise FeedError(f"not an RSS/Atom feed or a sitemap (its root element is <{kind}>); "
                        f"give the feed's own URL")
    seen: set[str] = set()
    unique = [i for i in items if not (i.url in seen or seen.add(i.url))]  # type: ignore[func-returns-value]
    return kind, unique


def article_id(url: str) -> str:
    """The id of the article at ``url``: the same page is the same article however
    often a feed lists it or a watch is restarted."""
    return "url:" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def page_article(resp: Response, page: dict[str, Any], max_chars: int) -> Article:
    """The article of a fetched page: trafilatura's text, title and date; the feed's
    title and date where the page has none. Raises InputError."""
    ctype = resp.content_type.split(";")[0].strip().lower()
    if ctype and not (ctype.startswith("text/") or "html" in ctype or "xml" in ctype):
        raise InputError(f"{page['url']}: not a web page ({ctype})")
    try:
        article = html_to_article(resp.text(), article_id(page["url"]), None, page["url"])
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - an extractor crash on one page fails that page only
        raise InputError(f"{page['url']}: text extraction failed "
                         f"({type(exc).__name__}: {exc})") from exc
    check_text(article.text, page["url"], max_chars)
    article.url = resp.url
    article.title = article.title or page.get("title")
    article.published = article.published or page.get("feed_published")
    return article


# -- a round ---------------------------------------------------------------------

@dataclass
class RoundStats:
    """What one round did."""

    round: int = 0
    started: str = ""
    feeds: int = 0
    feeds_failed: int = 0
    feeds_unchanged: int = 0
    new_pages: int = 0
    fetched: int = 0
    stored: int = 0
    events: int = 0
    duplicates: int = 0
    failed: int = 0
    blocked: int = 0
    waiting: int = 0     # due pages left for the next round (over --max-pages)
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def line(self) -> str:
        """One line a person can follow."""
        feeds = _n(self.feeds, "feed")
        extra = [f"{n} {what}" for n, what in ((self.feeds_failed, "failed"),
                                               (self.feeds_unchanged, "unchanged")) if n]
        if extra:
            feeds += f" ({', '.join(extra)})"
        pages = [f"{self.stored} stored ({_n(self.events, 'event')})"]
        pages += [f"{n} {what}" for n, what in (
            (self.duplicates, "duplicate" if self.duplicates == 1 else "duplicates"),
            (self.failed, "failed"), (self.blocked, "blocked by robots.txt"),
            (self.waiting, "left for the next round")) if n]
        return f"round {self.round}: {feeds}, {_n(self.new_pages, 'new page')}; {', '.join(pages)}"


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _quiet(_: dict[str, Any]) -> None:
    pass


class Watcher:
    """Runs rounds over a list of feeds into one store, with one fetcher (so its
    per-host delays and robots.txt cache last across rounds)."""

    def __init__(self, store: Store, coder_factory: Callable[[], Any],
                 options: WatchOptions | None = None, log: Log = _quiet,
                 fetcher: Fetcher | None = None):
        self.store = store
        self.options = options or WatchOptions()
        self.fetcher = fetcher or Fetcher(self.options)
        self.log = log
        self._coder_factory = coder_factory
        self._coder = None
        self.rounds = 0

    @property
    def coder(self):
        # The model loads on the first page to code, not for rounds with nothing new.
        if self._coder is None:
            self._coder = self._coder_factory()
        return self._coder

    def run_round(self, feed_urls: list[str]) -> RoundStats:
        """Poll every feed once, then fetch, code and store every page that is due."""
        self.rounds += 1
        stats = RoundStats(round=self.rounds, started=feedstore.now_iso())
        queue = list(feed_urls)
        while queue:
            url = queue.pop(0)
            stats.feeds += 1
            queue.extend(u for u in self._poll_feed(url, stats)
                         if u not in feed_urls and u not in queue)
        due = feedstore.due_pages(self.store, self.options.max_attempts)
        for page in due[:self.options.max_pages]:
            self._page(page, stats)
        stats.waiting = max(0, len(due) - self.options.max_pages)
        self.log({"event": "round", **stats.to_dict()})
        return stats

    def _poll_feed(self, url: str, stats: RoundStats) -> list[str]:
        """Fetch one feed and record its new pages; returns sitemaps an index lists."""
        store, f = self.store, self.fetcher
        try:
            if not f.allowed(url):
                raise FetchError(url, "robots.txt disallows this feed")
            etag, modified = feedstore.feed_validators(store, url)
            resp = f.get(url, etag, modified)
            if resp.not_modified:
                feedstore.feed_unchanged(store, url)
                stats.feeds_unchanged += 1
                self.log({"event": "feed", "url": url, "status": "unchanged"})
                return []
            kind, items = parse_feed(resp.body, resp.url)
        except (FetchError, FeedError) as exc:
            reason = exc.reason if isinstance(exc, FetchError) else str(exc)
            feedstore.feed_failed(store, url, reason)
            stats.feeds_failed += 1
            stats.errors.append(f"{url}: {reason}")
            self.log({"event": "feed", "url": url, "status": "failed", "error": reason})
            return []
        children: list[str] = []
        if kind == "sitemap index":
            newest = sorted(items, key=lambda i: i.published or "", reverse=True)
            children = [i.url for i in newest[:MAX_INDEX_CHILDREN]]
            items = []
        new = feedstore.feed_fetched(store, url, kind, items, resp.etag, resp.last_modified)
        stats.new_pages += new
        self.log({"event": "feed", "url": url, "status": "ok", "kind": kind,
                  "items": len(items), "new_pages": new, "sitemaps": children})
        return children

    def _page(self, page: dict[str, Any], stats: RoundStats) -> None:
        """Fetch, code and store one page; every outcome is recorded."""
        store, url = self.store, page["url"]
        aid = article_id(url)
        if store.has_article(id=aid):
            # Stored by a run that was killed before it could mark the page done.
            events = store.count_events(article_id=aid, include_negated=True)
            feedstore.page_done(store, url, aid, events)
            stats.events += events
            self._logged(url, "stored", stats, article_id=aid, events=events)
            return
        try:
            if not self.fetcher.allowed(url):
                feedstore.page_blocked(store, url, "robots.txt disallows this page")
                self._logged(url, "blocked", stats, error="robots.txt disallows this page")
                return
            resp = self.fetcher.get(url)
            stats.fetched += 1
            article = page_article(resp, page, self.options.max_chars)
        except FetchError as exc:
            return self._failed(url, exc.reason, stats)
        except InputError as exc:
            return self._failed(url, str(exc).removeprefix(f"{url}: "), stats)
        record = next(iter(self.coder.code_dicts([article])))
        if "error" in record:
            store.add([record], batch_size=1)  # kept with the store's other ingest errors
            err = record["error"]
            return self._failed(url, f"coding failed at stage {err.get('stage')}: "
                                     f"{err.get('message')}", stats)
        added = store.add([record], batch_size=1)
        if added.articles_added:
            feedstore.page_done(store, url, aid, added.events_added)
            stats.events += added.events_added
            self._logged(url, "stored", stats, article_id=aid, events=added.events_added,
                         published=article.published, title=article.title)
        elif added.articles_skipped:
            note = "the same text is already stored (another URL of this article)"
            feedstore.page_done(store, url, aid, 0, status="duplicate", note=note)
            self._logged(url, "duplicate", stats, note=note)
        else:
            self._failed(url, "the store refused the record (its reason is among the "
                              "store's ingest errors)", stats)

    def _failed(self, url: str, reason: str, stats: RoundStats) -> None:
        feedstore.page_failed(self.store, url, reason, self.options.retry_after)
        self._logged(url, "failed", stats, error=reason)

    def _logged(self, url: str, status: str, stats: RoundStats, **extra: Any) -> None:
        if status == "stored":
            stats.stored += 1
        elif status == "duplicate":
            stats.duplicates += 1
        elif status == "blocked":
            stats.blocked += 1
        else:
            stats.failed += 1
            stats.errors.append(f"{url}: {extra.get('error')}")
        self.log({"event": "page", "url": url, "status": status, **extra})


def watch(feed_list: str | Path, store: Store, coder_factory: Callable[[], Any],
          options: WatchOptions | None = None, once: bool = False,
          interval: float = 900.0, log: Log = _quiet,
          progress: Callable[[str], None] | None = None) -> Iterator[RoundStats]:
    """Run rounds until stopped (or one, with ``once``); yields each round's stats.

    The feed list is read again before every round, so edits apply without a restart.
    """
    watcher = Watcher(store, coder_factory, options, log)
    while True:
        started = time.monotonic()
        stats = watcher.run_round(read_feed_list(feed_list))
        if progress:
            wait = "" if once else f"; next in {max(0, interval - (time.monotonic() - started)):.0f} s"
            progress(f"{stats.line()}{wait}")
        yield stats
        if once:
            return
        time.sleep(max(0.0, interval - (time.monotonic() - started)))
