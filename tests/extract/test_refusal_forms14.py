"""Refusals and attacks told in forms the event lexicon lacked (issue 13, fourteenth round):
PETRARCH's CAMEO.2.0.txt verb blocks (REFUSE: +RULE_OUT; REBUFF: SNUB; VOTE: "- * DOWN";
IGNORE: "- * APPEAL"; RESIST; THROW: "- * OUT APPEAL"; LAUNCH: "- * &WEAPON"), the PLOVER
manual's REJECT ("all rejections and refusals"; barring entry to a territory is REJECT) and a
court turning down a legal filing (5 of 5 train-part PLV rows: REJECT). Sentences written for
the test, not taken from the data."""

from __future__ import annotations

import pytest

from communique.extract.events import find_events
from communique.lexicon import load_lexicon


def _types(nlp, text):
    return {e.type for e in find_events(nlp(text), None, load_lexicon()) if not e.negated}


@pytest.mark.parametrize("text", [
    "The cabinet turned down an offer of help from the Red Cross.",
    "Oslo has ruled out talks with the separatists.",
    "The assembly voted down the governor's budget on Tuesday.",
    "The junta snubbed the envoy's offer of mediation.",
    "The mayor resisted calls to resign over the scandal.",
    "The generals ignored repeated appeals for a truce.",
    "Ankara blocked the bid by Stockholm to join the alliance.",
    "Malawi barred the foreign observers from entering the country.",
    "The appeals court dismissed the petition filed by the mining firm.",
    "The tribunal threw out the candidate's challenge to the count.",
])
def test_refusal_forms(nlp, text):
    assert "REJECT" in _types(nlp, text), text


@pytest.mark.parametrize("text", [
    "The convoy turned down the road to the border.",  # a road taken, nothing refused
    "The judge will rule on the case next week.",      # "rule" without "out"
    "The river ignored the embankment and flooded the town.",  # nothing asked is ignored
    "Workers blocked the road to the mine.",           # a road blocked is PROTEST obstruct, not REJECT
])
def test_other_uses_are_no_refusal(nlp, text):
    assert "REJECT" not in _types(nlp, text), text


@pytest.mark.parametrize("text", [
    "The militia launched rockets at the airport overnight.",
    "Gunmen launched grenades into the crowded market.",
])
def test_weapons_launched_are_an_assault(nlp, text):
    assert "ASSAULT" in _types(nlp, text), text


def test_a_launched_missile_test_stays_mobilize(nlp):
    types = _types(nlp, "The navy launched a missile test in the gulf.")
    assert "ASSAULT" not in types


# A "cessation of hostilities" is a truce (CAMEO 0871; PETRARCH PROPOSE "- * CESSATION (IN
# &FIGHT)"): the hostilities its pattern names are what it ends, not an attack told beside it.
@pytest.mark.parametrize("text", [
    "The junta declared a cessation of hostilities across the country on Sunday.",
    "The rebel command announced an immediate cessation of fighting in the east.",
])
def test_cessation_of_hostilities_is_a_truce(nlp, text):
    types = _types(nlp, text)
    assert "CONCEDE" in types, (text, types)
    assert "ASSAULT" not in types, (text, types)


def test_hostilities_alone_stay_an_assault(nlp):
    assert "ASSAULT" in _types(nlp, "Hostilities between the army and the rebels killed dozens.")


# "failed to reach agreement" is REJECT (6 of 6 train-part PLV rows); the same failure told with a
# negation ("did not reach a deal") reads so too, not as an agreement denied
@pytest.mark.parametrize("text", [
    "Lima and Quito did not reach agreement on the fishing quota.",
    "The unions and the employers have not reached a deal on pensions.",
])
def test_agreement_not_reached_is_a_refusal(nlp, text):
    assert "REJECT" in _types(nlp, text), text


def test_other_negated_acts_stay_negated(nlp):
    events = find_events(nlp("The two premiers did not meet in Lima."), None, load_lexicon())
    assert "REJECT" not in {e.type for e in events}
    assert all(e.negated for e in events if e.type == "CONSULT")


# PETRARCH's CANCEL block lists +CALL_OFF beside CANCEL: a visit called off is cancelled (REJECT
# meet, as "cancelled a planned visit" is); a strike called off stays a concession
def test_visit_called_off(nlp):
    assert "REJECT" in _types(nlp, "The foreign minister called off her visit to Seoul.")
    assert "CONCEDE" in _types(nlp, "The dockers called off their strike on Monday.")
