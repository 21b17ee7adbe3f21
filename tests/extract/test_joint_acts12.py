"""Issue 12, eleventh round: the parties of a joint act whose roles the role step fills are
split as the rules split them (docs/evaluation.md, "Joint acts"): the first named acts, the
others receive. The deal, agreement or exercises are no party. Sentences are our own; the
expected roles were worked out by hand."""

from __future__ import annotations

import pytest

from .records import event, names, record


@pytest.mark.parametrize("text,etype,actor,recipient", [
    # "X and Y began joint exercises": both subjects, the step read both as actors
    ("Peru and Chile began a new round of joint naval exercises off the Pacific coast.",
     "COOPERATE", "Peru", "Chile"),
    ("Norway and Iceland started joint military drills near the coast on Monday.",
     "COOPERATE", "Norway", "Iceland"),
    # "talks between X and Y failed to reach agreement": no subject that is a party, the
    # step read both as objects
    ("Talks between Peru and Chile failed to reach agreement on fishing rights.",
     "REJECT", "Peru", "Chile"),
    ("The summit between Norway and Iceland failed to reach agreement on the fishing quota.",
     "REJECT", "Norway", "Iceland"),
])
def test_joint_act_parties_are_split(coder, text, etype, actor, recipient):
    rec = record(coder, text)
    e = event(rec, etype)
    assert [n for n, _ in names(rec, e["actor"])] == [actor], rec["events"]
    assert [n for n, _ in names(rec, e["recipient"])] == [recipient], rec["events"]


def test_only_joint_acts_with_parties_all_on_one_side_are_split(nlp):
    from types import SimpleNamespace

    from communique.extract.events.sides import filled_joint_roles

    doc = nlp("Talks between Peru and Chile failed.")
    token_actor = {2: "A2", 4: "A1"}  # Peru, Chile

    def split(etype, actors, recipients):
        e = SimpleNamespace(type=etype, mode=None, trigger_token=0)
        return filled_joint_roles(e, (actors, recipients), doc, token_actor)
    # no actor, two objects: the first named (Peru) acts
    assert split("REJECT", [], ["A1", "A2"]) == (["A2"], ["A1"])
    # two actors, no recipient: the rules' split
    assert split("COOPERATE", ["A1", "A2"], []) == (["A1"], ["A2"])
    # not a joint act, or a party on each side already: unchanged
    assert split("ASSAULT", [], ["A1", "A2"]) == ([], ["A1", "A2"])
    assert split("ASSAULT", ["A1", "A2"], []) == (["A1", "A2"], [])
    assert split("REJECT", ["A1"], ["A2"]) == (["A1"], ["A2"])
