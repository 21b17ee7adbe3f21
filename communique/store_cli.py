"""Store commands: ingest, query, export, plot. Thin handlers over store, analytics, export.

``communique.cli`` calls :func:`register`; ``python -m communique.store_cli``
runs these commands on their own.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .cli_coding import (add_coding_options, coded, fail, hint_missing_published, progress,
                         read_articles)

INGEST_EXAMPLES = """\
examples:
  communique ingest news/ --db events.db --published 2022-10-03
  communique ingest dump.jsonl --db events.db --workers 4
  communique code news/ --format jsonl > records.jsonl && communique ingest records.jsonl --records --db events.db
  communique ingest s3-mirror/ --db events.db --engine dask --scheduler tcp://10.0.0.5:8786

Re-running an ingest skips every article already stored (same id or same text),
so an interrupted run resumes where it stopped.
"""

QUERY_EXAMPLES = """\
examples:
  communique query --db events.db --actor-country IRN --recipient-country AZE
  communique query --db events.db --type ASSAULT --from 2022-09-01 --to 2022-09-30 --format jsonl
  communique query --db events.db --text '"border clash" OR ceasefire' --limit 0
  communique query --db events.db --summary
"""

EXPORT_EXAMPLES = """\
examples:
  communique export --db events.db --flavor gdelt --format parquet --output events.parquet
  communique export --db events.db --flavor icews --output icews.csv
  communique export --db events.db --flavor acled --output acled.csv
  communique export --db events.db --flavor plover --format jsonl --include-negated --output all.jsonl

Column mapping of each flavour: docs/exports.md.
"""

PLOT_EXAMPLES = """\
examples:
  communique plot dyad IRN AZE --db events.db --freq week --output iran-azerbaijan.png
  communique plot dyad "Jeyhun Bayramov" IRN --db events.db --output bayramov-iran.svg
  communique plot network --db events.db --output network.png
  communique plot network --db events.db --level actor --output network.graphml
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def add_type_option(group) -> None:
    """``--type``, case-insensitive; argparse refuses any other value with the list (exit 2)."""
    from .record import EVENT_TYPES

    group.add_argument("--type", action="append", type=str.upper, choices=EVENT_TYPES,
                       metavar="TYPE",
                       help=f"PLOVER event type (repeatable): {', '.join(EVENT_TYPES)}")


