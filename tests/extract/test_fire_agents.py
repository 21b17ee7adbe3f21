"""Killed by someone's fire (issue 14, tenth round): "fire" with a side, a nation or an armed
force before it is gunfire, an assault; a fire with none is a blaze, no event
(communique/extract/events/doers.py shot_fire, the lexicon's needs:violent-agent). Sentences
written for the test, not taken from the notes."""

from __future__ import annotations

import pytest

from communique.evaluate.acled import main_event

from .records import record


def _main(coder, text):
    ev = main_event(record(coder, text))
    return ev and (ev["type"], ev["trigger"]["text"])


@pytest.mark.parametrize("text", [
    "A fisherman was killed by Indian fire off the coast of Sindh on Monday.",
    "Two herders were killed by army fire near Gao.",
    "A shepherd was killed by militia members fire in Uruzgan.",
    "A boy was killed by Taliban fire in Zabul.",
])
def test_fire_someone_shoots_kills_in_an_assault(coder, text):
    assert _main(coder, text) == ("ASSAULT", "killed")


@pytest.mark.parametrize("text", [
    "Three children were killed by a fire in their home in Accra.",
    "A woman was killed by a house fire in Leeds.",
    "A ranger was killed by a forest fire in Attica.",
])
def test_a_blaze_is_no_assault(coder, text):
    assert _main(coder, text) is None
