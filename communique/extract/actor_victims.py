"""People a killing, a shooting or an attack falls on, as actors: "military forces shot dead a
man", "two armed men attacked a taxi driver", "gunmen shot dead the owner".

``actor_agents.harmed_person`` makes the one an act done to someone who cannot fight back
falls on an actor ("beat up a contractor"); the verbs of killing, shooting, hurting and
attacking fall on fighters as on civilians, so their object or passive subject is made an
actor here only where its noun names a person of no armed role (``STRUCK_PEOPLE``): a
civilian (CVL), or the sector the agents dictionary gives the noun ("a student" EDU). PLOVER
manual, ASSAULT: the victim is the recipient; ACLED codebook: victims without an armed role
are civilians (ACLED train part: of the 173 notes whose first sentence has such a noun as the
object or passive subject of such a verb, 154 code actor2 Civilians; "man" 64 of 71). Whether
the act is one-sided stays the event stage's (``events.find``).
"""

from __future__ import annotations

from communique import kb
from communique.word_lists import word_list

from .syntax import tokens_where

STRUCK_VERBS = word_list("struck_verbs")
STRUCK_PEOPLE = word_list("struck_people")


def struck_person(tok, verbs) -> str | None:
    """The sector of the person ``tok`` names where a verb of ``verbs`` (the verb it is the
    object or passive subject of, and those joined to it with no object of their own) is one
    of killing, shooting, hurting or attacking and the noun names a person of no armed role;
    else None."""
    if tok.lemma_.lower() not in STRUCK_PEOPLE and tok.lower_ not in STRUCK_PEOPLE:
        return None
    if not any(v.pos_ == "VERB" and v.lemma_.lower() in STRUCK_VERBS for v in verbs):
        return None
    return kb.sector_of(tok.lemma_.lower()) or "CVL"


# Verbs by which armed men attack a place where people live ("attacked Namava (X, Y)").
SETTLEMENT_VERBS = frozenset({"attack", "raid", "storm", "invade", "loot"})
SETTLEMENTS = word_list("settlements")
REPEL_VERBS = word_list("repel_verbs")


def _cased(words) -> frozenset[str]:
    """The lemmas as the lemma column may hold them (``lemma_.lower()`` read token by token)."""
    return frozenset(f(w) for w in words for f in (str.lower, str.capitalize, str.upper))


_CASED_SETTLEMENT_VERBS = _cased(SETTLEMENT_VERBS)
_CASED_REPEL_VERBS = _cased(REPEL_VERBS)


def attacked_settlements(table) -> None:
    """A place attacked and named the ACLED way, with its admin chain in brackets ("attacked
    Namava (Pemba-Metuge, Cabo Delgado)") or with a settlement word ("attacked Nangade
    village", "attacked A, B and C villages"), that an actor of no sector stands for (the
    tagger took the name for a person or a body): the actor is the place's people, civilians
    (CVL). ACLED codebook, violence against civilians: an armed group's attack on a village
    falls on its people; train part: 8 of 9 notes whose "attacked" has such an object are
    violence against civilians (``events.find._named_place``), and the attack's recipient was
    the bare name."""
    doc = table.doc
    # read from the lemma column, not token by token: this runs on every document
    verbs = [v for v in tokens_where(doc, "lemma", _CASED_SETTLEMENT_VERBS) if v.pos_ == "VERB"]
    if not verbs or tokens_where(doc, "lemma", _CASED_REPEL_VERBS):
        return  # an attack fought off is a battle, whose other side is who fought it off
        # (events.find._repelled: train part, 25 of 25 notes that say so are battles)
    for verb in verbs:
        for d in verb.children:
            if d.dep_ != "dobj" or not (d.lemma_.lower() in SETTLEMENTS or (
                    d.pos_ == "PROPN" and _settlement_named(d))):
                continue
            names = list(doc[d.left_edge.i:d.i + 1]) + [k for k in d.conjuncts if k.i > d.i]
            for t in names:
                proto = table.claimed.get(t.i)
                if t.pos_ == "PROPN" and proto is not None and not proto.sector \
                        and proto.kind != "country":
                    proto.sector = "CVL"


def _settlement_named(tok) -> bool:
    """Whether the name is followed, past the rest of a list of names, by a settlement word
    or an opening bracket."""
    for t in tok.doc[tok.i + 1:min(tok.sent.end, tok.i + 25)]:
        if t.text == "(" or t.lemma_.lower() in SETTLEMENTS:
            return True
        if t.pos_ not in ("PROPN", "CCONJ", "ADP") and t.text != "," and t.lower_ not in (
                "lga", "district", "area", "county", "town"):
            return False  # "A and B in X LGA (Y)", as events.find._named_place reads it
    return False
