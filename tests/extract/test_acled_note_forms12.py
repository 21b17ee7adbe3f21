"""ACLED event types in rules mode (issue 13, eleventh round, h13s): forms that recur in the
train part of the ACLED notes, each read from the ACLED codebook. Sentences written for the
test, not taken from the notes."""

from __future__ import annotations

import pytest

from .records import acled_type


@pytest.mark.parametrize("text", [
    # the harm told in a relative clause is what the crowd protests over, not its violence
    "On 3 May 2021, relatives of a farmer who was beaten to death staged a sit-in in front of "
    "the district office in Kasese, demanding justice. [size=no report]",
    "On 9 May 2021, mothers who say their sons were abducted by the rebels held a vigil outside "
    "the governor's house in Bunia. [size=about 40]",
])
def test_harm_in_a_relative_clause_is_the_grievance_of_a_peaceful_protest(coder, text):
    assert acled_type(coder, text) == "Protests"


def test_the_crowds_own_violence_is_still_a_riot(coder):
    text = ("On 3 May 2021, villagers beat a thief to death in Kasese after a protest over "
            "thefts. [size=no report]")
    assert acled_type(coder, text) == "Riots"


def test_in_relative_clause(nlp):
    from communique.extract.events.tree import in_relative_clause

    doc = nlp("The mothers, who say their sons were abducted, held a vigil on Monday.")
    by = {t.lower_: t for t in doc}
    assert in_relative_clause(by["abducted"]) and not in_relative_clause(by["held"])


@pytest.mark.parametrize("text", [
    # fire aimed at a target no word arms: no armed side answers it
    "On 6 May 2021, soldiers opened fire at a Bedouin near the road to Jenin.",
    "On 2 May 2021, soldiers fired shots at a bakery in Kisangani. No one was hurt.",
    "On 8 May 2021, two gunmen shot at a pharmacy in Cucuta.",
])
def test_fire_at_what_no_armed_side_holds_is_violence_against_civilians(coder, text):
    assert acled_type(coder, text) == "Violence against civilians"


@pytest.mark.parametrize("text", [
    # a post a force holds, or a target an armed word names, is a side
    "On 6 May 2021, gunmen opened fire at an army checkpoint near Jenin.",
    "On 2 May 2021, militants fired shots at a police patrol in Kisangani.",
])
def test_fire_at_an_armed_side_stays_a_battle(coder, text):
    assert acled_type(coder, text) == "Battles"
