"""The event store on real SQLite files: idempotence, resume after a kill, dedupe, filters."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communique.record import Record
from communique.store import IngestStats, Store, StoreError

ROOT = Path(__file__).resolve().parents[1]


# -- hand-made schema-v1 records, from real sentences -------------------------
# Offsets are computed from the text, so every span is a valid slice.

def _span(text: str, needle: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def _sentence(text: str, pos: int) -> dict:
    start = max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1, 0)
    if start == 1:
        start = 0
    end = text.find(". ", pos)
    end = len(text) if end < 0 else end + 1
    return {"start": start, "end": end}


def make_record(id, text, *, published, actors, events, title=None, url=None,
                quotes=(), places=()):
    """A schema-v1 record dict. ``actors``: (name, kind, country, sector, role, [mentions]);
    ``events``: dicts with ``trigger`` (a substring), ``actor``/``recipient`` (actor names)."""
    acts = []
    ids = {}
    for i, (name, kind, country, sector, role, mentions) in enumerate(actors, 1):
        ids[name] = f"A{i}"
        acts.append({"id": f"A{i}", "name": name, "kind": kind, "country": country,
                     "sector": sector, "role": role,
                     "code": (country + (sector or "")) if country else None,
                     "mentions": [_span(text, m) for m in mentions]})
    evs = []
    for i, e in enumerate(events, 1):
        trig = _span(text, e["trigger"])
        ev = {"id": f"E{i}", "type": e["type"], "mode": e.get("mode"),
              "contexts": e.get("contexts", []), "cameo": e.get("cameo"),
              "quad_class": e.get("quad_class"), "goldstein": e.get("goldstein"),
              "plover_score": e.get("plover_score"),
              "actor": [ids[n] for n in e.get("actor", [])],
              "recipient": [ids[n] for n in e.get("recipient", [])],
              "date": e.get("date", published), "date_text": e.get("date_text"),
              "date_precision": e.get("date_precision", "day"),
              "location": e.get("location"), "fatalities": e.get("fatalities"),
              "injured": e.get("injured"), "modality": e.get("modality", "asserted"),
              "negated": e.get("negated", False), "trigger": trig,
              "sentence": _sentence(text, trig["start"]),
              "confidence": e.get("confidence", 0.8)}
        evs.append(ev)
    qs = []
    for i, (qtext, kind, cue, speaker, speaker_text) in enumerate(quotes, 1):
        sp = _span(text, qtext)
        qs.append({"id": f"Q{i}", "kind": kind, "text": qtext, "start": sp["start"],
                   "end": sp["end"], "cue": cue, "speaker": ids.get(speaker),
                   "speaker_mention": _span(text, speaker_text) if speaker_text else None})
    pls = [{"name": n, "country": c, "lat": lat, "lon": lon, "precision": prec,
            "mentions": [_span(text, n)]} for n, c, lat, lon, prec in places]
    return {"schema": 1, "id": id, "title": title, "url": url, "published": published,
            "text": text, "actors": acts, "events": evs, "quotes": qs, "places": pls}


BAKU = {"name": "Baku", "country": "AZE", "lat": 40.38, "lon": 49.89, "precision": "city"}
JERMUK = {"name": "Jermuk", "country": "ARM", "lat": 39.84, "lon": 45.67, "precision": "city"}
YEREVAN = {"name": "Yerevan", "country": "ARM", "lat": 40.18, "lon": 44.51, "precision": "city"}
CONSULT = {"type": "CONSULT", "mode": "phone", "contexts": ["diplomatic"], "cameo": "041",
           "quad_class": 1, "goldstein": 1.0, "plover_score": 1.5}
ASSAULT = {"type": "ASSAULT", "mode": "firearms", "contexts": ["military", "territory"],
           "cameo": "194", "quad_class": 4, "goldstein": -10.0, "plover_score": -10.0}
ABDOLLAHIAN = ("Hossein Amir Abdollahian", "person", "IRN", "GOV", "Foreign Minister",
               ["Hossein Amir Abdollahian"])
BAYRAMOV = ("Jeyhun Bayramov", "person", "AZE", "GOV", "Foreign Minister", ["Jeyhun Bayramov"])


def corpus() -> list[dict]:
    """Eight articles: three report one phone call, one a negated attack, one an error."""
    t1 = ("Iran FM talks to Azeri counterpart\n"
          "Foreign Minister Hossein Amir Abdollahian held a telephone call with Jeyhun "
          "Bayramov on Sunday evening. \"We regard the regional security to be a contiguous "
          "category,\" he noted.")
    r1 = make_record(
        "tehrantimes-476904", t1, title="Iran FM talks to Azeri counterpart",
        url="https://www.tehrantimes.com/news/476904/Iran-FM-talks-to-Azeri-counterpart",
        published="2022-10-03", actors=[ABDOLLAHIAN, BAYRAMOV],
        events=[{**CONSULT, "trigger": "telephone call", "actor": ["Hossein Amir Abdollahian"],
                 "recipient": ["Jeyhun Bayramov"], "date": "2022-10-02",
                 "date_text": "on Sunday evening"}],
        quotes=[("We regard the regional security to be a contiguous category,", "direct",
                 "noted", "Hossein Amir Abdollahian", "he")])
    t2 = ("Iran's top diplomat Hossein Amir Abdollahian discussed regional security with "
          "Azerbaijan's Jeyhun Bayramov in a phone call on Sunday, the ministry in Baku said.")
    r2 = make_record(
        "apa-1", t2, url="https://apa.az/en/foreign-policy/iran-azerbaijan-call-1",
        published="2022-10-03", actors=[ABDOLLAHIAN, BAYRAMOV],
        events=[{**CONSULT, "trigger": "phone call", "actor": ["Hossein Amir Abdollahian"],
                 "recipient": ["Jeyhun Bayramov"], "date": "2022-10-02", "location": BAKU}],
        places=[("Baku", "AZE", 40.38, 49.89, "city")])
    # Same call, no location and a second paper from the first source.
    t3 = ("Amir Abdollahian and Bayramov discussed the South Caucasus by telephone on "
          "Sunday, Iran's foreign ministry said.")
    r3 = make_record(
        "tehrantimes-476950", t3,
        url="https://www.tehrantimes.com/news/476950/ministers-discuss-caucasus",
        published="2022-10-03",
        actors=[("Hossein Amir Abdollahian", "person", "IRN", "GOV", None, ["Amir Abdollahian"]),
                ("Jeyhun Bayramov", "person", "AZE", "GOV", None, ["Bayramov"])],
        events=[{**CONSULT, "trigger": "discussed", "actor": ["Hossein Amir Abdollahian"],
                 "recipient": ["Jeyhun Bayramov"], "date": "2022-10-02",
                 "location": BAKU}])
    # r2 and r3 share a location; r1 has none: r1 is its own cluster.
    t4 = ("Azerbaijani forces shelled Armenian border villages near Jermuk on Tuesday, "
          "killing 49 Armenian soldiers, Armenia's defence ministry said.")
    r4 = make_record(
        "azatutyun-32031000", t4, url="https://www.azatutyun.am/a/32031000.html",
        published="2022-09-13",
        actors=[("Azerbaijani forces", "group", "AZE", "MIL", None, ["Azerbaijani forces"]),
                ("Armenia", "country", "ARM", None, None, ["Armenian border villages"])],
        events=[{**ASSAULT, "trigger": "shelled", "actor": ["Azerbaijani forces"],
                 "recipient": ["Armenia"], "date": "2022-09-13", "date_text": "on Tuesday",
                 "location": JERMUK, "fatalities": 49}],
        places=[("Jermuk", "ARM", 39.84, 45.67, "city")])
    t5 = ("Armenia's defence ministry denied that its troops had shelled Azerbaijani "
          "positions near Lachin on Tuesday.")
    r5 = make_record(
        "azatutyun-32031001", t5, url="https://www.azatutyun.am/a/32031001.html",
        published="2022-09-13",
        actors=[("Armenian troops", "group", "ARM", "MIL", None, ["its troops"]),
                ("Azerbaijan", "country", "AZE", "MIL", None, ["Azerbaijani positions"])],
        events=[{**ASSAULT, "trigger": "shelled", "actor": ["Armenian troops"],
                 "recipient": ["Azerbaijan"], "date": "2022-09-13", "negated": True}])
    t6 = ("Armenian Prime Minister Nikol Pashinyan accused Azerbaijan of aggression against "
          "Armenia's sovereign territory in a speech to parliament in Yerevan.")
    r6 = make_record(
        "armenpress-1093000", t6, url="https://armenpress.am/eng/news/1093000",
        published="2022-09-14",
        actors=[("Nikol Pashinyan", "person", "ARM", "GOV", "Prime Minister",
                 ["Nikol Pashinyan"]),
                ("Azerbaijan", "country", "AZE", None, None, ["Azerbaijan"])],
        events=[{"type": "ACCUSE", "mode": "disapprove", "contexts": ["territory"],
                 "cameo": "112", "quad_class": 3, "goldstein": -2.0, "plover_score": -3.0,
                 "trigger": "accused", "actor": ["Nikol Pashinyan"], "recipient": ["Azerbaijan"],
                 "date": "2022-09-14", "location": YEREVAN}],
        places=[("Yerevan", "ARM", 40.18, 44.51, "city")])
    t7 = ("Thousands of protesters rallied in Yerevan on Wednesday, demanding the "
          "resignation of Prime Minister Nikol Pashinyan over the ceasefire.")
    r7 = make_record(
        "azatutyun-32050000", t7, url="https://www.azatutyun.am/a/32050000.html",
        published="2022-09-21",
        actors=[("protesters", "group", "ARM", "CVL", None, ["protesters"]),
                ("Nikol Pashinyan", "person", "ARM", "GOV", "Prime Minister",
                 ["Nikol Pashinyan"])],
        events=[{"type": "PROTEST", "mode": "demo", "contexts": ["political"], "cameo": "141",
                 "quad_class": 3, "goldstein": -6.5, "plover_score": -5.0,
                 "trigger": "rallied", "actor": ["protesters"], "recipient": ["Nikol Pashinyan"],
                 "date": "2022-09-21", "location": YEREVAN}])
    t8 = ("Bayramov praised Iran's position on the territorial integrity of Azerbaijan "
          "during the call.")
    r8 = make_record(
        "trend-3651000", t8, url="https://en.trend.az/azerbaijan/politics/3651000.html",
        published="2022-10-03",
        actors=[BAYRAMOV[:5] + (["Bayramov"],), ("Iran", "country", "IRN", None, None, ["Iran"])],
        events=[{"type": "SUPPORT", "mode": "praise", "contexts": ["diplomatic"],
                 "cameo": "051", "quad_class": 1, "goldstein": 3.4, "plover_score": 3.0,
                 "trigger": "praised", "actor": ["Jeyhun Bayramov"], "recipient": ["Iran"],
                 "date": "2022-10-02"}])
    err = {"schema": 1, "id": "broken.html", "error": {"stage": "read",
                                                        "message": "broken.html: empty text"}}
    return [r1, r2, r3, r4, r5, r6, r7, r8, err]


def table_counts(path: Path) -> dict[str, int]:
    db = sqlite3.connect(path)
    try:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "actors", "events", "event_actors", "event_clusters",
                          "quotes", "places", "ingest_errors")}
    finally:
        db.close()


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "events.db")
    s.add(corpus())
    yield s
    s.close()


# -- the file -------------------------------------------------------------------

def test_new_store_is_wal_with_recorded_migrations(tmp_path):
    path = tmp_path / "new.db"
    with Store(path) as s:
        assert [m["version"] for m in s.migrations()] == [1, 2]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "articles_fts", "actors", "events", "event_clusters", "quotes",
            "places", "ingest_errors", "migrations"} <= names
    db.close()
    with Store(path) as s:  # reopening applies nothing twice
        assert len(s.migrations()) == 2


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO migrations VALUES (99, 'from the future', '2030-01-01')")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="upgrade communique"):
        Store(path)


def test_readonly_store_refuses_writes_and_missing_files(tmp_path, store):
    with pytest.raises(StoreError, match="communique ingest"):
        Store(tmp_path / "missing.db", readonly=True)
    ro = Store(store.path, readonly=True)
    assert ro.count_articles() == 8
    with pytest.raises(StoreError, match="read-only"):
        ro.add(corpus())
    ro.close()


# -- ingest ---------------------------------------------------------------------

def test_add_counts(tmp_path):
    with Store(tmp_path / "e.db") as s:
        stats = s.add(corpus(), batch_size=3)
        assert stats == IngestStats(articles_added=8, articles_skipped=0, events_added=8,
                                    errors_added=1, errors=1, batches=3)
        assert s.errors()[0]["id"] == "broken.html"
        assert s.errors()[0]["stage"] == "read"


def test_reingest_changes_nothing(tmp_path):
    path = tmp_path / "e.db"
    with Store(path) as s:
        s.add(corpus())
    before = table_counts(path)
    with Store(path) as s:
        stats = s.add(corpus())
    assert stats.articles_added == 0 and stats.articles_skipped == 8
    assert stats.errors_added == 0
    assert table_counts(path) == before


def test_same_text_under_another_id_is_skipped(tmp_path):
    r = corpus()[0]
    copy = json.loads(json.dumps(r))
    copy["id"] = "mirror-of-476904"
    copy["url"] = "https://mirror.example.org/476904"
    with Store(tmp_path / "e.db") as s:
        assert s.add([r, copy]).articles_skipped == 1
        assert s.count_articles() == 1
        assert s.has_article(text=r["text"])
        assert s.has_article(id="tehrantimes-476904")
        assert not s.has_article(id="mirror-of-476904", text="other text")


def test_record_round_trips(store):
    for original in corpus()[:8]:
        rebuilt = store.record(original["id"])
        assert rebuilt == Record.from_dict(original).to_dict()
    assert store.record("no-such-article") is None


def test_bad_record_becomes_an_error_and_the_batch_goes_on(tmp_path):
    good = corpus()[0]
    dangling = json.loads(json.dumps(corpus()[3]))
    dangling["events"][0]["actor"] = ["A9"]
    no_trigger = json.loads(json.dumps(corpus()[5]))
    del no_trigger["events"][0]["trigger"]
    old = dict(corpus()[6], schema=0)
    with Store(tmp_path / "e.db") as s:
        stats = s.add([dangling, good, no_trigger, old])
        assert stats.articles_added == 1 and stats.errors_added == 3
        errs = {e["id"]: e for e in s.errors()}
        assert "A9" in errs["azatutyun-32031000"]["message"]
        assert "trigger" in errs["armenpress-1093000"]["message"]
        assert "schema" in errs["azatutyun-32050000"]["message"]
        assert all(e["stage"] == "store" for e in errs.values())
        # Nothing half-written: the rejected articles left no rows behind.
        assert s.count_articles() == 1 and s.stats()["actors"] == 2
        # Once it is fixed, the article goes in and its error is cleared.
        s.add([corpus()[3]])
        assert "azatutyun-32031000" not in {e["id"] for e in s.errors()}


def test_record_breaking_a_constraint_is_refused_alone(tmp_path):
    twice = json.loads(json.dumps(corpus()[0]))
    twice["quotes"].append(dict(twice["quotes"][0]))  # two quotes "Q1": UNIQUE fails in SQL
    same_actor = json.loads(json.dumps(corpus()[1]))
    same_actor["actors"][1]["id"] = "A1"
    with Store(tmp_path / "e.db") as s:
        stats = s.add([corpus()[2], twice, same_actor, corpus()[3]])
        assert (stats.articles_added, stats.errors_added) == (2, 2)
        errs = {e["id"]: e["message"] for e in s.errors()}
        assert "constraints" in errs["tehrantimes-476904"]
        assert "'A1' appears twice" in errs["apa-1"]
        assert sorted(a["id"] for a in s.articles()) == ["azatutyun-32031000",
                                                        "tehrantimes-476950"]
        assert s.stats()["quotes"] == 0 and s.stats()["events"] == 2


# -- resume after a kill ----------------------------------------------------------

RUNNER = """
import json, sys, time
from communique.store import Store

