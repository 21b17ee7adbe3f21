"""Dates of a note's events (issue 14, second round): the day a note opens with, on
sentences written for the test."""

from __future__ import annotations

import pytest

from communique.evaluate.acled import main_event
from communique.extract.date_forms import opening_date
from communique.extract.dates import find_dates


def _main(coder, text, published="2021-05-12"):
    return main_event(coder.code(text, published=published).to_dict())


@pytest.mark.parametrize("text, date", [
    # a vaguer date of the opening sentence dates something else: the unpaid wages
    ("On 9 May 2021, a group of nurses protested in Beja to demand the payment of their "
     "wages for the past sixteen months.", "2021-05-09"),
    # the parenthesis after the opening date glosses it
    ("Around 9 May 2021 (between 8 May - 10 May), militiamen raped two women in Djugu.",
     "2021-05-09"),
    ("Around 9 May 2021 (from 8 - 9 May), gunmen attacked a bus in Herat.", "2021-05-09"),
])
def test_the_opening_date_is_the_day_of_its_sentence(coder, text, date):
    ev = _main(coder, text)
    assert ev["date"] == date and ev["date_precision"] == "day"


def test_a_date_of_its_own_still_wins_in_a_later_sentence(coder):
    rec = coder.code("On 3 May 2021, soldiers clashed with militants near Kukawa. On 5 May, "
                     "militants attacked a market in Monguno.", published="2021-05-12").to_dict()
    dates = {e["trigger"]["text"]: e["date"] for e in rec["events"]}
    assert dates.get("clashed") == "2021-05-03" and dates.get("attacked") == "2021-05-05"


def test_undated_events_of_any_mood_take_the_notes_date(coder):
    rec = coder.code("On 30 April 2021, militants attacked a checkpoint near Herat. Police may "
                     "have detained two suspects.", published="2021-05-12").to_dict()
    assert rec["events"] and all(e["date"] == "2021-04-30" for e in rec["events"])


# ACLED's "As reported on <day>," opens a note as "On <day>," does (issue 14, tenth round): the
# note's rules apply, its undated events of any mood take that day, and a note that names no
# place the gazetteer knows is placed in its actors' country
def test_as_reported_on_opens_a_note(coder):
    rec = coder.code("As reported on 14 March 2021, Taliban militants threatened the teachers of "
                     "a girls' school. The militants may have burned the school.",
                     published="2021-03-20").to_dict()
    assert rec["events"] and all(e["date"] == "2021-03-14" for e in rec["events"])
    assert rec["events"][0]["location"]["country"] == "AFG"


@pytest.mark.parametrize("text, opens", [
    ("As reported on 14 March 2021, gunmen attacked a bus.", True),
    ("Looting: As reported on 14 March 2021, gunmen looted a shop.", True),
    ("Looting: On 14 March 2021, gunmen looted a shop.", True),
    ("As it was reported on 14 March 2021, gunmen attacked a bus.", False),
    ("Police said on 14 March 2021, that gunmen attacked a bus.", False),
])
def test_what_may_stand_before_the_opening_date(nlp, text, opens):
    hits = find_dates(nlp(text), "2021-03-20")
    assert (opening_date(hits, text) is not None) is opens
