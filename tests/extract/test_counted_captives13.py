"""Issue 12, thirteenth round: a release of captives counted by a quantity ("released dozens of
activists", "freed 11 of its prisoners", "hundreds of prisoners were released") is the release
of those captives (PLOVER manual, RETREAT: the release of prisoners and hostages; CAMEO 0841):
the lexicon's ``needs:captive`` reads through the quantity to what it counts. Its recipient is
the captives. Sentences are our own; the expected roles were worked out by hand."""

from __future__ import annotations

import pytest

from .records import event, names, record


@pytest.mark.parametrize("text,actor,recipient", [
    ("Peru released dozens of jailed activists on Friday.", "Peru", "jailed activists"),
    ("The Chilean authorities freed 12 of the jailed students on Monday.",
     "Chilean authorities", "jailed students"),
    ("Hundreds of detainees were released by the Peruvian government last week.",
     "Peruvian government", "detainees"),
])
def test_counted_captives_are_released(coder, text, actor, recipient):
    rec = record(coder, text)
    e = event(rec, "RETREAT")
    assert [n for n, _ in names(rec, e["actor"])] == [actor], rec["events"]
    assert [n for n, _ in names(rec, e["recipient"])] == [recipient], rec["events"]


@pytest.mark.parametrize("text", [
    "The company released dozens of new phone models on Friday.",
    "The band released hundreds of copies of its first album.",
])
def test_counted_things_are_no_release(coder, text):
    assert not [e for e in record(coder, text)["events"] if e["type"] == "RETREAT"]
