"""Whom a force is mobilised against, read from the purpose it is sent for (both modes).

"The peacekeepers are being deployed to relieve the Angolan military personnel", "has
mobilized troops for an order to move against Syria's chemical weapons", "approved the
deployment of a U.N. team to monitor a ceasefire in Yemen's Hodeidah region": the
mobilisation names no recipient of its own; the "to" clause of its purpose names the one it
is aimed at. PLOVER manual, MOBILIZE: "the recipient are entities against whom the actor
mobilizes its military capabilities ... if that is clear". Train parts (tests/data/
actor_countries.tsv and actor_countries_more.tsv, PLV train rows): 3 rows of a mobilisation
or deployment with no recipient of its own and a purpose clause mark the purpose's object
(or the country owning it) as the target.

Only where the first pass and :func:`.arguments._more_recipients` found no recipient.
"""

from __future__ import annotations

from .tree import governing_verb, pobjs, prep_children

PURPOSE_TYPES = {"MOBILIZE"}
# What the purpose's act is aimed at: "move against X", "fly into X"; "in" only with a place
# (:func:`_is_place`); the object's own "in" phrase counts as well: "monitor a ceasefire in X".
AIMED_PREPS = ("against", "on", "at", "upon", "toward", "towards", "into", "to")


def _to_clauses(head, after: int) -> list:
    """The infinitive clauses ("to relieve X") hanging from ``head`` after token ``after``."""
    return [c for c in head.children
            if c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ == "VERB" and c.i > after
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def purpose_clauses(tok) -> list:
    """The purpose clauses of a mobilisation: the trigger's own ("deployed to relieve X"),
    its governing verb's after it for a noun trigger ("approved the deployment of a team to
    monitor"), and those of what it is mobilised "for" ("for an order to move against X")."""
    heads = [tok]
    verb = governing_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else None
    if verb is not None:
        heads.append(verb)
    out = [v for h in heads for v in _to_clauses(h, tok.i)]
    out += [v for p in prep_children(tok, ("for",)) for g in pobjs(p) for v in _to_clauses(g, g.i)]
    return out


def _is_place(tok) -> bool:
    """A place, or a part of one a place owns ("Sudan's Darfur region"): where the purpose's
    act is carried out stands for whom it is aimed at; a body it is done in does not ("to take
    part in the UN mission")."""
    return tok.ent_type_ in ("GPE", "LOC") or any(
        m.dep_ in ("poss", "compound") and m.ent_type_ in ("GPE", "LOC") for m in tok.children)


def _possessors(toks) -> list:
    """The owners named before a thing ("Syria's chemical weapons": Syria)."""
    return [m for t in toks for m in t.children if m.dep_ == "poss" and m.tag_ != "PRP$"]


def mobilized_against(c, token_actor, avoid: set[str]) -> list:
    """The recipient tokens of a mobilisation read from its purpose clause, or []."""
    if c.reading.type not in PURPOSE_TYPES:
        return []
    from .arguments import ids_for, owners_of

    for verb in purpose_clauses(c.tok):
        cands = [o for o in verb.children if o.dep_ in ("dobj", "dative")]
        cands += [g for p in prep_children(verb, AIMED_PREPS) if p.dep_ != "prt" for g in pobjs(p)]
        cands += [g for p in prep_children(verb, ("in",)) for g in pobjs(p) if _is_place(g)]
        found = owners_of(cands, token_actor, avoid) or \
            [m for m in _possessors(cands) if set(ids_for(m, token_actor)) - avoid]
        if found:
            return found
    return []
