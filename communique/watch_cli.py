"""Feed commands: watch, feeds. Thin handlers over communique.watch and communique.feedstore."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

WATCH_EXAMPLES = """\
examples:
  communique watch feeds.txt --db events.db --once          # one round, e.g. from cron
  communique watch feeds.txt --db events.db --interval 600  # a round every 10 minutes
  communique watch feeds.txt --db events.db --json > watch.log

feeds.txt holds one RSS/Atom feed or sitemap URL a line; # starts a comment.
Pages already stored are never fetched again: stopping and restarting loses nothing.
See docs/watch.md.
"""

FEEDS_EXAMPLES = """\
examples:
  communique feeds --db events.db
  communique feeds --db events.db --pages failed
  communique feeds --db events.db --json
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def _fail(message: str) -> int:
    print(f"communique: error: {message}", file=sys.stderr)
    return 2


def register(subparsers) -> None:
    """Add ``watch`` and ``feeds`` to the CLI."""
    from .cli import add_coding_options
    from .watch import WatchOptions

    d = WatchOptions()
    p = subparsers.add_parser(
        "watch", help="poll news feeds and keep a store current",
        description="Poll RSS/Atom feeds and sitemaps, fetch each new article page, extract "
                    "its text, title and date, code it and add it to the store. One line "
                    "per round on stderr.",
        epilog=WATCH_EXAMPLES, formatter_class=_Formatter)
    p.add_argument("feeds", metavar="FEEDS", help="file of feed or sitemap URLs, one a line")
    p.add_argument("--db", default="events.db", help="the store file (default events.db)")
    p.add_argument("--once", action="store_true", help="one round, then exit")
    p.add_argument("--interval", type=float, default=900.0, metavar="S",
                   help="seconds from the start of one round to the next (default 900)")
    p.add_argument("--json", action="store_true",
                   help="log every feed, page and round as one JSON object a line on stdout")
    p.add_argument("--timeout", type=float, default=d.timeout, metavar="S",
                   help=f"seconds one request may take (default {d.timeout:g})")
    p.add_argument("--retries", type=int, default=d.retries,
                   help=f"extra tries after a 5xx, 429, timeout or reset (default {d.retries})")
    p.add_argument("--backoff", type=float, default=d.backoff, metavar="S",
                   help=f"wait before the first retry, doubled each time (default {d.backoff:g})")
    p.add_argument("--delay", type=float, default=d.delay, metavar="S",
                   help=f"seconds between requests to one host; robots.txt may ask more "
                        f"(default {d.delay:g})")
    p.add_argument("--max-bytes", type=int, default=d.max_bytes,
                   help=f"largest response read (default {d.max_bytes:,})")
    p.add_argument("--retry-after", type=float, default=d.retry_after, metavar="S",
                   help=f"wait before a failed page is tried again, doubled at each failure "
                        f"(default {d.retry_after:g})")
    p.add_argument("--max-attempts", type=int, default=d.max_attempts,
                   help=f"tries before a failing page is left alone (default {d.max_attempts})")
    p.add_argument("--max-pages", type=int, default=d.max_pages,
                   help=f"pages fetched per round; the rest wait (default {d.max_pages})")
    add_coding_options(p)
    p.set_defaults(func=cmd_watch)

    p = subparsers.add_parser(
        "feeds", help="list watched feeds and what they added",
        description="List the feeds `communique watch` polls into a store: last success, "
                    "last error, and the pages, articles and events each added.",
        epilog=FEEDS_EXAMPLES, formatter_class=_Formatter)
    p.add_argument("--db", default="events.db", help="the store file (default events.db)")
    p.add_argument("--pages", metavar="STATUS", nargs="?", const="all", default=None,
                   help="list pages instead: pending, stored, duplicate, failed, blocked "
                        "or all (with the reason each failed)")
    p.add_argument("--limit", type=int, default=100, help="most pages listed (0 = all)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_feeds)


def cmd_watch(args) -> int:
    from .io import MAX_CHARS, InputError
    from .store import Store, StoreError
    from .watch import WatchOptions, read_feed_list, watch

    try:
        read_feed_list(args.feeds)  # a bad list fails now, before the store is touched
        store = Store(args.db)
    except (InputError, StoreError) as exc:
        return _fail(str(exc))
    options = WatchOptions(
        timeout=args.timeout, retries=args.retries, backoff=args.backoff, delay=args.delay,
        max_bytes=args.max_bytes, retry_after=args.retry_after,
        max_attempts=args.max_attempts, max_pages=args.max_pages,
        max_chars=args.max_chars or MAX_CHARS)

    def coder():
        from .nlp import ModelMissing
        from .pipeline import Coder

        try:
            return Coder(lexicon=args.lexicon, actors=args.actors)
        except (ModelMissing, OSError, ValueError) as exc:
            raise SystemExit(_fail(str(exc)))

    def log(entry: dict[str, Any]) -> None:
        if args.json:
            print(json.dumps(entry, ensure_ascii=False), flush=True)

    def progress(line: str) -> None:
        if not args.no_progress:
            print(f"communique watch: {line}", file=sys.stderr, flush=True)

    last = None
    try:
        for last in watch(args.feeds, store, coder, options, once=args.once,
                          interval=args.interval, log=log, progress=progress):
            pass
    except InputError as exc:  # the feed list was broken while watching
        return _fail(str(exc))
    finally:
        store.close()
    # For cron: fail when no feed could be read at all.
    return 1 if last is not None and last.feeds and last.feeds_failed == last.feeds else 0


def cmd_feeds(args) -> int:
    from . import feedstore
    from .store import Store, StoreError

    try:
        store = Store(args.db, readonly=True)
    except StoreError as exc:
        return _fail(str(exc))
    with store:
        if args.pages:
            try:
                rows = feedstore.pages(store, None if args.pages == "all" else args.pages,
                                       limit=args.limit or None)
            except ValueError as exc:
                return _fail(str(exc))
        else:
            rows = feedstore.feeds(store)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif args.pages:
        for r in rows:
            note = f"  {r['error']}" if r["error"] else ""
            print(f"{r['status']:<9} {r['attempts']}x  {r['url']}{note}")
    elif not rows:
        print("no feeds yet: run `communique watch FEEDS --db ...` first", file=sys.stderr)
    else:
        for r in rows:
            print(r["url"])
            print(f"  {r['kind'] or 'never read'}; last success {r['last_success'] or 'never'}; "
                  f"{r['articles']} articles, {r['events']} events; {r['pending']} pending, "
                  f"{r['failed']} failed, {r['blocked']} blocked, {r['duplicates']} duplicates")
            if r["last_error"]:
                print(f"  last error {r['last_error_at']}: {r['last_error']}")
    return 0
