"""The ACLED-notes scorer: main-event choice, each scorer on hand-made records, the
command line; the pinned figures on ../shared/dev/acled are in test_acled_pins.py."""

from __future__ import annotations

import json
import math

import pytest

from communique.evaluate import acled

NOTE = {"id": "n1", "text": "On 27 April 2020, ...", "published": "2020-05-04",
        "event_date": "2020-04-27", "iso3": "AFG", "admin1": "Paktia",
        "lat": 33.5974, "lon": 69.2259, "fatalities": 4}


def ev(**kw):
    base = {"modality": "asserted", "negated": False, "date": None, "location": None,
            "fatalities": None}
    base.update(kw)
    return base


def test_main_event_is_the_first_asserted_unnegated_one():
    rec = {"events": [ev(modality="future", date="x"), ev(negated=True, date="y"), ev(date="z"),
                      ev(date="w")]}
    assert acled.main_event(rec)["date"] == "z"


def test_main_event_falls_back_to_the_first_and_to_none():
    assert acled.main_event({"events": [ev(negated=True, date="a"), ev(modality="future")]}
                            )["date"] == "a"
    assert acled.main_event({"events": []}) is None
    assert acled.main_event({"id": "n1", "error": {"stage": "parse", "message": "x"}}) is None


@pytest.mark.parametrize("got, gold, same", [
    ("Kabul", "Kabul", True), ("Kabul Province", "kabul", True), ("Sao Paulo", "São Paulo", True),
    ("Khyber Pakhtunkhwa", "Khyber-Pakhtunkhwa", True), ("Paktia", "Paktika", False),
    (None, "Kabul", False), ("", "", False)])
def test_same_admin1(got, gold, same):
    assert acled.same_admin1(got, gold) is same


def test_distance_km_kabul_to_kandahar():
    # Kabul (34.53, 69.17) to Kandahar (31.61, 65.71): about 450 km by air
    assert 440 < acled.distance_km(34.53, 69.17, 31.61, 65.71) < 460
    assert acled.distance_km(1.0, 2.0, 1.0, 2.0) == 0.0


def test_scorers_on_hand_made_records():
    right = {"events": [ev(date="2020-04-27", fatalities=4, location={
        "name": "Gardez", "country": "AFG", "admin1": "Paktia", "lat": 33.6, "lon": 69.22})]}
    wrong = {"events": [ev(date="2020-05-04", fatalities=None, location={
        "name": "Kabul", "country": "AFG", "admin1": "Kabul", "lat": 34.53, "lon": 69.17})]}
    empty = {"events": []}
    pairs = [(NOTE, right), (NOTE, wrong), (NOTE, empty)]
    assert acled.score_date(pairs) == {"date exact": (1, 3)}
    place = acled.score_place(pairs)
    assert place["located"] == (2, 3) and place["country"] == (2, 3)
    assert place["admin1"] == (1, 3) and place["within 25 km (of all)"] == (1, 3)
    assert place["median km (located)"][1] == 2 and 50 < place["median km (located)"][0] < 120
    fat = acled.score_fatalities(pairs + [({**NOTE, "fatalities": 0}, wrong)])
    assert fat["fatalities exact (ACLED > 0)"] == (1, 3)
    assert fat["fatalities exact (all, none = 0)"] == (2, 4)  # no toll reads as ACLED's 0


def test_a_registered_scorer_runs_on_coded_records(tmp_path):
    path = tmp_path / "notes.jsonl"
    path.write_text(json.dumps(NOTE) + "\n", "utf-8")
    acled.register("count", lambda pairs: {"notes": (len(pairs), len(pairs))})
    try:
        r = acled.evaluate(path, None, records=[{"events": []}], scorers=["count", "date"])
    finally:
        del acled.SCORERS["count"]
    assert r["scores"]["count"]["notes"]["score"] == 1.0
    assert r["scores"]["date"]["date exact"]["score"] == 0.0
    assert "count: notes" in acled.format_table(r)
    assert math.isnan(acled.score_place([(NOTE, {"events": []})])["median km (located)"][0])


def test_unknown_scorer_and_bad_lines_are_errors(tmp_path):
    path = tmp_path / "notes.jsonl"
    path.write_text(json.dumps(NOTE) + "\n{oops\n", "utf-8")
    with pytest.raises(ValueError, match="line 2"):
        acled.load(path)
    path.write_text(json.dumps(NOTE) + "\n", "utf-8")
    with pytest.raises(ValueError, match="unknown ACLED scorer"):
        acled.evaluate(path, None, records=[{"events": []}], scorers=["nope"])


def test_parts_split_by_note_id(tmp_path):
    path = tmp_path / "notes.jsonl"
    path.write_text("".join(json.dumps({**NOTE, "id": f"n{i}"}) + "\n" for i in range(200)), "utf-8")
    train, held = acled.load(path, part="train"), acled.load(path, part="heldout")
    assert len(train) + len(held) == 200 and 20 < len(held) < 60
    assert not {n["id"] for n in train} & {n["id"] for n in held}
    assert len(acled.load(path, part="train", limit=5)) == 5


def test_cli_scores_acled_notes(tmp_path):
    from tests.test_cli import run

    path = tmp_path / "notes.jsonl"
    note = {**NOTE, "text": "On 27 April 2020, Taliban militants attacked a police post in "
                            "Gardez, Paktia, killing 4 policemen."}
    path.write_text(json.dumps(note) + "\n", "utf-8")
    r = run("eval", "--acled", str(path), "--json")
    assert r.returncode == 0, r.stderr.decode()
    scores = json.loads(r.stdout)["ACLED notes"]["scores"]
    assert scores["date"]["date exact"]["score"] == 1.0
    assert scores["fatalities"]["fatalities exact (ACLED > 0)"]["score"] == 1.0
    r = run("eval", "--acled", str(path), "--scorers", "nope")
    assert r.returncode == 2 and b"unknown ACLED scorer" in r.stderr


