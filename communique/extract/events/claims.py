"""Claims: an act inside what someone claims is a statement, not an asserted act, unless the
claimant tells of its own deed ("claimed to have shelled the camp")."""

from __future__ import annotations

from communique.word_lists import word_list

from .tree import lemma

__all__ = ["claimed"]

CLAIM_VERBS = word_list("claim_verbs")
ALLEGATION_NOUNS = word_list("allegation_nouns")


def claimed(tok) -> bool:
    """Inside what someone claims ("claimed that they had attacked", "claimed responsibility
    for the attack"): a statement (CAMEO 01), not an asserted act."""
    for anc in tok.ancestors:
        if anc.pos_ == "VERB" and lemma(anc) in CLAIM_VERBS:
            return not _own_deed(tok, anc)
        if anc.pos_ == "NOUN" and lemma(anc) in ALLEGATION_NOUNS and tok.head is not anc:
            return True
        if anc.dep_ in ("ROOT",):
            break
    return False


def _own_deed(tok, claim) -> bool:
    """"X claimed to have shelled Y", "... to have ambushed a convoy and to have killed
    soldiers": the claimant tells of its own deed in the perfect, as ACLED's analysts
    report fighting (the deed is coded, the claimant acting); "claimed that Y had
    attacked" stays a claim. So too the deed's participles ("claimed to have thwarted an
    attack, killing fighters") and the parser's slips on the perfect ("to have/xcomp
    thwarted/amod attacks", "to have launched/xcomp shelling/xcomp attacks"): train part,
    20 of 21 notes that say "claimed to have" are the deed's event."""
    clause = tok  # spaCy makes a new Token on each access: compare indices, not identity
    while clause.head.i not in (clause.i, claim.i) and clause.dep_ in (
            "conj", "dobj", "pobj", "prep", "pcomp", "acl", "advcl", "xcomp"):
        clause = clause.head
    if clause.head.i != claim.i:
        return False
    if clause.dep_ == "xcomp":
        return _perfect(clause)
    # "claimed to have repelled the attack, destroying equipment and killing fighters"
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.i > claim.i and any(
        c.dep_ == "xcomp" and c.i < clause.i and _perfect(c) for c in claim.children)


def _perfect(clause) -> bool:
    """A perfect infinitive: "(to) have shelled" (the participle heads it, "have" its aux),
    or the parse's "to have" heading what follows it as its object ("have thwarted/amod
    attacks/dobj": "have" followed by the participle)."""
    if clause.tag_ == "VBN":
        return any(c.dep_ == "aux" and c.lower_ == "have" for c in clause.children)
    doc = clause.doc
    return lemma(clause) == "have" and clause.tag_ == "VB" and clause.i + 1 < len(doc) \
        and doc[clause.i + 1].tag_ == "VBN" and doc[clause.i + 1].head.i != clause.head.i \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
