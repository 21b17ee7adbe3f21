"""Reading the dependency parse: the tree helpers every event step shares.

Objects, subjects (through control, coordination and relative clauses),
prepositional phrases and the verb an event noun hangs from. Pure functions of
spaCy tokens; no event knowledge beyond the few word lists they need.
"""

from __future__ import annotations

from typing import Iterable

from communique.extract.syntax import light_verbs, speech_verbs
from communique.word_lists import word_list

RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}
# Verbs that carry an event noun: "launched an attack", "expressed opposition", "held talks".
LIGHT_VERBS = light_verbs("event")
# "X says Y must ...": verbs that report someone's act or demand (data/speech_verbs.txt).
REPORTING_VERBS = speech_verbs("report")
QUANTIFIERS = word_list("quantifiers")
# Subjects that act for a state even when no actor is named: "police arrested ...".
POLICE_SUBJECTS = word_list("police_subjects")


# Entity kinds that never name an actor ("on Friday", "two", "$5 million").
NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def pos_of(tok) -> str | None:
    """The lexicon's part of speech of a token: "verb", "noun", "adj" or None."""
    if tok.pos_ == "VERB":
        return "verb"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "noun"
    if tok.pos_ == "ADJ":
        return "adj"
    return None


def lemma(tok) -> str:
    """The lower-cased lemma."""
    return tok.lemma_.lower()


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def objects(tok) -> list:
    """The object of a verb (the passive subject when passive), or of an event noun."""
    if tok.pos_ == "VERB" or tok.pos_ == "ADJ":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "attr", "oprd")]
        objs += [c for c in tok.children if c.dep_ == "nsubjpass"]
        if not objs:
            # "accept refugees fleeing the war", "supported girls going to school": the parse
            # makes the object the subject of a bare participle clause (no auxiliary, no "that")
            objs = [g for c in tok.children if c.dep_ == "ccomp" and c.tag_ == "VBG" and c.i > tok.i
                    and not any(k.dep_ in ("aux", "auxpass", "mark") for k in c.children)
                    for g in c.children if g.dep_ == "nsubj" and g.pos_ == "NOUN"]
        if not objs and tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            rel = [c for c in tok.children if c.lower_ in RELATIVE_PRONOUNS and c.dep_ in ("dobj", "nsubjpass")]
            if rel or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
                objs = [tok.head]
        return objs
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]


def shared_objects(tok) -> list:
    """The object two joined verbs share, which the parse hangs on one of them: the later
    verb's object ("paramilitaries beat and extorted a civilian"), the earlier passive verb's
    subject ("a man was tied up and beaten by police")."""
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB" and tok.tag_ == "VBN":
        subj = [c for c in tok.head.children if c.dep_ == "nsubjpass"]
        if subj and not any(c.dep_ in ("nsubj", "dobj") for c in tok.children):
            return subj
    for k in tok.children:
        if k.dep_ == "conj" and k.pos_ == "VERB" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in k.children):
            return [c for c in k.children if c.dep_ in ("dobj", "obj")]
    return []


def word_set(tok) -> set[str]:
    """Lemmas that stand for a noun phrase head: the head, its compounds and amounts,
    and the "of" noun after a quantity ("some of its troops", "13 tons of medicine")."""
    out = {lemma(tok), tok.lower_}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nummod", "quantmod", "nmod"):
            out |= {lemma(c), c.lower_}
            out |= {g.lower_ for g in c.children if g.dep_ in ("compound", "quantmod", "nummod")}
        elif c.dep_ == "prep" and c.lower_ == "of" and (lemma(tok) in QUANTIFIERS
                                                         or tok.lower_ in QUANTIFIERS or tok.like_num
                                                         or tok.pos_ == "NUM"):
            out |= {w for g in pobjs(c) for w in (lemma(g), g.lower_)}
    return out


def counted(tok) -> list:
    """What a quantity head counts: the "of" nouns after "dozens", "hundreds", "11"
    ("released dozens of activists", "freed 11 of its prisoners"); else nothing."""
    if lemma(tok) in QUANTIFIERS or tok.lower_ in QUANTIFIERS or tok.like_num or tok.pos_ == "NUM":
        return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in pobjs(c)]
    return []


