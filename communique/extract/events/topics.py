"""The topic of an accord or an exchange is no recipient: "X and Y failed to reach agreement
on the border", "X and Y agreed to share information on market transactions".

An accord's parties are the ones who reach it (the compound subject, which
``sides.joint_roles`` splits into the first named acting and the others receiving); what it
is "on", "over" or "about" is its subject matter, as a protest's topic is no party of the
protest. Read only where the act's subject names two parties or more, since a party that
reaches an accord alone leaves its counterpart to be read from the topic ("Trump failed to
reach agreement on North Korea's denuclearisation", PLV's target).

Sources: PLV's train part, 7 rows of "X and Y reached / failed to reach agreement (a deal)
on Z" or "X and Y agreed to share information on Z": none marks Z, each marks the second
party (or no one) as the target; ConfliBERT's NER train part, 5 sentences of that form, none
marking Z (the parties as R). PLOVER manual, "Compound and Reciprocal Actors".
"""

from __future__ import annotations

from communique.word_lists import word_list

from .tree import lemma

# Nouns of an accord or an exchange between parties: what they are "on" is their topic.
ACCORD_NOUNS = word_list("accord_nouns")
TOPIC_PREPS = ("on", "over", "about", "regarding", "concerning")


def is_accord(tok) -> bool:
    """``tok`` is a noun of accord or exchange ("agreement", "deal", "information")."""
    return tok.pos_ in ("NOUN", "PROPN") and (lemma(tok) in ACCORD_NOUNS or tok.lower_ in ACCORD_NOUNS)


def joint_subject(verb) -> bool:
    """The verb's subject (or the subject of the verb it is the complement of: "X and Y agreed
    to share") names two parties or more joined by "and"."""
    for v in (verb, verb.head if verb.dep_ in ("xcomp", "ccomp") else None):
        if v is None:
            continue
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(c.dep_ == "conj" for s in subj for c in s.children) or any(
                c.dep_ == "conj" for s in subj for m in s.children if m.dep_ in ("amod", "compound")
                for c in m.children):
            return True
    return False


def is_topic(noun, prep) -> bool:
    """``prep`` under ``noun`` names the topic of a joint accord, not a recipient: the noun is
    one of accord and the verb it is the object of has a joint subject."""
    if prep.lower_ not in TOPIC_PREPS or not is_accord(noun):
        return False
    verb = noun.head
    while verb.dep_ in ("dobj", "pobj", "prep", "conj") and verb.head.i != verb.i:
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and joint_subject(verb)
