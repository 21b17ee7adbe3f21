"""Issue 12, twelfth round: a place an act is aimed at or moves from or to stands for its
country as the target (PETRARCH/PLOVER code a targeted place by its country; PLV's train part
marks it as the target where no other party is named): the object of to / from after a word
that is not one of going somewhere, and a place a targeted site lies in ("militant positions
in the Kidal region"). A place where one goes or meets stays a place. Sentences written for
these tests, not taken from any data file; countries worked out by hand."""

from __future__ import annotations

import pytest

from .records import mention_country as _mention_country
from .records import record as _record
from .records import recipient_countries as _recipient_countries


@pytest.mark.parametrize("text,place,country", [
    ("The European Union suspended humanitarian aid to Darfur after the looting.", "Darfur", "SDN"),
    ("The United Nations withdrew its monitors from Darfur on Monday.", "Darfur", "SDN"),
    ("French jets bombed militant positions in the Kidal region.", "Kidal", "MLI"),
])
def test_a_targeted_place_is_its_countrys(coder, text, place, country):
    rec = _record(coder, text)
    assert _mention_country(rec, place) == country
    assert any(country in r for r in _recipient_countries(rec))


@pytest.mark.parametrize("text,place", [
    ("Police arrested a man from Kano on Friday.", "Kano"),          # where a person is from
    ("The Malian minister travelled to Kidal on Monday.", "Kidal"),   # where one goes
    ("Sudanese officials held talks in Darfur on Sunday.", "Darfur"),  # where one meets
])
def test_other_places_stay_places(coder, text, place):
    assert _mention_country(_record(coder, text), place) is None


@pytest.mark.parametrize("text,place,country", [
    ("The French foreign ministry condemned the Kandahar suicide attack.", "Kandahar", "AFG"),
    ("The Indian government ordered an inquiry into the Mumbai hospital fire.", "Mumbai", "IND"),
])
def test_a_place_naming_the_thing_acted_on_is_its_countrys(coder, text, place, country):
    # the place modifies the noun the act falls on (the object of a verb or a preposition)
    rec = _record(coder, text)
    assert _mention_country(rec, place) == country
    assert any(country in r for r in _recipient_countries(rec))


def test_a_place_naming_the_subject_stays_a_place(coder):
    assert _mention_country(_record(coder, "The Kandahar attack killed ten people on Monday."), "Kandahar") is None
