"""Issue 12, fourteenth round: a body two countries' words share ("Nigerian and British armed
forces", "UK and EU negotiators", "the armies of Brazil and Argentina") is each country's side
(actor_joint.shared_bodies, events.joint_sides.shared_body); a joint act by it has the first
named act and the other receive, as PLV marks it (7 of 7 PLV train-part sentences of the
"A and B <body>" form, and "the armies of Brazil and Argentina"). Sentences are our own; the
expected roles were worked out by hand."""

from __future__ import annotations

import pytest

from .records import event, mention_country, names, record


@pytest.mark.parametrize("text,etype,actor,recipient", [
    ("Kenyan and Ugandan armed forces have agreed to hold a joint border patrol next month.",
     "AGREE", "KEN", "UGA"),
    ("Peruvian and the Chilean delegations agreed to meet again in March.", "AGREE", "PER", "CHL"),
    ("The navies of Greece and Egypt held joint drills off Crete on Tuesday.", None, "GRC", "EGY"),
    ("French and EU negotiators failed to reach a deal on fishing quotas on Friday.", "REJECT", "FRA", "EUR"),
])
def test_a_joint_act_by_a_shared_body_has_its_sides_apart(coder, text, etype, actor, recipient):
    rec = record(coder, text)
    e = event(rec, etype) if etype else rec["events"][0]
    assert [c for _, c in names(rec, e["actor"])] == [actor], rec["events"]
    assert [c for _, c in names(rec, e["recipient"])] == [recipient], rec["events"]


def test_each_country_word_of_a_shared_body_is_its_side(coder):
    rec = record(coder, "Kenyan and Ugandan armed forces have agreed to hold a joint border patrol.")
    assert mention_country(rec, "Kenyan") == "KEN"
    assert mention_country(rec, "Ugandan armed forces") == "UGA"


def test_both_sides_of_a_shared_body_carry_out_an_attack(coder):
    rec = record(coder, "Malian and French troops attacked a militant camp near Gao on Sunday.")
    e = event(rec, "ASSAULT")
    assert sorted(c for _, c in names(rec, e["actor"])) == ["FRA", "MLI"], rec["events"]


def test_words_of_no_country_make_no_sides(coder):
    rec = record(coder, "Federal and state police arrested two men in Lagos on Monday.")
    assert mention_country(rec, "Federal") is None or mention_country(rec, "Federal") == \
        mention_country(rec, "police")
