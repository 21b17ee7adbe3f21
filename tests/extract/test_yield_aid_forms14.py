"""Yielding, aid and criticism told in forms the event lexicon lacked (issue 13,
fourteenth round): PETRARCH's CAMEO.2.0.txt verb blocks SUBMIT [080] (+ABIDE_BY, +CONFORM_TO,
ACQUIESCE, OBEY), EXTEND ("- * &CURRENCY [071]", "- * LOAN [071]"), RAISE ("- * &CURRENCY
... [071]") and EXPLAIN_VERBAL ("- CRITICS * [111]": 2 of 2 train-part PLV rows "critics say X has ..." are ACCUSE). Sentences written for the test, not
taken from the data."""

from __future__ import annotations

import pytest

from communique.extract.events import find_events
from communique.lexicon import load_lexicon

YIELDS = {"CONCEDE", "RETREAT"}


def _types(nlp, text):
    return {e.type for e in find_events(nlp(text), None, load_lexicon()) if not e.negated}


@pytest.mark.parametrize("text", [
    "The junta obeyed the court order and reopened the border.",
    "The mining company said it would abide by the tribunal's ruling.",
    "The governor finally submitted to the demands of the striking nurses.",
    "The cabinet acquiesced to pressure from the unions.",
])
def test_giving_way_is_a_yield(nlp, text):
    assert _types(nlp, text) & YIELDS, text


@pytest.mark.parametrize("text", [
    "Beijing extended $2 billion to Pakistan last year.",
    "Kuwait extended credit to Egypt.",
    "The singer raised money for the earthquake victims in Turkey.",
])
def test_aid_extended_or_raised(nlp, text):
    assert "AID" in _types(nlp, text), text


@pytest.mark.parametrize("text", [
    "The president's critics say he has used the crisis to silence the press.",
    "Critics of the mayor argue that she rigged the tender for the new stadium.",
])
def test_critics_saying_is_an_accusation(nlp, text):
    assert "ACCUSE" in _types(nlp, text), text


@pytest.mark.parametrize("text, absent", [
    ("Officials say the minister has resigned over the scandal.", "ACCUSE"),  # no critic speaks
    ("The ministry extended the deadline by a week.", "AID"),                 # a deadline is no aid
    ("The bank raised interest rates for the third time.", "AID"),           # rates raised, no money given
    ("The rebels submitted a list of demands to the mediators.", "CONCEDE"),  # submitting a list is no yielding
])
def test_other_uses_are_not_coded(nlp, text, absent):
    assert absent not in _types(nlp, text), text


@pytest.mark.parametrize("text", [
    "Brussels relaxed its sanctions on Minsk in March.",           # RELAX "- * SANCTIONS [085]"
    "The treasury waived the sanctions on the state oil firm.",     # WAIVE "- * SANCTION [085]"
    "The council repealed the ban on street vendors.",              # REVOKE_ "- * BAN [081]"
    "The new governor rescinded the restrictions on night travel.", # REVOKE_ "- * RESTRICTION [081]"
    "The appeals judge annulled the sentence of the blogger.",      # REVOKE_ "- * SENTENCE [081]"
])
def test_restrictions_undone_are_a_yield(nlp, text):
    assert _types(nlp, text) & YIELDS, text


def test_a_debt_cancelled_is_aid(nlp):
    assert "AID" in _types(nlp, "The Paris Club cancelled the debts of the poorest nations.")


def test_a_plan_challenged_is_an_accusation(nlp):
    assert "ACCUSE" in _types(nlp, "Two senators challenged the government's plan to close the refinery.")


@pytest.mark.parametrize("text, absent", [
    ("The team relaxed after the final whistle.", "RETREAT"),      # nothing eased
    ("The airline cancelled its flights to the island.", "AID"),    # flights cancelled are no aid
    ("The climbers challenged the north face of the peak.", "ACCUSE"),  # a mountain, no policy
])
def test_other_uses_stay_uncoded(nlp, text, absent):
    assert absent not in _types(nlp, text), text


@pytest.mark.parametrize("text", [
    "The city council bowed to pressure from the shopkeepers and dropped the parking fee.",  # BOW [080]
    "The ministry finally succumbed to the demands of the hunger strikers.",                  # SUCCUMB [080]
    "The rebels liberated forty hostages held in the mountains.",                             # RELEASE: LIBERATE
])
def test_more_ways_of_giving_way(nlp, text):
    assert _types(nlp, text) & YIELDS, text


@pytest.mark.parametrize("text", [
    "The prosecutor implicated the former governor in the bribery scheme.",  # BLAME: IMPLICATE [112]
    "The opposition leader lashed out at the electoral board.",               # WHIP: "- * OUT [111]"
    "The union impugned the integrity of the inquiry.",                       # DENIGRATE: IMPUGN [111]
    "The losing candidate contested the results in three districts.",         # VERBAL_CONFLICT: CONTEST [110]
])
def test_more_ways_of_accusing(nlp, text):
    assert "ACCUSE" in _types(nlp, text), text


@pytest.mark.parametrize("text, absent", [
    ("The actors bowed to the audience after the play.", "CONCEDE"),      # a bow, nothing yielded
    ("Troops liberated the town from the militia.", "RETREAT"),           # a town taken, no captive freed
    ("Four parties will contest the election in May.", "ACCUSE"),         # standing in a vote
])
def test_these_words_used_otherwise(nlp, text, absent):
    assert absent not in _types(nlp, text), text
