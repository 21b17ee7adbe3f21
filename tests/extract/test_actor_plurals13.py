"""Issue 12: a faith's people named in the plural, with no name (extract/actor_plurals.py).
Sentences written for these tests, not taken from any data file. PETRARCH's agents dictionary
codes the people of a faith as agents (CHRISTIAN ~CHR, MUSLIM ~MUS, JEW ~JEW, HINDU ~HIN):
"Christians", "Jews" and "Muslim leaders" are actors of sector REL; a first name ("Christian
Porter"), the adjective alone ("a Christian village") and leaders of no one are not."""

from __future__ import annotations

import pytest

from .records import record as _record


def _mentioned(rec, words):
    """The actor one of whose mentions holds ``words``, or None."""
    return next((a for a in rec["actors"] if any(words in m["text"] for m in a["mentions"])), None)


@pytest.mark.parametrize("text,words,country", [
    ("Gunmen kidnapped at least 14 Christians near Kaduna, Nigeria, on Sunday.", "Christians", "NGA"),
    ("Police in Pakistan arrested dozens of Christians after the riot.", "Christians", "PAK"),
    ("The French interior minister summoned Muslim leaders to Paris on Tuesday.", "Muslim leaders", "FRA"),
    ("The mayor of Berlin met Jews from the city's old quarter.", "Jews", "DEU"),
])
def test_a_faiths_people_are_a_religious_group(coder, text, words, country):
    a = _mentioned(_record(coder, text), words)
    assert a is not None
    assert (a["sector"], a["country"]) == ("REL", country)


def test_a_faith_word_as_a_first_name_is_no_faith(coder):
    rec = _record(coder, "Attorney-General Christian Porter rejected the claims on Monday.")
    a = _mentioned(rec, "Porter")
    assert a is not None and a["sector"] != "REL" and a["kind"] == "person"


@pytest.mark.parametrize("text,words", [
    ("Soldiers in Syria entered a Christian village on Monday.", "Christian"),
    ("The leaders met in Geneva on Monday.", "leaders"),
])
def test_the_adjective_alone_and_leaders_of_no_one_are_no_group(coder, text, words):
    a = _mentioned(_record(coder, text), words)
    assert a is None or a["sector"] != "REL"
