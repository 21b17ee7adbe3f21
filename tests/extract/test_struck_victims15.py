"""Victims of a killing, shooting or attack as recipients, and the other side of a fight
named by "forces of A and B" (issue 12, fifteenth round, h15v). Sentences written for the
test, not taken from the notes."""

from __future__ import annotations

import pytest

from .records import event, record


def _recipients(rec, ev):
    by = {a["id"]: a for a in rec["actors"]}
    return [(by[i]["name"], by[i]["country"], by[i].get("sector")) for i in ev.get("recipient", [])]


@pytest.mark.parametrize("text, who", [
    # a person of no armed role that a verb of killing, shooting or attacking falls on is
    # a civilian recipient (PLOVER manual, ASSAULT: the victim is the recipient)
    ("On 3 June 2021, in Tulancingo, Hidalgo, two gunmen attacked a bus driver near the market.",
     "bus driver"),
    ("On 4 June 2021, in Comitan, Chiapas, several gunmen entered a bakery and shot dead the owner.",
     "owner"),
    ("On 5 June 2021, Pakistani soldiers shot dead a Baloch man near Turbat.", "Baloch man"),
])
def test_a_person_struck_is_a_civilian_recipient(coder, text, who):
    rec = record(coder, text)
    got = _recipients(rec, event(rec, "ASSAULT"))
    assert any(name == who and sector == "CVL" and country for name, country, sector in got), got


@pytest.mark.parametrize("text", [
    # an armed noun is no civilian: the verbs of killing fall on fighters too
    "On 6 June 2021, in Tulancingo, Hidalgo, two gunmen attacked a soldier near the market.",
    # a member says whose he is, not that he is a civilian
    "On 7 June 2021, gunmen shot dead a member near Marka, Somalia.",
])
def test_an_armed_or_unowned_victim_is_no_civilian(coder, text):
    rec = record(coder, text)
    got = _recipients(rec, event(rec, "ASSAULT"))
    assert not any(sector == "CVL" for _n, _c, sector in got), got


def test_forces_of_two_countries_are_each_a_force(coder):
    # "military forces of A and B exchanged fire": the other side is B's force, not B alone
    rec = record(coder, "On 2 June 2021, military forces of Armenia and Azerbaijan exchanged "
                        "fire along the border near Tavush.")
    got = _recipients(rec, event(rec, "ASSAULT"))
    assert ("AZE", "MIL") in [(c, s) for _n, c, s in got], got


def test_forces_of_one_country_and_a_group_stay_as_they_were(coder):
    # "forces of A and members of B": the second is no country
    rec = record(coder, "On 2 June 2021, the armed forces of Colombia and members of the ELN "
                        "clashed in Cauca.")
    assert not any(a["name"].startswith("forces of") for a in rec["actors"]), rec["actors"]


@pytest.mark.parametrize("text, first, second", [
    # two bodies of one country and sector named for different sides are the two sides
    ("On 3 June 2021, clashes erupted between pro-Houthi forces and pro-Hadi forces near "
     "Marib, Yemen.", "Houthi", "Hadi"),
    ("On 4 June 2021, pro-Hadi forces clashed with pro-STC forces near Zinjibar, Yemen.",
     "Hadi", "STC"),
])
def test_forces_named_for_two_sides_are_two_actors(coder, text, first, second):
    rec = record(coder, text)
    ev = event(rec, "ASSAULT")
    by = {a["id"]: a["name"] for a in rec["actors"]}
    assert [first in by[i] for i in ev["actor"]] == [True], ev
    assert any(second in by[i] for i in ev.get("recipient", [])), ev


def test_forces_named_for_one_side_stay_one_actor(coder):
    rec = record(coder, "On 5 June 2021, pro-Houthi forces shelled Marib, Yemen. Later the "
                        "pro-Houthi forces withdrew.")
    assert len([a for a in rec["actors"] if "Houthi forces" in a["name"]]) == 1, rec["actors"]


@pytest.mark.parametrize("text, owner", [
    # the owner of the thing attacked or seized is the recipient (PLOVER: the one the act is
    # done to; ACLED: the target of property destruction is the owner)
    ("On 6 June 2021, rebels shelled trucks belonging to the Ethiopian army near Mekele.",
     "Ethiopian army"),
    ("On 7 June 2021, gunmen seized a car belonging to a local councillor near Tahoua, Niger.",
     "local councillor"),
])
def test_the_owner_of_what_is_attacked_is_the_recipient(coder, text, owner):
    rec = record(coder, text)
    by = {a["id"]: a["name"] for a in rec["actors"]}
    ev = next(e for e in rec["events"] if e["type"] in ("ASSAULT", "COERCE"))
    assert any(by[i] == owner for i in ev.get("recipient", [])), (ev, rec["actors"])


def test_people_belonging_to_a_place_are_no_owner(coder):
    # "belonging to" on the actor, not on what the act falls on
    rec = record(coder, "On 8 June 2021, men belonging to a militia shelled Mekele, Ethiopia.")
    ev = next(e for e in rec["events"] if e["type"] == "ASSAULT")
    by = {a["id"]: a["name"] for a in rec["actors"]}
    assert not any("militia" in by[i] for i in ev.get("recipient", [])), ev


@pytest.mark.parametrize("text, place", [
    # a place attacked, named with its admin chain in brackets or with a settlement word: the
    # attack falls on its people (ACLED codebook, violence against civilians)
    ("On 8 June 2021, insurgents attacked Lumbo (Metuge, Cabo Delgado). No fatalities were "
     "reported.", "Lumbo"),
    ("On 9 June 2021, gunmen attacked Kadawa and Gidan Bako in Tumbi LGA (Zamfara).", "Kadawa"),
])
def test_a_settlement_attacked_is_its_people(coder, text, place):
    rec = record(coder, text)
    ev = event(rec, "ASSAULT")
    by = {a["id"]: a for a in rec["actors"]}
    assert any(by[i]["name"].startswith(place) and by[i]["sector"] == "CVL"
               for i in ev.get("recipient", [])), (ev, rec["actors"])


def test_a_place_attacked_without_the_acled_form_keeps_its_country(coder):
    rec = record(coder, "Hezbollah attacked Haifa on Monday.")
    ev = event(rec, "ASSAULT")
    by = {a["id"]: a for a in rec["actors"]}
    assert [(by[i]["country"], by[i]["sector"]) for i in ev.get("recipient", [])] == [("ISR", None)]
