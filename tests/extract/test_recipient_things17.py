"""Issue 12, seventeenth round: a nationality word on the thing an act falls on makes the
thing's country the recipient (communique/extract/actor_things.py), and a demand whose
clause names who is to act asks that one, not the one the demanded act falls on
(events/arguments._asks_named_doer). Sentences written for these tests (not taken from the
data); the expected countries were worked out by hand."""

from __future__ import annotations

import pytest

from .records import record as _record


def _recipients(rec):
    """(name, country, country_source, mention texts) of the recipients of the record's events."""
    by_id = {a["id"]: a for a in rec["actors"]}
    return [(by_id[i]["name"], by_id[i]["country"], by_id[i].get("country_source"),
             [m["text"] for m in by_id[i]["mentions"]]) for e in rec["events"] for i in e["recipient"]]


@pytest.mark.parametrize("text,country,word", [
    ("The Swedish foreign minister criticised the Iranian nuclear programme on Monday.", "IRN", "Iranian"),
    ("Pakistan lifted the ban on Indian film screenings last week.", "IND", "Indian"),
    ("Farmers in Lyon denounced the French pension reform.", "FRA", "French"),
    ("Egypt rejected a military solution to the Libyan conflict.", "LBY", "Libyan"),
])
def test_a_thing_named_by_a_nationality_word_is_its_countrys(coder, text, country, word):
    rec = _record(coder, text)
    found = [r for r in _recipients(rec) if r[1] == country]
    assert found, _recipients(rec)
    assert found[0][2] == "text" and word in found[0][3]


@pytest.mark.parametrize("text", [
    "The firm paid 500 Iraqi dinars for the repairs.",  # a currency
    "Traders protested against the weak US dollar exchange rate in Beirut.",  # a currency's rate
    "Officials met in the Syrian capital on Monday.",  # a place phrase: where, not whom
    "Dozens of farmers protested outside of the office of a Syrian trader.",  # deeper in one
])
def test_no_country_from_a_currency_or_a_place_phrase(coder, text):
    rec = _record(coder, text)
    assert not [r for r in _recipients(rec) if r[1] in ("IRQ", "SYR", "USA")], _recipients(rec)


def test_a_demand_asks_the_one_its_clause_has_act(coder):
    # the Saudi coalition is what the demanded act falls on, not who is asked
    rec = _record(coder, "The Senate is weighing a bill demanding the Biden administration "
                         "cut off all military aid to the Saudi coalition.")
    assert [r[1] for r in _recipients(rec)] == ["USA"], _recipients(rec)
