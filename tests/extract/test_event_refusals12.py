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
