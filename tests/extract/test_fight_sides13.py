"""Issue 12: the two sides of a fight both wage, named all as its actors, split as a joint act's
parties do: the first named acts, the other receives (ACLED codebook: a battle's two sides are
its actor1 and actor2; the PLV data mark the second party of a clash the target). Sentences
written for these tests, not taken from any data file."""

from __future__ import annotations

import pytest

from communique.evaluate.acled import main_event

from .records import record as _record


def _roles(rec):
    ev = main_event(rec)
    by = {a["id"]: a["name"] for a in rec["actors"]}
    return [by[i] for i in ev["actor"]], [by[i] for i in ev["recipient"]]


@pytest.mark.parametrize("text,actor,recipient", [
    ("On 3 June 2021, clashes broke out between Al Shabaab militants and Somali soldiers near "
     "Baidoa, Somalia.", "al-Shabaab", "Somali soldiers"),
    ("On 3 June 2021, heavy fighting erupted between Taliban fighters and Afghan soldiers near "
     "Kunduz.", "Taliban", "Afghan soldiers"),
])
def test_the_second_side_of_a_fight_receives_it(coder, text, actor, recipient):
    assert _roles(_record(coder, text)) == ([actor], [recipient])


def test_a_fight_with_a_recipient_keeps_its_roles(coder):
    rec = _record(coder, "On 3 June 2021, Taliban fighters clashed with Afghan soldiers in Kunduz.")
    assert _roles(rec) == (["Taliban"], ["Afghan soldiers"])
