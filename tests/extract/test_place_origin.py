"""Where an act happened when its clause names an origin (issue 14, tenth round): a place
after "from" (or "over", "on", "through") ranks below a locative "in X" of the same
sentence, even one the parse leaves outside the clause; alone it still places the act."""

from __future__ import annotations

import pytest

from communique.extract.gazetteer import candidates

from .records import location

needs_db = pytest.mark.skipif(not candidates("kano"), reason="data/gazetteer.sqlite not built")


def _loc(coder, text):
    return location(coder, text, "2021-08-01")


@needs_db
def test_a_fronted_locative_beats_the_origin(coder):
    # the parse hangs "in Kano" on "state", out of the clause of "returned"; "from Niger"
    # is where the migrants came from, not where they returned
    loc = _loc(coder, "On 9 July 2021, in Kano, Kano state, 30 Nigerian migrants returned "
                      "from Niger.")
    assert loc["country"] == "NGA" and loc["name"] == "Kano"


@needs_db
def test_an_origin_alone_still_places_the_act(coder):
    loc = _loc(coder, "On 9 July 2021, 30 Nigerian migrants returned from Niger.")
    assert loc["country"] == "NER"
