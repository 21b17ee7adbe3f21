"""Issue 12: who protests, counted in hundreds or rallying and marching. Sentences written for
these tests, not taken from any data file. A crowd counted "hundreds of X" protests as "a group
of X" does (the count word's lemma is "hundred", the crowd-head list holds "hundreds"); CAMEO's
verb dictionary (PETRARCH CAMEO.2.0.txt) files MARCH with DEMONSTRATE [141], RALLY by
demonstrators [141] and RIOT [145]: their plural subject protests too (PLOVER PROTEST)."""

from __future__ import annotations

import pytest

from communique.evaluate.acled import main_event

from .records import record as _record


def _actor(rec, text):
    found = [a for a in rec["actors"] if any(m["text"] == text for m in a["mentions"])]
    assert found, [(a["name"], [m["text"] for m in a["mentions"]]) for a in rec["actors"]]
    return found[0]


@pytest.mark.parametrize("text,mention,country", [
    ("On 30 April 2021, hundreds of seaport dockers demonstrated in Mombasa, Kenya, to claim "
     "unpaid salaries.", "seaport dockers", "KEN"),
    ("On 3 May 2021, thousands of cleaners protested in Lyon, France, against job cuts.",
     "cleaners", "FRA"),
    ("On 30 April 2021, cleaners rallied outside the town hall in Valparaiso, Chile.", "cleaners",
     "CHL"),
    ("On 30 April 2021, bricklayers marched through Accra, Ghana, demanding unpaid wages.",
     "bricklayers", "GHA"),
])
def test_a_counted_or_rallying_crowd_is_the_protest_actor(coder, text, mention, country):
    rec = _record(coder, text)
    a = _actor(rec, mention)
    assert (a["country"], a["sector"]) == (country, "CVL")
    ev = main_event(rec)
    assert ev["type"] == "PROTEST" and a["id"] in ev["actor"]
