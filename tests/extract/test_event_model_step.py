"""The event model's say in classification (extract/events/model.py), with a stand-in model
whose answers are fixed, so that each rule of `revise` is checked on real parses."""

from __future__ import annotations

import pytest

from communique.extract.events import find_events
from communique.extract.events import acled_reading
from communique.extract.events.model import (Revision, View, cameo_for, main_candidates, revise,
                                             specific_reading)
from communique.lexicon import cameo_info, cameo_to_plover, load_lexicon

from .test_events import _EntityActors


class StandIn:
    """Answers every sentence with the same probabilities; counts the sentences it saw."""

    def __init__(self, type=None, mode=None, acled=None):
        self.type, self.mode, self.acled, self.seen = type or {}, mode or {}, acled or {}, []

    def predict(self, sentences):
        self.seen += list(sentences)
        return [{"type": dict(self.type), "mode": dict(self.mode), "quad": {},
                 "acled": dict(self.acled)} for _ in sentences]


def _code(nlp, text, model=None, explain=False):
    doc = nlp(text)
    return find_events(doc, _EntityActors(doc), load_lexicon(), model, explain)


def test_without_a_model_the_lexicon_decides(nlp):
    [e] = _code(nlp, "Russian forces shelled the town of Kharkiv.")
    assert (e.type, e.why) == ("ASSAULT", None)


def test_the_model_sets_the_mode_and_cameo_follows(nlp):
    text = "Russian forces attacked the town of Kharkiv."
    assert [(e.type, e.mode) for e in _code(nlp, text)] == [("ASSAULT", None)]
    [e] = _code(nlp, text, StandIn(type={"ASSAULT": 0.9}, mode={"aerial": 0.8, "none": 0.2}))
    assert (e.type, e.mode) == ("ASSAULT", "aerial")
    assert cameo_to_plover()[e.cameo][0] == "ASSAULT"
    assert (e.goldstein, e.quad_class) == cameo_info(e.cameo)[1:]


def test_whether_a_protest_was_violent_is_the_rules_call(nlp):
    # the mode head's riot gives way where the rules see no violence by the crowd
    # (acled_reading.violent; until the eleventh round the mode head's riot stood here)
    text = "Thousands of protesters rallied in Nairobi against the government."
    [e] = _code(nlp, text, StandIn(type={"PROTEST": 0.9}, mode={"riot": 0.8, "none": 0.2}))
    assert (e.type, e.mode) == ("PROTEST", "demo")
    assert cameo_to_plover()[e.cameo][:2] == ("PROTEST", "demo")
    # and a demonstration reading where they do ("hurled stones": a riot trigger)
    text = "Thousands of protesters rallied in Nairobi and hurled stones at the police."
    [e] = [e for e in _code(nlp, text, StandIn(type={"PROTEST": 0.9}, mode={"demo": 0.8}))
           if e.type == "PROTEST"][:1]
    assert e.mode == "riot"


def test_an_unsure_model_leaves_the_reading(nlp):
    text = "Thousands of protesters rallied in Nairobi against the government."
    [rules] = _code(nlp, text)
    [e] = _code(nlp, text, StandIn(type={"ASSAULT": 0.45, "PROTEST": 0.4}, mode={"riot": 0.4}))
    assert (e.type, e.mode, e.cameo) == (rules.type, rules.mode, rules.cameo)


def test_the_model_decides_the_main_events_type_and_explains(nlp):
    text = "Iran condemned Israel, and gunmen attacked its embassy in Kabul."
    assert [e.type for e in _code(nlp, text)] == ["ACCUSE", "ASSAULT"]
    model = StandIn(type={"REJECT": 0.85, "ACCUSE": 0.15})
    evs = _code(nlp, text, model, explain=True)
    # "condemned" is the root: its type is the model's; the attack keeps the lexicon's
    # ("condemned the attack" alone is one event, the ACCUSE: test_events.py, issue 13)
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


