"""Issue 12: an admin unit in the chain after a place is no person, whatever NER tagged it. ACLED
notes name where an event happened as "in TOWN, STATE," (house style); NER may tag the state
PERSON ("Nuevo Leon", "Pernambuco"), which then stood as the actor or the victim. A name that is
a part of the admin chain right after a place the place stage read, and that the gazetteer
knows as an admin unit, is that unit. A crowd the parse set in apposition to the place before
its protest verb ("in X, Y, around 30 waiters protested") is who protests (actor_crowds).
Sentences written for these tests, not taken from any data file."""

from __future__ import annotations

import pytest

from communique.evaluate.acled import main_event

from .records import record as _record


def _roles(rec):
    ev = main_event(rec)
    by = {a["id"]: a["name"] for a in rec["actors"]}
    return [by[i] for i in ev["actor"]], [by[i] for i in ev["recipient"]]


@pytest.mark.parametrize("text,unit,actor,recipient", [
    ("On 12 June 2021, in Apodaca, Nuevo Leon, a man was injured in a drive-by shooting by armed "
     "men on a motorcycle.", "Nuevo Leon", "armed men", "man"),
    ("On 12 June 2021, in Caruaru, Pernambuco, a group of nurses protested outside the town "
     "hall.", "Pernambuco", "nurses", None),
    # the crowd the parse set in apposition to the unit, which it made the subject
    ("On 1 May 2021, in Tulum, Quintana Roo, around 30 waiters protested demanding temporary "
     "jobs.", "Quintana Roo", "waiters", None),
])
def test_a_unit_in_the_chain_after_a_place_is_no_actor(coder, text, unit, actor, recipient):
    rec = _record(coder, text)
    assert unit not in [a["name"] for a in rec["actors"]]
    actors, recipients = _roles(rec)
    assert actor in actors
    assert recipient is None or recipient in recipients


def test_a_person_named_after_a_place_stays_a_person(coder):
    # no admin unit: the name after "in Kabul," is the victim
    rec = _record(coder, "On 12 June 2021, in Kabul, Ahmad Shah was shot dead by unknown gunmen.")
    assert "Ahmad Shah" in _roles(rec)[1]
