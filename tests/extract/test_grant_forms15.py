"""Grants that concede (issue 12, fifteenth round): PETRARCH CAMEO.2.0.txt GRANT block
('- * CLEMENCY / PARDON / BAIL [081]'), the PLOVER manual (formal pardons and amnesties are
CONCEDE) and a court granting a filed request (injunction, restraining order, stay).
Sentences written for the test, not taken from the data."""

from __future__ import annotations

import pytest

from communique.extract.events import find_events
from communique.lexicon import load_lexicon


def _types(nlp, text):
    return {e.type for e in find_events(nlp(text), None, load_lexicon()) if not e.negated}


@pytest.mark.parametrize("text", [
    "The governor granted clemency to the two inmates on Friday.",
    "A federal judge granted an injunction sought by the farmers' union.",
    "The magistrate granted a restraining order requested by the newspaper.",
    "The king granted a pardon to the jailed poet.",
])
def test_grant_concedes(nlp, text):
    assert "CONCEDE" in _types(nlp, text)


def test_grant_of_aid_stays_aid(nlp):
    assert "CONCEDE" not in _types(nlp, "Tokyo granted a loan of 40 million dollars to Dhaka.")