@pytest.mark.parametrize("mode, main, p, sectors, expected", [
    (None, True, 0.8, [], "targeted"),
    ("firearms", True, 0.8, [None], "targeted"),
    ("heavy-weapons", True, 0.8, [], "heavy-weapons"),   # remote means say more: ACLED's own order
    ("abduct", True, 0.8, [], "abduct"),                 # abduction is one-sided already
    (None, True, 0.8, ["COP"], None),                   # armed victims: a battle, not one-sided
    (None, True, 0.3, [], None),
    (None, False, 0.8, [], None),
])
def test_one_sided_violence(mode, main, p, sectors, expected):
    v = View(type={"ASSAULT": 0.9}, acled={"Violence against civilians": p, "Battles": 1 - p})
    r = acled_reading.land(revise("ASSAULT", mode, cameo_for("ASSAULT", mode), v, main), v, main,
                           sectors)
    assert r.mode == expected
    assert (r.acled_type is not None) == (expected != mode)


@pytest.mark.parametrize("victims, two_sided, expected", [
    ([], False, "targeted"),
    ([None, "CVL"], False, "targeted"),
    (["COP"], False, None),      # "a police officer was shot by militants": a battle (ACLED codebook)
    (["CVL", "MIL"], False, None),
    ([], True, None),            # hurt in an exchange of fire: two-sided violence, a battle
])
def test_armed_victims_and_two_sided_fights_are_no_one_sided_violence(victims, two_sided, expected):
    v = View(type={"ASSAULT": 0.9}, acled={"Violence against civilians": 0.8, "Battles": 0.2})
    r = acled_reading.land(revise("ASSAULT", None, cameo_for("ASSAULT", None), v, True), v, True,
                           [], victims, two_sided)
    assert r.mode == expected


@pytest.mark.parametrize("text, expected", [
    ("Al Shabaab militants shot and killed a police officer in Mogadishu.", "firearms"),
    ("Two soldiers were shot and later killed by Taliban militants in Herat.", "firearms"),
    ("Gunmen shot at a police station in Acayucan.", "firearms"),
    ("Clashes erupted in Taizz, killing three people.", None),
    # the control: unarmed victims of one-sided violence
    ("Al Shabaab militants shot and killed a teacher in Mogadishu.", "targeted"),
])
def test_the_acled_reading_sees_armed_victims_that_are_no_recipient(nlp, text, expected):
    model = StandIn(type={"ASSAULT": 0.99}, acled={"Violence against civilians": 0.9})
    [e] = _asserted_assaults(_code(nlp, text, model))
    assert e.mode == expected


def _asserted_assaults(events):
    return [e for e in events if e.type == "ASSAULT" and e.modality == "asserted"][:1]


@pytest.mark.parametrize("text, expected", [
    ("Two soldiers were kidnapped and later killed by militants.", ["soldiers"]),
    ("Militants shot and killed a police officer.", ["officer"]),
    ("Armed men shot at a police station.", ["station"]),
    ("The attack on a checkpoint killed two.", ["checkpoint"]),
    ("The militants attacked the village.", ["village"]),
])
def test_victims_are_what_the_violence_falls_on(nlp, text, expected):
    from communique.extract.events.arguments import victims
    doc = nlp(text)
    trigger = next(t for t in doc if t.lemma_ in ("kidnap", "shoot", "attack"))
    assert [t.text for t in victims(trigger)] == expected


