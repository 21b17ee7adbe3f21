"""Command line: thin commands, each calling one library function."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from typing import TextIO

from . import __version__
from .cli_coding import (SMALL_INPUT, add_coding_options, coded, fail, hint_missing_published,
                         progress, read_articles)
from .evaluate.splits import PARTS

# Modules that add their own subcommands with register(subparsers).
COMMAND_MODULES = ["communique.store_cli", "communique.watch_cli", "communique.server.cli"]

CODE_EXAMPLES = """\
examples:
  communique code article.txt --published 2022-10-03
  communique code news/ --format jsonl --output records.jsonl
  communique code dump.jsonl --workers 2 > records.jsonl
  curl -s https://example.org/story.html | communique code - --format json
"""

EVAL_EXAMPLES = """\
examples:
  communique eval --class ../shared/dev/confli-cameo/class_train.tsv
  communique eval --ner ../shared/dev/confli-cameo/ner_train.txt --plv ../shared/dev/plv/train.tsv
  communique eval --polnear ../shared/dev/polnear
  communique eval --when-where tests/data/when_where.jsonl
  communique eval --actors tests/data/actor_countries.tsv
  communique eval --acled ../shared/dev/acled/train.jsonl --part heldout --limit 200
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="communique",
        description="Political event data from news: who did what to whom, when, where, "
                    "and who said what (PLOVER/CAMEO).",
        epilog="Run `communique COMMAND --help` for each command's options and examples.",
        formatter_class=_Formatter)
    parser.add_argument("--version", action="version", version=f"communique {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("code", help="code articles into event records",
                       description="Read articles (.txt, .html, .jsonl, folders, or - for "
                                   "stdin) and write one schema-v1 record per article.",
                       epilog=CODE_EXAMPLES, formatter_class=_Formatter)
    p.add_argument("paths", nargs="*", default=["-"], metavar="PATH",
                   help="files or folders; - reads stdin (default)")
    add_coding_options(p)
    p.add_argument("--format", choices=["table", "json", "jsonl"], default=None,
                   help="table when stdout is a terminal, jsonl otherwise")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--workers", type=int, default=0,
                   help="processes to code with (default 0 = all cores; inputs of fewer "
                        f"than {SMALL_INPUT} articles are coded in one process)")
    p.set_defaults(func=cmd_code)

    p = sub.add_parser("eval", help="score the coder against annotated data",
                       description="Score communique's output against annotated files and "
                                   "print a table per data set.",
                       epilog=EVAL_EXAMPLES, formatter_class=_Formatter)
    p.add_argument("--class", dest="class_tsv", metavar="TSV",
                   help="sentences with CAMEO quad class (0 = no event): accuracy, confusion matrix")
    p.add_argument("--ner", metavar="TXT", help="BIO-tagged source/target spans: actor and recipient F1")
    p.add_argument("--plv", metavar="TSV",
                   help="PLOVER-labelled sentences: event type accuracy, actor/recipient span "
                        "F1, marked pairs covered by one event, sentences with no event, the "
                        "gold type among our events and their precision")
    p.add_argument("--polnear", metavar="DIR", help="PolNeAR corpus folder: quote P/R/F1")
    p.add_argument("--split", default="dev", help="PolNeAR split (default dev)")
    p.add_argument("--part", choices=PARTS, default="all",
                   help="for --class, --ner, --plv, --actors, --acled: the fixed seeded 80%% train part, the 20%% "
                        "held-out part, or all (default); see communique/evaluate/splits.py")
    p.add_argument("--when-where", metavar="JSONL", help="dates, locations and fatalities dev set")
    p.add_argument("--actors", metavar="TSV",
                   help="sentences with gold actor/recipient countries: country accuracy")
    p.add_argument("--acled", metavar="JSONL",
                   help="ACLED analyst notes: date, country, admin1, distance, fatalities of "
                        "each note's event (communique/evaluate/acled.py)")
    p.add_argument("--scorers", metavar="NAMES",
                   help="for --acled: comma-separated scorers to run (default all)")
    p.add_argument("--limit", type=int, default=None,
                   help="score only the first N items (when-where, actors, acled)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--model", action="store_true",
                   help="score the coder with the trained event model deciding types and modes")
    p.set_defaults(func=cmd_eval)

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # the module exists but needs an extra that is missing
                _register_missing(sub, name, exc.name)
            continue
        module.register(sub)
    return parser


def _register_missing(sub, module: str, missing: str | None) -> None:
    extra = "server" if "server" in module else "store"
    commands = ["serve"] if extra == "server" else ["ingest", "query", "export", "plot"]
    for c in commands:
        p = sub.add_parser(c, help=f"(needs `pip install communique[{extra}]`)")
        p.set_defaults(func=lambda args, m=missing, e=extra: fail(
            f"this command needs {m!r}: run `pip install 'communique[{e}]'`"))


def cmd_code(args) -> int:
    fmt = args.format or ("table" if (args.output is None and sys.stdout.isatty()) else "jsonl")
    out: TextIO = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    failed = total = 0
    try:
        records = hint_missing_published(coded(args, progress(read_articles(args), args)))
        if fmt == "json":
            out.write("[")
        for rec in records:
            total += 1
            failed += "error" in rec
            if fmt == "jsonl":
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elif fmt == "json":
                out.write(("" if total == 1 else ",\n") + json.dumps(rec, ensure_ascii=False, indent=2))
            else:
                from .table import format_record

                out.write(format_record(rec) + "\n")
        if fmt == "json":
            out.write("]\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if failed:
        print(f"communique: {failed} of {total} articles failed (see their error records)",
              file=sys.stderr)
    return 1 if failed else 0


def cmd_eval(args) -> int:
    from .evaluate import run_eval

    if not any([args.class_tsv, args.ner, args.plv, args.polnear, args.when_where, args.actors,
                args.acled]):
        return fail("name at least one data set: --class, --ner, --plv, --polnear, "
                     "--when-where, --actors or --acled")
    try:
        results = run_eval(class_tsv=args.class_tsv, ner=args.ner, plv=args.plv,
                           polnear=args.polnear, split=args.split, when_where=args.when_where,
                           actors=args.actors, limit=args.limit, part=args.part,
                           acled=args.acled,
                           acled_scorers=args.scorers.split(",") if args.scorers else None,
                           event_model=args.model)
    except ValueError as exc:  # a bad file line or an unknown scorer: say which
        return fail(str(exc))
    if args.json:
        print(json.dumps({k: v for k, (v, _) in results.items()}, indent=2, default=str))
    else:
        for name, (_, table) in results.items():
            print(f"== {name} ==\n{table}\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
