"""The command line, run as a user runs it: a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique.schema import validate

ROOT = Path(__file__).resolve().parent.parent


def run(*args, stdin: bytes | None = None, cwd=None):
    return subprocess.run([sys.executable, "-m", "communique", *args], input=stdin,
                          capture_output=True, cwd=cwd or ROOT, timeout=600)


def test_version():
    from communique import __version__

    r = run("--version")
    assert r.returncode == 0
    assert r.stdout.decode().strip() == f"communique {__version__}"


def test_every_command_has_help_with_examples():
    from communique.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert {"code", "eval"} <= set(sub.choices)
    for name, p in sub.choices.items():
        text = p.format_help()
        assert "usage:" in text
        if not p.get_default("func").__name__ == "<lambda>":  # a missing-extra placeholder
            assert "examples:" in text, f"`communique {name} --help` shows no examples"


def test_code_example_folder_jsonl_validates(tmp_path):
    out = tmp_path / "out.jsonl"
    r = run("code", "examples/", "--published", "2022-10-03", "--format", "jsonl", "--output", str(out))
    assert r.returncode == 0, r.stderr.decode()
    records = [json.loads(line) for line in out.read_text().splitlines()]
    given = {}  # JSONL articles carry their own publication date; --published fills the rest
    for path in (ROOT / "examples").glob("*.jsonl"):
        given.update({a["id"]: a["published"] for a in map(json.loads, path.read_text().splitlines())})
    assert len(records) == len(list((ROOT / "examples").glob("*.txt"))) + len(given) >= 4
    for rec in records:
        validate(rec)
        assert rec["published"] == given.get(rec["id"], "2022-10-03")
        assert rec["actors"] and rec["events"] and rec["quotes"]


def test_table_format_shows_actors_events_quotes():
    r = run("code", "examples/", "--published", "2022-10-03", "--format", "table")
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    for heading in ("ACTORS", "EVENTS", "QUOTES"):
        assert heading in out
    assert "IRNGOV" in out and "AZEGOV" in out


def test_stdin_and_json_format():
    r = run("code", "-", "--format", "json", "--published", "2022-10-03",
            stdin=b"Russian troops shelled the city of Kharkiv on Sunday, killing three civilians.")
    assert r.returncode == 0, r.stderr.decode()
    [rec] = json.loads(r.stdout)
    validate(rec)
    assert rec["id"].startswith("sha1:")


def test_failed_articles_are_error_records_and_exit_1(tmp_path):
    (tmp_path / "a.txt").write_text("Turkey and Syria signed a trade agreement in Ankara.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary junk\x00")
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "Protesters marched in Tehran."}\n{broken\n')
    r = run("code", str(tmp_path), "--format", "jsonl")
    assert r.returncode == 1
    records = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert [x["id"] for x in records] == ["a", "b", "c1", "c.jsonl:2"]
    for rec in records:
        validate(rec)
    assert "error" in records[1] and "binary" in records[1]["error"]["message"]
    assert "line 2 of c.jsonl" in records[3]["error"]["message"]
    assert "2 of 4 articles failed" in r.stderr.decode()


def test_bad_published_option_is_a_usage_error():
    r = run("code", "examples/", "--published", "last week")
    assert r.returncode == 2
    assert "YYYY-MM-DD" in r.stderr.decode()


@pytest.mark.parametrize("args", [["eval"], []])
def test_commands_without_what_they_need_explain(args):
    r = run(*args)
    assert r.returncode == 2


def test_progress_total_is_known_only_for_one_article_files(tmp_path):
    from communique.cli_coding import known_total

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.html").write_text("<p>x</p>")
    assert known_total([str(tmp_path)]) == 2
    (tmp_path / "c.jsonl").write_text("{}\n")
    assert known_total([str(tmp_path)]) is None
    assert known_total(["-"]) is None


def test_no_publication_date_leaves_relative_dates_empty_and_says_so_once(tmp_path):
    (tmp_path / "a.txt").write_text("Russian troops shelled Kharkiv on Sunday, killing three civilians.")
    (tmp_path / "b.txt").write_text("Protesters marched in Tehran last week against the government.")
    r = run("code", str(tmp_path), "--format", "jsonl", "--no-progress")
    assert r.returncode == 0, r.stderr.decode()
    err = r.stderr.decode()
    assert err.count("--published YYYY-MM-DD") == 1, err
    assert "relative dates such as 'on Sunday' stay empty" in err
    records = [json.loads(x) for x in r.stdout.decode().splitlines()]
    dated = [e for rec in records for e in rec["events"] if e["date_text"]]
    assert dated and all(e["date"] is None for e in dated)

    r = run("code", str(tmp_path), "--format", "table", "--no-progress")
    assert "- (unresolved)" in r.stdout.decode()

    r = run("code", str(tmp_path), "--format", "jsonl", "--no-progress", "--published", "2022-10-03")
    assert "--published" not in r.stderr.decode()
    records = [json.loads(x) for x in r.stdout.decode().splitlines()]
    sunday = next(e for e in records[0]["events"] if e["date_text"] == "on Sunday")
    assert sunday["date"] == "2022-10-02"  # the Sunday before Monday 3 October 2022


def test_table_marks_a_stand_in_date_as_the_report_date():
    from communique.table import event_date

    assert event_date({"date": "2022-10-02", "date_text": "on Sunday", "date_precision": "day"}) \
        == "2022-10-02 (day)"
    assert event_date({"date": "2022-10-03", "date_text": None, "date_precision": "unknown"}) \
        == "2022-10-03 (report date)"
    assert event_date({"date": None, "date_text": "on Sunday", "date_precision": "unknown"}) \
        == "- (unresolved)"
    assert event_date({"date": None, "date_text": None, "date_precision": "unknown"}) == "-"


def test_actors_option_codes_with_the_users_actors_and_names_a_typo(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Marlo Quince met the envoy in Nairobi on Monday.", encoding="utf-8")
    good = tmp_path / "actors.yaml"
    good.write_text("- name: Marlo Quince\n  country: KEN\n  sector: GOV\n", encoding="utf-8")
    r = run("code", str(article), "--published", "2024-03-04", "--format", "jsonl", "--actors", str(good))
    assert r.returncode == 0, r.stderr.decode()
    actors = json.loads(r.stdout.decode().splitlines()[0])["actors"]
    assert any((a["name"], a["country"], a["sector"]) == ("Marlo Quince", "KEN", "GOV") for a in actors)
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: Marlo Quince\n  contry: KEN\n", encoding="utf-8")
    r = run("code", str(article), "--actors", str(bad))
    assert r.returncode != 0
    assert f"{bad}, line 1" in r.stderr.decode() and "unknown key `contry`" in r.stderr.decode()


def test_actors_option_adds_generic_agents_and_names_a_typo_in_one(tmp_path):
    """Issue 12: a user's --actors file can add agent words with their sector; a typo in
    such an entry is an error naming the file and the line."""
    article = tmp_path / "a.txt"
    article.write_text("NAKURU, Kenya - Bikers attacked a police station on Sunday.", encoding="utf-8")
    good = tmp_path / "actors.yaml"
    good.write_text("- name: biker\n  aliases: [bikers]\n  generic: true\n  sector: CRM\n",
                    encoding="utf-8")
    r = run("code", str(article), "--published", "2024-03-04", "--format", "jsonl", "--actors", str(good))
    assert r.returncode == 0, r.stderr.decode()
    actors = json.loads(r.stdout.decode().splitlines()[0])["actors"]
    bikers = [a for a in actors if a["mentions"][0]["text"] == "Bikers"]
    assert [(a["sector"], a["country"]) for a in bikers] == [("CRM", "KEN")]
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: Marlo Quince\n  country: KEN\n- name: biker\n  generic: true\n  sectr: CRM\n",
                   encoding="utf-8")
    r = run("code", str(article), "--actors", str(bad))
    assert r.returncode != 0
    assert f"{bad}, line 3" in r.stderr.decode() and "unknown key `sectr`" in r.stderr.decode()