@pytest.mark.parametrize("type_, mode, acled, modes, expected", [
    # Riots: PROTEST riot, from a clash, a protest or an arrest the lexicon read
    ("ASSAULT", None, "Riots", {}, ("PROTEST", "riot")),
    ("PROTEST", "demo", "Riots", {}, ("PROTEST", "riot")),
    ("COERCE", "arrest", "Protests", {}, ("PROTEST", "demo")),
    ("REQUEST", None, "Protests", {}, ("PROTEST", "demo")),
    ("CONSULT", "phone", "Protests", {}, ("CONSULT", "phone")),  # not a kind of protest
    # remote means: the remote mode the mode head prefers, unless the event has one
    ("ASSAULT", "firearms", "Explosions/Remote violence", {"aerial": 0.2, "explosives": 0.3,
                                                            "none": 0.5}, ("ASSAULT", "explosives")),
    ("ASSAULT", "aerial", "Explosions/Remote violence", {"explosives": 0.9}, ("ASSAULT", "aerial")),
    ("PROTEST", "demo", "Explosions/Remote violence", {}, ("PROTEST", "demo")),
    # battles: a remote mode goes (ACLED codebook: a fight both sides wage is a battle
    # whatever its weapons); the lexicon's other modes stand
    ("ASSAULT", "heavy-weapons", "Battles", {}, ("ASSAULT", None)),
    ("ASSAULT", "explosives", "Battles", {"explosives": 0.9}, ("ASSAULT", None)),
    ("ASSAULT", "firearms", "Battles", {}, ("ASSAULT", "firearms")),
    ("ASSAULT", "abduct", "Battles", {}, ("ASSAULT", "abduct")),
])
def test_the_acled_reading_lands_in_type_and_mode(type_, mode, acled, modes, expected):
    v = View(acled={acled: 0.9}, mode=modes)
    r = acled_reading.land(Revision(type_, mode, cameo_for(type_, mode), "lexicon", None,
                                    "lexicon" if mode else None, None), v, True)
    assert (r.type, r.mode) == expected
    if (r.type, r.mode) != (type_, mode):
        assert (r.acled_type, r.acled_probability) == (acled, 0.9)
        assert cameo_to_plover()[r.cameo][0] == r.type
    unsure = View(acled={acled: 0.45}, mode=modes)
    assert acled_reading.land(Revision(type_, mode, None, "lexicon", None, None, None), unsure,
                              True).type == type_


@pytest.mark.parametrize("type_, mode, acled, expected", [
    ("PROTEST", "demo", "Riots", ("PROTEST", "riot")),        # the sentence's riot is this protest
    ("ASSAULT", None, ("Riots", 0.85), ("ASSAULT", None)),    # only the main event changes type
    # ... unless the riot reading is sure: the fight it tells of is the riot's
    ("ASSAULT", None, ("Riots", 0.95), ("PROTEST", "riot")),
    ("ASSAULT", "firearms", ("Riots", 0.95), ("PROTEST", "riot")),
    ("ASSAULT", "explosives", ("Riots", 0.95), ("ASSAULT", "explosives")),  # a bomb is no riot
    ("ASSAULT", "abduct", ("Riots", 0.95), ("ASSAULT", "abduct")),
    ("ASSAULT", None, ("Protests", 0.95), ("ASSAULT", None)),  # a shooting is no demonstration
    ("ASSAULT", None, "Explosions/Remote violence", ("ASSAULT", None)),
    ("ASSAULT", None, "Violence against civilians", ("ASSAULT", None)),
    # a battle is the sentence's: its every ASSAULT drops a remote mode ("observed 40
    # explosions and shots"), keeps the others
    ("ASSAULT", "explosives", "Battles", ("ASSAULT", None)),
    ("ASSAULT", "firearms", "Battles", ("ASSAULT", "firearms")),
    ("PROTEST", "demo", "Battles", ("PROTEST", "demo")),
])
def test_other_events_of_the_sentence_take_only_a_protests_mode(type_, mode, acled, expected):
    acled, p = acled if isinstance(acled, tuple) else (acled, 0.9)
    v = View(acled={acled: p}, mode={"aerial": 0.9})
    r = acled_reading.land(Revision(type_, mode, cameo_for(type_, mode), "lexicon", None,
                                    "lexicon" if mode else None, None), v, False)
    assert (r.type, r.mode) == expected


def test_the_acled_reading_reads_the_rest_of_the_paragraph(nlp):
    """The mode and acled heads read the sentence with what follows it in its paragraph; the
    type head the sentence alone; a sentence that ends its paragraph is read once."""
    model = StandIn(type={"PROTEST": 0.9})
    _code(nlp, "Hundreds of youths protested in Lagos. They sang songs.\nPolice arrested ten.", model)
    assert model.seen == ["Hundreds of youths protested in Lagos.", "Police arrested ten.",
                          "Hundreds of youths protested in Lagos. They sang songs."]


