"""Fuzz `ingest --records`: mutated and broken records among good ones. Every line is
stored, skipped as already stored, or filed in `ingest_errors`; every good record is
stored; the store passes SQLite's integrity check afterwards."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from communique.store import Store
from communique.store_cli import read_records

from ..test_store import corpus
from .conftest import fuzz_settings
from .strategies import BROKEN_LINES, EDGE_INTS, JSON_VALUES, ODD_DATES, dumps

GOOD = [r for r in corpus() if "error" not in r]
VALUES = st.one_of(JSON_VALUES, EDGE_INTS, ODD_DATES)


def paths(value, prefix=()):
    """Every key path into a JSON value."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths(v, (*prefix, i))


@st.composite
def mutated(draw, n: int):
    """A good record with one to three of its values replaced or deleted."""
    rec = copy.deepcopy(draw(st.sampled_from(GOOD)))
    rec["id"] = f"mutant-{n}"
    rec["text"] += f" ({n})"  # its own text: not a copy of a good record
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from([p for p in paths(rec) if p]))
        parent = rec
        for k in where[:-1]:
            parent = parent[k]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[where[-1]]
        else:
            parent[where[-1]] = draw(VALUES)
        if not all(isinstance(p, (dict, list)) for p in [rec]):
            break
    return rec


@st.composite
def record_files(draw):
    lines, good = [], []
    for i in range(draw(st.integers(1, 10))):
        kind = draw(st.sampled_from(["good", "mutant", "broken"]))
        if kind == "good" and len(good) < len(GOOD):
            rec = GOOD[len(good)]
            good.append(rec["id"])
            lines.append(json.dumps(rec))
        elif kind == "mutant":
            lines.append(dumps(draw(mutated(i))))
        else:
            line = draw(BROKEN_LINES).replace("\n", " ").replace("\r", " ")
            if line.strip():
                lines.append(line)
    return lines, good


@fuzz_settings(120)
@given(record_files())
def test_every_record_line_is_stored_skipped_or_filed(tmp_path_factory, case):
    lines, good = case
    tmp: Path = tmp_path_factory.mktemp("records")
    src = tmp / "records.jsonl"
    src.write_text("".join(line + "\n" for line in lines), encoding="utf-8",
                   errors="surrogatepass")
    with Store(tmp / "e.db") as store:
        stats = store.add(read_records([str(src)]), batch_size=3)
        stored = {a["id"] for a in store.articles(limit=None)}
        assert stats.articles_added + stats.articles_skipped + stats.errors == len(lines)
        assert stats.articles_added == len(stored)
        assert set(good) <= stored  # good records are never lost
        assert 0 < len(store.errors(limit=None)) <= stats.errors or stats.errors == 0
    db = sqlite3.connect(tmp / "e.db")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()
