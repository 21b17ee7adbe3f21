"""A conviction, finding guilty (CAMEO 116), is ACCUSE disapprove: the CAMEO2PLOVER-2021 table
codes 116 "find guilty or liable (legally)" ACCUSE, disapprove, legal, and the PLV gold does (6
of the 6 train-part main events on "convicted" / "found guilty" we read SANCTION are gold ACCUSE)."""

from __future__ import annotations

import pytest

from communique.extract.events import find_events
from communique.lexicon import load_lexicon


class _EntityActors:
    """A stand-in for ActorResult: each named entity is an actor."""

    def __init__(self, doc):
        self.token_actor = {t.i: ent.text for ent in doc.ents
                            if ent.label_ in ("PERSON", "GPE", "ORG", "NORP") for t in ent}


@pytest.mark.parametrize("text", [
    "A military tribunal convicted the two journalists of espionage.",
    "The judge found the mayor guilty of taking bribes.",
    "The former minister was convicted of embezzlement on Tuesday.",
])
def test_conviction_is_accuse_disapprove(nlp, text):
    doc = nlp(text)
    evs = [e for e in find_events(doc, _EntityActors(doc), load_lexicon()) if not e.negated]
    assert any(e.type == "ACCUSE" and e.mode == "disapprove" and e.cameo == "116" for e in evs), \
        [(e.type, e.mode, e.cameo) for e in evs]
    assert not any(e.type == "SANCTION" for e in evs), [(e.type, e.mode, e.cameo) for e in evs]
