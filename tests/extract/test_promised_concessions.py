"""A promised concession is AGREE: the CAMEO2PLOVER-2021 table codes CAMEO 035x (express intent
to yield: ease sanctions 0351/0354, release persons 0353, de-escalate 0356) as AGREE, as the PLV
gold does (21 of 23 train-part main events we read CONCEDE this way were gold AGREE): an agreeing,
promising or willing frame over a concession, or a future release, return or withdrawal. A
release decided ("decided to release") stays CONCEDE (the 2 train-part main events under "decided
to" are gold YIELD). A promise beside a concession in its sentence still merges with it."""

from __future__ import annotations

import pytest

from communique.extract.events import find_events


def _events(nlp, text):
    return find_events(nlp(text))


@pytest.mark.parametrize("text,cameo", [
    ("The militia said it will return the seized trucks.", "0353"),
    ("Ankara agreed to lift its ban on Dutch flower imports.", "0351"),
    ("The junta is willing to withdraw its soldiers from the border villages.", "0356"),
    ("The guerrillas promised to release the two hostages.", "0353"),
])
def test_promised_concession_is_agree(nlp, text, cameo):
    evs = [e for e in _events(nlp, text) if not e.negated]
    assert any(e.type == "AGREE" and e.cameo == cameo for e in evs), [(e.type, e.cameo) for e in evs]
    assert not any(e.type in ("CONCEDE", "RETREAT") for e in evs), [(e.type, e.cameo) for e in evs]


@pytest.mark.parametrize("text", [
    "The cabinet decided to release the detained students.",
    "The governor lifted the curfew in the northern province.",
    "The president declared a ceasefire on Monday and promised to release political prisoners.",
])
def test_decided_or_done_concession_stays_concede(nlp, text):
    types = [e.type for e in _events(nlp, text) if not e.negated]
    assert "CONCEDE" in types and "AGREE" not in types, types
