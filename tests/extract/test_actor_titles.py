"""Titles whose country is not a nationality word (issue 12, item 4), and peoples of one state
(issue 12, people words: "Rohingya refugees"): a state or province
before the office, a body before it, and the country of a posting after it. Sentences
written for these tests; the expected countries are what the titles say."""

from __future__ import annotations

import pytest

from communique.extract.actor_titles import subnational_country
from communique.extract.actors import find_actors
from communique.extract.places import find_places


def _by_mention(nlp, text):
    doc = nlp(text)
    res = find_actors(doc, find_places(doc))
    return {m.text: a for a in res.actors for m in a.mentions}


@pytest.mark.parametrize("text,mention,country", [
    ("Ontario Premier Doug Ford criticised the federal budget on Friday.", "Doug Ford", "CAN"),
    ("NSW Premier Chris Minns met union leaders in Sydney.", "Chris Minns", "AUS"),
    ("Bavaria Interior Minister Joachim Herrmann praised the police.", "Joachim Herrmann", "DEU"),
    # two countries have a Punjab: the title does not tell which
    ("Punjab Chief Minister Bhagwant Mann met farmers.", "Bhagwant Mann", None),
    # a portfolio is no place ("Interior" is also an Omani region)
    ("Interior Minister Kithure Kindiki met the governors.", "Kithure Kindiki", None),
])
def test_a_state_before_an_office_gives_its_country(nlp, text, mention, country):
    by = _by_mention(nlp, text)
    assert mention in by, sorted(by)
    assert (by[mention].country, by[mention].sector) == (country, "GOV")


@pytest.mark.parametrize("text,mention,country", [
    ("The United Nations envoy for Libya met officials in Tripoli.", "The United Nations envoy", "UNO"),
    ("A United Nations prosecutor accused the Burmese army of abuses.",
     "A United Nations prosecutor", "UNO"),
    ("The Canadian Ambassador to Mexico, Jane Lemieux, toured the port.", "Jane Lemieux", "CAN"),
])
def test_a_posting_after_the_office_is_not_the_holders_country(nlp, text, mention, country):
    by = _by_mention(nlp, text)
    assert mention in by, sorted(by)
    assert by[mention].country == country


def test_an_office_and_a_comma_before_a_name_describe_it(nlp):
    # the parser makes the office and the name two objects of "received"
    by = _by_mention(nlp, "The Kenyan president has received the Japanese Ambassador to Kenya, "
                          "Okaniwa Ken, to discuss trade between the two countries.")
    assert "Okaniwa Ken" in by, sorted(by)
    assert by["Okaniwa Ken"].country == "JPN"
    office = [m for m in by if m.endswith("Ambassador")]
    assert office and by[office[0]] is by["Okaniwa Ken"]


def test_subnational_country_reads_one_country_only():
    assert subnational_country("Queensland") == "AUS"
    assert subnational_country("NSW") == "AUS"
    assert subnational_country("Punjab") is None
    assert subnational_country("Education") is None


@pytest.mark.parametrize("text,mention,country", [
    # a people of one state names it, wherever the people are
    ("Police in Dhaka arrested twelve Rohingya refugees on Sunday.", "Rohingya refugees", "MMR"),
    ("Uyghur activists protested outside the consulate in Istanbul.", "Uyghur activists", "CHN"),
    # a people of several states does not: the place does
    ("Kurdish fighters attacked Islamic State positions near Raqqa.", "Kurdish fighters", "SYR"),
])
def test_a_people_word_gives_its_state(nlp, text, mention, country):
    by = _by_mention(nlp, text)
    assert mention in by, sorted(by)
    assert by[mention].country == country


def test_a_people_word_is_no_national_body_for_the_others(nlp):
    # the police are Bangladesh's, where the place is; the refugees Myanmar's
    by = _by_mention(nlp, "Rohingya refugees fought with police on Sunday in Dhaka.")
    assert by["Rohingya refugees"].country == "MMR"
    assert by["police"].country == "BGD"
