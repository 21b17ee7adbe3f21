"""Issue 12, sixteenth round: what an accord or an exchange between two parties is "on" is its
topic, not its recipient (extract/events/topics.py): "X and Y failed to reach a deal on Z"
has X act and Y receive (sides.joint_roles, as PLV marks it), not Z. A party reaching an
accord alone keeps the topic's owner as its recipient. Sentences are our own; the expected
roles were worked out by hand."""

from __future__ import annotations

import pytest

from .records import event, names, record


@pytest.mark.parametrize("text,etype,actor,recipient", [
    ("Ghana and Togo failed to reach a deal on Burkina Faso after two days of talks in Lome.",
     "REJECT", "Ghana", "Togo"),
    ("Brazil and Peru have agreed to share intelligence on Colombia, officials said on Monday.",
     "AGREE", "Brazil", "Peru"),
    ("Kenya and Uganda reached an agreement on Somalia on Friday.", "SUPPORT", "Kenya", "Uganda"),
])
def test_joint_accord_topic_is_no_recipient(coder, text, etype, actor, recipient):
    rec = record(coder, text)
    e = event(rec, etype)
    assert [n for n, _ in names(rec, e["actor"])] == [actor], rec["events"]
    assert [n for n, _ in names(rec, e["recipient"])] == [recipient], rec["events"]


def test_lone_party_keeps_the_topics_owner(coder):
    # one party reaching no accord alone: the topic's owner is the one it concerns (PLV: "Trump
    # failed to reach agreement on <t>North Korea's denuclearisation</t>")
    rec = record(coder, "Ghana failed to reach agreement on Togo's debt relief on Tuesday.")
    e = event(rec, "REJECT")
    assert [n for n, _ in names(rec, e["recipient"])] == ["Togo"], rec["events"]
