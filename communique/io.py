"""Readers: files, folders, JSONL dumps and stdin -> Article (or an error record).

Nothing here raises for one bad article: it becomes an error record with
stage ``read`` and the run goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .record import Article, error_record

MAX_CHARS = 200_000  # a long news article is 20k; parsing needs about 4.6 MB per 1,000 characters
# spaCy's own limit (nlp.max_length): a longer text cannot be parsed, whatever --max-chars says.
PARSE_LIMIT = 1_000_000
# Publication dates outside this span are typos or attacks ("9999-12-31"), not news.
DATE_MIN = dt.date(1800, 1, 1)
DATE_MAX = dt.date(2199, 12, 31)
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

Item = Article | dict[str, Any]


class InputError(ValueError):
    """A problem with one input that the user can fix; the message says how."""


def normalize_published(value: Any) -> str | None:
    """``2022-10-03``, ``2022-10-03T08:00:00Z`` or a date object -> ``2022-10-03``.

    Raises:
        InputError: not a date, or outside ``DATE_MIN`` .. ``DATE_MAX``.
    """
    if value in (None, ""):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        day = value.date() if isinstance(value, dt.datetime) else value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise InputError(f"published {value.strip()[:40]!r} is not a date: use YYYY-MM-DD") from None
    else:
        raise InputError(f"published must be a date string, YYYY-MM-DD, not {type(value).__name__}")
    if not DATE_MIN <= day <= DATE_MAX:
        raise InputError(f"published {day.isoformat()} is outside {DATE_MIN.isoformat()} to "
                         f"{DATE_MAX.isoformat()}: check the date")
    return day.isoformat()


def parse_json_line(line: str | bytes, where: str) -> Any:
    """One JSON value from one line; any failure (nesting too deep included) is an InputError."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to read; records are flat "
                         f"objects") from None
    except (ValueError, TypeError) as exc:  # e.g. an integer of more than 4,300 digits
        raise InputError(f"{where}: unreadable JSON ({exc})") from None


def input_id(value: Any, where: str) -> str | None:
    """An article id from input: a string or an integer, never a list or an object."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"{where}: field `id` must be a string (or an integer), "
                     f"not {type(value).__name__}")


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
        html = d.get("html")
        if html:
            if not isinstance(html, str):
                raise InputError(f"{where}: field `html` must be a string")
            return html_to_article(html, input_id(d.get("id"), where),
                                   normalize_published(d.get("published")), where)
        raise InputError(f"{where}: missing field `text`")
    if not isinstance(text, str):
        raise InputError(f"{where}: field `text` must be a string")
    check_text(text, where, max_chars)
    return Article(text=text, id=input_id(d.get("id"), where),
                   title=_text_field(d, "title", where),
                   published=normalize_published(d.get("published")),
                   url=_text_field(d, "url", where))


def _text_field(d: dict[str, Any], name: str, where: str) -> str | None:
    value = d.get(name)
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"{where}: field `{name}` must be a string, not {type(value).__name__}")


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
            yield article_from_dict(parse_json_line(line, where), where, max_chars)
        except InputError as exc:
            yield error_record(line_id(raw, f"{name}:{n}"), "read", str(exc))


def line_id(raw: str | bytes, position: str) -> str:
    """The id a bad line's error record takes: the line's own id when it has a usable
    one, else its position (``name:line``)."""
    try:
        value = json.loads(raw).get("id")
        return input_id(value, position) or position
    except Exception:  # noqa: BLE001 - the line is broken; the position is the id
        return position


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


def expand_paths(paths: Iterable[str], on_error: Callable[[OSError], None] | None = None
                 ) -> Iterator[str | Path]:
    """Folders become the files inside them, sorted for stable output.

    ``on_error`` is called with the ``OSError`` of each folder that cannot be listed
    (by default such folders are passed over).
    """
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path, onerror=on_error):
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
    unreadable: list[OSError] = []
    for p in expand_paths(paths, on_error=unreadable.append):
        while unreadable:  # folders os.walk could not list, in the order met
            yield _unreadable(unreadable.pop(0))
        if p == "-":
            yield from read_stream(sys.stdin.buffer, published, max_chars=max_chars)
        elif not Path(p).exists():
            yield error_record(Path(p).stem, "read", f"{p}: no such file or folder")
        else:
            yield from read_file(Path(p), published, max_chars)
    for exc in unreadable:
        yield _unreadable(exc)


def _unreadable(exc: OSError) -> dict[str, Any]:
    where = exc.filename or "?"
    return error_record(Path(where).name, "read",
                        f"{where}: cannot read the folder ({exc.strerror}); "
                        f"check its permissions")
