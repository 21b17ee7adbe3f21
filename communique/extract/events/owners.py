"""The owner of the thing an act of violence or a seizure falls on, as its recipient (both
modes): "regime forces targeted excavators belonging to the Turkish forces", "militants
seized a vehicle belonging to a municipal councillor", "raids on an ammunition warehouse
belonging to Hezbollah".

PLOVER manual, ASSAULT and COERCE: the recipient is the one the act is done to; property
attacked, destroyed or seized is its owner's (ACLED codebook: the target of property
destruction or looting is the actor whose property it is). The object a thing is named by
("excavators") is no actor; the "belonging to" phrase after it names whose it is. ACLED train
part: of the 15 notes whose first sentence says "belonging to", 10 code its object actor2,
and all 4 whose act falls on the thing so owned do.
"""

from __future__ import annotations

from . import arguments
from .tree import lemma, pobjs

OWNED_TYPES = ("ASSAULT", "COERCE")


def owners(thing) -> list:
    """The nouns a thing "belongs to" ("a vehicle belonging to a councillor and his son")."""
    out = []
    for a in thing.children:
        if a.dep_ == "acl" and lemma(a) == "belong":
            for p in a.children:
                if p.dep_ == "prep" and p.lower_ == "to":
                    for g in pobjs(p):
                        out += [g] + [k for k in g.conjuncts if k.pos_ in ("NOUN", "PROPN")]
    return out


def join_owners(staged, events, token_actor) -> None:
    """Each ASSAULT or COERCE event gets as recipients the owners of what its act falls on
    (:func:`.arguments.victims`) that are actors and not its own sides already."""
    for s in staged:
        c = s[0]
        if c.reading.type not in OWNED_TYPES:
            continue
        found = [o for v in arguments.victims(c.tok) for o in owners(v)]
        if not found:
            continue
        for e in events:
            if e.trigger_token == c.tok.i and e.type in OWNED_TYPES:
                for o in found:
                    for i in arguments.ids_for(o, token_actor):
                        if i not in e.actor_ids and i not in e.recipient_ids:
                            e.recipient_ids = e.recipient_ids + [i]
