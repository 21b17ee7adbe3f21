"""Quotation marks in raw text: where quoted spans open and close, and whether a
quoted span stands as a clause of its own (see the conventions in ``quotes/__init__.py``)."""

from __future__ import annotations

import re


# Marks that can only open or only close a quotation; '"', "''" are ambiguous.
_OPENERS = ("“", "„", "«", "``")
_CLOSERS = ("”", "»")
MARK_RE = re.compile(r"''|``|[\"“”„«»]")


# Characters after which an ambiguous mark opens a quote.
_OPEN_BEFORE = set("([{—–-/:;,")
_SENT_END = set(".!?…")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Top-level quoted spans as (content start, content end) character offsets.

    Nested quotes stay inside their outer span. A quote still open at the end
    of a paragraph runs on when the next paragraph opens with a mark, and is
    otherwise closed at the paragraph end.
    """
    spans: list[tuple[int, int]] = []
    marks = [(m.start(), m.end(), m.group()) for m in MARK_RE.finditer(text)]
    if not marks:
        return spans
    stack: list[str] = []  # "curly" | "straight", innermost last
    top_start = 0
    skip_at = -1  # a paragraph-initial mark that continues an open quote
    n = len(text)
    k = 0
    para_start = 0
    while para_start < n:
        para_end = text.find("\n", para_start)
        if para_end < 0:
            para_end = n
        while k < len(marks) and marks[k][0] < para_end:
            s, e, ch = marks[k]
            k += 1
            if s == skip_at:
                continue
            prev = text[s - 1] if s > para_start else "\n"
            nxt = text[e] if e < para_end else "\n"
            if ch == "“" and stack == ["curly"] and nxt.isspace() and not prev.isspace() and \
                    (prev in ",.!?" or prev.isalnum()):
                # 'here,“ said Jim Clyburn': an opening mark typed for the closing one
                stack.pop()
                spans.append((top_start, s))
            elif ch in _OPENERS:
                if not stack:
                    top_start = e
                stack.append("curly")
            elif ch in _CLOSERS:
                if stack:
                    stack.pop()
                    if not stack:
                        spans.append((top_start, s))
            else:  # ambiguous straight mark
                opener = (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace()
                if stack and (stack[-1] == "straight" or not opener):
                    stack.pop()
                    if not stack:
                        spans.append((top_start, s))
                elif opener:
                    if not stack:
                        top_start = e
                    stack.append("straight")
        if stack:
            # Open at the paragraph end: continue if the next paragraph opens a quote.
            nxt_para = para_end
            while nxt_para < n and text[nxt_para].isspace():
                nxt_para += 1
            m = MARK_RE.match(text, nxt_para) if nxt_para < n else None
            if m and (m.group() in _OPENERS or m.group() in ('"', "''")):
                skip_at = m.start()
                del stack[1:]
            else:
                end = para_end
                while end > top_start and text[end - 1].isspace():
                    end -= 1
                if end > top_start:
                    spans.append((top_start, end))
                stack.clear()
        para_start = para_end + 1
    return spans


def mark_start(text: str, s: int) -> int:
    """Where the opening mark of the quote whose content starts at ``s`` begins."""
    return s - 2 if s >= 2 and text[s - 2:s] in ("''", "``") else s - 1


def left_bounded(text: str, s: int) -> bool:
    """Whether the quote opens a clause: after punctuation, a line break or the start."""
    i = mark_start(text, s) - 1
    while i >= 0 and text[i].isspace() and text[i] != "\n":
        i -= 1
    return i < 0 or text[i] in "\n:,;(—–-" or text[i] in _SENT_END or text[i] in "\"”'’"


def clause_bounded(text: str, s: int, e: int) -> bool:
    """Whether the quoted span stands as a clause: punctuation or a line break on both sides."""
    left_ok = left_bounded(text, s)
    inner = text[s:e].rstrip()
    right_ok = bool(inner) and (inner[-1] in ".,!?;:…—–-" or inner[-1] in "\"”'’")
    if not right_ok:
        j = e
        while j < len(text) and text[j] in "\"”'»":
            j += 1
        while j < len(text) and text[j].isspace() and text[j] != "\n":
            j += 1
        right_ok = j >= len(text) or text[j] in "\n.,;:!?)—–-"
    return left_ok and right_ok
_BYLINE_RE = re.compile(r"[ \t]*\n\s*([-—–])[ \t]*((?:[A-Z][\w.'’-]*[ \t]*){1,4}?)[.,]?[ \t]*(?:\n|$)")


def dash_byline(text: str, e: int) -> tuple[int, int, int] | None:
    """(dash, name start, name end) of a paragraph '- Hillary Clinton.' right after the
    paragraph a quote ends."""
    j = e
    while j < len(text) and text[j] in "\"”'»":
        j += 1
    m = _BYLINE_RE.match(text, j)
    if m is None:
        return None
    name = m.group(2).rstrip()
    return m.start(1), m.start(2), m.start(2) + len(name.rstrip("."))


def colon_before(text: str, s: int) -> int | None:
    """Offset of a colon right before the opening mark (possibly on the previous line)."""
    i = mark_start(text, s) - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i if i >= 0 and text[i] == ":" else None


def paragraph_clip(text: str, anchor: int, start: int, end: int) -> tuple[int, int]:
    """Cut a content span at the paragraph breaks around ``anchor``."""
    p0 = text.rfind("\n", 0, anchor) + 1
    p1 = text.find("\n", anchor)
    if p1 < 0:
        p1 = len(text)
    return max(start, p0), min(end, p1)
