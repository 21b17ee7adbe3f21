"""ACLED note forms, issue 13, tenth round (helper h13r): in model mode too, an ASSAULT the event
model leaves with no one-sided or remote mode is violence against civilians where the people it
falls on are unarmed (find._mob_or_one_sided: a suspect, a victim off duty; ACLED codebook,
violence against civilians); a tagged note's leading act that reads as no ACLED type is its
demonstration. Sentences written for the test, not taken from the notes; the
expected types worked out by hand from the codebook's definitions."""

from __future__ import annotations

import pytest

from communique.acled import event_acled_type
from communique.evaluate.acled import main_event

from .records import acled_type as _acled
from .records import record


@pytest.mark.parametrize("text, expected", [
    # unarmed victims: a suspect, someone off duty (ACLED codebook: civilians are unarmed and
    # not engaged in political violence); the model mode read these as battles
    ("On 14 June 2021, a drug suspect was killed during a police raid in Barangay Malinta, "
     "Valenzuela.", "Violence against civilians"),
    ("On 14 June 2021, a theft suspect was shot dead by unidentified assailants in Barangay "
     "Poblacion, Tanauan.", "Violence against civilians"),
    ("On 14 June 2021, two off-duty police officers were shot and injured in a drive-by shooting "
     "in Leon.", "Violence against civilians"),
    # armed people on both sides stay a battle
    ("On 14 June 2021, gunmen killed two soldiers at a checkpoint near Gao.", "Battles"),
    ("On 14 June 2021, soldiers clashed with rebels near Beni, killing five fighters.", "Battles"),
])
def test_model_mode_unarmed_victims_are_civilians(model_coder, text, expected):
    assert _acled(model_coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the same sentences in rules mode: as before
    ("On 14 June 2021, a drug suspect was killed during a police raid in Barangay Malinta, "
     "Valenzuela.", "Violence against civilians"),
    ("On 14 June 2021, gunmen killed two soldiers at a checkpoint near Gao.", "Battles"),
])
def test_rules_mode_as_before(coder, text, expected):
    assert _acled(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # ACLED's crowd-size tag marks a demonstration (note_tags): in model mode too, a tagged
    # note's leading act that reads as no ACLED type (a show of support, a rejection) is its
    # demonstration
    ("On 5 June 2021, about fifty residents gathered outside the town hall of Sfax to support "
     "the mayor against accusations of fraud. [size=about 50]", ("PROTEST", "Protests")),
    ("On 5 June 2021, students in Mzuzu rejected the new fees announced by the university "
     "council. [size=dozens]", ("PROTEST", "Protests")),
    # no tag: the act stands
    ("On 5 June 2021, students in Mzuzu rejected the new fees announced by the university "
     "council.", ("REJECT", None)),
])
def test_model_mode_a_tagged_note_leads_with_its_demonstration(model_coder, text, expected):
    rec = record(model_coder, text)
    ev = main_event(rec)
    kind = event_acled_type(ev, rec) if ev else None
    assert (ev["type"], kind and kind[0]) == expected
