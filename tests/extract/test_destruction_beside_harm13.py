"""Destruction told beside harm to people is no property destruction of its own (issue 13,
thirteenth round, helper h13s; communique/extract/events/destruction.py; ACLED codebook,
looting/property destruction: destruction "outside the context of other forms of violence").
Sentences written for the test, not taken from the notes; expected readings worked out by hand
from the codebook."""

from __future__ import annotations

import pytest

from communique.extract.events.destruction import beside_harm

from .records import acled_type, record

SD = "Strategic developments"

HARMED = [
    # people injured in the next sentence, abducted, killed in the same act
    "On 3 March 2021, gunmen set fire to two buses of a transport company near Dori. One of "
    "the drivers was injured by a gunshot.",
    "On 3 March 2021, militants looted a shop and kidnapped the shopkeeper in Dori.",
    "On 3 March 2021, soldiers destroyed three rebel camps and killed four fighters near Dori.",
]
UNHARMED = [
    "On 3 March 2021, gunmen set fire to two buses of a transport company near Dori. No one "
    "was injured.",
    "On 3 March 2021, militants looted a shop in Dori.",
]


@pytest.mark.parametrize("text", HARMED)
def test_destruction_beside_harm_is_not_a_strategic_development(coder, text):
    assert acled_type(coder, text) != SD
    assert all(e["mode"] != "destroy" for e in record(coder, text)["events"])


@pytest.mark.parametrize("text", UNHARMED)
def test_destruction_alone_stays_one(coder, text):
    assert acled_type(coder, text) == SD


def test_looting_beside_an_abduction_is_violence_against_civilians(coder):
    assert acled_type(coder, HARMED[1]) == "Violence against civilians"


@pytest.mark.parametrize("text", HARMED)
def test_model_mode_too(model_coder, text):
    assert acled_type(model_coder, text) != SD


@pytest.mark.parametrize("text, trigger, expected", [
    ("Gunmen burned a bus. Two passengers were killed.", "burned", True),
    ("Gunmen burned a bus. Nobody was hurt.", "burned", False),
    ("Gunmen burned a bus.\nTwo passengers were killed in another town.", "burned", False),
    ("Rebels looted the market and abducted a trader.", "looted", True),
])
def test_beside_harm(nlp, text, trigger, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    assert beside_harm(tok) is expected
