"""`communique serve`: the web app and JSON API over one store."""

from __future__ import annotations

import argparse
import sqlite3
import sys

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
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="warning",
                server_header=False)
    return 0
