"""State forces and armed groups as ACLED's actor2 (issue 12, sixteenth round, h16d): a
grenade thrown or lobbed at someone is an attack on them (PETRARCH HURL block), answered fire
("reacted with gunfire") makes it a battle, the SDF under ACLED's own initials (QSD) and India's
central police forces under theirs (CRPF, SSB) are named sides, and a battle that names neither
side has ACLED's unidentified armed group as actor2 too. Sentences written for the test, not
taken from the notes."""

from __future__ import annotations

import pytest

from communique.acled import acled_sides, event_acled_sides
from communique.evaluate.acled import main_event
from communique.kb import lookup

from .records import acled_type, record


def main_sides(coder, text):
    """(names, sectors) of ACLED's actor1 and actor2 of the main event of ``text``."""
    rec = record(coder, text)
    one, two = event_acled_sides(main_event(rec), rec)
    return [(a["name"], a["sector"]) for a in one], [(a["name"], a["sector"]) for a in two]


@pytest.mark.parametrize("text, target", [
    ("On 3 March 2021, gunmen threw a hand grenade at police officers near a market in Garissa, "
     "Kenya. Two officers were hurt.", ("police officers", "COP")),
    ("On 9 March 2021, militants lobbed a grenade at soldiers guarding a bridge in Baramulla, "
     "India.", ("soldiers", "MIL")),
])
def test_a_grenade_thrown_at_a_force_is_an_attack_on_it(coder, text, target):
    one, two = main_sides(coder, text)
    assert target in two
    assert acled_type(coder, text) == "Explosions/Remote violence"


def test_a_grenade_thrown_and_answered_with_gunfire_is_a_battle(coder):
    text = ("On 4 March 2021, gunmen threw a grenade at an army checkpoint in Beledweyne, Somalia. "
            "The soldiers reacted with gunfire.")
    rec = record(coder, text)
    thrown = [e for e in rec["events"] if e["trigger"]["text"] == "threw"]
    assert thrown and thrown[0]["type"] == "ASSAULT"
    assert acled_type(coder, text) == "Battles"


def test_stones_thrown_stay_a_riot(coder):
    text = "On 5 March 2021, youths threw stones at police in Nairobi, Kenya."
    assert acled_type(coder, text) == "Riots"


@pytest.mark.parametrize("name, canonical, country", [
    ("QSD", "Syrian Democratic Forces", "SYR"),
    ("CRPF", "Central Reserve Police Force", "IND"),
    ("SSB", "Sashastra Seema Bal", "IND"),
])
def test_initials_name_the_force(name, canonical, country):
    assert [(e.name, e.country) for e in lookup(name)] == [(canonical, country)]


def test_qsd_is_the_side_shelled(coder):
    _, two = main_sides(coder, "On 2 March 2021, Turkish forces shelled QSD positions near "
                               "Ain Issa in Ar-Raqqa, Syria.")
    assert ("Syrian Democratic Forces", "REB") in two


def ev(type, mode=None, actor=(), recipient=(), country=None):
    return {"type": type, "mode": mode, "actor": list(actor), "recipient": list(recipient),
            "location": {"name": "x", "country": country} if country else None}


def test_a_battle_naming_neither_side_has_an_unidentified_group_on_both():
    one, two = acled_sides(ev("ASSAULT", "firearms", country="BRA"), [])
    side = {"id": None, "name": "Unidentified Armed Group", "sector": "UAF", "country": "BRA",
            "inferred": True}
    assert one == [side] and two == [side]


def test_a_named_side_or_remote_violence_takes_no_unnamed_target():
    gang = {"id": "A1", "name": "gang", "sector": "CRM", "country": "BRA"}
    assert acled_sides(ev("ASSAULT", "firearms", actor=[gang], country="BRA"), [])[1] == []
    assert acled_sides(ev("ASSAULT", "explosives", country="UKR"), [])[1] == []


def test_a_battles_place_is_no_side():
    town = {"id": "A1", "name": "Bangu", "sector": None, "country": "BRA"}
    _, two = acled_sides(ev("ASSAULT", "firearms", recipient=[town], country="BRA"), [])
    assert two[0] == town and two[1]["name"] == "Unidentified Armed Group"


def test_the_coded_shootout_has_both_unnamed_sides(coder):
    one, two = main_sides(coder, "On 6 March 2021, a shoot-out took place in the centre of "
                                 "Recife, Brazil.")
    assert one == [("Unidentified Armed Group", "UAF")]
    assert ("Unidentified Armed Group", "UAF") in two
