"""Whom a noun phrase stands for or belongs to, read off the parse.

The helpers :mod:`.arguments` and its fallbacks share: ``victims(tok)`` (the nouns an act of
violence falls on), ``ids_for(tok, token_actor)`` (the actors a phrase names, through its
modifiers: "Japanese and Chinese forces", "the government of X", "police in Japan"),
``party_like(tok)`` (whether a head can be a recipient at all) and ``owners_of(toks, ...)``
(the actor a phrase belongs to: "aid to X", "a camp in Mali", "threats made by X").
Moved out of ``arguments.py`` unchanged, to keep that module under the house size limit.
"""

from __future__ import annotations

from .candidates import CAPTIVES, LABOUR_SUBJECTS
from .topics import is_topic
from .tree import NOT_ACTORS, POLICE_SUBJECTS, RELATIVE_PRONOUNS, lemma, pobjs, prep_children, prep_objects
from communique.extract.actor_agents import civilian_site
from communique.word_lists import word_list

# Objects that name the act itself ("imposed sanctions", "cut ties"), never its recipient.
ACT_OBJECTS = word_list("act_objects")
# Prepositions by which a noun phrase names whom it concerns or who owns it: "aid to X",
# "sanctions on X", "a request from X", "a camp in Mali", "the websites of Georgia"; "support
# to the negotiations among X", "to resolve the rift between X and Y": the parties (PLV train
# part: 5 sentences mark the parties of such a phrase as the target).
OWNER_PREPS = ("to", "on", "against", "of", "for", "from", "by", "in", "into", "with", "at", "upon", "between", "among")
# Common nouns that name people, bodies or places that can be at the receiving end of an act.
PARTY_NOUNS = CAPTIVES | POLICE_SUBJECTS | LABOUR_SUBJECTS | word_list("party_nouns")
# What is sent as a verb's object ("sent troops", in ACT_OBJECTS) but is a party deeper in.
ARMED_BODIES = word_list("armed_bodies")

# Where an act of violence falls besides its object: "shot at a police station", "an attack
# on a checkpoint", "the killing of two soldiers".
VICTIM_PREPS = ("at", "on", "against", "of")


