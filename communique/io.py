"""Readers: files, folders, JSONL dumps and stdin -> Article (or an error record).

Nothing here raises for one bad article: it becomes an error record with
stage ``read`` and the run goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .record import Article, error_record

MAX_CHARS = 200_000  # a long news article is 20k; parsing needs about 4.6 MB per 1,000 characters
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

Item = Article | dict[str, Any]


class InputError(ValueError):
    """A problem with one input that the user can fix; the message says how."""


def normalize_published(value: Any) -> str | None:
    """``2022-10-03``, ``2022-10-03T08:00:00Z`` or a date object -> ``2022-10-03``."""
    if value in (None, ""):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        raise InputError(f"published {s!r} is not a date: use YYYY-MM-DD") from None


def decode(data: bytes, where: str) -> str:
    """Bytes -> text, refusing binary junk and text that is not UTF-8."""
    if not data.strip():
        raise InputError(f"{where}: empty text")
    sample = data[:4096]
    if b"\x00" in sample:
        raise InputError(f"{where}: binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"re-encode it as UTF-8, e.g. `iconv -f cp1252 -t utf-8`") from None
    return text


def check_text(text: str, where: str, max_chars: int = MAX_CHARS) -> str:
    if not text or not text.strip():
        raise InputError(f"{where}: empty text")
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.1 * min(len(text), 4096):
        raise InputError(f"{where}: binary data (control characters), not text")
    if len(text) > max_chars:
        raise InputError(f"{where}: {len(text):,} characters is over the limit of "
                         f"{max_chars:,}; split the article or raise --max-chars")
    return text


def html_to_article(html: str, id: str | None, published: str | None, where: str) -> Article:
    """Main text and metadata of an HTML page (trafilatura: boilerplate removed)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(f"{where}: no main text found in the HTML")
    title = getattr(doc, "title", None)
    if published is None and getattr(doc, "date", None):
        try:
            published = normalize_published(doc.date)
        except InputError:
            published = None
    return Article(text=text, id=id, title=title, published=published,
                   url=getattr(doc, "url", None))


def article_from_dict(d: Any, where: str, max_chars: int = MAX_CHARS) -> Article:
    """One JSONL object -> Article: ``text`` required; ``id``, ``published``, ``title``, ``url`` optional."""
    if not isinstance(d, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(d).__name__}")
    text = d.get("text")
    if text is None:
        if d.get("html"):
            return html_to_article(d["html"], _str_or_none(d.get("id")),
                                   normalize_published(d.get("published")), where)
        raise InputError(f"{where}: missing field `text`")
    if not isinstance(text, str):
        raise InputError(f"{where}: field `text` must be a string")
    check_text(text, where, max_chars)
    return Article(text=text, id=_str_or_none(d.get("id")), title=_str_or_none(d.get("title")),
                   published=normalize_published(d.get("published")),
                   url=_str_or_none(d.get("url")))


def _str_or_none(v: Any) -> str | None:
    return None if v is None else str(v)


def read_jsonl(lines: Iterable[bytes], name: str, max_chars: int = MAX_CHARS) -> Iterator[Item]:
    for n, raw in enumerate(lines, 1):
        where = f"line {n} of {name}"
        if not raw.strip():
            continue
        try:
            try:
                line = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
            except UnicodeDecodeError as exc:
                raise InputError(f"{where}: not UTF-8 (offset {exc.start})") from None
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
            yield article_from_dict(obj, where, max_chars)
        except InputError as exc:
            art_id = None
            try:
                art_id = json.loads(raw).get("id")  # keep the id when the line has one
            except Exception:  # noqa: BLE001 - the line is broken; the position is the id
                pass
            yield error_record(str(art_id) if art_id is not None else f"{name}:{n}",
                               "read", str(exc))


def read_file(path: Path, published: str | None = None, max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """Articles in one file: .jsonl gives many, .txt and .html one each."""
    suffix = path.suffix.lower()
    where = str(path)
    try:
        if suffix in JSONL_SUFFIXES:
            with open(path, "rb") as fh:
                yield from read_jsonl(fh, path.name, max_chars)
            return
        data = path.read_bytes()
        if len(data) > 4 * max_chars:  # cheap refusal before decoding gigabytes
            raise InputError(f"{where}: {len(data):,} bytes is over the limit of {max_chars:,} "
                             f"characters; split the article or raise --max-chars")
        text = decode(data, where)
        if suffix in HTML_SUFFIXES:
            yield html_to_article(text, path.stem, published, where)
        else:
            yield Article(text=check_text(text, where, max_chars), id=path.stem,
                          published=published)
    except InputError as exc:
        yield error_record(path.stem, "read", str(exc))
    except OSError as exc:
        yield error_record(path.stem, "read", f"{where}: cannot read ({exc.strerror})")


def read_stream(stream: BinaryIO, published: str | None = None, name: str = "stdin",
                max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """stdin: JSONL when it starts with ``{``, HTML when it starts with ``<``, else text."""
    head = stream.read(1)
    while head and head.isspace():
        head = stream.read(1)
    if head == b"{":
        first = head + stream.readline()
        yield from read_jsonl(_chain([first], stream), name, max_chars)
        return
    data = head + stream.read()
    try:
        text = decode(data, name)
        if head == b"<":
            yield html_to_article(text, None, published, name)
        else:
            yield Article(text=check_text(text, name, max_chars), published=published)
    except InputError as exc:
        yield error_record(None, "read", str(exc))


def _chain(first: list[bytes], rest: Iterable[bytes]) -> Iterator[bytes]:
    yield from first
    yield from rest


def expand_paths(paths: Iterable[str]) -> Iterator[str | Path]:
    """Folders become the readable files inside them, sorted for stable output."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for f in sorted(files):
                    fp = Path(root, f)
                    if fp.suffix.lower() in SUFFIXES:
                        yield fp
        else:
            yield path


def read_inputs(paths: Iterable[str], published: str | None = None,
                max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """Every article named by ``paths`` (files, folders, ``-`` for stdin), streamed."""
    published = normalize_published(published)
    for p in expand_paths(paths):
        if p == "-":
            yield from read_stream(sys.stdin.buffer, published, max_chars=max_chars)
        elif not Path(p).exists():
            yield error_record(Path(p).stem, "read", f"{p}: no such file or folder")
        else:
            yield from read_file(Path(p), published, max_chars)