def prep_children(tok, names: Iterable[str] | None = None) -> list:
    """The prepositions (and particles, agents, datives) hanging from a token, optionally
    only those spelled as one of ``names``."""
    names = set(names) if names is not None else None
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative", "prt") and (names is None or c.lower_ in names):
            out.append(c)
    return out


def pobjs(prep) -> list:
    """The objects of a preposition."""
    return [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]


def prep_objects(tok, names: Iterable[str] | None = None) -> list:
    """The objects of the prepositions hanging from a token (:func:`prep_children`):
    "clashed *with* X", "an attack *by* Y"."""
    return [g for p in prep_children(tok, names) for g in pobjs(p)]


def is_entityish(tok, token_actor) -> bool:
    """Whether a token names (or stands for) someone: an actor, a named entity, a pronoun."""
    if tok.i in token_actor:
        return True
    if tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP", "FAC", "LOC"):
        return True
    if tok.lower_ in ("him", "her", "them", "us", "he", "she", "they", "we"):
        return True
    return any(c.i in token_actor or c.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
               for c in tok.children if c.dep_ in ("compound", "amod", "poss"))


def governing_verb(tok):
    """The verb an event noun hangs from: as its object, or through a preposition."""
    h = tok.head
    if tok.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd") and h.pos_ in ("VERB", "AUX"):
        return h
    if tok.dep_ == "pobj" and h.dep_ in ("prep", "agent") and h.head.pos_ in ("VERB", "AUX"):
        return h.head
    if tok.dep_ == "conj":
        return governing_verb(h)
    return None


def subjects(verb) -> list:
    """The grammatical subject of a verb, found through control, coordination and relatives."""
    seen = 0
    v = verb
    while v is not None and seen < 6:
        seen += 1
        subs = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        if subs:
            # two subjects: the parse took the place before the real one for a subject too
            # ("in Bachaquero, Valmore Rodriguez municipality, Zulia state, at least 100
            # drivers protested"): the one nearest the verb
            before = [c for c in subs if c.i < v.i]
            s = before[-1] if len(subs) > 1 and before else subs[0]
            if s.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
                return [v.head]
            if s.i > 0 and s.doc[s.i - 1].lower_ in ("in", "at") and s.pos_ == "PROPN":
                # "in Temuco, Araucania, teachers marched": the parse made the place the
                # subject and the people its conjunct
                return _people_beside(s, v) or [s]
            return [s]
        if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return []
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ == "ADJ":
            # "X is responsible for attacking Y", "X were guilty of violating": the adjective's subject
            v = v.head.head
            continue
        if v.dep_ == "acomp" and v.head is not v and v.head.pos_ in ("AUX", "VERB"):
            # "the United States is willing to provide ...": the subject of the copula
            v = v.head
            continue
        if v.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl") and v.head is not v:
            head = v.head
            reported = _attributed_clause(v)
            if reported is not None:
                v = reported
                continue
            if v.dep_ == "ccomp":
                # "stressed the Islamic Republic will continue": the small model often
                # takes the embedded subject as the object of the reporting verb.
                objs = [c for c in head.children if c.dep_ == "dobj" and c.i < v.i and c.i > head.i
                        and c.lower_ not in RELATIVE_PRONOUNS]
                if objs and not any(c.dep_ == "mark" for c in v.children):
                    return [objs[-1]]
                return []
            if v.dep_ == "xcomp":
                # "urged X to withdraw": X, the object of an object-control verb, is the subject.
                objs = [c for c in head.children if c.dep_ == "dobj"]
                if objs and lemma(head) in ("urge", "ask", "call", "order", "force", "invite",
                                            "encourage", "allow", "press", "persuade", "tell"):
                    return [objs[0]]
            if v.dep_ == "acl":
                # "a report accusing X", "a letter threatening to ...": the author of the text
                if v.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
                    verb = governing_verb(head)
                    if verb is not None and verb is not v:
                        return subjects(verb)
                return []
            if head.pos_ not in ("VERB", "AUX", "ADJ"):
                return []
            v = head
            continue
        return lost_subject(v)
    return []


