"""Issue 12, twelfth round: a body or act led by a country is that country's ("the Saudi-led
coalition", "a French-led force": tests/data/actor_countries.tsv codes "A Saudi-led strike"
SAU; PLV's train part marks an "X-led" phrase as the source in 2 sentences, both coded by the
leading state). Sentences written for these tests, not taken from any data file; countries
worked out by hand."""

from __future__ import annotations

import pytest

from .records import record as _record


def _event_actor_countries(rec):
    by_id = {a["id"]: a for a in rec["actors"]}
    return [{by_id[i]["country"] for i in e.get("actor", []) if i in by_id} for e in rec["events"]]


@pytest.mark.parametrize("text,country", [
    ("The Saudi-led coalition bombed a market in Hodeidah on Monday.", "SAU"),
    ("A French-led force attacked militants in northern Mali.", "FRA"),
    ("An Ethiopian-led offensive killed dozens of fighters near the border.", "ETH"),
])
def test_the_leading_country_acts(coder, text, country):
    assert any(country in a for a in _event_actor_countries(_record(coder, text)))


@pytest.mark.parametrize("text,not_country", [
    # backing is no leading: "X-backed" does not make a party X's (the data set's convention)
    ("Saudi-backed militias attacked a market in Hodeidah.", "SAU"),
    # a people is no state: no country comes of "Kurdish-led"
    ("Kurdish-led forces attacked the town of Hajin.", None),
])
def test_backing_and_peoples_are_not_leaders(coder, text, not_country):
    countries = set().union(*_event_actor_countries(_record(coder, text)))
    assert not_country not in countries