def test_the_acled_reading_reads_the_setting_before_the_act(nlp):
    """The sentences before the act in its paragraph that hold no candidate (a note's label, a
    lede's setting) are read with it by the mode and acled heads; not those past a sentence
    with a candidate, nor past a line break."""
    model = StandIn(type={"PROTEST": 0.9})
    _code(nlp, "Weekly report.\nIt was a quiet week in the city. Hundreds of youths protested "
               "in Lagos. They sang songs.", model)
    assert model.seen == ["Hundreds of youths protested in Lagos.",
                          "It was a quiet week in the city. Hundreds of youths protested in "
                          "Lagos. They sang songs."]
    model = StandIn(type={"PROTEST": 0.9})
    _code(nlp, "Police arrested ten people. Hundreds of youths protested in Lagos.", model)
    # the arrest with the rest of its paragraph; the protest ends its paragraph and follows
    # a sentence with a candidate: it is read once
    assert model.seen == ["Police arrested ten people.", "Hundreds of youths protested in Lagos.",
                          "Police arrested ten people. Hundreds of youths protested in Lagos."]


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


class PerSentence(StandIn):
    """Answers the n-th sentence it sees with the n-th type distribution."""

    def __init__(self, types):
        super().__init__()
        self.types = list(types)

    def predict(self, sentences):
        self.seen += list(sentences)
        return [{"type": dict(t), "mode": {}, "quad": {}, "acled": {}}
                for t, _ in zip(self.types, sentences)]


@pytest.mark.parametrize("cameo, constrained, expected", [
    ("041", False, True), ("0871", False, True), ("138", False, True),   # leaves below a root
    ("040", False, False), ("190", False, False), (None, False, False),  # a root: "not specified"
    ("040", True, True),                                                   # "telephone call"
])
def test_specific_reading(cameo, constrained, expected):
    assert specific_reading(cameo, constrained) is expected


def test_the_models_type_must_beat_the_lexicons_by_a_margin():
    close = View(type={"SUPPORT": 0.55, "CONSULT": 0.40})
    r = revise("CONSULT", "phone", "041", close, main=True)
    assert (r.type, r.mode, r.type_by, r.model_type) == ("CONSULT", "phone", "lexicon", "SUPPORT")
    assert "0.3 above" in r.type_kept
    clear = View(type={"SUPPORT": 0.75, "CONSULT": 0.20})
    r = revise("CONSULT", "phone", "041", clear, main=True)
    assert (r.type, r.type_by, r.type_probability, r.type_kept) == ("SUPPORT", "model", 0.75, None)


@pytest.mark.parametrize("specific, depth, expected", [
    (True, 2, "AGREE"),     # near the root: the sentence is about the trigger's act
    (True, 3, "CONSULT"),   # a specific reading deep in the parse stands
    (False, 5, "AGREE"),    # a root reading ("040") is no better than the model's
])
def test_a_specific_reading_deep_in_the_sentence_stands(specific, depth, expected):
    r = revise("CONSULT", "visit", "042", View(type={"AGREE": 0.95}), main=True,
               specific=specific, depth=depth)
    assert r.type == expected
    assert (r.type_kept is not None) == (expected == "CONSULT")


@pytest.mark.parametrize("quad, expected", [
    ({"1": 0.8, "3": 0.2}, "AGREE"),    # the quad head sides with the lexicon's class: kept
    ({"3": 0.9, "1": 0.1}, "ACCUSE"),   # both heads move it to verbal conflict
    ({}, "ACCUSE"),                     # no quad head: the type head decides
])
def test_a_new_quad_class_needs_the_quad_head(quad, expected):
    r = revise("AGREE", None, "036", View(type={"ACCUSE": 0.9}, quad=quad), main=True)
    assert r.type == expected
    if expected == "AGREE":
        assert "quad head says 1" in r.type_kept


