"""Issue 12, twelfth round: who a violated ceasefire belongs to is the target of its violation
(CAMEO 196, "violate ceasefire"; the PLV train part's two "violated X's ceasefire" sentences
mark X as the target), but not the owner of a supporting act. Sentences written for these
tests, not taken from any data file; countries worked out by hand."""

from __future__ import annotations

import pytest

from .records import record as _record


def _roles(rec, etype):
    by_id = {a["id"]: a for a in rec["actors"]}
    return [({by_id[i]["country"] for i in e.get("actor", []) if i in by_id},
             {by_id[i]["country"] for i in e.get("recipient", []) if i in by_id})
            for e in rec["events"] if e["type"] == etype]


@pytest.mark.parametrize("text,country", [
    ("Guerrillas violated Colombia's ceasefire near the Venezuelan border.", "COL"),
    ("Armed men violated Israel's truce on Tuesday night.", "ISR"),
])
def test_whose_ceasefire_is_violated_is_the_target(coder, text, country):
    assert any(country in r for _, r in _roles(_record(coder, text), "ASSAULT"))


def test_a_supporters_own_act_does_not_make_it_a_target(coder):
    rec = _record(coder, "The Kenyan government reiterated Kenya's support to the Somali people.")
    roles = _roles(rec, "SUPPORT")
    assert any("SOM" in r for _, r in roles) and all("KEN" not in r for _, r in roles)
