"""`communique serve`: the web app and JSON API over one store."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys

from .limits import KEEP_ALIVE, MAX_CONNECTIONS, REQUEST_TIMEOUT

SERVE_EXAMPLES = """\
examples:
  communique ingest examples/ --db events.db --published 2022-10-03
  communique serve --db events.db          # then open http://127.0.0.1:8000
"""


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "serve", help="serve the web app and JSON API over a store",
        description="Serve the pages (Annotate, Events, Dyad, Network, Map) and the JSON API "
                    "(docs at /docs) over the store in --db. Binds to 127.0.0.1 unless told "
                    "otherwise: anyone who can reach the port can code and add articles.",
        epilog=SERVE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", required=True, help="SQLite store (created if missing)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--max-connections", type=int, default=MAX_CONNECTIONS, metavar="N",
                   help=f"open connections at most; more are closed as they arrive "
                        f"(default {MAX_CONNECTIONS})")
    p.add_argument("--request-timeout", type=float, default=REQUEST_TIMEOUT, metavar="SECONDS",
                   help=f"time a client has to send a whole request, headers and body "
                        f"(default {REQUEST_TIMEOUT:g})")
    p.add_argument("--trust-proxy", action="append", default=[], metavar="IP[/BITS]",
                   help="a reverse proxy whose X-Forwarded-For names the client for the rate "
                        "limit (repeatable); from anyone else the header is ignored")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args) -> int:
    try:
        import uvicorn
    except ModuleNotFoundError:
        print("communique: error: serving needs uvicorn: run `pip install 'communique[server]'`",
              file=sys.stderr)
        return 2
    from ..store import Store, StoreError
    from .app import create_app
    from .limits import LogBurstFilter, parse_proxies

    if args.max_connections < 1 or args.request_timeout <= 0:
        print("communique: error: --max-connections and --request-timeout must be positive",
              file=sys.stderr)
        return 2
    try:
        parse_proxies(args.trust_proxy)
    except ValueError as exc:
        print(f"communique: error: {exc}", file=sys.stderr)
        return 2

    try:  # fail now, with the store's own advice, not on the first request
        Store(args.db).close()
    except (StoreError, sqlite3.DatabaseError) as exc:
        print(f"communique: error: {args.db}: {exc}", file=sys.stderr)
        return 2
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"communique: warning: serving on {args.host}: the API can code and store "
              f"articles for anyone who reaches it", file=sys.stderr)
    print(f"communique: serving {args.db} on http://{args.host}:{args.port} (Ctrl-C stops)",
          flush=True)
    max_connections = _fit_file_limit(args.max_connections)
    # One filter for every logger a flood can reach: the server's, uvicorn's, asyncio's.
    flood = LogBurstFilter()
    for name in ("", "uvicorn", "uvicorn.error", "uvicorn.access", "asyncio",
                 "communique.server"):
        logging.getLogger(name).addFilter(flood)
    uvicorn.run(create_app(args.db, trusted_proxies=args.trust_proxy), host=args.host,
                port=args.port, log_level="warning",
                **server_options(max_connections, args.request_timeout))
    return 0


def server_options(max_connections: int = MAX_CONNECTIONS,
                   request_timeout: float = REQUEST_TIMEOUT) -> dict:
    """The uvicorn options `serve` runs with: the limits docs/server.md lists."""
    from .limits import guarded_protocol

    # No limit_concurrency: uvicorn counts open connections against it too, so idle
    # ones would turn every request into a 503; the connection cap does that job.
    return {"http": guarded_protocol(max_connections, request_timeout),
            "timeout_keep_alive": KEEP_ALIVE,
            # The app reads X-Forwarded-For itself, from --trust-proxy peers only;
            # uvicorn's own reading would believe any client on 127.0.0.1.
            "proxy_headers": False, "server_header": False}


def _fit_file_limit(max_connections: int) -> int:
    """Raise the soft open-file limit as far as allowed, and keep the connection cap
    under it (with room for the store, the model and the logs)."""
    try:
        import resource
    except ImportError:  # Windows
        return max_connections
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = max_connections + 128
    if soft != resource.RLIM_INFINITY and soft < want:
        new = want if hard == resource.RLIM_INFINITY else min(want, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
            soft = new
        except (ValueError, OSError):
            pass
    if soft != resource.RLIM_INFINITY and soft - 128 < max_connections:
        fitted = max(1, soft - 128)
        print(f"communique: warning: --max-connections {max_connections} lowered to {fitted}: "
              f"the open-file limit is {soft} (ulimit -n)", file=sys.stderr)
        return fitted
    return max_connections
