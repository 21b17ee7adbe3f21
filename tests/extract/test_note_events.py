"""Events in the forms ACLED's analysts write them (issue 13, notes with no event): each form
on a sentence written for the test, not taken from the notes; the ACLED event type the
event reads as (``communique/data/acled_plover.tsv``) where the form is one of ACLED's."""

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
    # a verb in the past tense whose subject the parse hangs on the place before it
    ("On 3 June 2021, in Kilo Township, Lanta District, Zor State, the army and the KLA clashed.",
     "ASSAULT", None, "Battles"),
    # (a driver is a civilian, none of the victims is armed: violence against civilians)
    ("On 9 June 2021, in Arcos, Jalisco, gunmen who came on motorbikes attacked a taxi driver.",
     "ASSAULT", None, "Violence against civilians"),
    # the claimant's own deed in the perfect
    ("The rebels claimed to have shelled an army camp near the river.",
     "ASSAULT", "heavy-weapons", "Explosions/Remote violence"),
    ("Militia fighters claimed to have ambushed a patrol and to have killed two soldiers.",
     "ASSAULT", None, "Battles"),
    # a noun told as happening
    ("Residents said a shoot-out took place near the bus terminal.", "ASSAULT", "firearms", "Battles"),
    ("A gunfight broke out between two gangs in the market.", "ASSAULT", "firearms", "Battles"),
    ("A joint patrol of the two armies took place along the border road.",
     "MOBILIZE", "troops", "Strategic developments"),
    # remote violence
    ("A roadside IED exploded as a convoy passed the bridge.",
     "ASSAULT", "explosives", "Explosions/Remote violence"),
    ("The national air force targeted rebel positions south of the town.",
     "ASSAULT", "aerial", "Explosions/Remote violence"),
    ("Government warplanes targeted a fuel depot outside the city.",
     "ASSAULT", "aerial", "Explosions/Remote violence"),
    # riots and protests
    ("A crowd pelted stones at officers outside the station.", "PROTEST", "riot", "Riots"),
    ("Youths burned tyres on the main road over the power cuts.", "PROTEST", "riot", "Riots"),
    ("Dozens of demonstrators gathered outside the parliament.", "PROTEST", "demo", "Protests"),
    ("Protesters assembled in the central square.", "PROTEST", "demo", "Protests"),
    # strategic developments
    ("The army sent fresh reinforcements to the front.", "MOBILIZE", "troops", "Strategic developments"),
    # with no fight told (territory taken in a fight is a battle: events/territory.py)
    ("Insurgents took control of two villages near the border.", "COERCE", "seize",
     "Strategic developments"),
    ("Police defused two bombs planted under a bridge.", "COERCE", "seize", "Strategic developments"),
    ("Troops unearthed a cache of weapons in the forest.", "COERCE", "seize", "Strategic developments"),
    ("Soldiers recovered rifles and ammunition from a hideout.", "COERCE", "seize",
     "Strategic developments"),
    ("The militia shot down an army drone over the valley.", "ASSAULT", "destroy",
     "Strategic developments"),
    ("Air defences intercepted two missiles over the port.", "ASSAULT", "destroy",
     "Strategic developments"),
])
def test_note_forms_code_an_event(nlp, text, etype, mode, acled):
    evs = _asserted(nlp, text)
    hit = [e for e in evs if e.type == etype and (mode is None or e.mode == mode)]
    assert hit, [(e.type, e.mode) for e in evs]
    assert acled_type(hit[0].type, hit[0].mode)[0] == acled


@pytest.mark.parametrize("text, etype", [
    # still no event
    ("The ministers gathered in Geneva.", "PROTEST"),
    ("Thousands of fans gathered outside the stadium.", "PROTEST"),
    ("The company took control of its rival last year.", "COERCE"),
    ("The envoy defused tensions between the two parties.", "COERCE"),
    ("The campaign targeted young voters.", "ASSAULT"),
    ("The fireworks exploded over the harbour.", "ASSAULT"),
    ("He recovered his strength after the operation.", "COERCE"),
    # a claim that another did something stays a claim
    ("The rebels claimed that the army had shelled the village.", "ASSAULT"),
    # an imperative is no one's act
    ("Stop the attacks now.", "ASSAULT"),
])
def test_note_forms_do_not_overreach(nlp, text, etype):
    evs = _asserted(nlp, text)
    assert not any(e.type == etype for e in evs), [(e.type, e.mode) for e in evs]
