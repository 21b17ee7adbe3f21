"""Issue 12, seventeenth round: a country word fastened to a name says whose it is
(communique/extract/actor_names._owner_country). A knowledge-base body whose name is a generic
office phrase ("National Security Council") is the country's its possessive or nationality word
names, not the one the knowledge base gives; a person "of" a country is that country's; an
organisation's nationality word before its description is its country. Sentences written for
these tests (not taken from the data); the expected countries were worked out by hand."""

from __future__ import annotations

import pytest

from .records import record as _record


def _actor(rec, text):
    found = [a for a in rec["actors"] if any(m["text"] == text for m in a["mentions"])]
    assert found, [(a["name"], [m["text"] for m in a["mentions"]]) for a in rec["actors"]]
    return found[0]


@pytest.mark.parametrize("text,mention,country", [
    # a possessive before a generic body the knowledge base gives the United States
    ("The ruling by Malawi's National Security Council ended the work of the charities.",
     "National Security Council", "MWI"),
    ("Kazakhstan's Security Council warned the miners on Friday.", "Security Council", "KAZ"),
    # ... and before a longer name that holds one
    ("Sudan's Supreme National Security Council rejected the proposal on Monday.",
     "Supreme National Security Council", "SDN"),
])
def test_a_possessive_country_owns_a_generic_body(coder, text, mention, country):
    assert _actor(_record(coder, text), mention)["country"] == country


@pytest.mark.parametrize("text,mention,country", [
    # controls: the knowledge base's own country, and a proper name beside a country word
    ("The National Security Council condemned the attack on Kabul.", "The National Security Council", "USA"),
    ("The US National Security Council met on Monday.", "The US National Security Council", "USA"),
    ("Italy's Doctors Without Borders condemned the strike.", "Doctors Without Borders", "NGO"),
])
def test_known_bodies_keep_their_entry(coder, text, mention, country):
    assert _actor(_record(coder, text), mention)["country"] == country


def test_a_person_of_a_country(coder):
    rec = _record(coder, "Police arrested Peter Smithfield of Canada on Monday in Lagos.")
    assert _actor(rec, "Peter Smithfield")["country"] == "CAN"


def test_a_nationality_word_before_an_organisations_description(coder):
    rec = _record(coder, "Regulators in Nairobi fined Chinese video-sharing app TikTok on Monday.")
    assert _actor(rec, "TikTok")["country"] == "CHN"


@pytest.mark.parametrize("text", [
    "Drug cartels in Central America have attacked police stations this year.",
    "Latin America's largest rebel group signed a deal with the government.",
])
def test_a_country_name_inside_a_region_is_not_the_country(coder, text):
    # "America" in "Central America", "Latin America": a region of no one country
    rec = _record(coder, text)
    assert all(a["country"] != "USA" for a in rec["actors"]), [(a["name"], a["country"]) for a in rec["actors"]]


def test_a_description_takes_the_one_country_once_the_region_is_not_one(coder):
    rec = _record(coder, "A rebel commander has surrendered to Peruvian forces, dealing a blow to "
                         "South America's oldest insurgency.")
    assert _actor(rec, "A rebel commander")["country"] == "PER"
