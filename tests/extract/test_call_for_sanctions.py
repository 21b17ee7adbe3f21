"""A call for sanctions against a party is a threat to sanction it, not a plain appeal
(PETRARCH CAMEO.2.0: CALL * (FOR SANCTIONS) 1312, "threaten to boycott, embargo, or
sanction"; CAMEO2PLOVER: THREATEN restrict, economic). Sentences written for this test;
the expected records were worked out by hand."""

from __future__ import annotations

import pytest

from .records import event, names, record


@pytest.mark.parametrize("text, actor, recipient", [
    ("The French foreign minister called for sanctions against Venezuela.", "FRA", "VEN"),
    ("Canadian senators have called for new sanctions on Iran over the crackdown.", "CAN", "IRN"),
])
def test_call_for_sanctions_threatens(coder, text, actor, recipient):
    rec = record(coder, text)
    assert "REQUEST" not in {e["type"] for e in rec["events"]}
    e = event(rec, "THREATEN")
    assert (e["mode"], e["cameo"]) == ("restrict", "1312")
    assert [c for _n, c in names(rec, e["actor"])] == [actor]
    assert [c for _n, c in names(rec, e["recipient"])] == [recipient]


def test_noun_call_for_sanctions_threatens(coder):
    rec = record(coder, "Rights groups renewed their call for sanctions against the Syrian government.")
    assert event(rec, "THREATEN")["cameo"] == "1312"


@pytest.mark.parametrize("text", [
    "The union called for a general strike.",
    "The minister called on the rebels to lay down their arms.",
])
def test_other_calls_stay_requests(coder, text):
    rec = record(coder, text)
    assert "REQUEST" in {e["type"] for e in rec["events"]}
    assert "THREATEN" not in {e["type"] for e in rec["events"]}
