"""Giving or granting leave (permission, approval, authorization, consent, clearance) is
yielding it: RETREAT access (PLOVER YIELD; manual, RETREAT: allowing the entry of observers,
peacekeepers or humanitarian workers). Sentences written for this test."""

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
