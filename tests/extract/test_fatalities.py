"""Fatalities and injured from an event's sentence."""

from __future__ import annotations

import pytest

from communique.extract.fatalities import casualties


@pytest.mark.parametrize("text,expected", [
    ("Gunmen killed 12 people in the attack.", (12, None)),
    ("Over 100 troops died in the clashes.", (100, None)),
    ("The death toll rose to 35 on Monday.", (35, None)),
    ("Two soldiers were wounded in the shelling.", (None, 2)),
    ("A recent escalation last month resulted in the deaths of over 100 troops on both sides.",
     (100, None)),
    ("The bombing killed at least twelve people and wounded 30 others.", (12, 30)),
    ("A soldier was killed by sniper fire.", (1, None)),
    ("The explosion left 12 dead and 40 injured.", (12, 40)),
    ("No one was killed in the attack.", (0, None)),
    ("The attack killed 12 soldiers and three civilians.", (15, None)),
    ("Twenty-five people were killed and dozens injured.", (25, None)),
    ("Airstrikes killed 1,200 people in 2019.", (1200, None)),
    ("The blast claimed 30 lives.", (30, None)),
    ("Police said three people died and five were hurt.", (3, 5)),
    ("Israel said it killed the commander of the group.", (1, None)),
    ("Kurdish prisoner Serkan Tumay has died in custody.", (1, None)),
])
def test_counts(nlp, text, expected):
    assert casualties(next(nlp(text).sents)) == expected


@pytest.mark.parametrize("text", [
    "A 44-day war ended in November 2020 and claimed hundreds of lives.",  # vague: no number
    "Iran and Azerbaijan back the 3+3 format.",
    "The 40-year-old man was arrested on Sunday.",
    "The two ministers spoke by phone for 45 minutes.",
    "Dozens of people were injured and scores killed.",
])
def test_not_stated(nlp, text):
    assert casualties(next(nlp(text).sents)) == (None, None)


@pytest.mark.parametrize("text,trigger,expected", [
    ("Guterres condemned the attack on a church which killed nine people.", "condemned",
     (None, None)),
    ("ISIS carried out an attack on the parliament in June that killed 17 people.", "carried",
     (17, None)),
    ("Gunmen killed a soldier and the army launched strikes that killed four people.", "killed",
     (1, None)),
    ("A car bomb killed at least 75 people in Syria, a monitor said.", "killed", (75, None)),
])
def test_counts_of_the_event_only(nlp, text, trigger, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    assert casualties(tok.sent, tok.i) == expected


@pytest.mark.parametrize("text,expected", [
    ("Iranian police tortured a 35-year-old inmate to death.", (1, None)),
    ("Shelling killed one Turkish soldier and wounded another.", (1, 1)),
    ("Police officer killed in attack.", (1, None)),
    ("Gul Rahman was tortured and killed in a secret prison.", (1, None)),
    ("Fighters overran a base, officials said, killing at least 17 soldiers with dozens "
     "feared captured.", (17, None)),
])
def test_more_forms(nlp, text, expected):
    assert casualties(next(nlp(text).sents)) == expected
