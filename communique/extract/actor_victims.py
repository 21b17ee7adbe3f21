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
