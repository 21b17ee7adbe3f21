"""Giving or granting leave (permission, approval, authorization, consent, clearance) is
yielding it: RETREAT access (PLOVER YIELD; manual, RETREAT: allowing the entry of observers,
peacekeepers or humanitarian workers); and borders opened to people are asylum, AID (manual,
AID: asylum to persons in its territories). Sentences written for this test."""

from __future__ import annotations

import pytest

from communique.extract.events import find_events
from communique.lexicon import load_lexicon


def _readings(nlp, text):
    return {(e.type, e.mode) for e in find_events(nlp(text), None, load_lexicon()) if not e.negated}


@pytest.mark.parametrize("text", [
    "The court gave approval for the release of the documents.",
    "A judge has given preliminary authorization for the activist to be deported.",
    "The ministry granted the company clearance to export the vaccine.",
    "The council granted the mission its consent to stay another year.",
])
def test_leave_given_is_yielded(nlp, text):
    assert ("RETREAT", "access") in _readings(nlp, text)


def test_other_things_given_are_not_leave(nlp):
    assert ("RETREAT", "access") not in _readings(nlp, "The government gave the families food and blankets.")


@pytest.mark.parametrize("text", [
    "Jordan opened its borders to displaced Iraqis.",
    "Chad has opened its borders to the displaced families of Darfur.",
])
def test_borders_opened_to_people_are_asylum(nlp, text):
    # asylum to persons in its territory is AID (manual, AID)
    doc = nlp(text)
    actors = type("Actors", (), {"token_actor": {t.i: f"a{t.i}" for t in doc if t.ent_type_ == "NORP"}})()
    assert "AID" in {e.type for e in find_events(doc, actors, load_lexicon())}


def test_borders_opened_to_trade_are_no_asylum(nlp):
    assert "AID" not in {e.type for e in find_events(nlp("China opened its borders to foreign trade."),
                                                     None, load_lexicon())}
