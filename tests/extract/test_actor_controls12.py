"""Issue 12, twelfth round: a place put under a control measure (a curfew, blockade, state of
siege or emergency, lockdown) stands for its country as the event's target (PLOVER COERCE;
PLV's train part marks the place as the target in 14 of its 25 sentences with such a measure).
Sentences written for these tests, not taken from any data file; countries worked out by hand."""

from __future__ import annotations

import pytest

from .records import mention_country as _mention_country
from .records import record as _record
from .records import recipient_countries as _recipient_countries


@pytest.mark.parametrize("text,place,country", [
    ("Iraqi authorities imposed a curfew on Mosul after the clashes.", "Mosul", "IRQ"),
    ("The Indian government imposed a curfew in parts of Kashmir on Sunday.", "Kashmir", "IND"),
    ("Sri Lankan police declared a state of emergency in Kandy after the riots.", "Kandy", "LKA"),
    ("Pakistani officials imposed a lockdown on Karachi.", "Karachi", "PAK"),
])
def test_the_place_under_a_measure_is_its_countrys(coder, text, place, country):
    rec = _record(coder, text)
    assert _mention_country(rec, place) == country
    assert any(country in r for r in _recipient_countries(rec))


@pytest.mark.parametrize("text,place", [
    # a place that is only where a meeting or a visit is held stays a place
    ("Iraqi officials held an emergency meeting in Mosul on Sunday.", "Mosul"),
    ("The Indian minister flew to Srinagar on Monday.", "Srinagar"),
])
def test_other_places_stay_places(coder, text, place):
    assert _mention_country(_record(coder, text), place) is None


@pytest.mark.parametrize("text,country", [
    # CAMEO 0813/0814 (ease curfew / state of emergency): the eased measure falls where it was put
    ("Algerian authorities lifted the curfew imposed in parts of Oran on Sunday.", "DZA"),
    ("Kenyan authorities relaxed the curfew hours imposed in some parts of Mombasa.", "KEN"),
])
def test_an_eased_measure_falls_on_the_place_it_was_put_on(coder, text, country):
    assert any(country in r for r in _recipient_countries(_record(coder, text)))
