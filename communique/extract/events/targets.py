"""What a firing is aimed at (both modes): fire at no armed side is one-sided.

ACLED codebook: a battle is a violent interaction between two organised armed groups;
violence against civilians is violence an armed group deliberately inflicts on unarmed
people, their homes and property included. Fire aimed "at", "on" or "outside" a target that
no word arms (a person named by their people or office, a house, a shop, the tyres of a
truck: "opened fire at a Palestinian", "shot at a car wash", "fired shots at a former
lawmaker", "opened fire outside the house of an MPA") has no armed side to answer it; with no
armed victim or recipient and in no sentence of a two-sided fight it is one-sided
(``find._mob_or_one_sided``; model mode too since the thirteenth round: train part of the
ACLED notes, 16 of the 17 notes of battles or violence against civilians whose main event is
such fire are violence against civilians, and model mode read 3 of them as battles). Posts a force holds ("positions", "a checkpoint", "a station":
``armed_places``) and anything an armed word names ("a police patrol", "army vehicles")
are a side's.
"""

from __future__ import annotations

from communique.kb import sector_of as sector_of_word
from communique.word_lists import word_list

from .acled_reading import ARMED_SECTORS
from .tree import NOT_ACTORS, lemma, prep_objects

__all__ = ["fired_at_unarmed"]

FIRE_VERBS = word_list("fire_verbs")
SHOT_NOUNS = word_list("shot_nouns")
ARMED_PLACES = word_list("armed_places")
ARMED_TARGETS = word_list("armed_targets")
TARGET_PREPS = ("at", "on", "upon", "outside", "toward", "towards")


def fired_at_unarmed(tok, token_actor, sector_of) -> bool:
    """Whether the firing ``tok`` names ("opened fire at X", "shot at X", "firing gunshots at
    X") is aimed only at targets no word or actor arms."""
    if lemma(tok) not in FIRE_VERBS:
        return False
    shots = [c for c in tok.children if c.dep_ == "dobj" and lemma(c) in SHOT_NOUNS]
    if lemma(tok) == "open" and not shots:
        return False  # "opened the gates"
    targets = [t for t in prep_objects(tok, TARGET_PREPS) + [
        t for s in shots for t in prep_objects(s, TARGET_PREPS)]
        if t.i > tok.i and t.ent_type_ not in NOT_ACTORS]  # not "On 3 May, ... fired"
    if not targets:
        return False
    for t in targets:
        if t.pos_ not in ("NOUN", "PROPN") or {lemma(t), t.lower_} & (ARMED_PLACES | ARMED_TARGETS):
            return False
        for w in t.subtree:
            if w.i in token_actor and sector_of.get(token_actor[w.i]) in ARMED_SECTORS:
                return False
            if (sector_of_word(lemma(w)) or sector_of_word(w.lower_)) in ARMED_SECTORS:
                return False
    # the shooters: the subject of the firing, or of the clause a participle or a joined verb
    # shares it with ("militants stopped the trucks, firing at the tyres"); an armed side
    # named elsewhere in the sentence ("police officers saw men shooting at a house") may be
    # what the fire is aimed at
    own, t = set(), tok
    while True:
        own |= {w.i for k in t.children if k.dep_ in ("nsubj", "nsubjpass", "agent") for w in k.subtree}
        if t.dep_ not in ("advcl", "conj") or t.head.i == t.i:
            break
        t = t.head
    return not any(w.i in token_actor and w.i not in own and sector_of.get(token_actor[w.i]) in ARMED_SECTORS
                   for w in tok.sent)
