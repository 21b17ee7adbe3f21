"""A holiday named after a party, a country or a movement is a date, not an actor: "Labour
Day" names no Labour Party, "Russia Day" no Russian state (issue 12, fourteenth round: a
protest on Labour Day gave the British Labour Party as an actor of a Nigerian march)."""

from __future__ import annotations

import pytest

from communique.extract.actors import find_actors
from communique.extract.places import find_places


def _names(nlp, text):
    doc = nlp(text)
    res = find_actors(doc, find_places(doc))
    return {a.name for a in res.actors}, {m.text for a in res.actors for m in a.mentions}


@pytest.mark.parametrize("text,absent", [
    ("Thousands of workers marched through Lagos on Labour Day to demand higher wages.",
     "Labour Party"),
    ("On International Labour Day, hundreds of teachers gathered outside the ministry.",
     "Labour Party"),
    ("Veterans laid wreaths at the memorial on Russia Day in Kazan.", "Russia"),
])
def test_holiday_is_no_actor(nlp, text, absent):
    names, _ = _names(nlp, text)
    assert absent not in names, names


@pytest.mark.parametrize("text,present", [
    # the same names acting, with "day" elsewhere in the sentence
    ("Labour won the vote on Tuesday, a day after the debate.", "Labour Party"),
    ("Russia expelled two diplomats on the day the talks ended.", "Russia"),
])
def test_name_beside_other_day_words_still_acts(nlp, text, present):
    names, _ = _names(nlp, text)
    assert present in names, names