def records(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            time.sleep(0.002)  # coding takes time; give the test a window to kill us
            yield json.loads(line)

with Store(sys.argv[2]) as s:
    print(s.add(records(sys.argv[1]), batch_size=25).to_dict(), flush=True)
"""


def many_records(n: int) -> list[dict]:
    """n distinct articles: the corpus repeated, with ids, texts and dates shifted."""
    base = corpus()[:8]
    out = []
    for i in range(n):
        r = json.loads(json.dumps(base[i % len(base)]))
        r["id"] = f"{r['id']}-copy{i}"
        # Append a distinct sentence so the content hash differs too.
        r["text"] += f"\nReport {i}."
        out.append(r)
    return out


def _kill_once_stored(proc, db, at_least: int, timeout: float = 60) -> None:
    """SIGKILL ``proc`` as soon as the store holds ``at_least`` articles (or it ended)."""
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.02)
        if not db.exists():
            continue
        try:
            c = sqlite3.connect(db, timeout=1)
            stored = c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            c.close()
        except sqlite3.OperationalError:
            continue
        if stored >= at_least:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_killed_ingest_resumes_with_nothing_lost_or_doubled(tmp_path):
    n = 1200
    src = tmp_path / "records.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in many_records(n)), encoding="utf-8")
    db = tmp_path / "events.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", RUNNER, str(src), str(db)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Kill it once some batches are committed but well before the end.
    _kill_once_stored(proc, db, 100)
    assert proc.returncode == -signal.SIGKILL
    partial = table_counts(db)["articles"]
    assert 100 <= partial < n, "the kill must land mid-run for this test to mean anything"

    out = subprocess.run([sys.executable, "-c", RUNNER, str(src), str(db)], env=env,
                         capture_output=True, text=True, check=True)
    stats = eval(out.stdout)  # a dict literal printed by the runner
    assert stats["articles_added"] == n - partial
    assert stats["articles_skipped"] == partial
    counts = table_counts(db)
    assert counts["articles"] == n
    assert counts["events"] == n  # one event per article in the corpus
    c = sqlite3.connect(db)
    assert c.execute("SELECT COUNT(DISTINCT id) FROM articles").fetchone()[0] == n
    ids = {r[0] for r in c.execute("SELECT id FROM articles")}
    assert ids == {r["id"] for r in many_records(n)}
    # Cluster counts are exact after the resume: the corpus's phone call (articles
    # 2 and 3 of every 8) is one cluster with 2 * n/8 articles.
    row = c.execute("SELECT num_articles, num_mentions, num_sources FROM event_clusters "
                    "WHERE type='CONSULT' AND location_country='AZE'").fetchone()
    assert row == (2 * n // 8, 2 * n // 8, 2)
    c.close()


# -- dedupe -------------------------------------------------------------------------

def test_same_event_from_several_articles_is_one_cluster(store):
    # r2 (apa.az) and r3 (tehrantimes.com): same type, IRNGOV -> AZEGOV, date, location AZE.
    [call] = [c for c in store.query_clusters(type="CONSULT")
              if c["location_country"] == "AZE"]
    assert call["num_articles"] == 2 and call["num_mentions"] == 2 and call["num_sources"] == 2
    full = store.get_cluster(call["id"])
    assert {m["article_id"] for m in full["mentions"]} == {"apa-1", "tehrantimes-476950"}
    triggers = {m["article_id"]: m["trigger"]["text"] for m in full["mentions"]}
    assert triggers == {"apa-1": "phone call", "tehrantimes-476950": "discussed"}
    # r1 has no location: the same call, but the rule keeps it apart.
    assert store.count_clusters(type="CONSULT") == 2
    # The per-article events stay queryable, also by their cluster.
    assert store.count_events(type="CONSULT") == 3
    assert ids(store.query_events(cluster_id=call["id"])) == ["apa-1", "tehrantimes-476950"]


def test_sources_count_publishers_not_articles(tmp_path):
    base = corpus()[2]  # tehrantimes.com, CONSULT IRNGOV -> AZEGOV at Baku
    a = json.loads(json.dumps(base))
    b = json.loads(json.dumps(base))
    b["id"], b["text"] = "tehrantimes-2", base["text"] + " More."
    b["url"] = "https://tehrantimes.com/news/2"  # no www.: still the same publisher
    with Store(tmp_path / "e.db") as s:
        s.add([a, b])
        [c] = s.query_clusters()
        assert (c["num_mentions"], c["num_articles"], c["num_sources"]) == (2, 2, 1)


def test_two_mentions_in_one_article_count_once_as_article(tmp_path):
    text = ("Azerbaijani forces shelled Armenian villages near Jermuk on Tuesday. "
            "The shelling of the villages went on for hours.")
    r = make_record("one", text, published="2022-09-13",
                    actors=[("Azerbaijani forces", "group", "AZE", "MIL", None,
                             ["Azerbaijani forces"]),
                            ("Armenia", "country", "ARM", None, None, ["Armenian villages"])],
                    events=[{**ASSAULT, "trigger": "shelled", "actor": ["Azerbaijani forces"],
                             "recipient": ["Armenia"]},
                            {**ASSAULT, "trigger": "shelling", "actor": ["Azerbaijani forces"],
                             "recipient": ["Armenia"]}])
    with Store(tmp_path / "e.db") as s:
        s.add([r])
        [c] = s.query_clusters()
        assert (c["num_mentions"], c["num_articles"], c["num_sources"]) == (2, 1, 1)


def test_get_event_has_sentence_and_cluster(store):
    [e] = store.query_events(article_id="apa-1")
    full = store.get_event(e["id"])
    assert full["sentence"]["text"].startswith("Iran's top diplomat")
    assert full["trigger"]["text"] == "phone call"
    assert full["cluster"]["num_articles"] == 2
    assert len(full["cluster"]["mentions"]) == 2
    assert store.get_event(10**9) is None


# -- filters --------------------------------------------------------------------------

def ids(rows):
    return sorted(r["article_id"] for r in rows)


@pytest.mark.parametrize("filters, expected", [
    ({}, ["apa-1", "armenpress-1093000", "azatutyun-32031000", "azatutyun-32050000",
          "tehrantimes-476904", "tehrantimes-476950", "trend-3651000"]),
    ({"actor_country": "IRN"}, ["apa-1", "tehrantimes-476904", "tehrantimes-476950"]),
    ({"actor_country": "arm"}, ["armenpress-1093000", "azatutyun-32050000"]),
    ({"actor_country": ["ARM", "AZE"]}, ["armenpress-1093000", "azatutyun-32031000",
                                         "azatutyun-32050000", "trend-3651000"]),
    ({"recipient_country": "IRN"}, ["trend-3651000"]),
    ({"actor_sector": "MIL"}, ["azatutyun-32031000"]),
    ({"actor_country": "ARM", "actor_sector": "CVL"}, ["azatutyun-32050000"]),
    ({"actor_country": "ARM", "actor_sector": "MIL"}, []),  # negated one is hidden
    ({"recipient_sector": "GOV"}, ["apa-1", "azatutyun-32050000", "tehrantimes-476904",
                                   "tehrantimes-476950"]),
    ({"actor_name": "abdollahian"}, ["apa-1", "tehrantimes-476904", "tehrantimes-476950"]),
    ({"recipient_name": "Pashinyan"}, ["azatutyun-32050000"]),
    ({"actor_name": "100%_"}, []),  # LIKE wildcards in a name are literal
    ({"country": "IRN"}, ["apa-1", "tehrantimes-476904", "tehrantimes-476950",
                          "trend-3651000"]),
    ({"type": "ASSAULT"}, ["azatutyun-32031000"]),
    ({"type": ["accuse", "PROTEST"]}, ["armenpress-1093000", "azatutyun-32050000"]),
    ({"mode": "phone"}, ["apa-1", "tehrantimes-476904", "tehrantimes-476950"]),
    ({"quad_class": 3}, ["armenpress-1093000", "azatutyun-32050000"]),
    ({"quad_class": [1, 4]}, ["apa-1", "azatutyun-32031000", "tehrantimes-476904",
                              "tehrantimes-476950", "trend-3651000"]),
    ({"context": "territory"}, ["armenpress-1093000", "azatutyun-32031000"]),
    ({"modality": "future"}, []),
    ({"modality": ["asserted", "future"]}, ["apa-1", "armenpress-1093000", "azatutyun-32031000",
                                            "azatutyun-32050000", "tehrantimes-476904",
                                            "tehrantimes-476950", "trend-3651000"]),
    ({"date_from": "2022-10-01"}, ["apa-1", "tehrantimes-476904", "tehrantimes-476950",
                                   "trend-3651000"]),
    ({"date_to": "2022-09-14"}, ["armenpress-1093000", "azatutyun-32031000"]),
    ({"date_from": "2022-09-14", "date_to": "2022-09-30"}, ["armenpress-1093000",
                                                            "azatutyun-32050000"]),
    ({"text": "ceasefire"}, ["azatutyun-32050000"]),
    ({"text": '"regional security"'}, ["apa-1", "tehrantimes-476904"]),
    ({"text": "Caucasus OR Jermuk"}, ["azatutyun-32031000", "tehrantimes-476950"]),
    ({"text": "Azeri"}, ["tehrantimes-476904"]),  # the title is indexed too
    ({"include_negated": True, "actor_sector": "MIL"}, ["azatutyun-32031000",
                                                        "azatutyun-32031001"]),
    ({"article_id": "trend-3651000"}, ["trend-3651000"]),
    ({"actor_country": "IRN", "type": "SUPPORT"}, []),
])
def test_event_filters(store, filters, expected):
    rows = store.query_events(limit=None, **filters)
    assert ids(rows) == expected
    assert store.count_events(**filters) == len(expected)


def test_negated_events_are_flagged_when_included(store):
    negated = [r for r in store.query_events(include_negated=True, limit=None) if r["negated"]]
    assert [e["article_id"] for e in negated] == ["azatutyun-32031001"]
    assert store.count_events() == 7 and store.count_events(include_negated=True) == 8


def test_event_dicts_resolve_actors(store):
    [e] = store.query_events(type="ACCUSE")
    assert e["actor"][0]["name"] == "Nikol Pashinyan"
    assert e["actor"][0]["code"] == "ARMGOV"
    assert e["recipient"][0]["country"] == "AZE"
    assert e["location"]["name"] == "Yerevan"
    assert e["source"] == "armenpress.am"
    text = store.record(e["article_id"])["text"]
    assert text[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"] == "accused"


def test_limit_offset_and_order(store):
    everything = store.query_events(limit=None)
    assert [e["date"] for e in everything] == sorted(e["date"] for e in everything)
    assert store.query_events(limit=2, offset=1) == everything[1:3]
    paged = list(store.iter_events(batch_size=3))
    assert sorted(e["id"] for e in paged) == sorted(e["id"] for e in everything)


def test_bad_filters_say_what_to_do(store):
    with pytest.raises(TypeError, match="known:"):
        store.query_events(actor="IRN")
    with pytest.raises(ValueError, match="FTS5"):
        store.query_events(text='"unbalanced')


def test_actors_are_grouped_across_articles(store):
    rows = store.actors(country="IRN")
    top = rows[0]
    assert top["name"] == "Hossein Amir Abdollahian"
    assert top["num_articles"] == 3 and top["num_events"] == 3
    assert [r["name"] for r in store.actors(name="pashin")] == ["Nikol Pashinyan"]
    assert store.actors(sector="CVL")[0]["name"] == "protesters"


def test_articles_and_stats(store):
    assert store.count_articles() == 8
    assert store.count_articles(text="Lachin") == 1
    [a] = store.articles(text="Lachin")
    assert a["id"] == "azatutyun-32031001" and a["num_events"] == 1
    st = store.stats()
    assert st["articles"] == 8 and st["events"] == 8 and st["ingest_errors"] == 1
    assert st["date_min"] == "2022-09-13" and st["date_max"] == "2022-10-02"


def test_execute_is_read_only(store):
    assert store.execute("SELECT COUNT(*) FROM events")[0][0] == 8
    with pytest.raises(StoreError):
        store.execute("DELETE FROM events")
    with pytest.raises(sqlite3.OperationalError):
        store.execute("WITH x AS (SELECT 1) DELETE FROM events")
    assert store.count_events(include_negated=True) == 8


# -- the commands -----------------------------------------------------------------

def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_ingest_records_command_is_idempotent(tmp_path, capsys):
    from communique.cli import main

    src = write_jsonl(tmp_path / "records.jsonl", corpus())
    with src.open("a") as f:
        f.write("{not json\n")
    db = tmp_path / "events.db"
    # Exit 1: some inputs failed (the error record and the bad line), the rest is stored.
    assert main(["ingest", str(src), "--records", "--db", str(db), "--no-progress"]) == 1
    assert "8 articles added (8 events), 0 already stored, 2 failed" in capsys.readouterr().err
    before = table_counts(db)
    assert before["articles"] == 8 and before["ingest_errors"] == 2
    main(["ingest", str(src), "--records", "--db", str(db), "--no-progress"])
    assert "0 articles added (0 events), 8 already stored" in capsys.readouterr().err
    assert table_counts(db) == before
    with Store(db) as s:
        assert any("line 10" in e["message"] and "invalid JSON" in e["message"] for e in s.errors())


def test_query_command(tmp_path, capsys):
    from communique.cli import main

    db = tmp_path / "events.db"
    with Store(db) as s:
        s.add(corpus())
    assert main(["query", "--db", str(db), "--actor-country", "IRN", "--recipient-country",
                 "AZE", "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert sorted(r["article_id"] for r in rows) == ["apa-1", "tehrantimes-476904",
                                                     "tehrantimes-476950"]
    main(["query", "--db", str(db), "--type", "ASSAULT", "--include-negated", "--format", "table"])
    out = capsys.readouterr().out
    assert "ASSAULT (negated)" in out and "Azerbaijani forces (AZEMIL)" in out
    out_file = tmp_path / "q.json"
    main(["query", "--db", str(db), "--text", "Lachin", "--include-negated", "--format", "json",
          "--output", str(out_file)])
    assert [e["article_id"] for e in json.loads(out_file.read_text())] == ["azatutyun-32031001"]
    main(["query", "--db", str(db), "--summary", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["totals"]["events"] == 6
    # The summary takes the filters too: the call as two clusters (one located at
    # Baku, told twice; one without a place), three reports.
    main(["query", "--db", str(db), "--summary", "--type", "CONSULT", "--format", "json"])
    totals = json.loads(capsys.readouterr().out)["totals"]
    assert (totals["events"], totals["mentions"]) == (2, 3)
    assert main(["query", "--db", str(db), "--text", '"open']) == 2
    assert "FTS5" in capsys.readouterr().err
    assert main(["query", "--db", str(tmp_path / "none.db")]) == 2
    assert "communique ingest" in capsys.readouterr().err


@pytest.mark.parametrize("args, says", [
    (["query", "--type", "FOO"], ["invalid choice: 'FOO'", "'CONSULT'", "'ASSAULT'"]),
    (["query", "--country", "Iran"], ["'Iran' is not an ISO 3166 alpha-3", "IRN"]),
    (["query", "--actor-country", "IR"], ["alpha-3"]),
    (["query", "--modality", "rumoured"], ["invalid choice: 'rumoured'", "'asserted'"]),
    (["export", "--output", "x.csv", "--type", "attack"], ["invalid choice: 'ATTACK'", "'ASSAULT'"]),
    (["plot", "network", "--output", "x.png", "--type", "war"], ["invalid choice: 'WAR'"]),
])
def test_store_commands_refuse_unknown_filter_values(tmp_path, capsys, args, says):
    """As the API does (422 with the list), the CLI names the valid values and exits 2."""
    from communique.cli import main

    db = tmp_path / "events.db"
    with Store(db) as s:
        s.add(corpus())
    with pytest.raises(SystemExit) as exc:
        main([*args, "--db", str(db)])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    for text in says:
        assert text in err


def test_query_type_is_case_insensitive(tmp_path, capsys):
    from communique.cli import main

    db = tmp_path / "events.db"
    with Store(db) as s:
        s.add(corpus())
    assert main(["query", "--db", str(db), "--type", "assault", "--include-negated",
                 "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and {r["type"] for r in rows} == {"ASSAULT"}
    assert main(["query", "--db", str(db), "--country", "irn", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out.strip()


def test_killed_ingest_command_resumes(tmp_path):
    """The same as above, through `communique ingest --records` killed with SIGKILL."""
    n = 4000
    src = write_jsonl(tmp_path / "records.jsonl", many_records(n))
    db = tmp_path / "events.db"
    cmd = [sys.executable, "-m", "communique", "ingest", str(src), "--records", "--db", str(db),
           "--batch-size", "20", "--no-progress"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _kill_once_stored(proc, db, 200)
    partial = table_counts(db)["articles"]
    assert 0 < partial < n, "the kill must land mid-run for this test to mean anything"
    assert partial % 20 == 0  # whole batches only: a transaction is all or nothing
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"{n - partial} articles added ({n - partial} events), {partial} already stored" \
        in done.stderr
    counts = table_counts(db)
    assert counts["articles"] == counts["events"] == n
    c = sqlite3.connect(db)
    assert c.execute("SELECT COUNT(DISTINCT id) FROM articles").fetchone()[0] == n
    assert c.execute("SELECT SUM(num_mentions) FROM event_clusters").fetchone()[0] == n
    c.close()


def test_ingest_codes_articles(tmp_path, seed_text, capsys):
    """Real coding: the seed article goes in once, and a second run codes nothing."""
    from communique.cli import main

    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    db = tmp_path / "events.db"
    args = ["ingest", str(tmp_path / "seed.txt"), "--db", str(db), "--published", "2022-10-03",
            "--no-progress"]
    assert main(args) == 0
    assert "1 articles added" in capsys.readouterr().err
    with Store(db) as s:
        [a] = s.articles()
        rec = s.record(a["id"])
        assert rec["text"] == seed_text
        assert s.count_events(include_negated=True) == len(rec["events"]) > 0
        for e in s.query_events(limit=None, include_negated=True):
            assert seed_text[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
    assert main(args) == 0
    assert "0 articles added (0 events), 1 already stored" in capsys.readouterr().err


def test_ingest_dask_engine_hands_over_to_the_dask_runner(tmp_path, monkeypatch, capsys):
    import communique.distributed as distributed
    from communique.cli import main

    calls = []

    def fake_ingest_dask(paths, **kw):
        calls.append((list(paths), kw))
        return {"out": kw["out"], "errors": 0, "partitions": 3, "workers": 4,
                "failed_partitions": [], "stored": {"articles_added": 5, "events_added": 9,
                                                    "articles_skipped": 1}}

    monkeypatch.setattr(distributed, "ingest_dask", fake_ingest_dask)
    db, out = str(tmp_path / "e.db"), str(tmp_path / "pq")
    assert main(["ingest", "a.jsonl", "b/", "--db", db, "--engine", "dask", "--scheduler",
                 "tcp://10.0.0.5:8786", "--workers", "4", "--out", out,
                 "--published", "2022-10-03"]) == 0
    [(paths, kw)] = calls
    assert paths == ["a.jsonl", "b/"]
    assert (kw["scheduler"], kw["db"], kw["out"], kw["n_workers"], kw["published"]) == \
        ("tcp://10.0.0.5:8786", db, out, 4, "2022-10-03")
    assert "5 articles added (9 events), 1 already stored" in capsys.readouterr().err
    # --scheduler means nothing to the local engine: say so rather than ignore it.
    assert main(["ingest", "a.jsonl", "--db", db, "--scheduler", "tcp://x:1"]) == 2
    assert "--engine dask" in capsys.readouterr().err


def test_docs_name_every_store_command_option():
    """docs/store.md shows each option of ingest, query, export and plot."""
    import argparse

    from communique.cli import build_parser

    doc = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    parsers = {name: sub.choices[name] for name in ("ingest", "query", "export")}
    plot_sub = next(a for a in sub.choices["plot"]._actions
                    if isinstance(a, argparse._SubParsersAction))
    parsers.update({f"plot {k}": v for k, v in plot_sub.choices.items()})
    missing = []
    for name, p in parsers.items():
        for action in p._actions:
            longs = [o for o in action.option_strings if o.startswith("--") and o != "--help"]
            if longs and not any(o in doc for o in longs):
                missing.append(f"{name} {longs[0]}")
    assert not missing, f"undocumented in docs/store.md: {missing}"
