"""Issue 12, ninth round: generic agents that got no actor. Sentences written for these
tests, not taken from any data file; the sectors are PETRARCH's agents dictionary's
(Phoenix.agents.txt: OPPOSITION_SUPPORTER ~OPP, GANG ~CRM, RIOT_POLICE ~COP, through
sectors.tsv) and the countries come from the place each sentence names."""

from __future__ import annotations

import pytest

from .records import record as _record


def _actor(rec, text):
    """The actor one of whose mentions is ``text``."""
    found = [a for a in rec["actors"] if any(m["text"] == text for m in a["mentions"])]
    assert found, [(a["name"], [m["text"] for m in a["mentions"]]) for a in rec["actors"]]
    return found[0]


@pytest.mark.parametrize("text,mention,country,sector", [
    # a supporter word takes its sector from the body word before it, as members and units do
    ("Opposition supporters clashed with police in Kinshasa, Congo on Monday.",
     "Opposition supporters", "COD", "OPP"),
    ("In Lome, Togo, opposition supporters marched to the electoral commission.",
     "opposition supporters", "TGO", "OPP"),
    # one gang is an agent as gangs are
    ("A gang stabbed a shopkeeper in Durban, South Africa.", "A gang", "ZAF", "CRM"),
    ("Police said a gang of youths robbed a bus in Nairobi, Kenya.", "a gang", "KEN", "CRM"),
    # "Riot" at the start of a sentence, tagged PERSON, is the police's description, not a name
    ("Riot police fired tear gas at students in Dhaka, Bangladesh.", "Riot police", "BGD", "COP"),
])
def test_generic_agents_get_an_actor(coder, text, mention, country, sector):
    a = _actor(_record(coder, text), mention)
    assert (a["country"], a["sector"]) == (country, sector)


def test_riot_is_no_person(coder):
    rec = _record(coder, "Riot police fired tear gas at students in Dhaka, Bangladesh.")
    assert not any(m["text"] == "Riot" for a in rec["actors"] for m in a["mentions"])


def test_riot_police_are_the_attackers(coder):
    rec = _record(coder, "Riot police fired tear gas at students in Dhaka, Bangladesh.")
    by_id = {a["id"]: a for a in rec["actors"]}
    ev = rec["events"][0]
    assert [by_id[i]["sector"] for i in ev["actor"]] == ["COP"]


@pytest.mark.parametrize("text,absent", [
    # a supporter with no body word before it says nothing of whose: no actor of its own
    ("Supporters clashed with police in Lusaka, Zambia.", "Supporters"),
    # "gang" in "gang rape" describes the act
    ("Police in Delhi, India arrested four men over the gang rape of a woman.", "gang"),
])
def test_not_generic_agents(coder, text, absent):
    rec = _record(coder, text)
    assert not any(absent in m["text"] for a in rec["actors"] for m in a["mentions"])


@pytest.mark.parametrize("text,mention,country,sector", [
    # a head no sector word names takes the two-word phrase's sector (sectors.tsv, from
    # PETRARCH's BORDER_GUARD ~MIL, POLICE_PERSONNEL ~COP)
    ("Border guards detained three men near Van, Turkey.", "Border guards", "TUR", "MIL"),
    ("Police personnel dispersed a crowd outside the court in Patna, India.",
     "Police personnel", "IND", "COP"),
])
def test_an_agent_phrase_gives_its_head_a_sector(coder, text, mention, country, sector):
    a = _actor(_record(coder, text), mention)
    assert (a["country"], a["sector"]) == (country, sector)


def test_a_security_guard_is_no_state_force(coder):
    # PETRARCH has no SECURITY_GUARD entry: a private guard is not MIL or COP
    rec = _record(coder, "Security guards beat a vendor outside a mall in Accra, Ghana.")
    assert not any(a.get("sector") in ("MIL", "COP") for a in rec["actors"])