def test_same_quad_class_needs_no_quad_head():
    r = revise("CONSULT", None, "040", View(type={"SUPPORT": 0.9}, quad={"0": 0.9}), main=True)
    assert r.type == "SUPPORT"


def test_a_retelling_the_model_reads_as_another_type_is_still_one_event(nlp):
    text = ("Iran expressed its opposition to foreign forces in the region. "
            "Iran declared its opposition to any deployment of foreign forces.")
    assert [e.type for e in _code(nlp, text)] == ["ACCUSE"]  # the rules: one act, told twice
    model = PerSentence([{"ACCUSE": 0.9}, {"REJECT": 0.9, "ACCUSE": 0.05}])
    assert [(e.type, e.sentence_start) for e in _code(nlp, text, model)] == [("ACCUSE", 0)]
    # the two sentences; no paragraph reading: neither the lexicon nor the type head reads a
    # type whose mode or ACLED reading it could change (model.PARAGRAPH_TYPES)
    assert len(model.seen) == 2


def test_only_sentences_of_a_type_the_paragraph_can_change_are_read_again(nlp):
    text = ("Troops attacked the village on Monday. Iran condemned the government. "
            "Officials said nothing more.")
    model = PerSentence([{"ASSAULT": 0.9}, {"ACCUSE": 0.9}])
    _code(nlp, text, model)
    # the two sentences, then the assault with the rest of its paragraph (mode and acled
    # heads); the condemnation's paragraph reading could change nothing and is skipped
    assert model.seen[-1].startswith("Troops attacked the village on Monday.")
    assert model.seen[-1].endswith("Officials said nothing more.")
    assert len(model.seen) == 3


@pytest.mark.parametrize("mode, p, sectors, two_sided, expected", [
    # ACLED codebook, Strategic developments: looting and property destruction, disrupted
    # weapons use; PLOVER ASSAULT mode destroy (CAMEO 1712), where the reading is sure
    (None, 0.95, [], False, "destroy"),
    ("firearms", 0.95, [None], False, "destroy"),
    (None, 0.8, [], False, None),                  # not sure: the rules' reading stands
    # a sure reading is not held back by an armed victim or a two-sided fight (ACLED
    # codebook: destruction and disrupted weapons use by or against armed groups)
    (None, 0.95, ["REB"], False, "destroy"),
    (None, 0.95, [], True, "destroy"),
    # a remote mode does not hold it back either (disrupted weapons use: a drone shot down;
    # eleventh round); a one-sided mode stands
    ("explosives", 0.95, [], False, "destroy"),
    ("aerial", 0.95, [], False, "destroy"),
    ("explosives", 0.8, [], False, "explosives"),
    ("abduct", 0.95, [], False, "abduct"),
])
def test_a_strategic_development_lands_as_property_destruction(mode, p, sectors, two_sided,
                                                               expected):
    v = View(acled={"Strategic developments": p, "Battles": 1 - p})
    rev = Revision("ASSAULT", mode, cameo_for("ASSAULT", mode), "lexicon", None,
                   "lexicon" if mode else None, None)
    r = acled_reading.land(rev, v, True, sectors, [], two_sided)
    assert r.mode == (expected if expected is not None else mode)
    if r.mode == "destroy":
        # CAMEO 1712 (destroy property), or the ASSAULT code it had where that says no mode
        assert cameo_to_plover()[r.cameo][0] == "ASSAULT"
        assert cameo_to_plover()[r.cameo][1] in ("destroy", None)
    # only the main event: another one of the sentence keeps its mode
    assert acled_reading.land(rev, v, False, sectors, [], two_sided).mode == mode


def test_a_protest_the_type_head_read_as_another_act_is_still_one():
    """The lexicon's PROTEST that the type head moved ("doctors demonstrated over the
    non-provision of protective equipment": AID) is a protest where the ACLED reading says so."""
    v = View(acled={"Protests": 0.9})
    rev = Revision("AID", None, cameo_for("AID", None), "model", 0.8, None, None)
    r = acled_reading.land(rev, v, True, lexicon_type="PROTEST")
    assert (r.type, r.mode) == ("PROTEST", "demo")
    assert cameo_to_plover()[r.cameo][:2] == ("PROTEST", "demo")
    assert acled_reading.land(rev, v, True, lexicon_type="AID").type == "AID"
    assert acled_reading.land(rev, v, True).type == "AID"