def victims(tok) -> list:
    """The nouns an act of violence falls on, actors or not: the passive subject and the
    object of the trigger and of the verbs joined to it ("2 soldiers were kidnapped and
    later killed", "shot and killed a police officer"), and what it is aimed "at", "on" or
    "against" (a noun trigger: also "of")."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "conj" and c.pos_ == tok.pos_]
    if tok.dep_ == "conj" and tok.head.pos_ == tok.pos_:
        heads.append(tok.head)
    out = []
    for h in heads:
        direct = [c for c in h.children if c.dep_ in ("nsubjpass", "dobj")]
        # and their appositions ("killed Smith, a journalist"; "in X, Y state, a body was found":
        # the parse may hang the body on the place as an apposition)
        out += direct + [a for c in direct for a in c.children if a.dep_ == "appos"]
        preps = VICTIM_PREPS if h.pos_ in ("NOUN", "PROPN") else VICTIM_PREPS[:3]
        out += prep_objects(h, preps)
    return [t for t in out if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in NOT_ACTORS]  # "on Friday"


# Heads whose "of" phrase names whom they belong to: "the government of X", "a group of X".
OF_MEMBER_NOUNS = word_list("of_member_nouns")
# Institutions that belong to the country they are "in": "police in Japan", "a court in Argentina".
LOCAL_INSTITUTIONS = word_list("local_institutions")


def ids_for(tok, token_actor, depth: int = 0) -> list[str]:
    if tok.i in token_actor:
        return [token_actor[tok.i]]
    if depth > 2:
        return []
    out: list[str] = []
    for c in sorted(tok.children, key=lambda c: (c.dep_ != "poss", c.i)):
        if c.dep_ in ("compound", "poss", "amod", "nmod", "appos", "flat"):
            out += ids_for(c, token_actor, depth + 1)
            if out:  # "Japanese and Chinese forces"
                for cc in c.conjuncts:
                    out += [i for i in ids_for(cc, token_actor, depth + 1) if i not in out]
        elif c.dep_ == "prep" and ((c.lower_ == "of" and lemma(tok) in OF_MEMBER_NOUNS) or (
                c.lower_ == "in" and lemma(tok) in LOCAL_INSTITUTIONS)):
            # "the government of X", "a group of British lawmakers", "police in Japan"
            for g in pobjs(c):
                if c.lower_ == "in" and g.ent_type_ != "GPE":
                    continue
                for gg in [g] + list(g.conjuncts):
                    out += [i for i in ids_for(gg, token_actor, depth + 1) if i not in out]
        if out:
            break
    return out


def party_like(tok) -> bool:
    """Whether a noun phrase head can stand for a recipient (a person, body, people or
    place), as opposed to a thing or an act ("aid", "the ban", "an agreement")."""
    if tok.ent_type_ in NOT_ACTORS or tok.lower_ in RELATIVE_PRONOUNS:
        return False
    if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    if lemma(tok) in ACT_OBJECTS or tok.lower_ in ACT_OBJECTS:
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ in ("him", "her", "them", "us")
    if tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP", "FAC", "LOC") or tok.pos_ == "PROPN":
        return True
    if lemma(tok) in PARTY_NOUNS or tok.lower_ in PARTY_NOUNS:
        return True
    return any(c.dep_ in ("compound", "amod", "poss", "nmod") and c.pos_ != "PRON"
               and (c.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") or c.pos_ == "PROPN")
               for c in tok.children)


def _owner(tok, token_actor, preps=OWNER_PREPS, depth: int = 0, avoid: frozenset = frozenset()) -> list:
    """The actor a noun phrase stands for or belongs to: itself when it names a party,
    else an actor named in its prepositional phrases ("aid to X", "its blockade of X",
    "a camp in Mali", "a request from X", "threats made by X", "restrictions imposed on X")."""
    # a civilian place attacked ("strikes on a market"): the people there, as the actor stage has it
    # an armed body an act is aimed at ("threw stones at the security forces") is a party; one
    # sent as a verb's object ("sent troops") is not
    if (party_like(tok) or (tok.i in token_actor and ((depth > 0 or tok.dep_ == "pobj" and tok.head.lower_
                                                        in ("at", "on", "upon", "against", "toward", "towards"))
                                                       and tok.lower_ in ARMED_BODIES
                                                       or civilian_site(tok)))) \
            and set(ids_for(tok, token_actor)) - avoid:
        # deeper in, armed men own it ("the positions of the military forces of X": not X)
        return [tok]
    if depth > 2 or tok.pos_ not in ("NOUN", "PROPN", "NUM"):
        return []
    for p in prep_children(tok, preps):
        if p.dep_ == "prt" or is_topic(tok, p):  # "X and Y reached agreement on Z" (topics.py)
            continue
        for g in pobjs(p):
            found = _owner(g, token_actor, preps, depth + 1, avoid)
            if found:
                return found
    for c in tok.children:
        # "threats made by X", "restrictions imposed on X", "the ban that they imposed on X"
        if (c.dep_ == "acl" and c.tag_ == "VBN") or c.dep_ == "relcl":
            for a in prep_children(c, ("by", "on", "against", "to")):
                found = [g for g in pobjs(a) if party_like(g) and set(ids_for(g, token_actor)) - avoid]
                if found:
                    return found
    return []


def owners_of(toks, token_actor, avoid: set[str], preps=OWNER_PREPS) -> list:
    """The owner of the first of these phrases that has one (not one of the actors)."""
    for t in toks:
        found = _owner(t, token_actor, preps, avoid=frozenset(avoid))
        if found:
            return found
    return []


