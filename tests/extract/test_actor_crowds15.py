"""Issue 12: the crowd that protests is the protest's actor (PLOVER PROTEST: the actor is who
demonstrates; ACLED codebook: "Protesters (Country)"). Sentences written for these tests, not
taken from any data file.

- A crowd word that counts no one named is a crowd itself: "a group gathered and held a march",
  "dozens staged a sit-in" (civilians, its country from the place).
- A crowd joined "along with" the body that protests protests too.
- The people of a country who protest are a crowd of civilians ("dozens of Algerians held a
  sit-in"; ACLED codebook: "Protesters (Country)").
- A protest the parse left with no actor takes the crowd its sentence says protests (the crowd
  set in apposition to a common-noun place before the verb), else the people the note calls
  protesters.
- No crowd where the crowd word is an armed body ("an armed group attacked").
- In a note ACLED tags with a crowd size (a demonstration), people who fight, attack, burn or
  block, or the crowds of a fight "between" them, are its crowd (ACLED codebook: "Rioters").
  No such crowd in an untagged text."""

from __future__ import annotations

import pytest

from communique.evaluate.acled import main_event

from .records import record as _record


def _actors(rec):
    ev = main_event(rec)
    by = {a["id"]: a for a in rec["actors"]}
    return ev, [(by[i]["name"], by[i]["country"], by[i]["sector"]) for i in ev["actor"]]


@pytest.mark.parametrize("text,actor", [
    ("On 2 June 2021, a group gathered in Sisli, Istanbul and held a march to commemorate a poet. "
     "[size=no report]", ("group", "TUR", "CVL")),
    ("On 2 June 2021, dozens staged a sit-in outside the governorate building in Gafsa, Tunisia. "
     "[size=dozens]", ("dozens", "TUN", "CVL")),
    # the crowd set in apposition to "suburb", which the parse left the verb's only noun
    ("On 2 June 2021, in Miraflores suburb, Lima city, cooks of a soup kitchen staged a "
     "demonstration demanding food aid. [size=no report]", ("cooks", "PER", "CVL")),
    ("On 2 June 2021, joint action committee along with journalists and media workers protested "
     "in Larkana city (Larkana, Sindh), against illegal detention of a TV anchor. [size=no report]",
     ("journalists", "PAK", "JRN")),
    # the people of a country who protest are civilians
    ("On 2 June 2021, dozens of Algerians held a sit-in outside the consulate in Oran. [size=dozens]",
     ("Algerians", "DZA", "CVL")),
])
def test_the_crowd_that_protests_is_the_actor(coder, text, actor):
    ev, actors = _actors(_record(coder, text))
    assert ev["type"] == "PROTEST"
    assert actor in actors


def test_the_note_s_protesters_act_where_the_protest_names_no_one(coder):
    text = ("On 2 June 2021, a demonstration took place in the town of Sarmada in Idleb denouncing "
            "the new taxes. Security men later detained two protesters. [size=no report]")
    ev, actors = _actors(_record(coder, text))
    assert ev["type"] == "PROTEST"
    assert [a[0] for a in actors] == ["protesters"]


def test_an_armed_group_is_no_crowd(coder):
    rec = _record(coder, "On 2 June 2021, an armed group attacked a village in Borno, Nigeria, "
                         "killing two farmers.")
    assert not [a for a in rec["actors"] if a["sector"] == "CVL" and a["name"].endswith("group")]


@pytest.mark.parametrize("text,name", [
    ("On 2 June 2021, KMSC staged a protest in Moga city (Punjab) against fuel prices. "
     "[size=no report]", "KMSC"),
])
def test_a_body_of_no_sector_that_protests_is_of_civilians(coder, text, name):
    rec = _record(coder, text)
    a = [a for a in rec["actors"] if a["name"] == name]
    assert a and a[0]["sector"] == "CVL"
    assert a[0]["id"] in main_event(rec)["actor"]


def test_a_body_that_does_not_protest_keeps_no_sector(coder):
    rec = _record(coder, "On 2 June 2021, KMSC signed an agreement with the state government in "
                         "Moga city (Punjab).")
    assert [a["sector"] for a in rec["actors"] if a["name"] == "KMSC"] == [None]


def test_the_crowd_state_forces_act_on_is_the_protest_s_actor(coder):
    rec = _record(coder, "On 2 June 2021, protesting farmers were beaten by police at the main "
                         "square in Tirana. [size=no report]")
    ev, actors = _actors(rec)
    assert ev["type"] == "PROTEST"
    assert [a[:2] for a in actors] == [("protesting farmers", "ALB")]
    by = {a["id"]: a["name"] for a in rec["actors"]}
    assert "police" in [by[i] for i in ev["recipient"]]


def test_police_who_demonstrate_are_the_protest_s_actor(coder):
    ev, actors = _actors(_record(coder, "On 2 June 2021, in Tula, Hidalgo, municipal police "
                                        "demonstrated to demand unpaid bonuses. [size=no report]"))
    assert [a[2] for a in actors] == ["COP"]


def test_the_crowds_of_a_tagged_note_s_fight_are_its_rioters(coder):
    rec = _record(coder, "On 2 June 2021, a clash took place between two groups of Lashari tribe in "
                         "Dadu town (Dadu, Sindh), over a water channel, injuring four men. "
                         "[size=at least 4]")
    ev, actors = _actors(rec)
    assert ev["type"] == "PROTEST"
    assert ("groups", "PAK", "CVL") in actors


def test_no_crowd_of_a_fight_outside_a_tagged_note(coder):
    rec = _record(coder, "On 2 June 2021, two groups clashed over grazing land near Gao, Mali, "
                         "killing five.")
    assert not [a for a in rec["actors"] if a["name"] == "groups"]


def test_people_who_take_out_a_rally_are_its_actor(coder):
    # "took out a rally": the verb's object names the act (PETRARCH CAMEO.2.0 CARRY_OUT)
    ev, actors = _actors(_record(coder, "On 2 June 2021, bus conductors took out a rally in Sukkur "
                                        "city (Sukkur, Sindh) demanding unpaid wages. [size=no report]"))
    assert ev["type"] == "PROTEST"
    assert ("bus conductors", "PAK", "CVL") in actors