@pytest.mark.parametrize("kind, civilian_recipient", [
    ("Battles", False),                       # civilians killed in a fight are its casualties
    ("Violence against civilians", True),     # the control: one-sided violence has victims
])
def test_civilians_in_a_sentence_read_as_a_battle_are_no_recipient(kind, civilian_recipient):
    from communique.pipeline import Coder

    coder = Coder()
    coder.event_model = StandIn(type={"ASSAULT": 0.99}, acled={kind: 0.9})
    [rec] = coder.code_dicts([{"id": "t", "text": "Militants attacked villagers in Borno.",
                               "published": "2020-05-01"}])
    sector = {a["id"]: a.get("sector") for a in rec["actors"]}
    assert "CVL" in sector.values()
    [ev] = [e for e in rec["events"] if e["type"] == "ASSAULT"]
    assert any(sector[i] == "CVL" for i in ev["recipient"]) == civilian_recipient


class Heads(StandIn):
    """A stand-in that also answers the quad head."""

    def __init__(self, type=None, mode=None, acled=None, quad=None):
        super().__init__(type, mode, acled)
        self.quad = quad or {}

    def predict(self, sentences):
        return [dict(p, quad=dict(self.quad)) for p in super().predict(sentences)]


# (a form no lexicon entry reads: "uprooted" olive trees has one since the ninth round)
UPROOTED = "Settlers chopped 450 olive trees in the village of Sawiyah on Sunday."


def test_a_text_with_no_trigger_takes_the_event_the_models_heads_agree_on(nlp):
    """No lexicon entry fires in the sentence; the ACLED head is sure of a strategic
    development, the type head of an ASSAULT (which reads as one with mode destroy), the quad
    head of material conflict: the root verb becomes the event's trigger."""
    assert _code(nlp, UPROOTED) == []  # the rules: nothing
    model = Heads(type={"ASSAULT": 0.8, "COERCE": 0.2}, mode={"none": 0.9},
                  acled={"Strategic developments": 0.95, "Battles": 0.05}, quad={"4": 0.9, "0": 0.1})
    [e] = _code(nlp, UPROOTED, model, explain=True)
    assert (e.type, e.mode) == ("ASSAULT", "destroy")
    assert cameo_to_plover()[e.cameo][0] == "ASSAULT"
    assert doc_text_of(nlp, UPROOTED, e) == "chopped"
    assert e.why["type_by"] == "model" and e.why["lexicon"].startswith("none: the event model")
    assert e.why["lexicon_type"] is None


def doc_text_of(nlp, text, e):
    return text[e.trigger_start:e.trigger_end]


@pytest.mark.parametrize("type_, acled, quad", [
    ({"ASSAULT": 0.8}, {"Strategic developments": 0.75}, {"4": 0.9}),   # the ACLED head unsure
    ({"AGREE": 0.8}, {"Battles": 0.95}, {"1": 0.9}),                    # a battle is no AGREE
    ({"ASSAULT": 0.8}, {"Strategic developments": 0.95}, {"0": 0.9}),   # the quad head: no event
    ({"YIELD": 0.9}, {"Strategic developments": 0.95}, {"2": 0.9}),     # CONCEDE or RETREAT?
    ({"ACCUSE": 0.6, "PROTEST": 0.3}, {"Protests": 0.95}, {"3": 0.9}),  # the type head's is no protest
])
def test_no_event_where_the_heads_disagree(nlp, type_, acled, quad):
    assert _code(nlp, UPROOTED, Heads(type=type_, acled=acled, quad=quad)) == []


