"""A sure strategic-development reading takes no ASSAULT that killed or injured people
(issue 13, twelfth round, h13d; acled_reading.take ``hurt``, classify.decide; ACLED codebook,
looting/property destruction: destruction outside the context of other violence). Model mode,
with a stand-in model that reads every sentence as a sure strategic development. Sentences
written for the test, not taken from the notes."""

from __future__ import annotations

import pytest

from communique.extract.events.acled_reading import take
from communique.extract.events.model import View

from .test_event_model_step import StandIn, _code

SURE = View(type={"ASSAULT": 0.9}, mode={"none": 0.9},
            acled={"Strategic developments": 0.95})


def test_take_leaves_an_assault_that_hurt_people():
    assert take("Strategic developments", "ASSAULT", None, SURE) == ("ASSAULT", "destroy")
    assert take("Strategic developments", "ASSAULT", None, SURE, hurt=True) is None


@pytest.mark.parametrize("text, expected", [
    # killings told of the act: the fight, not property destruction
    ("On 4 June 2021, soldiers stormed a militia camp and killed two of its commanders near "
     "Dalo town.", None),
    ("On 4 June 2021, police raided a gang hideout in Marvo town, wounding three of its "
     "members.", None),
    # no one hurt: the sure reading lands as before
    ("On 5 June 2021, soldiers stormed a militia camp near Dalo town. No one was hurt.", "destroy"),
])
def test_a_sure_strategic_reading_in_a_sentence_with_casualties(nlp, text, expected):
    evs = _code(nlp, text, StandIn(type={"ASSAULT": 0.95}, mode={"none": 0.9},
                                   acled={"Strategic developments": 0.95}))
    lead = [e for e in evs if e.type == "ASSAULT"][0]
    assert lead.mode == expected, [(e.type, e.mode) for e in evs]
