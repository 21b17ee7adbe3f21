"""Fuzz `code` and `ingest`'s reader: every input line yields one record or one error
record, and the good articles among the bad are never lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.io import read_inputs
from communique.record import Article

from .conftest import fuzz_settings
from .strategies import BROKEN_LINES, JSON_VALUES, ODD_DATES, ODD_TEXT, dumps

SENTENCES = ["Iran condemned Azerbaijan on Sunday.", "France and Germany held talks in Berlin.",
             "Russia threatened Ukraine with new strikes.", "Armenia accused Azerbaijan of shelling."]

# A line of an article dump with the right keys but wrong values.
WRONG_FIELDS = st.fixed_dictionaries(
    {}, optional={"id": JSON_VALUES, "text": st.one_of(JSON_VALUES, ODD_TEXT),
                  "published": st.one_of(JSON_VALUES, ODD_DATES), "title": JSON_VALUES,
                  "url": JSON_VALUES, "html": JSON_VALUES}).map(dumps)
BAD_LINES = st.one_of(BROKEN_LINES, WRONG_FIELDS).map(
    lambda s: s.replace("\n", " ").replace("\r", " ")).filter(
    lambda s: s.strip() != "" and s.encode("utf-8", "surrogatepass").strip() != b"")
RAW_BYTES = st.binary(min_size=1, max_size=40).map(
    lambda b: b.replace(b"\n", b" ").replace(b"\r", b" ")).filter(lambda b: b.strip() != b"")


@st.composite
def dumps_with_good_articles(draw):
    """(lines as bytes, {line index: good article dict}) with good and bad lines mixed."""
    n = draw(st.integers(1, 8))
    lines, good = [], {}
    for i in range(n):
        kind = draw(st.sampled_from(["good", "bad", "bytes"]))
        if kind == "good":
            art = {"id": f"good-{i}", "text": draw(st.sampled_from(SENTENCES)),
                   "published": "2022-10-03"}
            good[i] = art
            lines.append(dumps(art).encode())
        elif kind == "bad":
            lines.append(draw(BAD_LINES).encode("utf-8", "surrogatepass"))
        else:
            lines.append(draw(RAW_BYTES))
    return lines, good


def write(tmp_path: Path, lines: list[bytes]) -> Path:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def check_one_per_line(items: list, lines: list[bytes], good: dict[int, dict]) -> None:
    assert len(items) == len(lines)  # one record or one error record per line
    for i, item in enumerate(items):
        if isinstance(item, Article):
            assert item.text and isinstance(item.id, (str, type(None)))
        else:
            assert set(item["error"]) == {"stage", "message"} and item["error"]["message"]
            assert item["id"] is None or isinstance(item["id"], str)
        if i in good:
            assert isinstance(item, Article) and item.id == good[i]["id"]
            assert item.text == good[i]["text"]


@fuzz_settings(150)
@given(dumps_with_good_articles())
def test_reading_gives_one_item_per_line_and_keeps_the_good(tmp_path_factory, case):
    lines, good = case
    path = write(tmp_path_factory.mktemp("read"), lines)
    check_one_per_line(list(read_inputs([str(path)])), lines, good)


@fuzz_settings(12)
@given(dumps_with_good_articles())
def test_code_gives_one_record_per_line_and_codes_the_good(tmp_path_factory, coder, case):
    """What `communique code dump.jsonl` runs: the reader, then the coder."""
    lines, good = case
    path = write(tmp_path_factory.mktemp("code"), lines)
    records = list(coder.code_dicts(read_inputs([str(path)])))
    assert len(records) == len(lines)
    for i, rec in enumerate(records):
        if i in good:
            assert "error" not in rec and rec["id"] == good[i]["id"]
            assert rec["text"] == good[i]["text"]
        else:
            assert ("error" in rec) or rec.get("schema") == 1


@pytest.mark.parametrize("lines", [[b'{"id": "a", "text": "Iran met Iraq."}', b"x" * 10],
                                   [b"\xff\xfe", b'{"text": "France met Spain."}']])
def test_the_checker_itself_fails_on_a_lost_line(tmp_path, lines):
    """The invariant can fail: drop one item and it must notice."""
    items = list(read_inputs([str(write(tmp_path, lines))]))
    with pytest.raises(AssertionError):
        check_one_per_line(items[:-1], lines, {})
