"""Issue 13: a victim the note ties to an armed criminal group is no civilian. Sentences written
for these tests, not taken from any data file. ACLED's codebook counts gangs and drug-trafficking
groups among armed, organised groups (their clashes are battles); PETRARCH's agents dictionary
gives drug traffickers, gangs and their members the criminal sector ~CRM."""

from __future__ import annotations

import pytest

from communique.acled import event_acled_type
from communique.evaluate.acled import main_event

from .records import record as _record


def _sector(rec, text):
    found = [a for a in rec["actors"] if a["name"] == text]
    assert found, [(a["name"], [m["text"] for m in a["mentions"]]) for a in rec["actors"]]
    return found[0]["sector"]


@pytest.mark.parametrize("text,victim", [
    ("On 3 March 2021, in Springfield, a man was shot dead by two gunmen on a motorbike. "
     "The victim had been convicted of drug trafficking.", "man"),
    ("On 9 June 2021, in Riverton, a young man was stabbed by unknown attackers near a bar. "
     "The victim was a member of a local gang.", "young man"),
    ("On 2 July 2021, in Lakeside, two brothers were shot to death by armed men who entered their house. "
     "The victim had charges against him for drug trafficking.", "brothers"),
])
def test_a_victim_tied_to_a_criminal_group_is_criminal_and_the_attack_a_battle(coder, text, victim):
    rec = _record(coder, text)
    assert _sector(rec, victim) == "CRM"
    assert event_acled_type(main_event(rec), rec)[0] == "Battles"


@pytest.mark.parametrize("text,victim", [
    # killed by a gang: no member of it
    ("On 3 March 2021, in Springfield, a shopkeeper was shot dead by gang members. "
     "The victim had refused to pay them.", "shopkeeper"),
    ("On 3 March 2021, in Springfield, a man was shot dead by gang members. "
     "The victim was a teacher at the local school.", "man"),
])
def test_a_victim_not_tied_to_a_criminal_group_stays_civilian(coder, text, victim):
    rec = _record(coder, text)
    assert _sector(rec, victim) == "CVL"
    assert event_acled_type(main_event(rec), rec)[0] == "Violence against civilians"
