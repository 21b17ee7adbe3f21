"""Armed groups Phoenix.MilNonState.actors.txt (PETRARCH, MIT) codes as rebels,
named by their acronyms (issue 12/13): each is an actor of its country, sector REB."""

from __future__ import annotations

import pytest

from communique.extract.actors import find_actors
from communique.extract.places import find_places


@pytest.mark.parametrize("text,mention,country", [
    ("MNLF fighters exchanged fire with army troops outside the town on Sunday.", "MNLF", "PHL"),
    ("Soldiers said the FDLR had raided two farms before dawn.", "the FDLR", "COD"),
    ("Police accused PREPAK of planting the bomb near the market.", "PREPAK", "IND"),
])
def test_petrarch_rebel_acronyms_are_rebel_actors(nlp, text, mention, country):
    doc = nlp(text)
    res = find_actors(doc, find_places(doc))
    by = {m.text: a for a in res.actors for m in a.mentions}
    assert mention in by, sorted(by)
    assert (by[mention].country, by[mention].sector) == (country, "REB")
