"""ACLED notes that got no event at all (issues 13 and 14, ninth round): the forms their
events are told in, each on a sentence written for the test (not taken from the notes),
with the ACLED event type the event reads as (``communique/data/acled_plover.tsv``)."""

from __future__ import annotations

import pytest

from communique.acled import acled_type
from communique.extract.events import find_events
from communique.lexicon import load_lexicon


def _asserted(nlp, text):
    doc = nlp(text)
    return [e for e in find_events(doc, None, load_lexicon())
            if e.modality == "asserted" and not e.negated]


@pytest.mark.parametrize("text, etype, mode, acled", [
    # the claimant's own deed in the perfect, where the parse slips on "to have" (it heads
    # the object, the participle made its modifier) or makes the weapon a verb of its own
    ("On 4 June 2021, government forces claimed to have thwarted attacks of the rebels near "
     "the dam, destroying two trucks and killing a number of fighters.",
     "ASSAULT", None, "Battles"),
    ("On 4 June 2021 (or around), the rebels, via their radio, claimed to have launched "
     "shelling attacks on positions of the army in Koro.",
     "ASSAULT", "heavy-weapons", "Explosions/Remote violence"),
    # what an attack leaves people in: "left N dead"
    ("On 9 June 2021, the army's operation near the lake in Kara province left 4 militants dead.",
     "ASSAULT", None, "Battles"),
    ("A bomb went off in the market and was followed by gunshots which left two guards and "
     "a driver dead.", "ASSAULT", None, None),
    # a verb the tokenizer splits from its noun: baton and lathi charges are beatings
    ("Police baton charged the shopkeepers at the market for opening during the lockdown.",
     "ASSAULT", "beat", "Violence against civilians"),
    ("The policemen lathi-charged the vendors near the railway station.",
     "ASSAULT", "beat", "Violence against civilians"),
    # the weapons' list hung on the calibre's apposition; "gunshots" fired
    ("On 3 June 2021, the militia reportedly fired caliber 14.5mm and PK machine guns at the "
     "cotton mill.", "ASSAULT", "firearms", None),
    # (fire at the tyres, no armed side: one-sided, events/targets.py)
    ("Gunmen stopped the buses on the highway, firing gunshots at the tyres of the vehicles.",
     "ASSAULT", "targeted", "Violence against civilians"),
    # an RCIED is an IED: a sentence of armed conflict, its mode explosives
    ("A roadside RCIED targeted an army truck near the bridge.",
     "ASSAULT", "explosives", "Explosions/Remote violence"),
    # a body burned
    ("In the town, a woman was found near the river. The body was burned.", "ASSAULT", None, None),
    # refugees coming home: a repatriation (PLOVER manual, RETREAT)
    ("On 8 May 2021, in Kora department, 210 refugees returned to their country during the "
     "pandemic.", "RETREAT", None, "Strategic developments"),
    ("On 7 May 2021, in Lara state, 85 migrants returned from Ecuador.", "RETREAT", None,
     "Strategic developments"),
    # the parse hangs "returned" on the migrants as a participle
    ("On 9 May 2021, in Tovar, Merida state, 40 Colombian refugees returned from Peru.",
     "RETREAT", None, "Strategic developments"),
])
def test_no_event_forms_code_an_event(nlp, text, etype, mode, acled):
    evs = _asserted(nlp, text)
    hit = [e for e in evs if e.type == etype and (mode is None or e.mode == mode)]
    assert hit, [(e.type, e.mode) for e in evs]
    assert acled is None or acled_type(hit[0].type, hit[0].mode)[0] == acled


@pytest.mark.parametrize("text, etype", [
    # a claim of what another did, or of evidence, stays a claim
    ("The rebels claimed that the army had attacked the village, killing two farmers.", "ASSAULT"),
    ("The army claimed to have evidence of attacks by the rebels.", "ASSAULT"),
    # a disaster leaves people dead with no attacker; leaving the dead behind harms no one
    ("The floods left twelve people dead in the valley.", "ASSAULT"),
    ("The convoy left the dead behind and drove on to the capital.", "ASSAULT"),
    # "charged" alone is an accusation; farmers burning their fields attack no one
    ("The police charged the two suspects with fraud.", "ASSAULT"),
    ("Farmers burned the stubble of their fields.", "ASSAULT"),
    # soldiers going back to their barracks are no repatriation
    ("The soldiers returned to their barracks after the parade.", "RETREAT"),
])
def test_no_event_forms_do_not_overreach(nlp, text, etype):
    evs = _asserted(nlp, text)
    assert not any(e.type == etype for e in evs), [(e.type, e.mode) for e in evs]