def test_a_text_with_a_trigger_gets_no_event_of_the_models_making(nlp):
    """Only a text in which the lexicon found nothing: elsewhere a sentence without a trigger
    (news text is full of them) stays without an event."""
    text = "Troops attacked the village on Monday. " + UPROOTED
    model = Heads(type={"ASSAULT": 0.9}, mode={"none": 0.9},
                  acled={"Strategic developments": 0.95}, quad={"4": 0.9})
    assert [doc_text_of(nlp, text, e) for e in _code(nlp, text, model)] == ["attacked"]


def test_a_text_with_no_trigger_gets_a_model_event_of_a_protest(nlp):
    text = "Hundreds of workers gathered outside the ministry in Tunis on Monday over unpaid wages."
    assert _code(nlp, text) == []
    model = Heads(type={"PROTEST": 0.9}, mode={"demo": 0.8}, acled={"Protests": 0.97},
                  quad={"4": 0.9})
    [e] = _code(nlp, text, model)
    assert (e.type, e.mode) == ("PROTEST", "demo")
    assert doc_text_of(nlp, text, e) == "gathered"


@pytest.mark.parametrize("type_, acled, quad, expected", [
    # the type head unsure of its type, but it is the most probable one and a strategic one
    ({"COERCE": 0.4, "YIELD": 0.3}, {"Strategic developments": 0.95}, {"4": 0.9}, ("COERCE", None)),
    # the quad head need not say the type's own class, only that there is an event
    ({"ASSAULT": 0.8}, {"Strategic developments": 0.95}, {"3": 0.9}, ("ASSAULT", "destroy")),
    ({"ASSAULT": 0.7}, {"Riots": 0.95}, {"4": 0.9}, ("PROTEST", "riot")),
    # UNTRIGGERED_MIN: 0.8 is enough where the lexicon found nothing at all
    ({"COERCE": 0.6}, {"Strategic developments": 0.85}, {"4": 0.9}, ("COERCE", None)),
])
def test_a_text_with_no_trigger_takes_what_a_sure_acled_head_reads(nlp, type_, acled, quad,
                                                                   expected):
    [e] = _code(nlp, UPROOTED, Heads(type=type_, mode={"none": 0.9}, acled=acled, quad=quad),
                explain=True)
    assert (e.type, e.mode) == expected
    assert e.why["type_by"] == "model"


def _rev(type_, mode=None):
    return Revision(type_, mode, cameo_for(type_, mode), "lexicon", None,
                    "lexicon" if mode else None, None)


@pytest.mark.parametrize("type_, mode, acled, heads, modes, expected", [
    # a visit, a ban (the lexicon's protest deep in the sentence), a refusal, a threat: the
    # type head's type that the sure reading is made of
    ("CONSULT", "visit", "Strategic developments", {"MOBILIZE": 0.4, "COERCE": 0.3},
     {"troops": 0.6}, ("MOBILIZE", "troops")),
    ("PROTEST", "demo", "Strategic developments", {"COERCE": 0.87, "PROTEST": 0.01},
     {"seize": 0.45}, ("COERCE", None)),
    ("REJECT", None, "Protests", {"PROTEST": 0.6, "REJECT": 0.3}, {}, ("PROTEST", "demo")),
    ("THREATEN", None, "Riots", {"ASSAULT": 0.5}, {"riot": 0.9}, ("PROTEST", "riot")),
    ("PROTEST", "demo", "Battles", {"ASSAULT": 0.9}, {}, ("ASSAULT", None)),
    ("PROTEST", "demo", "Explosions/Remote violence", {"ASSAULT": 0.9}, {"explosives": 0.8},
     ("ASSAULT", "explosives")),
    ("ACCUSE", None, "Violence against civilians", {"ASSAULT": 0.8}, {}, ("ASSAULT", "targeted")),
    # the type head's most probable type is none the reading is made of: the type stands
    ("CONCEDE", None, "Strategic developments", {"YIELD": 0.9, "COERCE": 0.05}, {}, ("CONCEDE", None)),
    ("SANCTION", None, "Strategic developments", {"SANCTION": 0.6, "COERCE": 0.3}, {},
     ("SANCTION", None)),
    ("ACCUSE", None, "Protests", {"ACCUSE": 0.7, "PROTEST": 0.2}, {}, ("ACCUSE", None)),
    # a reading that already reads so stands
    ("COERCE", "arrest", "Strategic developments", {"MOBILIZE": 0.9}, {}, ("COERCE", "arrest")),
    ("AGREE", None, "Strategic developments", {"COERCE": 0.9}, {}, ("AGREE", None)),
])
def test_a_sure_acled_reading_is_taken(type_, mode, acled, heads, modes, expected):
    v = View(type=heads, mode=modes, acled={acled: 0.95})
    r = acled_reading.land(_rev(type_, mode), v, True)
    assert (r.type, r.mode) == expected
    if (r.type, r.mode) != (type_, mode):
        assert (r.acled_type, r.acled_probability) == (acled, 0.95)
        assert cameo_to_plover()[r.cameo][0] == r.type
        if r.type != type_:
            assert r.type_by == "model"
            assert r.type_probability == round(heads.get(r.type, heads.get("ASSAULT", 0)), 3) \
                or r.type == "PROTEST"
    # not sure enough, or not the main event: the reading stands
    unsure = View(type=heads, mode=modes, acled={acled: 0.85})
    if type_ not in ("ASSAULT", "PROTEST", "COERCE"):
        assert (acled_reading.land(_rev(type_, mode), unsure, True).type) == type_
    assert acled_reading.land(_rev(type_, mode), v, False).type == type_


