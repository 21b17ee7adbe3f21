"""Hostile input to the CLI and the store (issue 17): each attack reproduced, nothing lost.

Every test feeds the attack beside good input and checks that the good input is
still coded or stored, and that the bad input is one error record that says why.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from communique.io import DATE_MIN, PARSE_LIMIT, read_inputs
from communique.store import Store, StoreError

from .test_store import corpus

ROOT = Path(__file__).resolve().parent.parent
NESTED = "[" * 5000 + "]" * 5000  # deeper than Python's recursion limit
GOOD = [{"id": "call", "published": "2022-10-03",
         "text": "Iran's foreign minister held a telephone call with his Azeri counterpart "
                 "on Sunday."},
        {"id": "talks", "published": "2022-10-04",
         "text": "France and Germany held talks in Berlin on Monday."}]


def jsonl(path: Path, lines: list) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines),
                    encoding="utf-8")
    return path


def records_in(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


# -- 1. a JSONL line nested 5,000 deep --------------------------------------------

def nested_dump(tmp_path: Path) -> Path:
    return jsonl(tmp_path / "dump.jsonl", [GOOD[0], NESTED, '{"id": "x", "text": ' + NESTED + "}",
                                           GOOD[1]])


def test_a_deeply_nested_line_is_one_error_record_and_reading_goes_on(tmp_path):
    items = list(read_inputs([str(nested_dump(tmp_path))]))
    assert [getattr(i, "id", None) or i["id"] for i in items] == [
        "call", "dump.jsonl:2", "dump.jsonl:3", "talks"]
    for bad in items[1:3]:
        assert bad["error"]["stage"] == "read"
        assert "nested too deeply" in bad["error"]["message"]


def test_code_codes_the_lines_around_a_deeply_nested_one(tmp_path, coder):
    from communique.cli import main

    out = tmp_path / "out.jsonl"
    assert main(["code", str(nested_dump(tmp_path)), "--output", str(out), "--no-progress",
                 "--workers", "1"]) == 1
    recs = records_in(out)
    assert [r["id"] for r in recs] == ["call", "dump.jsonl:2", "dump.jsonl:3", "talks"]
    assert recs[0]["events"] and recs[3]["events"]
    assert "error" in recs[1] and "error" in recs[2]


def test_ingest_stores_the_lines_around_a_deeply_nested_one(tmp_path, coder):
    from communique.cli import main

    db = tmp_path / "e.db"
    assert main(["ingest", str(nested_dump(tmp_path)), "--db", str(db), "--no-progress",
                 "--workers", "1"]) == 1
    with Store(db, readonly=True) as s:
        assert sorted(a["id"] for a in s.articles()) == ["call", "talks"]
        assert sorted(e["id"] for e in s.errors()) == ["dump.jsonl:2", "dump.jsonl:3"]


def test_dask_partitions_keep_the_lines_around_a_deeply_nested_one(tmp_path, coder):
    """The Dask engine reads on the client and codes partitions on workers: the nested
    line is an error record in the partition, and its neighbours are coded and stored."""
    pytest.importorskip("pyarrow")
    from communique.distributed import code_partition, read_records
    from communique.record import Article

    items = [a.to_dict() if isinstance(a, Article) else a
             for a in read_inputs([str(nested_dump(tmp_path))])]
    summary = code_partition("000000-test", 0, items, str(tmp_path / "out"))
    assert (summary["articles"], summary["errors"]) == (4, 2)
    with Store(tmp_path / "e.db") as s:
        stats = s.add(read_records(str(tmp_path / "out")))
    assert (stats.articles_added, stats.errors) == (2, 2)


def test_ingest_records_survives_a_deeply_nested_record(tmp_path):
    from communique.cli import main

    good = corpus()[:2]
    src = jsonl(tmp_path / "records.jsonl", [good[0], NESTED, good[1]])
    assert main(["ingest", str(src), "--records", "--db", str(tmp_path / "e.db"),
                 "--no-progress"]) == 1
    with Store(tmp_path / "e.db") as s:
        assert s.count_articles() == 2
        (err,) = s.errors()
        assert "nested too deeply" in err["message"]


# -- 2. unreadable folders and files ------------------------------------------------

def _without_root_powers() -> list[str]:
    """A prefix that runs a command without the power to read what its modes forbid.

    CI runs as root, who reads any file: drop the capabilities that let it (setpriv),
    so the real permission checks of the kernel apply.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a file unreadable")
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    if subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        pytest.skip("setpriv cannot drop capabilities here")
    return prefix


