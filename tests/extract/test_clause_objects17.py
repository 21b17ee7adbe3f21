"""Issue 12, seventeenth round: recipients the parse hangs in a clause
(communique/extract/events/clause_objects.py): the subject of a demand noun's "that" clause,
the object read as the subject of a participle clause, and the subject of a finite verb read
as a participle hung on the root noun. Sentences written for these tests (not taken from the
data); the expected parties were worked out by hand."""

from __future__ import annotations

import pytest

from .records import event, names, record


@pytest.mark.parametrize("text,etype,actor,recipient", [
    # the demand noun's "that" clause names who is asked
    ("Japan renewed its demand that China release the detained fishermen.", "REQUEST", "JPN", "CHN"),
    # the object of "accept" read as the subject of "escaping"
    ("Thailand said it would not accept Cambodian migrants escaping the floods.", "REJECT", "THA", "KHM"),
    # "called for" read as a participle (VBN) hung on the root noun "report"
    ("A U.S. congressional report called for sanctions against Venezuela over the crackdown.",
     "THREATEN", "USA", "VEN"),
])
def test_clause_recipient(coder, text, etype, actor, recipient):
    rec = record(coder, text)
    e = event(rec, etype)
    assert actor in [c for _, c in names(rec, e["actor"])], names(rec, e["actor"])
    assert recipient in [c for _, c in names(rec, e["recipient"])], names(rec, e["recipient"])


def test_a_reduced_passive_keeps_its_noun_as_recipient(coder):
    # "arrested" has no particle in its entry: the noun before it is who was arrested
    rec = record(coder, "Kenyan protesters arrested by police in Nairobi on Monday.")
    e = event(rec, "COERCE")
    assert "KEN" in [c for _, c in names(rec, e["recipient"])], names(rec, e["recipient"])


def test_parties_agreeing_to_end_fighting_split(coder):
    # "agreed to a truce to end years of fighting" reads as the act agreed to; its two
    # parties split as PLV marks "X and Y agreed": the first acts, the second receives
    rec = record(coder, "Ethiopia and Eritrea agreed to a truce to end years of fighting.")
    e = [e for e in rec["events"] if e["trigger"]["text"] == "agreed"][0]
    assert names(rec, e["actor"]) == [("Ethiopia", "ETH")], names(rec, e["actor"])
    assert names(rec, e["recipient"]) == [("Eritrea", "ERI")], names(rec, e["recipient"])
