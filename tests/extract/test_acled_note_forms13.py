"""ACLED notes in rules mode (issues 13 and 14, eleventh round, h14n): a note that got no
event at all. Sentences written for the test, not taken from the notes."""

from __future__ import annotations

import pytest

from .records import acled_type, record


@pytest.mark.parametrize("text", [
    # an explosion told as happening, with no other sign of conflict in the sentence
    # (PLOVER manual, ASSAULT explosives; CAMEO 183)
    "On 2 March 2021, two explosions took place near the market in Kandor town. No injuries "
    "were reported.",
    "On 11 July 2021, an explosion occurred at a warehouse in Belto city. No casualties were "
    "reported.",
])
def test_an_explosion_that_takes_place_is_an_explosives_assault(coder, text):
    rec = record(coder, text)
    assert [(e["type"], e["mode"]) for e in rec["events"]][:1] == [("ASSAULT", "explosives")]
    assert acled_type(coder, text) == "Explosions/Remote violence"


def test_an_explosion_only_talked_of_is_no_event(coder):
    rec = record(coder, "Economists warned of an explosion in food prices next year.")
    assert not [e for e in rec["events"] if e["type"] == "ASSAULT"]
