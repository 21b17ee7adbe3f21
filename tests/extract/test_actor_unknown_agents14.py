"""An attacker the report cannot name ("an unknown party", "an unidentified group", "unidentified
actors"): an armed group of no stated side (UAF) of the story's country, which ACLED codes
"Unidentified Armed Group (country)" (issue 12, fourteenth round)."""

from __future__ import annotations

import pytest

from communique.extract.actors import find_actors
from communique.extract.places import find_places

from .records import event, names, record


@pytest.mark.parametrize("text,mention", [
    ("Rocket fire by an unknown party hit the outskirts of Misrata on Sunday.", "unknown party"),
    ("A mine laid by an unknown group wounded two shepherds near Kandahar.", "unknown group"),
    ("An unidentified group opened fire on a councillor in Kano.", "unidentified group"),
    ("Unidentified actors torched three tractors outside Enugu.", "Unidentified actors"),
])
def test_unknown_agent_is_an_armed_group(nlp, text, mention):
    doc = nlp(text)
    res = find_actors(doc, find_places(doc))
    by = {m.text.removeprefix("an ").removeprefix("An "): a for a in res.actors for m in a.mentions}
    assert mention in by, sorted(by)
    assert by[mention].sector == "UAF"


def test_unknown_party_is_the_attacker_of_its_country(coder):
    rec = record(coder, "Rocket fire by an unknown party hit the outskirts of Misrata on Sunday.")
    ev = event(rec, "ASSAULT")
    assert names(rec, ev["actor"]) == [("unknown party", "LBY")]


def test_a_political_party_stays_a_party(nlp):
    doc = nlp("The ruling party and an opposition party signed a deal in Lagos.")
    res = find_actors(doc, find_places(doc))
    assert not any(a.sector == "UAF" for a in res.actors)
