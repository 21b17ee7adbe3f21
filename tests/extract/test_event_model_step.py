"""The event model's say in classification (extract/events/model.py), with a stand-in model
whose answers are fixed, so that each rule of `revise` is checked on real parses."""

from __future__ import annotations

import pytest

from communique.extract.events import find_events
from communique.extract.events.model import View, cameo_for, main_candidates, revise
from communique.lexicon import cameo_info, cameo_to_plover, load_lexicon

from .test_events import _EntityActors


class StandIn:
    """Answers every sentence with the same probabilities; counts the sentences it saw."""

    def __init__(self, type=None, mode=None):
        self.type, self.mode, self.seen = type or {}, mode or {}, []

    def predict(self, sentences):
        self.seen += list(sentences)
        return [{"type": dict(self.type), "mode": dict(self.mode), "quad": {}, "acled": {}}
                for _ in sentences]


def _code(nlp, text, model=None, explain=False):
    doc = nlp(text)
    return find_events(doc, _EntityActors(doc), load_lexicon(), model, explain)


def test_without_a_model_the_lexicon_decides(nlp):
    [e] = _code(nlp, "Russian forces shelled the town of Kharkiv.")
    assert (e.type, e.why) == ("ASSAULT", None)


def test_the_model_sets_the_mode_and_cameo_follows(nlp):
    text = "Thousands of protesters rallied in Nairobi against the government."
    assert [(e.type, e.mode) for e in _code(nlp, text)] == [("PROTEST", "demo")]
    [e] = _code(nlp, text, StandIn(type={"PROTEST": 0.9}, mode={"riot": 0.8, "none": 0.2}))
    assert (e.type, e.mode) == ("PROTEST", "riot")
    assert cameo_to_plover()[e.cameo][0] == "PROTEST"
    assert (e.goldstein, e.quad_class) == cameo_info(e.cameo)[1:]


def test_an_unsure_model_leaves_the_reading(nlp):
    text = "Thousands of protesters rallied in Nairobi against the government."
    [rules] = _code(nlp, text)
    [e] = _code(nlp, text, StandIn(type={"ASSAULT": 0.45, "PROTEST": 0.4}, mode={"riot": 0.4}))
    assert (e.type, e.mode, e.cameo) == (rules.type, rules.mode, rules.cameo)


def test_the_model_decides_the_main_events_type_and_explains(nlp):
    text = "Iran condemned the attack on its embassy in Kabul."
    assert [e.type for e in _code(nlp, text)] == ["ACCUSE", "ASSAULT"]
    model = StandIn(type={"REJECT": 0.85, "ACCUSE": 0.15})
    evs = _code(nlp, text, model, explain=True)
    # "condemned" is the root: its type is the model's; the attack keeps the lexicon's
    assert [(e.type, e.why["type_by"]) for e in evs] == [("REJECT", "model"), ("ASSAULT", "lexicon")]
    why = evs[0].why
    assert (why["trigger"], why["lexicon_type"], why["type_probability"]) == ("condemned", "ACCUSE", 0.85)
    assert why["lexicon"].startswith("condemn (verb): ACCUSE")
    assert cameo_to_plover()[evs[0].cameo][0] == "REJECT"
    assert len(model.seen) == 1  # one sentence, one call


def test_yield_is_concede_or_retreat_as_the_lexicon_says():
    v = View(type={"YIELD": 0.9})
    assert revise("RETREAT", None, "0871", v, main=True).type == "RETREAT"
    assert revise("ASSAULT", "firearms", "190", v, main=True).type == "CONCEDE"
    assert revise("ASSAULT", "firearms", "190", v, main=False).type == "ASSAULT"


@pytest.mark.parametrize("type_, mode, view_mode, main, expected", [
    ("ASSAULT", None, {"heavy-weapons": 0.7}, False, "heavy-weapons"),   # the rules said none
    ("ASSAULT", "firearms", {"aerial": 0.7}, True, "aerial"),          # the main event
    ("ASSAULT", "firearms", {"aerial": 0.7}, False, "firearms"),       # another event: keep
    ("ASSAULT", "firearms", {"none": 0.9}, True, "firearms"),          # "none" keeps the rules'
    ("ASSAULT", None, {"riot": 0.9}, True, None),                      # not an ASSAULT mode
    ("CONSULT", "phone", {"aerial": 0.9}, True, "phone"),              # the model has no CONSULT modes
])
def test_modes(type_, mode, view_mode, main, expected):
    r = revise(type_, mode, cameo_for(type_, mode), View(mode=view_mode), main)
    assert r.mode == expected
    if expected and cameo_to_plover().get(r.cameo, (None, None))[1] is not None:
        assert cameo_to_plover()[r.cameo][:2] == (type_, expected)


@pytest.mark.parametrize("mode, main, p, expected", [
    (None, True, 0.8, "targeted"),
    ("firearms", True, 0.8, "targeted"),
    ("heavy-weapons", True, 0.8, "heavy-weapons"),   # remote means say more: ACLED's own order
    (None, True, 0.3, None),
    (None, False, 0.8, None),
])
def test_one_sided_violence(mode, main, p, expected):
    v = View(type={"ASSAULT": 0.9}, acled={"Violence against civilians": p, "Battles": 1 - p})
    assert revise("ASSAULT", mode, cameo_for("ASSAULT", mode), v, main).mode == expected


def test_cameo_for_keeps_a_code_that_already_fits():
    assert cameo_for("ASSAULT", "heavy-weapons", "194") == "194"
    assert cameo_to_plover()[cameo_for("PROTEST", "riot")][:2] == ("PROTEST", "riot")
    assert cameo_to_plover()[cameo_for("ACCUSE", None)][0] == "ACCUSE"


def test_main_candidate_is_asserted_then_nearest_the_root(nlp):
    from communique.extract.events.modality import Mood

    doc = nlp("Troops who had attacked the village withdrew on Sunday.")
    attacked, withdrew = doc[3], doc[6]

    class C:
        def __init__(self, tok):
            self.tok = tok

    a, w = C(attacked), C(withdrew)
    asserted = Mood("asserted", False, False)
    assert main_candidates([(a, asserted), (w, asserted)]) == {id(w)}
    assert main_candidates([(a, asserted), (w, Mood("asserted", True, False))]) == {id(a)}
