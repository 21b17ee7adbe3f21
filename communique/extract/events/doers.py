"""Who acts in reports of violence where the parse does not say it as a subject: a
passive's "by" phrase on the verb joined to the trigger, the attack one was hurt in, the
other side of a fight, an act held to be someone's ("an attack attributed to X"), the
one who says "it" or "they" will act ("Bangladesh says it will not accept").

Used by :mod:`.arguments` (``_first_pass`` and its instrument reading); word sets from
recurring phrasings of the ACLED train part's notes (issue 12). :func:`shot_fire` tells the
lexicon's ``needs:violent-agent`` (:mod:`.candidates`) fire someone shoots from a blaze.
"""

from __future__ import annotations

from communique import kb
from communique.extract.actor_table import PERSON_NOUNS
from communique.kb import generic_sector
from communique.word_lists import word_list

from .acled_reading import ARMED_SECTORS
from .tree import NOT_ACTORS, REPORTING_VERBS, lemma, pobjs, prep_children, prep_objects, subjects

# Verbs by which a happening is told to have happened: "clashes erupted between X and Y".
HAPPEN_VERBS = word_list("happen_verbs")
# Acts of violence in whose course one is hurt: "killed in an attack by X", "during a police raid".
ATTACK_NOUNS = word_list("attack_nouns")


def passive_agents(verb) -> list:
    """Who acts in a passive clause: its "by" phrase, that of a verb it is joined to ("was
    shot and killed by gunmen"), else the one who carries out the attack it happened in
    ("were injured in an attack by a mob", "was killed during a police raid")."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        heads.append(verb.head)
    for h in heads:
        found = prep_objects(h, ("by",))
        if found:
            return found
    for h in heads:
        for p in prep_children(h, ("in", "during", "after")):
            for n in pobjs(p):
                if lemma(n) in FIGHT_WORDS or n.lower_ in FIGHT_WORDS:
                    # "killed during clashes with ANDSF forces", "killed after exchanging fire
                    # with the police": the other side
                    found = prep_objects(n, ("with",))
                    if found:
                        return found
                if p.lower_ == "after" or (lemma(n) not in ATTACK_NOUNS and n.lower_ not in ATTACK_NOUNS):
                    continue
                found = prep_objects(n, ("by",)) or attributed_to(n)
                found = found or [c for c in n.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                                  and c.pos_ in ("NOUN", "PROPN", "ADJ") and c.ent_type_ not in NOT_ACTORS]
                if found:
                    return found
    return []


# Words of a fight both sides wage, whose other side is named with "with".
FIGHT_WORDS = word_list("fight_words")
# Verbs that name who is held to have done an act: "an attack attributed to X", "blamed on X".
ATTRIBUTING = {"attribute": ("to",), "blame": ("on",), "claim": ("by",), "carry": ("by",),
               "perpetrate": ("by",), "launch": ("by",)}


def attributed_to(noun) -> list:
    """Who an act is held to be done by: "an attack attributed to rebels", "a raid blamed on
    X", "an ambush claimed by X"."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and lemma(c) in ATTRIBUTING:
            found = prep_objects(c, ATTRIBUTING[lemma(c)])
            if found:
                return found
    return []


def through_instrument(tok, names_actor):
    """"A bomb planted by the rebels exploded", "a mine laid by X wounded": who placed the
    weapon acts, where the weapon names no actor itself (``names_actor``: whether a token
    stands for an actor)."""
    if tok.pos_ != "NOUN" or names_actor(tok):
        return tok
    if lemma(tok) in ATTACK_NOUNS or tok.lower_ in ATTACK_NOUNS:
        # "operations by Afghan forces killed 10 militants"
        found = prep_objects(tok, ("by",)) or attributed_to(tok)
        if found:
            return found[0]
    for c in tok.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            found = prep_objects(c, ("by",))
            if found and lemma(c) not in ("kill", "wound", "injure", "attack", "target", "arrest"):
                return found[0]
    return tok


REPORTED_PRONOUNS = {"it", "they", "he", "she"}  # not "we": a quoted speaker speaks for a group


def reported_sayer(tok, first: bool = False):
    """"Bangladesh says it will not accept ...", "the rebels said they would release ...": a
    pronoun subject of a reported clause is the one who reports it (the sayer's head token,
    or None). With ``first`` (read before the pronoun's own actor), "he" / "she" only for a
    person who says it ("Biden said he will"; "police said he had fled" is someone else)."""
    if tok.lower_ not in REPORTED_PRONOUNS or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = tok.head
    if clause.dep_ != "ccomp" or lemma(clause.head) not in REPORTING_VERBS | {"announce", "warn", "threaten"}:
        return None
    sayers = [c for c in clause.head.children if c.dep_ == "nsubj" and c.i < tok.i]
    if not sayers or sayers[0].lower_ in REPORTED_PRONOUNS:
        return None
    sayer = sayers[0]
    if (tok.lower_ == "they") != (sayer.tag_ in ("NNS", "NNPS") or bool(sayer.conjuncts)) \
            and tok.lower_ in ("it", "they") and sayer.pos_ != "PROPN":
        return None  # "it" for a plural sayer, "they" for a singular one
    if first and tok.lower_ in ("he", "she") and not (
            sayer.ent_type_ == "PERSON" or (lemma(sayer) in PERSON_NOUNS and sayer.tag_ == "NN")):
        return None
    return sayer


def object_antecedent(tok):
    """"Trump called Erdogan and urged *him* to ...", "filed a lawsuit against X, accusing *him*",
    "held 2,000 people to use *them* as shields": an object pronoun stands for the nearest
    person (for "him" / "her") or plural noun (for "them") named before it in its sentence
    that is not the subject of its own clause (the head token, or None)."""
    if tok.lower_ not in ("him", "her", "them") or tok.dep_ not in ("dobj", "dative", "pobj"):
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    own = {x.i for s in subjects(verb) for x in [s] + list(s.conjuncts)}
    for t in reversed(tok.doc[tok.sent.start:tok.i]):
        if t.i in own or t.dep_ in ("compound", "poss", "amod", "nmod") or t.ent_type_ in NOT_ACTORS:
            continue
        if tok.lower_ == "them" and t.tag_ in ("NNS", "NNPS") or tok.lower_ != "them" and (
                t.ent_type_ == "PERSON" and t.pos_ == "PROPN" or lemma(t) in PERSON_NOUNS and t.tag_ == "NN"):
            return t
    return None


def shot_fire(noun, token_actor) -> bool:
    """"killed by Israeli fire", "by army fire", "by militia members' fire": fire a named side,
    a nation or an armed force shoots (gunfire; PLOVER manual, ASSAULT), not a blaze ("a house
    fire"): a word before "fire" in its phrase is an actor, a nationality or an armed sector."""
    if lemma(noun) != "fire":
        return False
    return any(m.i in token_actor or kb.country_by_adjective(m.text) is not None
               or generic_sector(lemma(m)) in ARMED_SECTORS or generic_sector(m.lower_) in ARMED_SECTORS
               for m in noun.subtree if m.i < noun.i and m.pos_ in ("NOUN", "PROPN", "ADJ"))
