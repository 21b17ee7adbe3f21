"""Recipients the parse hangs in a clause: who is asked in a demand's "that" clause, who is
acted on in a participle clause, and the subject of a finite verb misread as a participle.

Three readings that :mod:`.arguments` consults where its first pass finds no recipient (or no
actor), each from a form of the PLV train part whose target is a mention of ours left out of
the event's recipient role (issue 12, ``not_in_event``):

- ``demanded_doers(noun)``: "reiterated its demand that the US ease sanctions": the subject of
  a "that" clause hung on a demand noun is the one asked, as ``arguments`` step 5a reads the
  verb ("demanded that X resign"; PLOVER REQUEST: requests, demands and orders).
- ``small_clause_objects(verb)``: "will not accept any refugees fleeing the violence",
  "supported two million girls going to school": the parse makes the object the subject of a
  participle clause (an -ing verb with no auxiliary or conjunction); it is the verb's object,
  the one acted on (PLV train part: 2 of 2 such trigger verbs mark it as the target).
- ``misread_participle(verb, entry)``: "A U.S. congressional report called for sanctions against
  China", parsed with the noun as the root and "called" a participle (VBN) hung on it. A
  reduced passive ("sanctions called for") strands its preposition; a verb whose lexicon entry
  names its object through a particle or preposition ("call for", "call on") and keeps that
  preposition's object is no passive: the noun is its subject, as ``arguments`` already reads
  a finite verb (VBD) hung on the root (PLV train part: 4 of 4; with VBN, 1 more).
"""

from __future__ import annotations

from .tree import lemma

# Nouns of demanding whose "that" clause names who is to act.
DEMAND_NOUNS = {"demand", "call", "request", "appeal", "insistence", "ultimatum", "order", "plea", "urging"}
# What shows a clause is no bare participle clause.
CLAUSE_MARKERS = ("aux", "auxpass", "mark")


def clause_subjects(verb) -> list:
    """The subjects of the clauses a verb takes after it ("demanded that X resign", "a
    resolution demanding X cut off aid"): who a demand asks to act (``arguments`` step 5a)."""
    return [s for cl in verb.children if cl.dep_ == "ccomp" and cl.i > verb.i
            for s in cl.children if s.dep_ in ("nsubj", "nsubjpass")]


def demanded_doers(noun) -> list:
    """The subject of the "that" clause of a demand noun ("its demand that X ease sanctions")."""
    if lemma(noun) not in DEMAND_NOUNS:
        return []
    return [s for cl in noun.children if cl.dep_ in ("acl", "ccomp") and cl.i > noun.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in cl.children)
            for s in cl.children if s.dep_ in ("nsubj", "nsubjpass")]


def small_clause_objects(verb) -> list:
    """The object of a verb the parse took for the subject of a participle clause after it
    ("accept refugees fleeing X": refugees), where the verb has no object of its own."""
    if any(c.dep_ in ("dobj", "obj", "dative") for c in verb.children):
        return []
    return [s for cl in verb.children if cl.dep_ == "ccomp" and cl.tag_ == "VBG" and cl.i > verb.i
            and not any(m.dep_ in CLAUSE_MARKERS for m in cl.children)
            for s in cl.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")]


def misread_participle(verb, entry) -> bool:
    """Whether a participle (VBN) hung on the sentence's root noun is its finite predicate: the
    verb's entry wants a particle or preposition, present with its own object, and the verb
    has no auxiliary, subject or "by" agent of its own."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in verb.children):
        return False
    wanted = set()
    for key in ("prep", "prt"):
        spec = entry.arg(key) or ""
        wanted |= set(spec.split(">")[0].split("|")) if spec else set()
    return any(c.dep_ == "prep" and c.lower_ in wanted and any(g.dep_ == "pobj" for g in c.children)
               for c in verb.children)
