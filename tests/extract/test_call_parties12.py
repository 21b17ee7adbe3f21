"""Issue 12, twelfth round: "X called Y to <say something>": the purpose act is the caller's
and falls on the one called (events/calls.py; PLV's train part: 5 sentences of the form, all
5 mark the caller as the source and the one called as the target). Sentences written for these
tests, not taken from any data file; roles worked out by hand."""

from __future__ import annotations

import pytest

from .records import record as _record


def _roles(rec, etype):
    by_id = {a["id"]: a for a in rec["actors"]}
    return [([by_id[i]["name"] for i in e.get("actor", []) if i in by_id],
             [by_id[i]["name"] for i in e.get("recipient", []) if i in by_id])
            for e in rec["events"] if e["type"] == etype]


@pytest.mark.parametrize("text,caller,called", [
    ("Olaf Scholz called Emmanuel Macron on Monday to express his support for Ukraine.", "Olaf Scholz",
     "Emmanuel Macron"),
    ("Narendra Modi called Fumio Kishida on Tuesday to convey India's support for Taiwan.", "Narendra Modi",
     "Fumio Kishida"),
])
def test_support_told_in_a_call_goes_to_the_one_called(coder, text, caller, called):
    roles = _roles(_record(coder, text), "SUPPORT")
    assert roles and all(called in r and caller in a for a, r in roles)


def test_the_one_called_does_not_discuss_alone(coder):
    rec = _record(coder, "Joe Biden called Justin Trudeau to discuss trade with China.")
    assert all("Justin Trudeau" not in a for a, _ in _roles(rec, "CONSULT"))


def test_a_call_on_someone_is_an_appeal(coder):
    # "called on Uganda to ...": Uganda is asked to act, not called up
    rec = _record(coder, "The Kenyan opposition called on Uganda to express its support for the ceasefire.")
    assert any("Uganda" in r for _, r in _roles(rec, "REQUEST"))