def test_types_scorer_reads_type_mode_and_civilian_recipient():
    civ = {"id": "A1", "sector": "CVL"}
    mil = {"id": "A2", "sector": "MIL"}

    def rec(type_, mode=None, recipient=()):
        return {"actors": [civ, mil], "events": [ev(type=type_, mode=mode, recipient=list(recipient))]}

    pairs = [
        ({"event_type": "Battles"}, rec("ASSAULT", "firearms", ["A2"])),             # right
        ({"event_type": "Violence against civilians"}, rec("ASSAULT", None, ["A1"])),  # right
        ({"event_type": "Explosions/Remote violence"}, rec("ASSAULT", "aerial", ["A1"])),  # right
        ({"event_type": "Violence against civilians"}, rec("ASSAULT", "firearms")),   # Battles: wrong
        ({"event_type": "Riots"}, rec("PROTEST", "riot")),                            # right
        ({"event_type": "Protests"}, rec("CONSULT")),                                 # no ACLED type
        ({"event_type": "Protests"}, {"events": []}),                                 # no event
    ]
    s = acled.score_types(pairs)
    assert s["event type accuracy"] == (4, 7)
    assert s["F1 Battles"] == (2, 3)                       # 1 TP, 1 FP
    assert s["F1 Violence against civilians"] == (2, 3)    # 1 TP, 1 FN
    assert s["F1 Protests"] == (0, 2)
    assert s["F1 Strategic developments"] == (0, 0)
    # mean over the 5 gold types: (2/3 + 2/3 + 1 + 1 + 0) / 5
    total, n = s["event type macro-F1"]
    assert n == 5 and total / n == pytest.approx((2 / 3 + 2 / 3 + 1 + 1 + 0) / 5, abs=1e-4)


@pytest.mark.parametrize("name, inter, country, words", [
    ("Military Forces of Nigeria (2015-2023)", "1", "NGA", set()),
    ("Police Forces of the Philippines (2016-2022)", "1", "PHL", set()),
    ("Protesters (Kenya)", "6", "KEN", set()),
    ("Civilians (Mexico)", "7", "MEX", set()),
    ("Taliban", "2", "AFG", {"taliban"}),  # no country in the name: the note's
    ("Unidentified Armed Group (Afghanistan)", "3", "AFG", set()),
])
def test_acled_actor_reads_country_kind_and_name_words(name, inter, country, words):
    got = acled.acled_actor(name, inter, "AFG")
    assert got["country"] == country and got["words"] == words
    assert got["sectors"] == acled.INTER_SECTORS[inter]


@pytest.mark.parametrize("ours, gold, same", [
    ({"name": "Nigerian troops", "country": "NGA", "sector": "MIL"},
     ("Military Forces of Nigeria (2015-2023)", "1"), True),
    ({"name": "police", "country": "NGA", "sector": "COP"},
     ("Military Forces of Nigeria (2015-2023)", "1"), True),  # state forces, either branch
    ({"name": "Nigeria", "country": "NGA", "sector": None},
     ("Military Forces of Nigeria (2015-2023)", "1"), False),  # a country is not its army
    ({"name": "Cameroonian troops", "country": "CMR", "sector": "MIL"},
     ("Military Forces of Nigeria (2015-2023)", "1"), False),
    ({"name": "protesters", "country": "KEN", "sector": "CVL"}, ("Protesters (Kenya)", "6"), True),
    ({"name": "police", "country": "KEN", "sector": "COP"}, ("Protesters (Kenya)", "6"), False),
    ({"name": "Boko Haram", "country": None, "sector": "REB"},
     ("Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad",
      "2"), True),
    ({"name": "Islamic State", "country": None, "sector": None},
     ("Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad",
      "2"), True),
    ({"name": "Islamic Republic", "country": None, "sector": None},
     ("Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad",
      "2"), False),  # a name counts whole
])
def test_actor_matches_by_country_and_sector_or_by_name(ours, gold, same):
    assert acled.actor_matches(ours, acled.acled_actor(gold[0], gold[1], "NGA")) is same


def test_actors_scorer_on_hand_made_records():
    note = {**NOTE, "actor1": "Taliban", "inter1": "2", "actor2": "Police Forces of Afghanistan (2014-)",
            "inter2": "1"}
    actors = [{"id": "A1", "name": "Taliban", "country": "AFG", "sector": "REB"},
              {"id": "A2", "name": "police", "country": "AFG", "sector": "COP"}]
    right = {"actors": actors, "events": [ev(actor=["A1"], recipient=["A2"])]}
    swapped = {"actors": actors, "events": [ev(actor=["A2"], recipient=["A1"])]}
    no_actor2 = {**NOTE, "actor1": "Protesters (Afghanistan)", "inter1": "6", "actor2": "", "inter2": "0"}
    got = acled.score_actors([(note, right), (note, swapped), (note, {"events": []}),
                              (no_actor2, right)])
    assert got["actor1 as actor (country + sector or name)"] == (1, 4)
    assert got["actor2 as recipient (country + sector or name)"] == (1, 3)  # none named once
    assert got["actor1 as actor: country"] == (3, 4)
