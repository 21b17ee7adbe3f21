"""ACLED's unnamed sides (issue 12, fifteenth round). ACLED's codebook names a perpetrator
nobody identifies "Unidentified Armed Group (Country)" and a crowd nobody names "Protesters
(Country)" / "Rioters (Country)". In the ACLED view of an event (``communique.acled.acled_sides``,
read by the `acled` export and the ACLED actors scorer) a violent event or a demonstration with
no actor takes that side, marked inferred and without an id; the record's actors never hold it."""

from __future__ import annotations

import pytest

from communique.acled import acled_sides, event_acled_actors, event_acled_sides, unnamed_side
from communique.evaluate.acled import main_event, score_actors

from .extract.records import record

GUNMEN = {"id": "A1", "name": "gunmen", "sector": "UAF", "country": "KEN"}
TEACHERS = {"id": "A2", "name": "teachers", "sector": "EDU", "country": "CHL"}


def ev(type, mode=None, actor=(), recipient=(), country=None, **more):
    return {"type": type, "mode": mode, "actor": list(actor), "recipient": list(recipient),
            "location": {"name": "x", "country": country} if country else None, **more}


@pytest.mark.parametrize("event, name, sector", [
    (ev("ASSAULT", "firearms", country="KEN"), "Unidentified Armed Group", "UAF"),   # a battle
    (ev("ASSAULT", "explosives", country="UKR"), "Unidentified Armed Group", "UAF"),  # remote
    (ev("ASSAULT", "targeted", country="MEX"), "Unidentified Armed Group", "UAF"),    # on civilians
    (ev("PROTEST", "demo", country="CHL"), "Protesters", "CVL"),
    (ev("PROTEST", "riot", country="KEN"), "Rioters", "CVL"),
])
def test_no_actor_takes_acleds_unnamed_side(event, name, sector):
    one, _ = acled_sides(event, [])
    assert one == [{"id": None, "name": name, "sector": sector,
                    "country": event["location"]["country"], "inferred": True}]


def test_a_named_actor_stays_alone():
    assert acled_sides(ev("ASSAULT", "firearms", [GUNMEN], country="KEN"), [])[0] == [GUNMEN]
    assert acled_sides(ev("PROTEST", "demo", [TEACHERS], country="CHL"), [])[0] == [TEACHERS]


def test_events_acled_does_not_record_take_no_side():
    assert acled_sides(ev("CONSULT", None, country="KEN"), [])[0] == []
    assert acled_sides(ev("MAKE_STATEMENT", None, country="KEN"), [])[0] == []


def test_country_from_the_articles_other_events():
    lost = ev("ASSAULT", "firearms")
    assert unnamed_side(lost, [ev("COERCE", "arrest", country="NGA")])["country"] == "NGA"
    assert unnamed_side(lost, [ev("COERCE", "arrest", country="NGA"),
                               ev("AID", None, country="NER")])["country"] is None
    assert unnamed_side(lost, [])["country"] is None


def test_record_keeps_its_actors_the_view_has_the_side(coder):
    rec = record(coder, "On 4 May 2020, a man was shot dead in a drive-by shooting in Kisumu, "
                        "Kenya.")
    main = main_event(rec)
    one, _ = event_acled_sides(main, rec)
    assert [(a["name"], a["country"], a["id"], a.get("inferred")) for a in one] == [
        ("Unidentified Armed Group", "KEN", None, True)]
    assert event_acled_actors(main, rec)[0] == []  # ids of the record's actors only
    assert all(a["name"] != "Unidentified Armed Group" for a in rec["actors"])


def test_scorer_reads_the_inferred_side(coder):
    rec = record(coder, "On 5 May 2020, a demonstration was held in Valparaiso, Chile, over "
                        "water cuts.")
    note = {"actor1": "Protesters (Chile)", "inter1": "6", "iso3": "CHL"}
    scores = score_actors([(note, rec)])
    assert scores["actor1 as actor (country + sector or name)"] == (1, 1)
    wrong = {"actor1": "Protesters (Peru)", "inter1": "6", "iso3": "PER"}
    assert score_actors([(wrong, rec)])["actor1 as actor (country + sector or name)"] == (0, 1)


def test_export_writes_the_side_as_acled_does(coder, tmp_path):
    from communique.export import rows
    from communique.record import Article
    from communique.store import Store

    with Store(tmp_path / "e.db") as store:
        store.add([coder.code(Article(text=text, id=str(n), published="2020-05-07")).to_dict()
                   for n, text in enumerate([
                       "On 4 May 2020, a man was shot dead in a drive-by shooting in Kisumu, Kenya.",
                       "On 5 May 2020, a demonstration was held in Valparaiso, Chile, over water "
                       "cuts."])])
        out = {r["event_type"]: r["actor1"] for r in rows(store, flavor="acled")}
    assert out["Protests"] == "Protesters (Chile)"
    assert [v for k, v in out.items() if k != "Protests"] == ["Unidentified Armed Group (Kenya)"]
