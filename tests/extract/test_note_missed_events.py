"""Events ACLED notes tell that the coder missed or mistyped before the note's own event
(issue 13, fifth round): people who protest, protest forms of their own, weapons that go
off with no one named. Sentences written for the test, not taken from the notes."""

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
    # people who protest demonstrate, whatever their trade's sector (manual, PROTEST; a
    # diplomatic protest, ACCUSE, is an official's)
    ("On 2 June 2021, in Lerida, nurses protested against the closure of the ward.",
     "PROTEST", "demo", "Protests"),
    ("Bus drivers protested to demand higher wages in the capital.", "PROTEST", "demo", "Protests"),
    ("Firemen protested outside the town hall over unpaid overtime.", "PROTEST", "demo", "Protests"),
    ("Pupils' mothers protested in front of the school against the fee rise.",
     "PROTEST", "demo", "Protests"),
    # a list of places before the subject does not make the place the protester
    ("On 3 June 2021, in Ribera, Santa Fe, farm workers protested rejecting the new tax.",
     "PROTEST", "demo", "Protests"),
    # protest forms of their own
    ("Traders staged a dharna outside the district office over the closure of the market.",
     "PROTEST", "demo", "Protests"),
    ("Taxi owners held a protest procession through the old town.", "PROTEST", "demo", "Protests"),
    ("A group of students held a demonstrative march near the university.",
     "PROTEST", "demo", "Protests"),
    # weapons that go off with no one named (manual, ASSAULT explosives: mines, IEDs)
    ("Near Kilo village, a landmine injured a farmer on his way to the fields.",
     "ASSAULT", "explosives", "Explosions/Remote violence"),
    ("A grenade explosion wounded two shopkeepers in the bazaar.",
     "ASSAULT", "explosives", "Explosions/Remote violence"),
])
def test_missed_note_forms_code_an_event(nlp, text, etype, mode, acled):
    evs = _asserted(nlp, text)
    hit = [e for e in evs if e.type == etype and (mode is None or e.mode == mode)]
    assert hit, [(e.type, e.mode) for e in evs]
    assert acled_type(hit[0].type, hit[0].mode)[0] == acled


@pytest.mark.parametrize("text, etype", [
    # a procession that is no protest, an accident that is no attack
    ("A religious procession passed through the old town.", "PROTEST"),
    ("A gas explosion injured five workers at the plant.", "ASSAULT"),
])
def test_missed_note_forms_do_not_overreach(nlp, text, etype):
    evs = _asserted(nlp, text)
    assert not any(e.type == etype for e in evs), [(e.type, e.mode) for e in evs]


@pytest.mark.parametrize("text", [
    # officials' and states' protests stay diplomatic (ACCUSE), not demonstrations: the whole
    # coder, whose actors say who is a state
    "The foreign ministry protested to the ambassador over the arrests.",
    "Iranian diplomats protested against the expulsion of their colleague.",
    "Chinese officials protested the decision to close the border.",
])
def test_officials_protest_is_an_accusation(coder, text):
    rec = next(iter(coder.code_dicts([{"id": "t", "text": text, "published": "2021-06-01"}])))
    kinds = [(e["type"], e.get("mode")) for e in rec["events"] if e["trigger"]["text"] == "protested"]
    assert kinds == [("ACCUSE", "disapprove")]


@pytest.mark.parametrize("text, etype, mode, acled", [
    # a cache found is taken out of use (ACLED codebook, disrupted weapons use)
    ("On 3 June 2021, police discovered a cache of explosives in a barn near the border.",
     "COERCE", "seize", "Strategic developments"),
    ("Soldiers found an arms cache hidden in a cave.", "COERCE", "seize", "Strategic developments"),
    # a third party brokers a truce (manual, AGREE: mediation)
    ("Tribal elders brokered a truce between the two clans after the feud.",
     "AGREE", None, "Strategic developments"),
    # an operation against an armed group is force (manual, ASSAULT)
    ("On 5 June 2021, the army carried out an operation against the Islamic State near Kilo.",
     "ASSAULT", None, "Battles"),
    # a body the parse hangs on the place before it as an apposition
    ("On 2 June 2021, in Rio Verde municipality, Jalisco, a dead body with signs of violence "
     "was found floating near the dam.", "ASSAULT", "targeted", "Violence against civilians"),
])
def test_more_note_forms_code_an_event(nlp, text, etype, mode, acled):
    evs = _asserted(nlp, text)
    hit = [e for e in evs if e.type == etype and (mode is None or e.mode == mode)]
    assert hit, [(e.type, e.mode) for e in evs]
    assert acled_type(hit[0].type, hit[0].mode)[0] == acled


@pytest.mark.parametrize("text, etype", [
    ("She found the answer in an old cache of letters.", "COERCE"),
    ("The agency brokered the sale of the building.", "AGREE"),
    ("The police carried out an operation against drug trafficking in the port.", "ASSAULT"),
    ("The surgeons carried out an operation on the patient.", "ASSAULT"),
])
def test_more_note_forms_do_not_overreach(nlp, text, etype):
    evs = _asserted(nlp, text)
    assert not any(e.type == etype for e in evs), [(e.type, e.mode) for e in evs]
