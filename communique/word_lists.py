"""The coder's word lists (kinds of attacks, places, officials, victims ...), read once.

The vocabulary the rules test words against lives in ``data/word_lists.tsv``, not in code,
so that a user adapting the coder to another register or domain edits a table. Each row is
``list``, ``word`` and, on a list's first row, a ``note`` saying what the list is for; ``#``
lines are comments. Grammatical sets (dependency labels, parts of speech, pronouns,
prepositions) stay in the code that reads them.

``word_list(name)`` gives a list's words as a frozenset; the table is read on the first call
and kept. A module binds its lists at import (``HARM_VERBS = word_list("harm_verbs")``), so an
edit to the table takes effect in the next process.
"""

from __future__ import annotations

import functools
from pathlib import Path

from communique.lexicon import DATA, LexiconError

TABLE = DATA / "word_lists.tsv"
COLUMNS = ("list", "word", "note")


@functools.cache
def _read(path: Path) -> dict[str, frozenset[str]]:
    """{list: words} of a word-list table, checked row by row."""
    lists: dict[str, set[str]] = {}
    header = False
    with open(path, encoding="utf-8", newline="") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if not header:
                if tuple(cells) != COLUMNS:
                    raise LexiconError(f"{path.name} line {n}: the header must be "
                                       f"{' <TAB> '.join(COLUMNS)}, not {line!r}")
                header = True
                continue
            if len(cells) not in (2, 3):
                raise LexiconError(f"{path.name} line {n}: {len(cells)} cells; a row is "
                                   f"list <TAB> word, and a note on the list's first row")
            name, word = cells[0], cells[1]
            for what, cell in (("list", name), ("word", word)):
                if not cell or cell != cell.strip():
                    raise LexiconError(f"{path.name} line {n}: empty {what} or spaces around "
                                       f"it: {cell!r}")
            if name not in lists and (len(cells) < 3 or not cells[2].strip()):
                raise LexiconError(f"{path.name} line {n}: the first row of list {name!r} "
                                   f"needs a note (third cell): what the list is for")
            words = lists.setdefault(name, set())
            if word in words:
                raise LexiconError(f"{path.name} line {n}: {word!r} is already in {name!r}")
            words.add(word)
    if not header:
        raise LexiconError(f"{path.name}: no header row ({' <TAB> '.join(COLUMNS)})")
    return {name: frozenset(words) for name, words in lists.items()}


def word_lists(path: Path | None = None) -> dict[str, frozenset[str]]:
    """All lists of the table (``data/word_lists.tsv`` unless ``path``), by name.

    Raises:
        LexiconError: a malformed row, with the file and the line.
    """
    return _read(Path(path) if path else TABLE)


def word_list(name: str, path: Path | None = None) -> frozenset[str]:
    """The words of list ``name`` of the table (``data/word_lists.tsv`` unless ``path``).

    Raises:
        LexiconError: no list of that name, or a malformed row (with the file and the line).
    """
    lists = word_lists(path)
    if name not in lists:
        raise LexiconError(f"no word list {name!r} in {Path(path or TABLE).name}; "
                           f"add its rows (list <TAB> word) or use one of its "
                           f"{len(lists)} lists")
    return lists[name]