def run_cli(*args: str, prefix: list[str] = ()) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*prefix, sys.executable, "-m", "communique", *args],
                          capture_output=True, text=True, env=env, timeout=600, cwd=ROOT)


@pytest.fixture()
def unreadable(tmp_path):
    """A folder with a good file, an unreadable sub-folder and an unreadable file."""
    prefix = _without_root_powers()
    news = tmp_path / "news"
    (news / "locked").mkdir(parents=True)
    (news / "locked" / "hidden.txt").write_text("Russia attacked Ukraine.", "utf-8")
    (news / "a.txt").write_text(GOOD[1]["text"], "utf-8")
    (tmp_path / "secret.txt").write_text("Iran met Iraq.", "utf-8")
    (tmp_path / "secret.jsonl").write_text(json.dumps(corpus()[0]) + "\n", "utf-8")
    for p in (news / "locked", tmp_path / "secret.txt", tmp_path / "secret.jsonl"):
        p.chmod(0)
    yield tmp_path, prefix
    (news / "locked").chmod(0o755)


def test_code_reports_an_unreadable_folder_and_file_and_codes_the_rest(unreadable):
    tmp_path, prefix = unreadable
    r = run_cli("code", str(tmp_path / "news"), str(tmp_path / "secret.txt"), "--no-progress",
                "--format", "jsonl", prefix=prefix)
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    by_id = {rec["id"]: rec for rec in recs}
    assert set(by_id) == {"a", "locked", "secret"}
    assert by_id["a"]["events"]
    assert "cannot read the folder" in by_id["locked"]["error"]["message"]
    assert "Permission denied" in by_id["secret"]["error"]["message"]


def test_ingest_records_reports_an_unreadable_file_and_stores_the_rest(unreadable, tmp_path):
    tmp_path, prefix = unreadable
    good = jsonl(tmp_path / "good.jsonl", corpus()[1:3])
    db = tmp_path / "e.db"
    r = run_cli("ingest", "--records", str(tmp_path / "secret.jsonl"), str(good), "--db",
                str(db), "--no-progress", prefix=prefix)
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr and "1 failed" in r.stderr
    with Store(db, readonly=True) as s:
        assert s.count_articles() == 2
        (err,) = s.errors()
        assert "secret.jsonl: cannot read" in err["message"]


# -- 3. a store that is not SQLite, is read-only, or is a folder ------------------

def _bad_store(kind: str, tmp_path: Path) -> Path:
    if kind == "folder":
        (tmp_path / "events.db").mkdir()
    elif kind == "not sqlite":
        (tmp_path / "events.db").write_text("id,name\n1,not a database at all\n" * 200)
    return tmp_path / "events.db"


@pytest.mark.parametrize("kind, says", [("folder", "is a folder"),
                                        ("not sqlite", "not a communique store")])
@pytest.mark.parametrize("command", [["ingest", "{art}"], ["query"], ["export", "-o", "{out}"],
                                     ["plot", "dyad", "IRN", "AZE", "-o", "{out}.png"]])
def test_a_store_that_is_no_store_is_one_line_before_any_work(tmp_path, kind, says, command):
    from communique.cli import main

    db = _bad_store(kind, tmp_path)
    art = tmp_path / "a.txt"
    art.write_text(GOOD[0]["text"], "utf-8")
    args = [a.format(art=art, out=tmp_path / "out") for a in command]
    r = run_cli(*args, "--db", str(db))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and says in r.stderr, r.stderr
    assert not (tmp_path / "out").exists()


def test_a_read_only_store_fails_before_coding_and_is_still_readable(tmp_path):
    prefix = _without_root_powers()
    folder = tmp_path / "ro"
    folder.mkdir()
    with Store(folder / "events.db") as s:
        s.add(corpus()[:2])
    (folder / "events.db").chmod(0o444)
    folder.chmod(0o555)
    try:
        art = tmp_path / "a.txt"
        art.write_text(GOOD[0]["text"], "utf-8")
        # --workers 2 and a missing model would both cost minutes: the store is checked first.
        r = run_cli("ingest", str(art), "--db", str(folder / "events.db"), "--no-progress",
                    prefix=prefix)
        assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
        assert "cannot be written" in r.stderr
        q = run_cli("query", "--db", str(folder / "events.db"), "--format", "jsonl",
                    prefix=prefix)
        assert q.returncode == 0, q.stderr
        assert len(q.stdout.splitlines()) == 2
    finally:
        folder.chmod(0o755)


