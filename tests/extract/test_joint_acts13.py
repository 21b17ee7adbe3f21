"""Issue 12, thirteenth round: in model mode the role tagger reads the parties of a joint act
("X and Y agreed", "X and Y signed a pact") both as the source; they are split as the rules
split them (sides.joint_roles, docs/evaluation.md "Joint acts"): the first named acts, the
others receive. Sentences are our own; the expected roles were worked out by hand."""

from __future__ import annotations

import pytest

from communique.extract import roles
from communique.extract.events import find_events

from .records import event, names, record


@pytest.mark.parametrize("text,etype,actor,recipient", [
    ("Peru and Bolivia have agreed to open talks on a new border crossing, the two governments "
     "said on Monday.", "AGREE", "Peru", "Bolivia"),
    ("Norway and the Philippines signed an accord on Friday that was meant to open the way for "
     "new shipping routes.", "SUPPORT", "Norway", "Philippines"),
])
def test_tagged_joint_act_parties_are_split(model_coder, text, etype, actor, recipient):
    rec = record(model_coder, text)
    e = event(rec, etype)
    assert [n for n, _ in names(rec, e["actor"])] == [actor], rec["events"]
    assert [n for n, _ in names(rec, e["recipient"])] == [recipient], rec["events"]


class _Actors:
    def __init__(self, doc, words):
        self.token_actor = {t.i: f"A{words.index(t.text) + 1}" for t in doc if t.text in words}


class _FixedTagger:
    def __init__(self, spans):
        self._spans = spans

    def spans(self, sentences):
        return [list(self._spans) for _ in sentences]


def _tagged(nlp, text, words, spans):
    from communique.models.role_tagger import TaggedSpan

    doc = nlp(text)
    actors = _Actors(doc, words)
    events = find_events(doc, actors, role_model=False)
    roles.tag_events(_FixedTagger([TaggedSpan(*s) for s in spans]), doc, events,
                     actors.token_actor, policy="override")
    return [(e.type, e.actor_ids, e.recipient_ids) for e in events]


def test_the_tagger_source_of_a_joint_act_is_split_in_the_order_named(nlp):
    text = "Peru and Chile agreed to cooperate."
    # both tagged as the source, the later one first: Peru (named first) acts
    assert _tagged(nlp, text, ["Peru", "Chile"], [("S", 9, 14, 0.9), ("S", 0, 4, 0.9)]) == \
        [("AGREE", ["A1"], ["A2"])]


def test_the_tagger_source_of_an_attack_is_not_split(nlp):
    # not a joint act: both attackers act
    text = "Peru and Chile attacked the rebels."
    assert _tagged(nlp, text, ["Peru", "Chile", "rebels"],
                   [("S", 0, 4, 0.9), ("S", 9, 14, 0.9), ("T", 28, 34, 0.9)])[0] == \
        ("ASSAULT", ["A1", "A2"], ["A3"])
