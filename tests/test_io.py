"""Readers: every kind of input, and every kind of bad input becoming an error record."""

from __future__ import annotations

import io
import json

import pytest

from communique.io import MAX_CHARS, read_inputs, read_stream
from communique.record import Article


def _read(tmp_path, name, data: bytes, **kw):
    p = tmp_path / name
    p.write_bytes(data)
    return list(read_inputs([str(p)], **kw))


def test_text_file_gets_id_and_published(tmp_path):
    [a] = _read(tmp_path, "story.txt", "Iran condemned the strike.\n".encode(), published="2022-10-03")
    assert isinstance(a, Article)
    assert a.id == "story" and a.published == "2022-10-03"
    assert a.text.startswith("Iran condemned")


def test_html_main_text_is_extracted_without_boilerplate(tmp_path):
    html = """<html><head><title>Talks in Baku</title></head><body>
    <nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now</nav>
    <article><h1>Talks in Baku</h1>
    <p>Iran's foreign minister met his Azerbaijani counterpart in Baku on Sunday to discuss
    border security and trade across the South Caucasus region.</p>
    <p>The two ministers agreed to meet again next month, officials in both capitals said,
    adding that a new transport corridor would be discussed at that meeting.</p></article>
    <footer>Copyright 2022 Example News. All rights reserved. Cookie settings.</footer>
    </body></html>"""
    [a] = _read(tmp_path, "page.html", html.encode())
    assert isinstance(a, Article)
    assert "foreign minister met his Azerbaijani counterpart" in a.text
    assert "Cookie settings" not in a.text and "Subscribe now" not in a.text


def test_jsonl_good_and_malformed_lines_keep_going(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "Russia shelled Kharkiv.", "published": "2022-05-01T08:00:00Z"}),
        "{not json",
        json.dumps({"id": "a3", "title": "no text here"}),
        "",
        json.dumps({"id": "a5", "text": "Protesters marched in Tehran."}),
        json.dumps(["a", "list"]),
    ]
    items = _read(tmp_path, "dump.jsonl", "\n".join(lines).encode())
    assert [getattr(i, "id", None) or i["id"] for i in items] == ["a1", "dump.jsonl:2", "a3", "a5", "dump.jsonl:6"]
    assert items[0].published == "2022-05-01"
    assert "line 2 of dump.jsonl" in items[1]["error"]["message"]
    assert "invalid JSON" in items[1]["error"]["message"]
    assert items[2]["error"] == {"stage": "read", "message": "line 3 of dump.jsonl: missing field `text`"}
    assert "line 6" in items[4]["error"]["message"] and "JSON object" in items[4]["error"]["message"]


@pytest.mark.parametrize("name,data,needle", [
    ("empty.txt", b"", "empty text"),
    ("blank.txt", b"  \n\t \n", "empty text"),
    ("junk.txt", bytes(range(256)) * 20, "binary data"),
    ("latin1.txt", "Caf\xe9 talks in Montr\xe9al".encode("latin-1"), "not UTF-8"),
])
def test_bad_files_become_error_records(tmp_path, name, data, needle):
    [e] = _read(tmp_path, name, data)
    assert e["error"]["stage"] == "read"
    assert needle in e["error"]["message"]
    assert e["id"] == name.split(".")[0]


def test_huge_article_is_refused_with_the_limit_named(tmp_path):
    text = ("The minister met the envoy in Baku. " * 150_000).encode()  # about 5 MB
    assert len(text) > 5_000_000
    [e] = _read(tmp_path, "huge.txt", text)
    assert e["error"]["stage"] == "read"
    assert "over the limit" in e["error"]["message"] and "--max-chars" in e["error"]["message"]


def test_huge_jsonl_article_is_refused_but_next_line_is_read(tmp_path):
    big = json.dumps({"id": "big", "text": "x " * (MAX_CHARS // 2 + 10)})
    ok = json.dumps({"id": "ok", "text": "Turkey and Syria signed a deal."})
    items = _read(tmp_path, "d.jsonl", (big + "\n" + ok + "\n").encode())
    assert items[0]["id"] == "big" and "over the limit" in items[0]["error"]["message"]
    assert items[1].id == "ok"


def test_missing_path_is_an_error_record(tmp_path):
    [e] = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert "no such file" in e["error"]["message"]


def test_bad_published_date_is_a_clear_error():
    from communique.io import InputError

    with pytest.raises(InputError, match="YYYY-MM-DD"):
        list(read_inputs([], published="yesterday"))


def test_folder_is_read_in_sorted_order_and_skips_other_files(tmp_path):
    (tmp_path / "b.txt").write_text("Second story about Kenya.")
    (tmp_path / "a.txt").write_text("First story about Chad.")
    (tmp_path / "notes.csv").write_text("x,y")
    ids = [a.id for a in read_inputs([str(tmp_path)])]
    assert ids == ["a", "b"]


@pytest.mark.parametrize("data,kind", [
    (b'{"id": "s1", "text": "Israel and Lebanon renewed negotiations."}\n', "jsonl"),
    (b"Israel and Lebanon renewed negotiations.", "text"),
    (b"<html><body><article><p>" + b"Israel and Lebanon renewed negotiations on Monday. " * 5
     + b"</p></article></body></html>", "html"),
])
def test_stdin_detects_jsonl_html_and_text(data, kind):
    [a] = list(read_stream(io.BytesIO(data)))
    assert isinstance(a, Article)
    assert "Israel and Lebanon renewed negotiations" in a.text
    assert (a.id == "s1") == (kind == "jsonl")
