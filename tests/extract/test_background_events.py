"""Acts told in the background of a sentence's main act are not events of their own
(issue 13; PLOVER codes the act a sentence reports, not the earlier acts it names to say
when, why or of whom). Sentences written for this test."""

from __future__ import annotations

import pytest

from communique.extract.events import find_events
from communique.extract.events.background import drop_background, in_background, in_modifier
from communique.extract.events.hit import EventHit
from communique.lexicon import load_lexicon


def _types(nlp, text):
    return sorted(e.type for e in find_events(nlp(text), None, load_lexicon()) if not e.negated)


@pytest.mark.parametrize("text, kept, dropped", [
    # an after/following/during phrase names an earlier or surrounding act
    ("Police arrested ten reporters during a protest in the capital.", "COERCE", "PROTEST"),
    ("Troops seized the town following heavy clashes with the rebels.", "COERCE", "ASSAULT"),
    # an after clause
    ("The government halted aid to the region after rebels attacked a convoy.", "SANCTION",
     "ASSAULT"),
])
def test_background_act_is_not_its_own_event(nlp, text, kept, dropped):
    types = _types(nlp, text)
    assert kept in types
    assert dropped not in types


def test_background_act_alone_stays(nlp):
    # the only act of the sentence is its main event, wherever it sits
    assert "ASSAULT" in _types(nlp, "Two days after the attack on the convoy.")


def test_sequel_in_relative_clause_stays(nlp):
    # "after which": what came next, not a background
    types = _types(nlp, "Rebels attacked a convoy, after which the government halted aid.")
    assert "ASSAULT" in types and "SANCTION" in types


def test_positions(nlp):
    doc = nlp("The mother of a student who was shot by police spoke after the protests.")
    by = {t.text: t for t in doc}
    assert in_background(by["shot"])       # relative clause
    assert in_background(by["protests"])   # after phrase
    assert not in_background(by["spoke"])  # the main verb


@pytest.mark.parametrize("text", [
    "Police did not arrest anyone during the protest.",
    "Police may arrest reporters during the protest.",
])
def test_background_act_stays_beside_a_negated_or_hypothetical_act(nlp, text):
    # the act told as done is the sentence's main event, wherever it sits
    assert "PROTEST" in {e.type for e in find_events(nlp(text), None, load_lexicon())}


def test_release_after_a_pardon_keeps_both(nlp):
    # a release and the pardon that frees are one concession (PLOVER's YIELD): both stay
    types = _types(nlp, "The journalist was released on Monday after the president pardoned him.")
    assert "CONCEDE" in types


@pytest.mark.parametrize("text, kept, dropped", [
    # a clause after the preposition: an earlier act
    ("The minister resigned on Friday after being accused of fraud.", "RETREAT", "ACCUSE"),
    # an until/before clause: the act's condition, not yet done
    ("The union said it will not end the strike until its demands are met.", "REJECT", "REQUEST"),
])
def test_earlier_act_or_condition_is_not_its_own_event(nlp, text, kept, dropped):
    types = _types(nlp, text)
    assert kept in types
    assert dropped not in types


def test_more_positions(nlp):
    doc = nlp("Aid reached the war-torn province after meeting the rebels, "
              "but the army will not withdraw before the rebels disarm.")
    by = {t.text: t for t in doc}
    assert in_background(by["war"])        # a noun qualifying a participle
    assert in_background(by["meeting"])    # a clause after "after"
    assert in_background(by["disarm"])     # a before clause
    assert not in_background(by["reached"])


def test_modifier_positions(nlp):
    doc = nlp("Police arrested a man for collaborating with the rebels, and the sanctions "
              "imposed on the town were lifted.")
    by = {t.text: t for t in doc}
    assert in_modifier(by["collaborating"])   # object of a preposition
    assert in_modifier(by["imposed"])         # a participle modifying a noun
    assert not in_modifier(by["arrested"])
    assert not in_background(by["collaborating"])  # not one of the narrow positions
    doc = nlp("The rebels repeated their demand that the government release the prisoners.")
    by = {t.text: t for t in doc}
    assert in_modifier(by["release"])         # what the noun asks for
    assert not in_modifier(by["repeated"])


def _hit(doc, word, etype, rules):
    t = next(t for t in doc if t.text == word)
    return EventHit(type=etype, mode=None, contexts=[], cameo=None, goldstein=None,
                    quad_class=None, plover_score=None, trigger_start=t.idx,
                    trigger_end=t.idx + len(t), trigger_token=t.i,
                    sentence_start=t.sent.start_char, sentence_end=t.sent.end_char,
                    rules=(etype, None) if rules else None)


@pytest.mark.parametrize("model_mode", [True, False])
def test_act_in_a_modifier_goes_in_both_modes(nlp, model_mode):
    # "arrested for collaborating": the arrest is the act; the collaboration is why
    doc = nlp("Police arrested a journalist for collaborating with the rebels.")
    events = [_hit(doc, "arrested", "COERCE", model_mode),
              _hit(doc, "collaborating", "COOPERATE", model_mode)]
    assert [e.type for e in drop_background(events, doc)] == ["COERCE"]


@pytest.mark.parametrize("model_mode, kept", [(True, ["CONCEDE"]), (False, ["CONCEDE", "AGREE"])])
def test_act_of_means_stays_with_the_lexicon_alone(nlp, model_mode, kept):
    # "by offering": how the strike was ended; with the lexicon alone, an act of its own
    doc = nlp("The government ended the strike by offering the workers a pay rise.")
    events = [_hit(doc, "ended", "CONCEDE", model_mode),
              _hit(doc, "offering", "AGREE", model_mode)]
    assert [e.type for e in drop_background(events, doc)] == kept


@pytest.mark.parametrize("model_mode, kept", [(True, ["COERCE"]), (False, ["COERCE", "ASSAULT"])])
def test_assault_in_a_modifier_stays_with_the_lexicon_alone(nlp, model_mode, kept):
    # ACLED codes the fight a note tells even as the reason of an arrest
    doc = nlp("Police arrested ten men for attacking a patrol.")
    events = [_hit(doc, "arrested", "COERCE", model_mode),
              _hit(doc, "attacking", "ASSAULT", model_mode)]
    assert [e.type for e in drop_background(events, doc)] == kept


@pytest.mark.parametrize("text, kept, dropped", [
    ("Police arrested a journalist for collaborating with the rebels.", "COERCE", "COOPERATE"),
    ("The army mobilized two brigades for talks with the rebels.", "MOBILIZE", "CONSULT"),
    ("The minister renewed the pledge of the government to cooperate with aid groups.",
     "AGREE", "COOPERATE"),
])
def test_modifier_act_is_not_its_own_event_with_the_lexicon(nlp, text, kept, dropped):
    types = _types(nlp, text)
    assert kept in types
    assert dropped not in types