def _attributed_clause(v):
    """The reported clause a participle elaborates when the parse hangs it on a trailing
    attribution: "Taliban fighters overran a base, officials said Tuesday, killing 17
    soldiers" (the parse: "said" the root, "overran" its clause before it, "killing" its
    adverbial clause after it; or "said" a parataxis of "overran"). The attribution is
    parenthetical; the participle goes on with the reported clause, whose subject does it,
    not the sayer. PLV train part: 3
    sentences ", SAYER said [DAY], V-ing ..." and in all 3 the participle's doer is the
    reported clause's subject ("killing", "reflecting", "drawing attention"). None when
    ``v`` is no such participle."""
    head = v.head
    if v.dep_ != "advcl" or v.tag_ != "VBG" or head.i > v.i or lemma(head) not in REPORTING_VERBS \
            or lemma(v) in speech_verbs():
        return None  # "..., the army said, adding that ...", "accusing X": the sayer speaks on
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return None
    if head.dep_ == "parataxis" and head.head.i < head.i and head.head.pos_ in ("VERB", "AUX"):
        return head.head  # the other parse: "said" hung on the reported verb before it
    clauses = [c for c in head.children if c.dep_ == "ccomp" and c.i < head.i]
    return clauses[-1] if clauses else None


def lost_subject(verb) -> list:
    """The subject the parse hung on the place before an active verb with none: in ACLED's
    note form "On 1 May, in Iquique, Tarapaca, workers and members of the CUT marched" the
    parser sets "workers" as a conjunct (or apposition) of the place. The first common noun so
    set in an "in" or "at" phrase before the verb; nothing for a passive verb or a verb that
    is not its sentence's root."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or is_passive(verb):
        return []
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ not in ("in", "at") or p.i > verb.i:
            continue
        for g in pobjs(p):
            if g.pos_ == "PROPN" and (people := _people_beside(g, verb)):
                return people
    return []


def lost_passive_subject(verb) -> list:
    """The passive subject the parse hung on the place before a passive root verb whose own
    subject is none or a number ("On 8 May, between the cities of X and Y, Pernambuco, the
    body of a man was found": "body" set in apposition to Pernambuco, "8" made the subject):
    the first common noun set as a conjunct or apposition of a place name in a phrase before
    the verb."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or not is_passive(verb):
        return []
    subjects_ = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if any(c.pos_ in ("NOUN", "PRON") for c in subjects_):
        return []
    for c in subjects_:
        if c.pos_ == "PROPN":
            # "in Recanto das Emas, Distrito Federal, an adolescent and a woman were shot": the
            # place made the subject, the people set in apposition to its conjunct
            return _people_beside(c, verb)
    for n in verb.doc[verb.sent.start:verb.i]:
        if n.dep_ in ("conj", "appos") and n.pos_ == "NOUN" and n.head.pos_ == "PROPN":
            return [n]
    return []


def _people_beside(place, verb) -> list:
    """The first common noun set as a conjunct or apposition of a place name (or of its
    conjuncts) before ``verb``."""
    for n in place.subtree:
        if n.dep_ in ("conj", "appos") and n.pos_ == "NOUN" and n.i < verb.i and (
                n.head.pos_ == "PROPN"):
            return [n]
    return []


def expand(tok) -> list:
    """A noun phrase head and its coordinated heads ("Israel and Lebanon")."""
    out = [tok]
    for c in tok.conjuncts:
        if c not in out:
            out.append(c)
    return out


# a happening named after these words came before the one told ("a protest after the riots in
# the prisons")
BACKGROUND_PREPS = {"after", "following", "since", "before"}


def told_as_background(tok) -> bool:
    """A noun trigger named after "after", "following" ... ("after the protests and riots in
    the prisons"): an earlier happening, not the one its sentence tells."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in BACKGROUND_PREPS


def in_relative_clause(tok) -> bool:
    """Whether a word is told inside a relative clause ("the family of a guard who was shot
    dead", "families who say their sons were abducted"): it describes someone the sentence
    names, it is not what the sentence tells of."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "relcl":
            return True
        t = t.head
    return False