def test_a_ban_on_protests_a_sure_head_reads_as_a_strategic_development(nlp):
    """The lexicon's PROTEST ("protests") is specific and deep in the sentence, so the type
    head's COERCE does not replace it; a sure strategic-development reading, with the type
    head's COERCE, does: the record's event reads as ACLED's type, and says why."""
    text = "The governor extended the measures on marches and protests in the province for two weeks."
    model = StandIn(type={"COERCE": 0.87, "PROTEST": 0.01}, mode={"none": 0.9},
                    acled={"Strategic developments": 0.97})
    [e] = [e for e in _code(nlp, text, model, explain=True) if e.modality == "asserted"][:1]
    assert (e.type, e.mode) == ("COERCE", None)
    assert e.why["type_by"] == "model" and e.why["type_probability"] == 0.87
    assert (e.why["acled_type"], e.why["acled_probability"]) == ("Strategic developments", 0.97)
    assert e.why["lexicon_type"] == "PROTEST"
    unsure = StandIn(type={"COERCE": 0.87, "PROTEST": 0.01}, mode={"none": 0.9},
                     acled={"Strategic developments": 0.85})
    assert [e.type for e in _code(nlp, text, unsure)][:1] == ["PROTEST"]


# "agreed a trade deal": the lexicon's entry for agree + a deal is SUPPORT (CAMEO 057, sign a
# formal agreement); the model's AGREE is the plain reading of "agree" that the object set aside,
# and does not replace it (3 of 3 such train-part PLV main events are gold SUPPORT). A noun's
# modifier ("cyber attacks") does not count: it names a kind of the same act.
def test_the_plain_reading_an_argument_set_aside_does_not_replace_it():
    from communique.extract.events.model import plain_types

    lex = load_lexicon()
    deal = next(e for e in lex.candidates("agree", "verb") if e.type == "SUPPORT" and e.has("obj"))
    assert "AGREE" in plain_types(deal)
    r = revise("SUPPORT", None, "057", View(type={"AGREE": 0.95}), main=True, specific=True,
               depth=0, plain=plain_types(deal))
    assert (r.type, r.type_by) == ("SUPPORT", "lexicon") and "plain reading" in r.type_kept
    cyber = next(e for e in lex.candidates("attack", "noun") if e.type == "COERCE")
    assert plain_types(cyber) == frozenset()
    r = revise("COERCE", "cyber", "172", View(type={"ASSAULT": 0.95}), main=True, specific=True,
               depth=0, plain=plain_types(cyber))
    assert r.type == "ASSAULT"

