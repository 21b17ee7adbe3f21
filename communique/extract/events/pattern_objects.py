"""The words a trigger's own pattern names are its object, not acts of their own.

"lifted the embargo", "imposed sanctions": the noun a verb's ``obj:`` list names; "a cessation
of hostilities" (CAMEO 0871, a truce): the noun a noun's ``prep:of>`` list names. Neither is
coded beside the trigger (:func:`.candidates.attach_frames` absorbs them).
"""

from __future__ import annotations

from .tree import objects, pobjs, prep_children, word_set


def named_in_pattern(cands, by_tok) -> set[int]:
    """Token indices of the candidates in ``by_tok`` that another candidate's pattern names."""
    out: set[int] = set()
    for c in cands:
        objs = c.entry.arg("obj")
        if objs and c.tok.pos_ == "VERB":
            want = set(objs.split("|"))
            out |= {o.i for o in objects(c.tok) if o.i in by_tok and o.i != c.tok.i and word_set(o) & want}
        prep = c.entry.arg("prep")
        if prep and ">" in prep and c.tok.pos_ == "NOUN":
            names, _, objs = prep.partition(">")
            want = set(objs.split("|"))
            out |= {g.i for p in prep_children(c.tok, names.split("|")) for g in pobjs(p)
                    if g.i in by_tok and g.i != c.tok.i and word_set(g) & want}
    return out