def test_store_error_says_what_is_wrong_in_python_too(tmp_path):
    db = _bad_store("not sqlite", tmp_path)
    with pytest.raises(StoreError, match="not a communique store"):
        Store(db)
    with pytest.raises(StoreError, match="not a communique store"):
        Store(db, readonly=True)
    assert "id,name" in db.read_text()  # the file is left as it was


# -- 4. ingest --records with out-of-range integers and other broken records ------

def broken_records() -> tuple[list, list[str]]:
    """Good records with bad ones between them, and the ids of the good."""
    good = corpus()
    good = [r for r in good if "error" not in r]
    huge_start = json.loads(json.dumps(good[0]))
    huge_start["id"] = "huge-start"
    huge_start["text"] += " (1)"
    huge_start["events"][0]["trigger"]["start"] = 10 ** 30
    huge_count = json.loads(json.dumps(good[1]))
    huge_count["id"] = "huge-count"
    huge_count["text"] += " (2)"
    huge_count["events"][0]["fatalities"] = 10 ** 30
    huge_score = json.loads(json.dumps(good[2]))
    huge_score["id"] = "huge-score"
    huge_score["text"] += " (3)"
    huge_score["events"][0]["goldstein"] = 10 ** 30
    no_text = {k: v for k, v in good[3].items() if k not in ("text", "id")}
    list_id = {**good[4], "id": ["list", "id"]}
    far_future = {**good[5], "id": "far-future", "published": "9999-12-31",
                  "text": good[5]["text"] + " (later)"}
    lines = [good[0], huge_start, good[1], huge_count, huge_score, no_text, no_text,
             list_id, far_future, good[6]]
    return lines, [good[0]["id"], good[1]["id"], good[6]["id"]]


def test_ingest_records_files_every_bad_record_and_stores_the_rest(tmp_path, capsys):
    from communique.cli import main

    lines, good_ids = broken_records()
    src = tmp_path / "records.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    db = tmp_path / "e.db"
    assert main(["ingest", str(src), "--records", "--db", str(db), "--no-progress"]) == 1
    err = capsys.readouterr().err
    with Store(db) as s:
        assert sorted(a["id"] for a in s.articles()) == sorted(good_ids)
        errors = s.errors()
    bad = len(lines) - len(good_ids)
    # One row of ingest_errors per bad line, and the summary counts the same.
    assert len(errors) == bad
    assert f"{len(good_ids)} articles added" in err and f"{bad} failed" in err
    text = " ".join(e["message"] for e in errors)
    assert "outside the text" in text  # the span start of 10**30
    assert "64 bits" in text  # the fatalities of 10**30
    assert "9999-12-31 is outside" in text
    assert "['list', 'id']" not in {e["id"] for e in errors}


def test_store_add_refuses_an_integer_past_64_bits_and_keeps_the_batch(tmp_path):
    good = [r for r in corpus() if "error" not in r]
    bad = json.loads(json.dumps(good[0]))
    bad["id"], bad["text"] = "overflow", bad["text"] + " x"
    bad["events"][0]["trigger"]["end"] = 2 ** 63
    with Store(tmp_path / "e.db") as s:
        stats = s.add([good[0], bad, good[1]])
        assert (stats.articles_added, stats.errors, stats.errors_added) == (2, 1, 1)
        assert s.errors()[0]["id"] == "overflow"
        assert "64 bits" in s.errors()[0]["message"]
    db = sqlite3.connect(tmp_path / "e.db")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_record_without_text_is_refused_not_stored_empty(tmp_path):
    good = [r for r in corpus() if "error" not in r]
    no_text = [{k: v for k, v in r.items() if k not in ("text", "id")} for r in good[:2]]
    with Store(tmp_path / "e.db") as s:
        stats = s.add([*no_text, good[2]])
        assert (stats.articles_added, stats.articles_skipped, stats.errors) == (1, 0, 2)
        assert all("no `text`" in e["message"] for e in s.errors())


# -- 6. dates in year 9999 and 1001 ----------------------------------------------

