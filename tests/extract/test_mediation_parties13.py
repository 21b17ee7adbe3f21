"""Issue 12, thirteenth round: the parties of a mediation named in its purpose clause receive
it (CAMEO 045 Mediate, PLOVER CONSULT; PETRARCH "LAUNCH * &MEDIATION BETWEEN"): "launched a
mediation effort to end the feud between X and Y" is as "a mediation effort between X and Y"
(events/mediation.py). Sentences are our own; the expected roles were worked out by hand."""

from __future__ import annotations

import pytest

from .records import event, names, record


@pytest.mark.parametrize("text,actor,recipients", [
    # the parties after the purpose clause's object
    ("Norway on Tuesday launched a mediation effort to end the feud between Peru and Chile.",
     "Norway", ["Peru", "Chile"]),
    # through "to try to ease": the act the clause is for
    ("Kenya has launched a mediation effort to try to ease the tension between Ethiopia and "
     "Eritrea over the disputed border.", "Kenya", ["Ethiopia", "Eritrea"]),
    # who is helped to act
    ("Ghana launched a mediation effort designed to help Togo reach a settlement with its "
     "neighbours.", "Ghana", ["Togo"]),
])
def test_mediation_purpose_parties_receive(coder, text, actor, recipients):
    rec = record(coder, text)
    e = event(rec, "CONSULT")
    assert [n for n, _ in names(rec, e["actor"])] == [actor], rec["events"]
    assert [n for n, _ in names(rec, e["recipient"])] == recipients, rec["events"]


def test_an_effort_that_is_no_mediation_keeps_its_roles(nlp):
    from communique.extract.events.mediation import purpose_parties

    doc = nlp("Norway launched an effort to end the feud between Peru and Chile.")
    assert purpose_parties(doc[3]) == []  # "effort": no mediation
    doc = nlp("Norway launched a mediation effort to end the feud between Peru and Chile.")
    assert [t.text for t in purpose_parties(doc[4])] == ["Peru"]  # its conjuncts follow it
