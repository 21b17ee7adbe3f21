"""ACLED's crowd-size tag (issue 13, seventh round): a note carrying "[size=...]" tells of a
demonstration, and its leading act is read as one (communique/extract/events/note_tags.py).
Sentences written for the test, not taken from the notes."""

from __future__ import annotations

import pytest

from communique.evaluate.acled import main_event
from communique.extract.events import note_tags

from .records import record


def _main(coder, text):
    rec = record(coder, text)
    ev = main_event(rec)
    return ev and (ev["type"], ev["mode"])


@pytest.mark.parametrize("text, expected", [
    # the police response to a protest is the protest's (ACLED: protest with intervention)
    ("On 3 May 2020, police detained four students who had gathered outside the town hall in "
     "Lyon. [size=no report]", ("PROTEST", "demo")),
    ("On 5 June 2021, riot police dispersed teachers in front of the ministry in Lome. "
     "[size=around 50]", ("PROTEST", "demo")),
    # a crowd's violence is a riot (ACLED: mob violence, violent demonstration)
    ("On 2 May 2020, a shopkeeper was beaten up by a crowd of villagers in Dhaka over a debt. "
     "[size=no report]", ("PROTEST", "riot")),
    ("On 9 June 2021, market vendors attacked two tax collectors in Kumasi. [size=dozens]",
     ("PROTEST", "riot")),
    # no trigger at all: the note's first sentence is its demonstration
    ("On 4 May 2020, nurses of the city hospital standing in front of its gate demanding unpaid "
     "wages. [size=about 30]", ("PROTEST", "demo")),
])
def test_a_tagged_note_leads_with_its_demonstration(coder, text, expected):
    assert _main(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # no tag, no change: an arrest is an arrest, an attack an attack
    ("On 3 May 2020, police detained four students outside the town hall in Lyon.",
     ("COERCE", "arrest")),
    ("On 9 June 2021, gunmen attacked two tax collectors in Kumasi.", ("ASSAULT", None)),
])
def test_without_the_tag_nothing_changes(coder, text, expected):
    got = _main(coder, text)
    assert got is not None and got[0] == expected[0]


def test_a_fight_told_after_the_lead_makes_the_demonstration_a_riot(coder):
    # the lead (an arrest) read as the note's demonstration, the crowd's clash told after it
    text = ("On 1 May 2021, police detained six teachers in Tolna. Later the teachers clashed "
            "with the police. [size=dozens]")
    assert _main(coder, text) == ("PROTEST", "riot")


def test_a_protest_against_armed_attacks_stays_peaceful(coder):
    text = ("On 1 May 2021, police dispersed traders in Tolna who had demonstrated against "
            "attacks by bandits. [size=dozens]")
    assert _main(coder, text) == ("PROTEST", "demo")


def test_a_protest_the_rules_read_keeps_its_mode(coder):
    # the rules read the stones as a riot: the tag does not turn it back into a demonstration
    text = ("On 6 June 2021, protesters threw stones at the police station in Goma. "
            "[size=no report]")
    assert _main(coder, text) == ("PROTEST", "riot")


@pytest.mark.parametrize("text, tagged", [
    ("Workers marched in Quito. [size=no report]", True),
    ("Workers marched in Quito. [Size = at least 200}", True),
    ("Workers marched in Quito.", False),
    ("The shoe size=42 was given in brackets [size].", False),
])
def test_the_tag(nlp, text, tagged):
    assert note_tags.crowd_tagged(nlp(text)) is tagged



@pytest.mark.parametrize("text, expected", [
    # a crowd the note calls a mob is a riot (ACLED codebook: mob violence), whether its leading
    # act was read as another act or as a peaceful protest (tenth round)
    ("On 4 May 2021, a mob of traders threatened to burn down the tax office in Jinja. "
     "[size=no report]", ("PROTEST", "riot")),
    ("On 6 June 2021, an angry mob gathered outside the police station in Kisumu demanding the "
     "release of a suspect. [size=dozens]", ("PROTEST", "riot")),
    # the same crowd not called a mob: a demonstration
    ("On 6 June 2021, traders gathered outside the police station in Kisumu demanding the "
     "release of a suspect. [size=dozens]", ("PROTEST", "demo")),
])
def test_a_mob_is_a_riot(coder, text, expected):
    assert _main(coder, text) == expected