@pytest.mark.parametrize("published", ["9999-12-31", "1001-01-05", "0001-01-01"])
def test_a_publication_date_outside_the_sane_span_is_an_error_record(tmp_path, published):
    src = jsonl(tmp_path / "d.jsonl", [GOOD[0], {**GOOD[1], "published": published}])
    items = list(read_inputs([str(src)]))
    assert items[0].id == "call"
    assert items[1]["id"] == "talks" and "outside" in items[1]["error"]["message"]
    assert DATE_MIN.isoformat() in items[1]["error"]["message"]


# -- smaller ones ---------------------------------------------------------------------

@pytest.mark.parametrize("value", ["2000000", "0", "-5", "lots"])
def test_max_chars_beyond_the_parser_is_a_usage_error(value, capsys):
    from communique.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["code", "examples/", "--max-chars", value])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--max-chars" in err and ("1,000,000" in err or "not a number" in err)


def test_max_chars_reaches_the_workers():
    """The limit given holds in a worker's per-batch function too, not only in the
    reader: a worker refuses by that limit, never by the default of 200,000."""
    from communique.parallel import batch_function

    fn = batch_function(None, None, 60)
    short, long = "Iran condemned Azerbaijan on Sunday.", "Iran condemned Azerbaijan. " * 3
    ok, refused = list(fn([{"id": "short", "text": short}, {"id": "long", "text": long}]))
    assert "error" not in ok
    assert "over the limit of 60" in refused["error"]["message"]
    assert PARSE_LIMIT == 1_000_000


@pytest.mark.parametrize("bad_id", [["list", "id"], {"an": "object"}, True, 1.5])
def test_an_id_that_is_not_text_is_an_error_record(tmp_path, bad_id):
    src = jsonl(tmp_path / "ids.jsonl", [{**GOOD[0], "id": bad_id}, GOOD[1]])
    bad, good = read_inputs([str(src)])
    assert bad["id"] == "ids.jsonl:1" and "field `id` must be a string" in bad["error"]["message"]
    assert good.id == "talks"


def test_an_integer_id_is_its_digits(tmp_path):
    src = jsonl(tmp_path / "ids.jsonl", [{**GOOD[0], "id": 42}])
    (art,) = read_inputs([str(src)])
    assert art.id == "42"


def test_the_workers_default_is_the_same_in_help_and_docs():
    from communique.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in ("code", "ingest"):
        help_text = sub.choices[name].format_help()
        assert "default 0 = all cores" in " ".join(help_text.split())
    import re

    scale = (ROOT / "docs" / "scale.md").read_text("utf-8")
    said = re.findall(r"`--workers (\d+)` \(the default\)", scale)
    assert said == ["0"], f"docs/scale.md names the default of --workers as {said}"


def test_integrity_after_attacks(tmp_path):
    from communique.cli import main

    lines, _ = broken_records()
    src = tmp_path / "records.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    main(["ingest", str(src), "--records", "--db", str(tmp_path / "e.db"), "--no-progress"])
    db = sqlite3.connect(tmp_path / "e.db")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


# -- 8. killing the parent of --workers N ------------------------------------------

POOL_SCRIPT = '''
import os, sys, time
from communique.parallel import _Pool


def batch(articles):
    if any(a.get("sleep") for a in articles):
        time.sleep(120)  # keep the worker busy: it must die with its parent all the same
    return [{"id": a["id"], "pid": os.getpid()} for a in articles]


def factory():
    return batch


if __name__ == "__main__":
    pool = _Pool(2, 16, 8, factory)
    chunks = iter([[{"id": "a"}], [{"id": "b"}], [{"id": "s1", "sleep": 1}],
                   [{"id": "s2", "sleep": 1}]])
    for rec in pool.run(chunks):
        print(rec["pid"], flush=True)
'''


def test_killing_the_parent_of_a_pool_ends_its_workers(tmp_path):
    psutil = pytest.importorskip("psutil")
    import signal
    import time

    script = tmp_path / "pool.py"
    script.write_text(POOL_SCRIPT, "utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE,
                              text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        parent.stdout.readline()  # the pool is up and coding
        workers = [c for c in psutil.Process(parent.pid).children()
                   if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
        assert workers, "the pool started no worker processes"
    finally:
        parent.send_signal(signal.SIGKILL)  # no cleanup code runs in the parent
        parent.wait(30)
    gone, alive = psutil.wait_procs(workers, timeout=60)
    assert not alive, f"workers outlived their parent: {[p.pid for p in alive]}"
