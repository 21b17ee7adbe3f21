"""What several stages know about the sentence: the verbs of saying, one list for all.

``speech_verbs(use)`` reads ``data/speech_verbs.txt`` once; each lemma there names
its uses: ``quote`` (a cue of quote extraction), ``report`` (a verb reporting
someone's act or demand, for event coding), ``clause`` (a reporting clause whose
complement is a topic, not the time or place of the event, for dates and places).
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

from communique.lexicon import DATA, LexiconError

SPEECH_USES = ("quote", "report", "clause")


@functools.cache
def _speech_table(path: Path = DATA / "speech_verbs.txt") -> dict[str, frozenset[str]]:
    uses: dict[str, set[str]] = {u: set() for u in SPEECH_USES}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            lemma, named = words[0].lower(), words[1:]
            if not named:
                raise LexiconError(f"{path.name} line {n}: {lemma!r} names no use; "
                                   f"add one or more of {', '.join(SPEECH_USES)}")
            for use in named:
                if use not in uses:
                    raise LexiconError(f"{path.name} line {n}: unknown use {use!r} of {lemma!r}; "
                                       f"use one of {', '.join(SPEECH_USES)}")
                uses[use].add(lemma)
    return {u: frozenset(ws) for u, ws in uses.items()}


def speech_verbs(use: str = "quote", path: Path | None = None) -> frozenset[str]:
    """The verbs of saying with this use, read once from ``data/speech_verbs.txt``.

    Raises:
        LexiconError: an unknown ``use``, or a line of the file that names none or an
            unknown one (with the file, the line and the allowed uses).
    """
    if use not in SPEECH_USES:
        raise LexiconError(f"unknown use {use!r} of speech verbs; use one of {', '.join(SPEECH_USES)}")
    return (_speech_table(path) if path else _speech_table())[use]


def same_paragraph(doc, a: int, b: int) -> bool:
    """True when at most one newline lies between tokens ``a`` and ``b`` (no blank line).

    Counts come from prefix sums kept in ``doc.user_data``, built once per doc:
    spaCy makes newlines SPACE tokens, so a token's trailing whitespace never holds one.
    """
    newlines = doc.user_data.get("communique.newlines")
    if newlines is None:
        newlines = [0, *itertools.accumulate(tok.text.count("\n") for tok in doc)]
        doc.user_data["communique.newlines"] = newlines
    return newlines[max(a, b)] - newlines[min(a, b)] <= 1


def body_start(doc) -> int:
    """Token index where the body starts when the first line is a headline, else 0.

    A headline here is a first line of at most 250 characters that does not end
    a sentence. (``events.dedupe.headline_end`` answers in characters, by its own rule.)
    """
    text = doc.text
    nl = text.find("\n")
    if nl <= 0 or nl > 250:
        return 0
    first = text[:nl].strip()
    if not first or first[-1] in ".!?\"”":
        return 0
    for tok in doc:
        if tok.idx >= nl:
            return tok.i
    return 0
