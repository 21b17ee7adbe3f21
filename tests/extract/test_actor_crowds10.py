"""Issue 12, tenth round: who protests. Sentences written for these tests, not taken from any
data file. Only people protest (PLOVER PROTEST; ACLED codebook: protesters are civilians): the
plural noun that protests is a crowd, its sector sectors.tsv's ("merchants" BUS) else CVL, its
country the sentence's; resistance forces are rebels (PETRARCH RESISTANCE_ARMY / _GROUP ~REB)."""

from __future__ import annotations

import pytest

from .records import event, names
from .records import record as _record


def _actor(rec, text):
    found = [a for a in rec["actors"] if any(m["text"] == text for m in a["mentions"])]
    assert found, [(a["name"], [m["text"] for m in a["mentions"]]) for a in rec["actors"]]
    return found[0]


@pytest.mark.parametrize("text,mention,country,sector", [
    ("Street sweepers protested outside the town hall in Valparaiso, Chile.", "Street sweepers", "CHL", "CVL"),
    ("In Arequipa, Peru, a group of bakers demonstrated against the price of flour.", "bakers", "PER", "CVL"),
    ("Dozens of fishermen staged a sit-in at the port of Sfax, Tunisia.", "fishermen", "TUN", "AGR"),
    ("Unpaid cooks held a rally in front of the ministry in Accra, Ghana.", "Unpaid cooks", "GHA", "CVL"),
    # a noun sectors.tsv knows keeps its sector
    ("In Cordoba, Argentina, a group of merchants protested outside the city hall.", "merchants", "ARG", "BUS"),
])
def test_who_protests_is_a_crowd(coder, text, mention, country, sector):
    a = _actor(_record(coder, text), mention)
    assert (a["country"], a["sector"]) == (country, sector)


@pytest.mark.parametrize("text,actor", [
    # "a group of merchants protested" parsed with "protested" a participle of "group", hung
    # on the place: the merchants protest, no one protests them
    ("In Cordoba, Argentina, a group of merchants protested outside the city hall.", "merchants"),
    ("Street sweepers protested outside the town hall in Valparaiso, Chile.", "Street sweepers"),
])
def test_the_crowd_is_the_protest_actor(coder, text, actor):
    rec = _record(coder, text)
    ev = event(rec, "PROTEST")
    assert [n for n, _ in names(rec, ev["actor"])] == [actor]


@pytest.mark.parametrize("text,absent", [
    # not protests: results demonstrate, stocks rally, no crowd
    ("The results demonstrated that the vaccine works, doctors in Lima, Peru said.", "results"),
    ("Share prices staged a rebound in Santiago, Chile.", "Share prices"),
])
def test_no_crowd_without_a_protest(coder, text, absent):
    rec = _record(coder, text)
    assert not any(absent in m["text"] for a in rec["actors"] for m in a["mentions"])


def test_resistance_forces_are_rebels(coder):
    a = _actor(_record(coder, "Resistance forces ambushed an army convoy near Herat, Afghanistan."),
               "Resistance forces")
    assert (a["country"], a["sector"]) == ("AFG", "REB")


@pytest.mark.parametrize("text,actor", [
    # "supporters of X" act for X, as "members of X" do (PETRARCH codes a party's supporters
    # as the party: OPPOSITION_SUPPORTER ~OPP)
    ("Supporters of the opposition leader clashed with police in Harare, Zimbabwe.",
     ("opposition leader", "ZWE")),
    ("Near Hebron, followers of Hamas attacked a checkpoint.", ("Hamas", "PSE")),
])
def test_supporters_of_a_party_act_for_it(coder, text, actor):
    rec = _record(coder, text)
    ev = rec["events"][0]
    assert names(rec, ev["actor"]) == [actor]
