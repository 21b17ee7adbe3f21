"""Model mode: a sure strategic-development reading lands on an ASSAULT with a remote mode too
(issue 13, eleventh round, helper h13m; acled_reading.take). ACLED codebook: disrupted weapons
use (a drone shot down, a bomb defused or gone off as it was laid) and security measures are
strategic developments though a weapon is named. Sentences written for the test, not taken
from the notes; the expected types worked out by hand from the codebook."""

from __future__ import annotations

import pytest

from communique.extract.events.acled_reading import take
from communique.extract.events.model import View

from .records import acled_type as _acled

SURE = View(type={"ASSAULT": 0.9}, mode={"aerial": 0.6, "none": 0.4},
            acled={"Strategic developments": 0.95})


@pytest.mark.parametrize("mode, expected", [
    ("aerial", ("ASSAULT", "destroy")),
    ("explosives", ("ASSAULT", "destroy")),
    ("heavy-weapons", ("ASSAULT", "destroy")),
    (None, ("ASSAULT", "destroy")),
    # an abduction or sexual violence is what the event is
    ("abduct", None),
    ("sexual", None),
])
def test_a_sure_strategic_reading_takes_a_remote_assault(mode, expected):
    assert take("Strategic developments", "ASSAULT", mode, SURE) == expected


@pytest.mark.parametrize("text, expected", [
    # a note of security measures whose only event is the bombing they answer
    ("Security measures: On 9 June 2021, police closed all roads into Gao town. This followed a "
     "deadly bombing the day before.", "Strategic developments"),
    ("Security measures: On 9 June 2021, soldiers sealed off the entrances of Kidal. This "
     "followed a deadly explosion the day prior.", "Strategic developments"),
    # bombings stay remote violence
    ("On 9 June 2021, a roadside bomb struck a police vehicle near Kirkuk, killing two officers.",
     "Explosions/Remote violence"),
    ("On 9 June 2021, army aircraft bombed rebel positions near Beni, killing ten fighters.",
     "Explosions/Remote violence"),
])
def test_model_mode_security_measures_after_a_bombing(model_coder, text, expected):
    assert _acled(model_coder, text) == expected


# ACLED's strategic-development label ("Detonation:", "Explosive remnants of war:";
# data/acled_note_labels.tsv) where the lead reads as another ACLED type: in model mode the label
# decides where the acled head agrees with it (note_tags.note_label; find.py)
LABELLED = ("Explosive remnants of war: On 3 June 2021, two soldiers were wounded by a mine "
            "laid during the war, in Mehran county.")


def test_model_mode_a_label_the_head_agrees_with(model_coder):
    assert _acled(model_coder, LABELLED) == "Strategic developments"


@pytest.mark.parametrize("acled, expected", [
    ({"Strategic developments": 0.6, "Explosions/Remote violence": 0.4}, "Strategic developments"),
    # the head reads another type: the lead's reading stands (as before)
    ({"Explosions/Remote violence": 0.9, "Strategic developments": 0.1},
     "Explosions/Remote violence"),
])
def test_a_label_lands_where_the_head_agrees(nlp, acled, expected):
    from communique.acled import acled_type

    from .test_event_model_step import StandIn, _code

    text = ("Detonation: On 3 June 2021, two militants were killed when the bomb they were "
            "assembling exploded in a house in Ghazni.")
    evs = _code(nlp, text, StandIn(type={"ASSAULT": 0.9}, mode={"explosives": 0.9},
                                   acled=acled))
    lead = evs[0]
    assert acled_type(lead.type, lead.mode, [])[0] == expected
