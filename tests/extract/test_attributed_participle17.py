"""Issue 12, seventeenth round: a participle the parse hangs on a trailing attribution
("X attacked Y, officials said, killing Z") goes on with the reported clause, whose subject
does it, not the sayer (events/tree._attributed_clause). Sentences written for these tests
(not taken from the data)."""

from __future__ import annotations

import pytest

from .records import record as _record


def _doers(rec, trigger=None):
    """The actor names of the record's events (those whose trigger is ``trigger``, if given)."""
    by_id = {a["id"]: a for a in rec["actors"]}
    return [by_id[i]["name"] for e in rec["events"] if trigger in (None, e["trigger"]["text"])
            for i in e["actor"]]


@pytest.mark.parametrize("text,trigger,doer,sayer", [
    ("Islamist fighters overran a police post near Gao, local officials said Monday, "
     "killing four policemen.", "killing", "fighters", "officials"),
    ("Rebels stormed a military camp in the north, the army said, wounding six soldiers.",
     None, "Rebels", "army"),
])
def test_a_participle_after_a_trailing_attribution_is_the_reported_doers(coder, text, trigger, doer, sayer):
    rec = _record(coder, text)
    assert any(doer in d for d in _doers(rec, trigger)), rec["events"]
    assert not any(sayer in d for d in _doers(rec)), rec["events"]


def test_a_sayers_own_participle_keeps_the_sayer(coder):
    # no reported clause before the sayer: the participle is the sayer's own act
    rec = _record(coder, "The army said on Monday, warning the rebels, that it would attack.")
    assert not any("rebels" in d for d in _doers(rec, "warning")), rec["events"]
