"""The victims of one-sided violence as its recipients (both modes).

PLOVER manual, ASSAULT: "in one-sided violence, the perpetrator is coded as the actor and
the victim as the recipient". :func:`join_victims` adds to an ASSAULT that is no two-sided
fight the people it falls on that the actor step found: the objects and passive subjects
of its trigger (:func:`.arguments.victims`: "attacked the village and killed 6 residents");
and, where the act has no recipient yet, the people a note tells were hurt in it although
the parse hung them elsewhere (:func:`hurt_by`): "a man was injured in a drive-by
shooting" (:func:`hurt_in`), "in X, Y, a man and a woman were shot dead" (the subject set
in apposition to the place: :func:`lost_subjects`, :func:`.tree.lost_passive_subject`),
"two civilians were injured after armed men opened fire" (:func:`hurt_after`), "the body
of a woman was found" (the person the body was: :func:`victim_ids`).
"""

from __future__ import annotations

from communique.extract.fatalities import PERSON_NOUNS
from communique.word_lists import word_list

from . import arguments
from .tree import is_passive, lemma, lost_passive_subject, pobjs, prep_children

HARM_VERBS = word_list("harm_verbs")
# people nouns a victim may be besides PERSON_NOUNS (plurals and collectives the lemmatiser
# keeps; what is found of a victim: "a female body was found")
ONE_SIDED_PEOPLE = word_list("one_sided_people")
# what is found of a person: "the body of a girl": the girl is the victim
REMAINS = word_list("victim_remains")


def hurt_in(tok) -> list:
    """The people hurt in an act a noun names ("a man was injured in a drive-by shooting",
    "two men died in an attack"): the subject of the verb of harm it hangs from by "in" or
    "during"."""
    p = tok.head
    if tok.dep_ != "pobj" or p.lower_ not in ("in", "during") or \
            lemma(p.head) not in HARM_VERBS:
        return []
    return [k for k in p.head.children if k.dep_ in ("nsubjpass", "nsubj")]


def lost_subjects(tok) -> list:
    """People the parse hung on the place before a passive trigger ("On 5 May, in Salamanca,
    Guanajuato, a man and a woman were shot dead": "a man" set in apposition to Salamanca):
    the subject of the trigger, which the parse lost."""
    if not is_passive(tok) or any(lemma(k) in PERSON_NOUNS | ONE_SIDED_PEOPLE
                                  for k in tok.children if k.dep_ == "nsubjpass"):
        return []
    out = []
    for p in prep_children(tok, ("in", "at")):
        for g in pobjs(p):
            for n in g.subtree:
                if n.dep_ == "appos" and n.pos_ == "NOUN" and (
                        lemma(n) in PERSON_NOUNS | ONE_SIDED_PEOPLE):
                    out += [n] + [k for k in n.conjuncts if k.pos_ == "NOUN"]
    return out


def hurt_after(tok) -> list:
    """The people a clause of harm says were hurt by the act its subordinate clause tells
    ("two civilians were injured after armed men opened fire", "a woman died when gunmen
    attacked the bus"): the subject of the verb of harm the trigger's clause hangs from."""
    if tok.dep_ != "advcl" or lemma(tok.head) not in HARM_VERBS:
        return []
    head = tok.head
    if lemma(head) != "die" and not is_passive(head):
        return []  # "gunmen killed two men after they attacked": the killers, not victims
    return [k for k in head.children if k.dep_ in ("nsubjpass", "nsubj")]


def hurt_by(tok) -> list:
    """The people the note tells were hurt in the act ``tok`` triggers where the parse did
    not make them its object or passive subject."""
    found = hurt_in(tok) + lost_subjects(tok) + lost_passive_subject(tok) + hurt_after(tok)
    return found + [k for v in found for k in v.conjuncts if k.pos_ in ("NOUN", "PROPN")]


def victim_ids(v, token_actor) -> list[str]:
    """The actor a victim noun stands for: its own, else for what is found of a person ("the
    body of a girl") the actor of its "of" phrase."""
    if v.i in token_actor:
        return [token_actor[v.i]]
    if lemma(v) in REMAINS:
        return [token_actor[g.i] for p in prep_children(v, ("of",)) for g in pobjs(p)
                if g.i in token_actor]
    return []


def join_victims(staged, events, token_actor) -> None:
    """Each ASSAULT event that is no two-sided fight gets the victims its act falls on as
    recipients (module docstring); the people only :func:`hurt_by` finds join an event with
    no recipient alone."""
    for s in staged:
        c = s[0]
        if c.reading.type != "ASSAULT" or c.entry.has("two-sided"):
            continue
        for e in events:
            if e.trigger_token == c.tok.i and e.type == "ASSAULT":
                found = arguments.victims(c.tok) + ([] if e.recipient_ids else hurt_by(c.tok))
                for v in found:
                    for i in victim_ids(v, token_actor):
                        if i not in e.actor_ids and i not in e.recipient_ids:
                            e.recipient_ids = e.recipient_ids + [i]
