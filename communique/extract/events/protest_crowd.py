"""Who protests, where the parse gave a protest no actor.

PLOVER manual, PROTEST: the actor is who demonstrates; ACLED codebook: a demonstration's
actor1 is its crowd ("Protesters (Country)"), the group that organised it an associated actor.
The actor stage already tells which plural noun protests (``actor_crowds``: "around 30 waiters
protested", "a group of workers protested", "hundreds of nurses staged a protest"), but the
event's own reading of the parse can lose it: a subject hung in apposition to a place before it
("in X, Y, around 30 waiters protested"), or read as the recipient. So a protest left with no
actor takes the crowd its sentence says protests; failing that, the people the article calls
protesters ("protesters", "demonstrators": ``protester_subjects``), who are the crowd of a
demonstration by name.
"""

from __future__ import annotations

from communique.word_lists import word_list

from ..actor_crowds import crowd_protests
from .acled_reading import CIVILIAN_SECTORS

PROTESTER_WORDS = word_list("protester_subjects")
FORCE_SECTORS = {"COP", "MIL"}
CROWD_SECTORS = CIVILIAN_SECTORS | {"OPP", "PTY"}


def crowd_sides(trigger, etype: str, actor_ids: list[str], recipient_ids: list[str],
                token_actor: dict[int, str], sector_of: dict) -> tuple[list[str], list[str]]:
    """``(actor_ids, recipient_ids)`` of a protest (``etype`` "PROTEST") whose actors are
    empty, with its crowd as actor (and out of the recipients); other events unchanged.
    A protest whose actors are all state forces that do not protest themselves ("police
    dispersed protesters", read as the note's protest) has the crowd they act on as its actor,
    and the forces as its recipients (ACLED codebook: the forces that intervene are actor2)."""
    if etype != "PROTEST":
        return actor_ids, recipient_ids
    if actor_ids and all(sector_of.get(i) in FORCE_SECTORS for i in actor_ids) and not any(
            token_actor.get(t.i) in actor_ids and crowd_protests(t, riots=False) for t in trigger.sent):
        crowd = [i for i in recipient_ids if sector_of.get(i) in CROWD_SECTORS]
        if crowd:
            return crowd, actor_ids + [i for i in recipient_ids if i not in crowd]
    if actor_ids:
        return actor_ids, recipient_ids
    crowd = _ids([t for t in trigger.sent if t.i in token_actor and crowd_protests(t)], token_actor)
    if not crowd:
        crowd = _ids([t for t in trigger.doc if t.i in token_actor and t.lower_ in PROTESTER_WORDS],
                     token_actor)[:1]
    return crowd, [i for i in recipient_ids if i not in crowd]


def _ids(toks, token_actor) -> list[str]:
    out: list[str] = []
    for t in toks:
        if token_actor[t.i] not in out:
            out.append(token_actor[t.i])
    return out
