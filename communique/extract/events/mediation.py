"""The parties of a mediation named in what it is for.

CAMEO 045 (Mediate; PLOVER CONSULT): the mediator acts and the parties it mediates between
receive; PETRARCH's verb patterns code "LAUNCH * &MEDIATION BETWEEN" as 045, and
:mod:`.arguments` reads "a mediation effort between X and Y" so. The parties are as often
named in the effort's purpose clause: "a mediation effort to resolve the rift between X and
Y", "... to try to prevent a confrontation between X and Y", "a mediation effort designed
to help X and Y reach a settlement". PLV train part: 6 rows launch a mediation effort, all 6
mark the parties as the target; 3 name them right after the noun ("between X and Y"), 3 in
its purpose clause (these).
"""

from __future__ import annotations

from .tree import lemma, prep_objects
from communique.word_lists import word_list

MEDIATION = word_list("mediation")
# the verbs of a purpose clause followed down to the act it is for: "to try to prevent"
_CHAIN = ("xcomp", "ccomp")
_STEPS = 3


def is_mediation(noun) -> bool:
    """Whether a noun names a mediation: "mediation", "a mediation effort"."""
    return bool(({lemma(noun)} | {lemma(m) for m in noun.children if m.dep_ == "compound"})
                & MEDIATION)


def purpose_parties(noun) -> list:
    """The parties a mediation noun's purpose clause names: the objects of "between" /
    "among" after the clause's object ("to resolve the rift between X and Y"), or who is
    helped to act ("designed to help X and Y reach a settlement": the subject of the act
    helped to). Empty for any other noun."""
    if not is_mediation(noun):
        return []
    for clause in noun.children:
        if clause.dep_ not in ("acl", "relcl") or clause.i < noun.i:
            continue
        verb = clause
        for _ in range(_STEPS):
            for o in verb.children:
                if o.dep_ in ("dobj", "obj"):
                    found = prep_objects(o, ("between", "among"))
                    if found:
                        return found
            if lemma(verb) == "help":
                helped = [s for c in verb.children if c.dep_ in _CHAIN
                          for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
                helped += [o for o in verb.children if o.dep_ == "dobj"]
                if helped:
                    return helped[:1]
            nxt = [c for c in verb.children if c.dep_ in _CHAIN and c.pos_ in ("VERB", "AUX")]
            if not nxt:
                break
            verb = nxt[0]
    return []
