"""Issue 12, ninth round: actor-side forms found by a probe of news sentences written for
it (generic and ordinary people, ranks of armed groups, venues of talks). Sentences
written for these tests, not taken from any data file; the expected sectors and countries
were worked out by hand from each sentence and the conventions of
``tests/data/actor_countries.tsv`` (armed groups get the country they operate in,
transnational ones IMG)."""

from __future__ import annotations

import pytest

from .records import record as _record


def _actor(rec, text):
    """The actor one of whose mentions is ``text``."""
    found = [a for a in rec["actors"] if any(m["text"] == text for m in a["mentions"])]
    assert found, [(a["name"], [m["text"] for m in a["mentions"]]) for a in rec["actors"]]
    return found[0]


@pytest.mark.parametrize("text,mention,country,sector", [
    # a rank word with an armed group before it is of the group: its country and sector
    ("A Hamas commander died when a drone hit his car in Gaza.", "A Hamas commander", "PSE", "REB"),
    ("Witnesses said an al-Shabaab commander gave himself up to Somali soldiers.",
     "an al-Shabaab commander", "SOM", "REB"),
    ("An Islamic State commander was detained at a checkpoint near Kirkuk.",
     "An Islamic State commander", "IMG", "REB"),
    # the Houthis are a de facto authority's forces, MIL (groups.tsv, fourteenth round)
    ("The Houthi leader warned that ships would be targeted.", "The Houthi leader", "YEM", "MIL"),
    # a rebel word before the rank: the rebels', not the army's (PETRARCH: REBEL_COMMANDER ~REB)
    ("A militant leader was shot dead by security forces in Balochistan, Pakistan.",
     "A militant leader", "PAK", "REB"),
    # a nationality word keeps its country; the group gives the sector
    ("A Pakistani Taliban commander was arrested in Kabul.", "A Pakistani Taliban commander", "PAK", "REB"),
])
def test_a_rank_of_an_armed_group_is_the_groups(coder, text, mention, country, sector):
    a = _actor(_record(coder, text), mention)
    assert (a["country"], a["sector"]) == (country, sector)


def test_a_titled_militant_commander_is_a_rebel(coder):
    a = _actor(_record(coder, "Militant commander Abu Hamza was detained by Iraqi police in Basra."),
               "Abu Hamza")
    assert a["sector"] == "REB"


@pytest.mark.parametrize("text,mention,sector", [
    # a rank of the state's own forces stays the state's
    ("The army commander in Kandahar said his men had retaken the district.", "The army commander", "MIL"),
    ("A Kenyan government official said the border would reopen.", "A Kenyan government official", "GOV"),
])
def test_a_state_rank_is_unchanged(coder, text, mention, sector):
    assert _actor(_record(coder, text), mention)["sector"] == sector


@pytest.mark.parametrize("text,mention,country", [
    # the venue of talks is no party's country: the other country the sentence names is
    ("The government and the rebels met in Nairobi for talks, Ethiopian officials said.",
     "The government", "ETH"),
    ("The government will hold talks with rebel leaders in Addis Ababa, a Sudanese minister said.",
     "The government", "SDN"),
    ("Negotiators for the government met separatist leaders in Geneva, a Cameroonian official said.",
     "the government", "CMR"),
])
def test_a_venue_is_not_the_governments_country(coder, text, mention, country):
    assert _actor(_record(coder, text), mention)["country"] == country


def test_a_venue_alone_gives_no_country(coder):
    # nothing but the venue: the government is not Qatar's
    rec = _record(coder, "The government resumed talks with the insurgents in Doha on Sunday.")
    assert _actor(rec, "The government")["country"] != "QAT"


def test_a_place_that_is_no_venue_still_places_the_agent(coder):
    # "in Nairobi" is where the police acted, not a meeting: Kenya's police
    rec = _record(coder, "Police arrested two Ethiopian men in Nairobi on Monday.")
    assert _actor(rec, "Police")["country"] == "KEN"


@pytest.mark.parametrize("text,mention,sector", [
    # ordinary people by kin or by what they do: civilians (PETRARCH codes MOTHER, CHILD, HUNTER
    # [~CVL], LANDLORD [~BUS]), of the sentence's country
    ("Two brothers stabbed a shop owner in Mombasa, Kenya.", "brothers", "CVL"),
    ("A couple was beaten by soldiers at a checkpoint in Kenya.", "A couple", "CVL"),
    ("A motorcyclist was shot dead by police in Nairobi, Kenya.", "A motorcyclist", "CVL"),
    ("Angry neighbours beat a suspected thief to death in Nakuru, Kenya.", "Angry neighbours", "CVL"),
    ("A hunter was killed by rangers in a park in Kenya.", "A hunter", "CVL"),
    ("A landlord was kidnapped by gunmen in Kisumu, Kenya.", "A landlord", "BUS"),
])
def test_ordinary_people_are_actors(coder, text, mention, sector):
    a = _actor(_record(coder, text), mention)
    assert (a["sector"], a["country"], a["country_source"]) == (sector, "KEN", "sentence")


def test_two_brothers_are_the_attackers(coder):
    rec = _record(coder, "Two brothers attacked a police officer with machetes in Kumasi, Ghana.")
    ev = next(e for e in rec["events"] if e["trigger"]["text"] == "attacked")
    by = {a["id"]: a for a in rec["actors"]}
    assert [by[i]["sector"] for i in ev["actor"]] == ["CVL"]


def test_who_dies_in_an_attack_is_not_its_actor(coder):
    # "died in an air raid": the aid workers suffer the raid, they do not make it
    rec = _record(coder, "Two aid workers died in an air raid in Sudan on Tuesday.")
    by = {a["id"]: a for a in rec["actors"]}
    ev = next(e for e in rec["events"] if e["type"] == "ASSAULT")
    assert "aid workers" not in [m["text"] for i in ev["actor"] for m in by[i]["mentions"]]
    assert "aid workers" in [m["text"] for i in ev["recipient"] for m in by[i]["mentions"]]


def test_who_dies_in_an_attack_is_its_victim(coder):
    # the one who dies suffers the attack; its "by" phrase still names who made it
    rec = _record(coder, "Three soldiers died in an ambush by al-Shabaab fighters near Kismayo.")
    by = {a["id"]: a for a in rec["actors"]}
    ev = next(e for e in rec["events"] if e["type"] == "ASSAULT")
    assert [by[i]["country"] for i in ev["actor"]] == ["SOM"]
    assert "soldiers" in [m["text"] for i in ev["recipient"] for m in by[i]["mentions"]]


@pytest.mark.parametrize("text,mention,country", [
    # where something is sent is not the country of the office holder who sends it
    ("Defence Minister Tom Clarke said Britain would send more tanks to Ukraine.", "Tom Clarke", "GBR"),
    ("Prime Minister Ahmed Musa deployed troops to Somalia, Kenyan officials said.", "Ahmed Musa", "KEN"),
])
def test_where_something_is_sent_is_not_the_senders_country(coder, text, mention, country):
    assert _actor(_record(coder, text), mention)["country"] == country
