"""victims_armed.head_armed: whether a victim's own noun names armed people."""

from communique.extract.events.victims_armed import head_armed
from communique.kb import longest_sector_phrase


def test_the_phrase_must_end_at_the_noun():
    words = ["govt", "soldier"]
    found = longest_sector_phrase(words)
    assert head_armed(found, 1, found[2])


def test_an_unarmed_sector_is_not_armed():
    words = ["govt", "official"]
    found = longest_sector_phrase(words)
    assert not head_armed(found, 1, found[2] if found else None)


def test_a_modifier_phrase_that_does_not_reach_the_noun_is_not_the_noun():
    # ("army", "wife"): the phrase "army" is a modifier, the noun names no one armed
    assert not head_armed((0, 1, "MIL"), 1, "MIL")
