"""Issue 12, fifteenth round: recipients the rules left empty in recurring PLV forms.

- a permission refused or granted ("refused to allow X to land"): X, parsed as the subject of
  the permitted verb, is the recipient (PETRARCH CAMEO.2.0 ALLOW [080]: its object is the target);
- an order read as the coercion it orders ("ordered X detained", COERCE): X is coerced;
- an act for a peacekeeping force "in" a country: the country receives (CAMEO 074; peacekeeping.py).

Sentences are our own; the recipients were worked out by hand."""

from __future__ import annotations

import pytest

from .records import event, names, record


def _recipients(coder, text, etype):
    rec = record(coder, text)
    return names(rec, event(rec, etype)["recipient"]), names(rec, event(rec, etype)["actor"])


@pytest.mark.parametrize("text,etype,country", [
    ("Norway refused to allow three Chinese ships to dock in Bergen.", "REJECT", "CHN"),
    ("Egypt agreed to allow Sudanese traders to cross the border at Wadi Halfa.", "AGREE", "SDN"),
])
def test_the_one_allowed_receives(coder, text, etype, country):
    recipients, _ = _recipients(coder, text, etype)
    assert [c for _, c in recipients] == [country], recipients


@pytest.mark.parametrize("text,country", [
    ("An Egyptian court ordered three Canadian activists detained.", "CAN"),
    ("Police in Dhaka ordered the Indian reporters expelled.", "IND"),
])
def test_the_one_ordered_coerced_receives(coder, text, country):
    recipients, actors = _recipients(coder, text, "COERCE")
    assert [c for _, c in recipients] == [country], recipients
    assert actors and all(c != country for _, c in actors), actors


@pytest.mark.parametrize("text,etype,country", [
    ("Vietnam is ready to contribute more to United Nations peacekeeping operations in Syria.", "AGREE", "SYR"),
    ("Kenya deployed 300 soldiers to the African Union peacekeeping mission in Somalia.", "AID", "SOM"),
])
def test_a_peacekeeping_force_stands_for_the_country_it_serves(coder, text, etype, country):
    recipients, _ = _recipients(coder, text, etype)
    assert [c for _, c in recipients] == [country], recipients


def test_a_peacekeeping_force_attacked_is_the_recipient(coder):
    recipients, _ = _recipients(coder, "Militants attacked the UN peacekeeping mission in Mali.", "ASSAULT")
    assert [c for _, c in recipients] == ["UNO"], recipients


@pytest.mark.parametrize("text,etype,country", [
    ("The rebel commander declared a ceasefire in Misrata on Sunday.", "CONCEDE", "LBY"),
    ("The rebels declared a cease-fire in Mosul.", "CONCEDE", "IRQ"),
    ("Taliban leaders said the fighters will lay down their arms in Kandahar on Sunday.", "AGREE", "AFG"),
])
def test_a_truce_falls_on_the_place_it_is_made_in(coder, text, etype, country):
    """actor_truces.py: the place below country level stands for its country as the target."""
    recipients, _ = _recipients(coder, text, etype)
    assert [c for _, c in recipients] == [country], recipients


def test_a_meeting_place_is_no_truce_place(coder):
    rec = record(coder, "The two ministers met in Misrata on Sunday.")
    assert not [a for a in rec["actors"] if a["country"] == "LBY" and any(
        m["text"] == "Misrata" for m in a["mentions"])], rec["actors"]


@pytest.mark.parametrize("text,actor,recipient", [
    ("Anna Kovac, a Croatian lawmaker, called for sanctions against Serbia over the border closure.",
     "HRV", "SRB"),
    ("Mikhail Orlov, a former Russian oil tycoon, called for sanctions against Belarus.", "RUS", "BLR"),
])
def test_a_finite_verb_hung_on_the_root_noun_has_it_as_subject(coder, text, actor, recipient):
    """"X, a lawmaker, called for ...": the parser makes X the root and hangs the finite verb
    (VBD) on it; X acts."""
    rec = record(coder, text)
    e = event(rec, "THREATEN")
    assert [c for _, c in names(rec, e["actor"])] == [actor], names(rec, e["actor"])
    assert [c for _, c in names(rec, e["recipient"])] == [recipient], names(rec, e["recipient"])
