"""What `communique code` and `communique ingest` share: the coding options, reading
the inputs, coding them in one process or a pool, the progress bar, the hint about
a missing publication date.

Both command modules import this one; neither imports the other.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterable, Iterator
from typing import Any

# Fewer articles than this are coded in this process: a pool would cost more to start.
SMALL_INPUT = 32


def fail(message: str) -> int:
    """Print ``communique: error: message`` on stderr; the exit status 2."""
    print(f"communique: error: {message}", file=sys.stderr)
    return 2


def add_coding_options(p: argparse.ArgumentParser) -> None:
    """The options of every command that codes articles."""
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date for inputs that carry none (plain text)")
    p.add_argument("--lexicon", metavar="YAML", help="your own event triggers (add or override)")
    p.add_argument("--actors", metavar="YAML", help="your own actors (add or override)")
    p.add_argument("--max-chars", type=max_chars, default=None,
                   help="longest article accepted, in characters (default 200,000; at most "
                        "1,000,000, the parser's limit; parsing takes about 4.6 MB per "
                        "1,000 characters)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    add_model_options(p)


def add_model_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", action="store_true",
                   help="let the trained event model decide event types and modes "
                        "(more accurate on new text, slower: see docs/evaluation.md)")
    p.add_argument("--explain", action="store_true",
                   help="say in each event why it got its type (trigger, lexicon entry, "
                        "model probability)")


def max_chars(value: str) -> int:
    """``--max-chars``: a positive number up to the parser's limit."""
    from .io import PARSE_LIMIT

    try:
        n = int(value.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of characters") from None
    if not 0 < n <= PARSE_LIMIT:
        raise argparse.ArgumentTypeError(
            f"{n:,} is outside 1 to {PARSE_LIMIT:,}, the longest text the parser takes; "
            f"split longer articles")
    return n


def read_articles(args) -> Iterator[Any]:
    """The articles of ``args.paths`` (exits with an error message on unreadable input)."""
    from .io import MAX_CHARS, InputError, read_inputs

    try:
        yield from read_inputs(args.paths, published=args.published,
                               max_chars=args.max_chars or MAX_CHARS)
    except InputError as exc:
        raise SystemExit(fail(str(exc)))


def coded(args, articles: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """Records for ``articles`` with the options of ``args`` (one or many processes)."""
    workers = getattr(args, "workers", 1)
    if workers != 1:
        articles = iter(articles)
        head = list(itertools.islice(articles, SMALL_INPUT))
        if len(head) == SMALL_INPUT:  # worth starting a pool: each worker loads the model
            from .parallel import code_parallel

            yield from code_parallel(itertools.chain(head, articles), workers=workers,
                                     lexicon=args.lexicon, actors=args.actors,
                                     max_chars=args.max_chars,
                                     event_model=getattr(args, "model", False),
                                     explain=getattr(args, "explain", False))
            return
        articles = head
    from .io import MAX_CHARS
    from .models.event_model import ModelMissing as EventModelMissing
    from .nlp import ModelMissing
    from .pipeline import Coder

    try:
        coder = Coder(lexicon=args.lexicon, actors=args.actors,
                      max_chars=args.max_chars or MAX_CHARS,
                      event_model=getattr(args, "model", False),
                      explain=getattr(args, "explain", False))
    except (ModelMissing, EventModelMissing, OSError, ValueError) as exc:
        raise SystemExit(fail(str(exc)))
    yield from coder.code_dicts(articles)


def progress(items: Iterable[Any], args, unit: str = "article") -> Iterable[Any]:
    """``items`` with a progress bar on stderr (on a terminal, unless --no-progress)."""
    if args.no_progress:
        return items
    from tqdm import tqdm

    # disable=None: only on a terminal, never in logs and pipes.
    return tqdm(items, unit=unit, file=sys.stderr, disable=None, dynamic_ncols=True,
                total=known_total(getattr(args, "paths", [])))


def known_total(paths: list[str]) -> int | None:
    """How many articles the inputs hold, when that is known without reading them:
    files of one article each (not stdin, not JSONL), so the bar can show an ETA."""
    from .io import JSONL_SUFFIXES, expand_paths

    total = 0
    for p in expand_paths(paths):
        if p == "-" or str(p).lower().endswith(tuple(JSONL_SUFFIXES)):
            return None
        total += 1
    return total


NO_PUBLISHED_HINT = (
    "communique: relative dates such as {example!r} stay empty where an article has no "
    "publication date to count from: pass --published YYYY-MM-DD (or a `published` field "
    "in JSONL input)")


def hint_missing_published(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Pass records through; say once on stderr when relative dates went unresolved
    because an article had no publication date (plain text without --published)."""
    said = False
    for rec in records:
        if not said and not rec.get("published") and "error" not in rec:
            unresolved = [e["date_text"] for e in rec.get("events", [])
                          if e.get("date") is None and e.get("date_text")]
            if unresolved:
                print(NO_PUBLISHED_HINT.format(example=unresolved[0]),
                      file=sys.stderr)
                said = True
        yield rec
