"""Places put under a control measure stand for their country, as the target.

"Iraqi officials have imposed a curfew on Basra", "a state of siege in Katanga",
"blockades in some parts of west Darfur": PLOVER's COERCE covers curfews, states of
emergency or siege, martial law and blockades (CAMEO 1724, 191), and the place they are
imposed on is their target, coded by its country (PETRARCH codes a place by its country).
PLV's train part marks that place as the target in 14 of the 25 sentences with such a
measure (the rest: no place, or a country the knowledge base already names); its
own-country place included ("Indian authorities ... a curfew in parts of Kashmir"), unlike
a place attacked by its own country's forces (``actor_agents.attacked_place``).
"""

from __future__ import annotations

from communique.word_lists import word_list

from .actor_table import ActorTable, add_place, place_span

# Nouns of a control measure put on a place ("curfew", "blockade", "siege", "lockdown").
CONTROL_WORDS = word_list("control_words")
# What "a state of ..." is declared as: "a state of siege / emergency".
CONTROL_STATES = word_list("control_states")
# "in / on / over Basra"; "of Yemen" only straight after the measure ("its blockade of Yemen").
CONTROL_PREPS = {"in", "on", "over", "across", "throughout", "upon"}
# Nouns naming some of a place: "parts of Kashmir", "areas of Darfur".
PLACE_PARTS = word_list("place_part_nouns")


def controlled_place(table: ActorTable, hit) -> bool:
    """Add the country of a place under a control measure as an actor over the place."""
    found = place_span(table, hit, PLACE_PARTS)
    if found is None:
        return False
    span, root = found
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "of":
        ok = _measure(prep.head)
    else:
        ok = prep.lower_ in CONTROL_PREPS and _measure_at(prep.head)
    if not ok:
        return False
    add_place(table, span, hit.country)
    return True


def _measure(tok) -> bool:
    """Is ``tok`` a control measure: "curfew", "curfew hours", "martial law", "state of siege"?"""
    lemma = tok.lemma_.lower()
    if lemma in CONTROL_WORDS or any(c.dep_ == "compound" and c.lemma_.lower() in CONTROL_WORDS
                                     for c in tok.children):
        return True
    if lemma == "law":
        return any(c.lower_ == "martial" for c in tok.children)
    if lemma == "state":  # "a state of siege / emergency"
        return any(c.lower_ == "of" and any(g.lemma_.lower() in CONTROL_STATES for g in c.children)
                   for c in tok.children)
    return False


def _measure_at(head) -> bool:
    """Does the word ``in`` / ``on`` hangs on name a measure, or put one in place: the
    measure itself, the verb whose object it is ("imposed a curfew on Basra"), or the verb
    that describes it ("curfew hours imposed in North Sinai")?"""
    if _measure(head):
        return True
    if head.pos_ == "VERB":
        if any(c.dep_ in ("dobj", "nsubjpass") and _measure(c) for c in head.children):
            return True
        return head.dep_ in ("acl", "relcl") and _measure(head.head)
    return False


def is_control_measure(tok) -> bool:
    """Is ``tok`` a control measure ("curfew", "curfew hours", "martial law", "state of siege")?"""
    return _measure(tok)
