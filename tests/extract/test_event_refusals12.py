"""Refusals and concessions the coder missed on PLV sentences (issue 12, tenth round):
a strike, protest or boycott ended is a concession (CAMEO 082, as "called off the strike";
PLOVER CONCEDE), and one not ended a refusal (CAMEO 1242; PLOVER REJECT). Sentences
written for the test, not taken from the data."""

from __future__ import annotations

import pytest

from communique.extract.events import find_events
from communique.lexicon import load_lexicon


def _events(nlp, text):
    return find_events(nlp(text), None, load_lexicon())


@pytest.mark.parametrize("text", [
    "The dockers said they will not end the strike until wages rise.",
    "Bakers in the port city say they will not end their boycott of the mill.",
    "The union says it will not end the protests before the minister resigns.",
])
def test_strike_not_ended_is_a_refusal(nlp, text):
    events = _events(nlp, text)
    assert events, text
    assert "REJECT" in {e.type for e in events}
    assert "end" in {nlp(text)[e.trigger_token].lower_ for e in events}


@pytest.mark.parametrize("text", [
    "Nurses in the capital ended their strike on Friday.",
    "The taxi drivers ended the protest after the mayor met them.",
])
def test_strike_ended_is_a_concession(nlp, text):
    events = [e for e in _events(nlp, text) if not e.negated]
    assert "CONCEDE" in {e.type for e in events}


@pytest.mark.parametrize("text", [
    "The army ended the operation in the valley.",     # not dissent: no concession read
    "The company ended the season with a loss.",
])
def test_end_of_other_things_is_no_concession(nlp, text):
    assert "CONCEDE" not in {e.type for e in _events(nlp, text)}


# Joint military games are cooperation (PLOVER manual, COOPERATE: "joint military games and
# maneuvers"; single-country exercises MOBILIZE), as joint exercises and drills already are.
@pytest.mark.parametrize("text, etype", [
    ("Chile and Peru staged joint war games off the coast last spring.", "COOPERATE"),
    ("The navies of Ghana and Togo began joint war games in the gulf.", "COOPERATE"),
    ("The Chilean navy staged war games off the coast last spring.", "MOBILIZE"),
])
def test_joint_war_games(nlp, text, etype):
    types = {e.type for e in _events(nlp, text)}
    assert etype in types, (text, types)
    assert ({"COOPERATE", "MOBILIZE"} - {etype}).isdisjoint(types), (text, types)


# Money a court or a body awards is AID (PLOVER manual, AID: "monetary aid and financial
# guarantees, grants, gifts and credit, including reparations"); a prize or an order stays
# SUPPORT, a contract nothing.
@pytest.mark.parametrize("text, etype", [
    ("A jury in Texas awarded the widow $4 million in damages.", "AID"),
    ("The fund awarded the charity 2 million euros for the new clinic.", "AID"),
    ("The academy awarded the prize to a Kenyan poet.", "SUPPORT"),
    ("The city awarded the contract to a local firm.", None),
])
def test_award_of_money(nlp, text, etype):
    types = {e.type for e in _events(nlp, text)}
    if etype is None:
        assert "AID" not in types and "SUPPORT" not in types, (text, types)
    else:
        assert etype in types, (text, types)
        assert not ({"AID", "SUPPORT"} - {etype}) & types, (text, types)


# A threat's condition is its content (PLOVER manual, THREATEN: "the mode is the content of
# the threat"): "threatened to X if Y" is a threat made, not a hypothetical one. Class train
# part: 3 verbal-conflict sentences ("issued an ultimatum ... if", "threatened to shell ... if")
# read as no asserted event. Other acts under "if" stay hypothetical.
@pytest.mark.parametrize("text", [
    "The militia threatened to shell Tartus, the biggest port in the region, if the navy enters the bay.",
    "The mayor issued an ultimatum to the union: if the strike goes on, the workers will be fired.",
    "Oslo has issued a warning to the envoy: unless the embassy apologises, he will be expelled.",
    "The union issued an ultimatum to the mayor warning of a general strike if the council does not raise wages.",
])
def test_conditional_threat_is_made(nlp, text):
    threats = [e for e in _events(nlp, text) if e.type == "THREATEN"]
    assert threats, text
    assert all(e.modality == "asserted" for e in threats), [(e.type, e.modality) for e in threats]


@pytest.mark.parametrize("text", [
    "If the talks fail, the army may threaten to shell the port.",
    "The rebels will attack the town if the army advances.",
])
def test_other_conditions_stay_hypothetical(nlp, text):
    events = [e for e in _events(nlp, text) if e.type in ("THREATEN", "ASSAULT")]
    assert events, text
    assert all(e.modality == "hypothetical" for e in events), [(e.type, e.modality) for e in events]


# "accept refugees fleeing the war": the parse makes the object the subject of a bare
# participle clause (ccomp); that subject is the verb's object (tree.objects). Train part:
# 2 sentences ("will not accept any Rohingya refugees fleeing ...", "supported ... girls
# going to school"). A clause with an auxiliary or "that" stays a clause.
@pytest.mark.parametrize("text, etype", [
    ("Jordan says it will not accept any Syrian refugees fleeing the fighting in Daraa.", "REJECT"),
    ("Chad has accepted thousands of refugees fleeing the war in Darfur.", "AID"),
])
def test_object_of_bare_participle_clause(nlp, text, etype):
    assert etype in {e.type for e in _events(nlp, text)}, text


def test_finite_clause_is_no_object(nlp):
    from communique.extract.events.tree import objects
    doc = nlp("The minister said the army was fleeing the town.")
    said = next(t for t in doc if t.lower_ == "said")
    assert objects(said) == []
