"""ACLED's strategic-development labels (issue 13, tenth round): a note that opens with one of
the names ACLED gives its kinds of strategic developments ("Looting:", "Security measures:")
is read as a strategic development (communique/extract/events/note_tags.py,
data/acled_note_labels.tsv). Sentences written for the test, not taken from the notes."""

from __future__ import annotations

import pytest

from communique.evaluate.acled import main_event
from communique.extract.events import note_tags

from .records import acled_type as _acled
from .records import record


@pytest.mark.parametrize("text", [
    # a ban that names the protests it bans is no protest
    "Security measures: On 3 March 2021, the Mardin governor's office extended the duration of "
    "the order on all marches, protests and sit-ins in the province for another 15 days.",
    # nor is a closure the explosion before it
    "Security measures: On 9 March 2021, soldiers closed the roads into Afrin until further "
    "notice, a day after an explosion in the market.",
    # a bomb that went off as it was laid is disrupted weapons use, not remote violence
    "Detonation: On 12 June 2021, three militants were killed when a bomb they were planting "
    "exploded in a village near Ghazni.",
    # an attack on a building with no one hurt is property destruction
    "Property destruction: On 2 July 2021, gunmen attacked the offices of a local radio station "
    "in Kunduz and damaged them.",
    # the lexicon finds no act at all: the label's reading at the root
    "Change to armed group: On 5 August 2021, twenty local militiamen went over to the rebels "
    "in two districts of Faryab.",
])
def test_a_labelled_note_is_a_strategic_development(coder, text):
    assert _acled(coder, text) == "Strategic developments"


@pytest.mark.parametrize("text, expected", [
    # no label, or a word before a colon that is no label: as before
    ("On 12 June 2021, a roadside bomb exploded near a police vehicle in Ghazni, wounding two "
     "officers.", "Explosions/Remote violence"),
    ("Update: On 4 May 2021, soldiers clashed with rebels near Goma.", "Battles"),
])
def test_no_label_no_change(coder, text, expected):
    assert _acled(coder, text) == expected


def test_the_labels_read_as_strategic_developments():
    # every label's reading is a strategic development in ACLED's terms (data/acled_plover.tsv)
    for label in ("looting", "property destruction", "arrests", "defusal", "security measures",
                  "movement of forces", "change to armed group", "other"):
        type_, mode = note_tags._labels()[label]
        assert note_tags.strategic(type_, mode), label


class _Doc:
    def __init__(self, text):
        self.text, self.user_data = text, {}


@pytest.mark.parametrize("text, expected", [
    ("Looting: On 2 May 2020, soldiers took grain.", ("COERCE", "seize")),
    ("Movement of forces:  On 2 May 2020, ...", ("MOBILIZE", "troops")),
    ("MOVEMENT OF  FORCES: On 2 May 2020, ...", ("MOBILIZE", "troops")),
    ("Kabul: gunmen attacked a bank.", None),
    ("On 2 May 2020: looting in the market.", None),
])
def test_note_label(text, expected):
    assert note_tags.note_label(_Doc(text)) == expected


def _lead(coder, text):
    ev = main_event(record(coder, text))
    return ev and (ev["type"], ev["mode"], ev["trigger"]["text"])


@pytest.mark.parametrize("text, expected", [
    # the parse makes the label its root ("Security/compound measures/ROOT: ... halted/acl"):
    # the act is the verb after the label, not the label
    ("Security measures: On 3 March 2021, the governor's office halted all entries to and exits "
     "from the Ovacik district of Tunceli for ten days.", ("COERCE", "restrict", "halted")),
    # a parenthetical "(as reported)" is no verb of the act
    ("Change to armed group: Around 12 June 2021 (as reported), twenty village guards went over "
     "to the rebels in Kidal.", ("MOBILIZE", None, "went")),
])
def test_the_labelled_act_is_the_verb_after_the_label(coder, text, expected):
    assert _lead(coder, text) == expected


def test_the_label_is_no_act(nlp):
    # whatever the parse makes the root, the candidate stands after the label's colon
    doc = nlp("Security measures: On 3 March 2021, the governor's office halted all entries to "
              "and exits from the Ovacik district of Tunceli for ten days.")
    (cand,) = note_tags.label_candidate(doc, ("COERCE", "restrict"))
    assert cand.tok.text == "halted"


@pytest.mark.parametrize("text", [
    # model mode: the label decides where the note's leading act reads as no ACLED type (here
    # no event at all); a reading of any ACLED type stands
    "Change to armed group: On 5 August 2021, twenty local militiamen went over to the rebels "
    "in two districts of Faryab.",
    "Security measures: On 3 March 2021, the Mardin governor's office extended the duration of "
    "the order on all marches, protests and sit-ins in the province for another 15 days.",
])
def test_model_mode_a_labelled_note_that_reads_as_nothing(model_coder, text):
    assert _acled(model_coder, text) == "Strategic developments"
