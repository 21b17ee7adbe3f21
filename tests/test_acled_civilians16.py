"""ACLED's civilians (issue 12, sixteenth round). ACLED's codebook: violence against civilians
falls on unarmed non-combatants, coded "Civilians (Country)" whatever their office, trade or
party. The ACLED view (``communique.acled.acled_sides``, read by the `acled` export and the
ACLED actors scorer) reads the recipients of such an event as civilians; the record keeps the
sector the text gives them."""

from __future__ import annotations

from communique.acled import (acled_sides, armed_sectors, civilian_sectors, civilian_victims,
                              event_acled_sides)
from communique.evaluate.acled import main_event, score_actors

from .extract.records import record

GUNMEN = {"id": "A1", "name": "gunmen", "kind": "group", "sector": "UAF", "country": "PHL"}
SUSPECT = {"id": "A2", "name": "drug suspect", "kind": "person", "sector": "CRM", "country": "PHL"}
LEADER = {"id": "A3", "name": "local leader", "kind": "person", "sector": "GOV", "country": "BGD"}
TEACHER = {"id": "A4", "name": "teacher", "kind": "person", "sector": "EDU", "country": "BGD"}
SOLDIERS = {"id": "A5", "name": "soldiers", "kind": "group", "sector": "MIL", "country": "PHL"}
GHANA = {"id": "A6", "name": "Ghana", "kind": "country", "sector": None, "country": "GHA"}


def ev(type, mode=None, actor=(), recipient=()):
    return {"type": type, "mode": mode, "actor": list(actor), "recipient": list(recipient),
            "location": None}


def test_victims_of_violence_against_civilians_are_civilians():
    _, two = acled_sides(ev("ASSAULT", "targeted", [GUNMEN], [SUSPECT, LEADER]), [])
    assert [(a["name"], a["sector"], a["record_sector"], a["country"]) for a in two] == [
        ("drug suspect", "CVL", "CRM", "PHL"), ("local leader", "CVL", "GOV", "BGD")]


def test_civilian_sectors_and_countries_stay():
    assert "EDU" in civilian_sectors() and "GOV" not in civilian_sectors()
    assert "CRM" in armed_sectors() and "GOV" not in armed_sectors()
    assert civilian_victims(ev("ASSAULT", "targeted", [GUNMEN], [TEACHER, GHANA])) == [
        TEACHER, GHANA]


def test_other_events_keep_their_recipients():
    assert acled_sides(ev("ASSAULT", "firearms", [GUNMEN], [SOLDIERS]), [])[1] == [SOLDIERS]
    assert acled_sides(ev("PROTEST", "riot", [GUNMEN], [LEADER]), [])[1] == [LEADER]


def test_the_arrested_are_civilians_unless_fighters():
    police = {**SOLDIERS, "name": "police", "sector": "COP"}
    _, two = acled_sides(ev("COERCE", "arrest", [police], [LEADER, SUSPECT, TEACHER]), [])
    assert [(a["name"], a["sector"]) for a in two] == [
        ("local leader", "CVL"), ("drug suspect", "CRM"), ("teacher", "EDU")]


def test_record_keeps_its_sector_the_scorer_reads_civilians(coder):
    rec = record(coder, "On 3 June 2021, police shot dead a drug suspect during an operation "
                        "in Barangay San Isidro, Antipolo, Rizal, Philippines.")
    main = main_event(rec)
    _, two = event_acled_sides(main, rec)
    assert [(a["sector"], a.get("record_sector")) for a in two] == [("CVL", "CRM")]
    assert [a["sector"] for a in rec["actors"] if a["id"] in main["recipient"]] == ["CRM"]
    note = {"actor2": "Civilians (Philippines)", "inter2": "7", "iso3": "PHL"}
    assert score_actors([(note, rec)])["actor2 as recipient (country + sector or name)"] == (1, 1)


def ev_at(type, mode, actor=(), recipient=(), country="TUR"):
    return {**ev(type, mode, actor, recipient), "location": {"name": "x", "country": country}}


def test_property_destroyed_of_no_named_owner_is_civilians():
    arson = ev_at("ASSAULT", "destroy", [GUNMEN])
    assert acled_sides(arson, [])[1] == [{"id": None, "name": "Civilians", "sector": "CVL",
                                         "country": "TUR", "inferred": True}]
    seized = ev_at("COERCE", "seize", [SOLDIERS], country="BFA")
    assert [(a["name"], a["country"]) for a in acled_sides(seized, [])[1]] == [("Civilians", "BFA")]


def test_a_country_recipient_is_no_one_the_act_fell_on():
    turkey = {**GHANA, "name": "Turkey", "country": "TUR"}
    _, two = acled_sides(ev_at("ASSAULT", "destroy", [GUNMEN], [turkey]), [])
    assert [(a["name"], a.get("inferred")) for a in two] == [("Civilians", True)]
    _, two = acled_sides(ev_at("ASSAULT", "targeted", [GUNMEN], [GHANA], "GHA"), [])
    assert [(a["name"], a["country"], a.get("inferred")) for a in two] == [("Civilians", "GHA", True)]


def test_a_named_owner_and_other_events_stay():
    assert acled_sides(ev_at("ASSAULT", "destroy", [GUNMEN], [SOLDIERS]), [])[1] == [SOLDIERS]
    assert acled_sides(ev_at("ASSAULT", "firearms", [SOLDIERS]), [])[1] == []
    assert acled_sides(ev_at("COERCE", "restrict", [SOLDIERS]), [])[1] == []
    arrest = ev_at("COERCE", "arrest", [SOLDIERS], country="SYR")
    assert [(a["name"], a["country"]) for a in acled_sides(arrest, [])[1]] == [("Civilians", "SYR")]