def _iso3(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise argparse.ArgumentTypeError(f"{value!r} is not an ISO 3166 alpha-3 country code "
                                         f"(three letters, e.g. IRN)")
    return code


def _open(db: str):
    """The store at ``db`` for reading, or None after saying what is wrong."""
    from .store import Store, StoreError

    try:
        return Store(db, readonly=True)
    except StoreError as exc:
        fail(str(exc))
        return None


def register(subparsers) -> None:
    """Add ``ingest``, ``query``, ``export`` and ``plot`` to the CLI."""

    p = subparsers.add_parser(
        "ingest", help="code articles and store them in an event database",
        description="Code articles (or read coded records) and add them to a SQLite event "
                    "store. Articles already stored are skipped.",
        epilog=INGEST_EXAMPLES, formatter_class=_Formatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; - reads stdin")
    p.add_argument("--db", default="events.db", help="the store file (default events.db)")
    add_coding_options(p)
    p.add_argument("--records", action="store_true",
                   help="the inputs are coded records (`communique code --format jsonl`): "
                        "store them without coding")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="code here (local, default) or on a Dask cluster")
    p.add_argument("--workers", type=int, default=0,
                   help="local: processes to code with; dask: workers of a local cluster "
                        "(default 0 = all cores; fewer than 32 articles are coded in one process)")
    p.add_argument("--scheduler", default=None,
                   help="dask: scheduler address (tcp://host:8786); default a local cluster")
    p.add_argument("--out", default="communique-parquet",
                   help="dask: Parquet folder every worker can write (default communique-parquet)")
    p.add_argument("--batch-size", type=int, default=200,
                   help="records written per transaction (default 200)")
    p.set_defaults(func=cmd_ingest)

    p = subparsers.add_parser(
        "query", help="find events in a store",
        description="Print the events of a store that match every filter given. Negated "
                    "events are left out unless --include-negated.",
        epilog=QUERY_EXAMPLES, formatter_class=_Formatter)
    p.add_argument("--db", default="events.db", help="the store file (default events.db)")
    add_event_filters(p)
    p.add_argument("--limit", type=int, default=100, help="most events to print (0 = all; default 100)")
    p.add_argument("--offset", type=int, default=0, help="skip this many first")
    p.add_argument("--summary", action="store_true",
                   help="print the top actors, countries, dyads and types of the matching "
                        "events instead")
    p.add_argument("--top", type=int, default=10, help="with --summary: how many of each")
    p.add_argument("--format", choices=["table", "json", "jsonl"], default=None,
                   help="table when stdout is a terminal, jsonl otherwise")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(func=cmd_query)

    p = subparsers.add_parser(
        "export", help="write a store's events as CSV, Parquet or JSONL (PLOVER, GDELT, ICEWS, ACLED)",
        description="Export the events of a store with PLOVER, GDELT 2.0, ICEWS or ACLED column "
                    "names. Negated events are left out unless --include-negated.",
        epilog=EXPORT_EXAMPLES, formatter_class=_Formatter)
    p.add_argument("--db", default="events.db", help="the store file (default events.db)")
    p.add_argument("--format", choices=["csv", "parquet", "jsonl"], default=None,
                   help="default: from the output's suffix, else csv")
    p.add_argument("--flavor", choices=["plover", "gdelt", "icews", "acled"], default="plover",
                   help="column names and row unit (default plover)")
    p.add_argument("--output", "-o", required=True, metavar="FILE")
    add_event_filters(p)
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser(
        "plot", help="chart a dyad's events over time, or the actor network",
        description="Write charts (PNG or SVG, by the output's suffix).",
        epilog=PLOT_EXAMPLES, formatter_class=_Formatter)
    plots = p.add_subparsers(dest="plot", metavar="CHART")
    p.set_defaults(func=lambda args: fail("name a chart: `communique plot dyad A B ...` "
                                           "or `communique plot network ...`"))
    d = plots.add_parser("dyad", help="events between two countries or actors over time",
                         epilog=PLOT_EXAMPLES, formatter_class=_Formatter)
    d.add_argument("a", help="a country code (IRN), actor code (IRNGOV) or actor name")
    d.add_argument("b", help="the other side")
    d.add_argument("--db", default="events.db", help="the store file (default events.db)")
    d.add_argument("--freq", choices=["day", "week", "month", "year"], default="month")
    d.add_argument("--directed", action="store_true", help="only A as actor, B as recipient")
    d.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    d.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    d.add_argument("--output", "-o", required=True, metavar="FILE.png|FILE.svg")
    d.set_defaults(func=cmd_plot_dyad)
    n = plots.add_parser("network", help="who acts on whom: the actor network",
                         epilog=PLOT_EXAMPLES, formatter_class=_Formatter)
    n.add_argument("--db", default="events.db", help="the store file (default events.db)")
    n.add_argument("--level", choices=["country", "actor"], default="country")
    n.add_argument("--top", type=int, default=30, help="most active nodes drawn (default 30)")
    add_type_option(n)
    n.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    n.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    n.add_argument("--output", "-o", required=True,
                   metavar="FILE.png|FILE.svg|FILE.graphml|FILE.json",
                   help="a chart, or the network itself as GraphML or JSON")
    n.set_defaults(func=cmd_plot_network)


def add_event_filters(p: argparse.ArgumentParser) -> None:
    """The options of :meth:`Store.query_events`' filters, from ``filters.EVENT_FILTER_TABLE``."""
    from .filters import EVENT_FILTER_TABLE

    f = p.add_argument_group("filters (repeat an option to accept several values)")
    for flt in EVENT_FILTER_TABLE:
        if flt.option is None:
            continue
        if flt.kind == "type":
            add_type_option(f)
            continue
        if flt.kind == "flag":
            f.add_argument(flt.option, dest=flt.name, action="store_true", help=flt.help)
            continue
        kw: dict[str, Any] = {"dest": flt.name, "metavar": flt.metavar, "help": flt.help,
                              "action": "append" if flt.many else None,
                              "type": _iso3 if flt.kind == "country" else int if flt.kind == "int" else None,
                              "choices": list(flt.choices) or None}
        f.add_argument(flt.option, **{k: v for k, v in kw.items() if v is not None})


def event_filters(args: argparse.Namespace) -> dict[str, Any]:
    from .filters import EVENT_FILTERS

    return {k: getattr(args, k) for k in EVENT_FILTERS
            if getattr(args, k, None) not in (None, [], False)}


# -- ingest -----------------------------------------------------------------------

def read_records(paths: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Coded records from JSONL files (or - for stdin), each checked against schema v1;
    a bad line, a record that is not schema v1, or an unreadable file becomes an error record."""
    from .io import InputError, line_id, normalize_published, parse_json_line
    from .record import error_record
    from .schema import SchemaError, check_record

    for path in paths:
        try:
            stream = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")
        except OSError as exc:
            yield error_record(path, "read", f"{path}: cannot read ({exc.strerror}); check "
                               f"that it exists and is readable")
            continue
        try:
            for n, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                where = f"line {n} of {path}"
                try:
                    rec = parse_json_line(line, where)
                    if not isinstance(rec, dict):
                        raise InputError(f"{where}: not a JSON object; records come one "
                                         f"JSON object a line")
                    check_record(rec)
                    if "error" not in rec:
                        normalize_published(rec.get("published"))
                except (InputError, SchemaError) as exc:
                    message = str(exc) if isinstance(exc, InputError) else (
                        f"{where}: not a schema-v1 record ({exc}); records come from "
                        f"`communique code --format jsonl`")
                    yield error_record(line_id(line, f"{path}:{n}"), "read", message)
                    continue
                yield rec
        except OSError as exc:
            yield error_record(path, "read", f"{path}: read failed ({exc.strerror})")
        finally:
            if stream is not sys.stdin:
                stream.close()


def cmd_ingest(args) -> int:
    from .store import Store, StoreError

    try:  # a store that cannot be written fails now, not after hours of coding
        Store(args.db).close()
    except StoreError as exc:
        return fail(str(exc))
    if args.engine == "dask":
        from .distributed import ingest_dask

        summary = ingest_dask(args.paths, scheduler=args.scheduler or "local", db=args.db,
                              out=args.out, n_workers=args.workers or os.cpu_count() or 1,
                              published=args.published, lexicon=args.lexicon,
                              actors=args.actors)
        stored = summary.get("stored") or {}
        print(f"communique: {args.db}: {stored.get('articles_added', 0)} articles added "
              f"({stored.get('events_added', 0)} events), "
              f"{stored.get('articles_skipped', 0)} already stored, "
              f"{summary.get('errors', 0)} failed; {summary.get('partitions', 0)} partitions "
              f"on {summary.get('workers', '?')} workers, Parquet in {summary.get('out')}",
              file=sys.stderr)
        if summary.get("failed_partitions"):
            print(f"communique: failed partitions: {summary['failed_partitions']}",
                  file=sys.stderr)
        return 1 if summary.get("errors") or summary.get("failed_partitions") else 0
    if args.scheduler:
        return fail("--scheduler needs --engine dask")
    try:
        store = Store(args.db)
    except StoreError as exc:
        return fail(str(exc))
    seen = {"skipped": 0}
    with store:
        if args.records:
            records: Iterable[dict[str, Any]] = progress(read_records(args.paths), args)
        else:
            from .record import is_error

            def todo() -> Iterator[Any]:
                # Skip stored articles before coding them: a resumed run codes only the rest.
                for a in read_articles(args):
                    if isinstance(a, dict) and is_error(a) or not store.has_article(a.id, a.text):
                        yield a
                    else:
                        seen["skipped"] += 1

            records = hint_missing_published(coded(args, progress(todo(), args)))
        stats = store.add(records, batch_size=args.batch_size)
    # Every input that failed, whether at reading, coding or storing, is one row of
    # `ingest_errors` (a failure already recorded there by an earlier run adds none).
    print(f"communique: {args.db}: {stats.articles_added} articles added "
          f"({stats.events_added} events), "
          f"{stats.articles_skipped + seen['skipped']} already stored, "
          f"{stats.errors} failed (see `ingest_errors`)", file=sys.stderr)
    return 1 if stats.errors else 0


# -- query ------------------------------------------------------------------------

def _who(actors: list[dict[str, Any]]) -> str:
    return " + ".join(a["name"] + (f" ({a['code']})" if a.get("code") else "")
                      for a in actors) or "-"


def format_events(events: list[dict[str, Any]]) -> str:
    """Events as an aligned plain-text table."""
    from .table import text_table

    return text_table(
        ["id", "date", "type", "mode", "actor", "recipient", "where", "trigger", "article",
         "cluster"],
        [[e["id"], e["date"] or "-", e["type"] + (" (negated)" if e["negated"] else ""),
          e["mode"] or "-", _who(e["actor"]), _who(e["recipient"]),
          (e["location"] or {}).get("name", "-"), e["trigger"]["text"], e["article_id"],
          e["cluster_id"]] for e in events], max_width=40)


def format_summary(summary: dict[str, Any]) -> str:
    from .table import text_table

    t = summary["totals"]
    out = [f"{t['events']} events ({t['mentions']} article mentions) in {t['articles']} "
           f"articles, {t['date_min'] or '-'} to {t['date_max'] or '-'}", ""]
    out += ["BY QUAD CLASS", text_table(["quad class", "events"],
                                    [[k, v] for k, v in summary["quad_classes"].items()]), ""]
    for title, key, cols in [("TYPES", "types", ["type", "events", "mentions"]),
                             ("ACTORS", "actors", ["name", "country", "sector", "events"]),
                             ("COUNTRIES", "countries", ["country", "events"]),
                             ("DYADS", "dyads", ["actor", "recipient", "events",
                                                 "mean_goldstein"])]:
        out += [title, text_table(cols, [[r[c] for c in cols] for r in summary[key]]), ""]
    return "\n".join(out) + "\n"


def cmd_query(args) -> int:
    fmt = args.format or ("table" if (args.output is None and sys.stdout.isatty()) else "jsonl")
    store = _open(args.db)
    if store is None:
        return 2
    with store:
        try:
            if args.summary:
                from .analytics import top_summary

                result: Any = top_summary(store, n=args.top, **event_filters(args))
            else:
                result = store.query_events(limit=args.limit or None, offset=args.offset,
                                            **event_filters(args))
        except ValueError as exc:
            return fail(str(exc))
    if fmt == "table":
        text = format_summary(result) if args.summary else format_events(result) + "\n"
    elif fmt == "json" or args.summary:
        text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in result)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


# -- export and plots -------------------------------------------------------------

def cmd_export(args) -> int:
    from .export import export

    fmt = args.format or {".parquet": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(
        Path(args.output).suffix.lower(), "csv")
    filters = event_filters(args)
    include_negated = filters.pop("include_negated", False)
    store = _open(args.db)
    if store is None:
        return 2
    with store:
        try:
            n = export(store, args.output, format=fmt, flavor=args.flavor,
                       include_negated=include_negated, **filters)
        except TypeError:  # filters the flavour cannot apply (export checks before writing)
            return fail(f"--flavor gdelt writes deduplicated events, which filter by --type, "
                        f"--country, --from and --to only (got {', '.join(sorted(filters))}); "
                        f"use --flavor plover, icews or acled for the other filters")
        except ValueError as exc:  # an FTS5 --text the store cannot read
            Path(args.output).unlink(missing_ok=True)
            return fail(str(exc))
    print(f"communique: wrote {n} {args.flavor} rows to {args.output}", file=sys.stderr)
    return 0


def cmd_plot_dyad(args) -> int:
    from .analytics import plot_dyad

    store = _open(args.db)
    if store is None:
        return 2
    with store:
        try:
            path = plot_dyad(store, args.a, args.b, args.output, freq=args.freq,
                             directed=args.directed, date_from=args.date_from,
                             date_to=args.date_to)
        except ValueError as exc:
            return fail(str(exc))
    print(path)
    return 0


def cmd_plot_network(args) -> int:
    from .analytics import network, plot_network, write_network

    store = _open(args.db)
    if store is None:
        return 2
    with store:
        try:
            if Path(args.output).suffix.lower() in (".graphml", ".json"):
                g = network(store, level=args.level, date_from=args.date_from,
                            date_to=args.date_to, type=args.type)
                path = write_network(g, args.output)
            else:
                path = plot_network(store, args.output, level=args.level, top_n=args.top,
                                    date_from=args.date_from, date_to=args.date_to,
                                    type=args.type)
        except ValueError as exc:
            return fail(str(exc))
    print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="communique")
    register(parser.add_subparsers(dest="command", metavar="COMMAND"))
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
