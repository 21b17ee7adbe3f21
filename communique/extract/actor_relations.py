"""People named by whom they stand against or give to are not theirs: "Kremlin critics",
"Mr Erdogan's critics", "Indonesia's donors".

A country, person or body before a noun of relation (``relation_nouns``: critic, opponent,
donor, rival ...) is the other end of the relation, not the group's own: the critics of
the Kremlin are not Russia, Indonesia's donors are not Indonesia. The noun is an actor of
its own, of no country its words give (tests/data/actor_countries.tsv's convention: "-"
where the sentence alone cannot tell); the name before it keeps its own mention. PLV's
train part: 3 sentences of the form ("Kremlin critics say ...", "Mr Erdogan's critics
say ...", "Indonesia's donors Friday said ..."), each gold source the relation's holders.
"""

from __future__ import annotations

from communique.word_lists import word_list

from .actor_table import ActorTable, Proto

RELATION_NOUNS = frozenset(word_list("relation_nouns"))


def relation_holders(table: ActorTable) -> None:
    """Add the holders of a relation whose other end is named before them, where no actor
    has claimed the noun (module docstring)."""
    doc = table.doc
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in RELATION_NOUNS or tok.i in table.claimed:
            continue
        if tok.dep_ in ("compound", "appos", "nmod") or any(c.dep_ in ("appos", "flat") for c in tok.children):
            continue  # "his presidential rival Laurent Gbagbo": a title of the one named
        ends = [c for c in tok.children if c.dep_ in ("poss", "compound") and c.i < tok.i
                and c.pos_ == "PROPN" and table.claimed.get(c.i) is not None]
        if not ends:
            continue
        start = max(e.right_edge.i for e in ends) + 1
        if doc[start].dep_ == "case":  # "Indonesia 's donors"
            start += 1
        if not table.free(start, tok.i + 1):
            continue
        name = doc[start:tok.i + 1].text
        p = Proto(kind="group", name=name, named=False)
        table.protos.append(p)
        table.add(p, start, tok.i + 1)
