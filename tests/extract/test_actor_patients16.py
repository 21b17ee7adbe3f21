"""Issue 12, sixteenth round: an actor with no country word of its own does not take the
country of what its own verb acts upon (communique/extract/actor_patients.py). Sentences
written for these tests (not taken from the data); the expected countries were worked out
by hand from each sentence: "-" (None) where the sentence alone cannot tell."""

from __future__ import annotations

import pytest

from .records import record as _record


def _actor(rec, text):
    """The actor one of whose mentions is ``text``."""
    found = [a for a in rec["actors"] if any(m["text"] == text for m in a["mentions"])]
    assert found, [(a["name"], [m["text"] for m in a["mentions"]]) for a in rec["actors"]]
    return found[0]


@pytest.mark.parametrize("text,agent", [
    # a generic agent: the nationality word is the object's
    ("The court fined Canada's biggest airline for losing the luggage of passengers.", "The court"),
    # the object of a preposition of the verb, and of a verb the subject passes on
    ("The tribunal refused to rule against the Peruvian mining company.", "The tribunal"),
    # a person named: the possessor of what the inquiry is into
    ("Judge Anna Berg has opened an inquiry into Brazil's state oil company.", "Anna Berg"),
])
def test_the_patients_country_is_not_the_agents(coder, text, agent):
    assert _actor(_record(coder, text), agent)["country"] is None


@pytest.mark.parametrize("text,agent,country", [
    # the country also places the act: the agent's
    ("Police in Nairobi arrested Kenya's most wanted man.", "Police", "KEN"),
    # what is owned by a country's body is the body's doing, not a patient of that country
    ("The minister condemned the Indian government's decision.", "The minister", "IND"),
])
def test_a_country_named_otherwise_still_places_the_agent(coder, text, agent, country):
    assert _actor(_record(coder, text), agent)["country"] == country
