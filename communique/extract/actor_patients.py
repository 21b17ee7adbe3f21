"""The patient's country is not the agent's: "Police launched an investigation into an
Australian soldier", "The court convicted Germany's largest bank".

An actor with no country word of its own (a generic agent, or a name no word places)
takes the one country its sentence names (``ActorTable.context_country``,
``ActorTable.result``). Where that country is named only by a nationality word or a
possessor on the phrase the actor's own verb acts upon (its object, the object of "on",
"against", "into", "with", "to", or the subject of the passive whose "by" agent the actor
is), the sentence says whose the patient is, not whose the agent: tests/data/
actor_countries.tsv's convention ("-" where the sentence alone cannot tell). The train
parts of tests/data/actor_countries.tsv and actor_countries_more.tsv have 5 such rows
whose agent took the patient's country ("Federal Police ... into Australian VC recipient
X", "The court convicted Germany's largest bank", "A suicide bomber ... attacks on
Iran's parliament", "President Herrera refused to meet with the American envoy").

A country also named elsewhere in the sentence (a place the act is in, "police in
Nairobi arrested Kenyan men"; a locative phrase inside the object, "arrested protesters
in Kenya's capital") still places the agent.
"""

from __future__ import annotations

from .. import kb
from ..word_lists import word_list

PERSON_NOUNS = word_list("person_nouns")

# Prepositions of the verb whose object is acted upon (the patient), not where the act is.
PATIENT_PREPS = {"on", "against", "into", "with", "to", "upon"}
# Prepositions that place or source something: a country under one is where, not whose.
LOCATIVE_PREPS = {"in", "at", "near", "across", "inside", "outside", "within", "around", "from",
                  "throughout", "along", "off", "over"}
# Armed sides that are not a state's: they fight the forces of their own country as often
# as anyone's ("a rebel commander surrendered to Colombian forces": Colombia's).
ARMED = {"REB", "UAF", "CRM"}
# How a country word modifies a noun of the patient phrase ("Australian", "Germany's").
MODIFIER_DEPS = {"amod", "poss", "compound", "nmod"}


def _acting_verb(tok):
    """(verb, passive) the agent ``tok`` is the doer of: its subject's verb, or the passive
    verb whose "by" phrase it is; (None, False) where neither."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head, False
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return tok.head.head, True
    return None, False


def _patient_roots(verb, passive: bool) -> list:
    """The heads of the phrases ``verb`` (and the verbs it passes its subject to: "refused
    to meet with X", "condemned X and called on Y") acts upon."""
    roots, verbs = [], [verb]
    for v in verbs:
        for c in v.children:
            if c.dep_ in ("dobj", "dative") or (passive and c.dep_ == "nsubjpass"):
                roots.append(c)
            elif c.dep_ == "prep" and c.lower_ in PATIENT_PREPS:
                roots.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "ccomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                # "convicted the bank to pay", "ordered X to leave": the parse makes the one
                # acted upon the subject of the infinitive
                roots.extend(g for g in c.children if g.dep_ == "nsubj")
            elif c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and len(verbs) < 6:
                verbs.append(c)
            elif c.dep_ == "conj" and c.pos_ == "VERB" and len(verbs) < 6 \
                    and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                verbs.append(c)
    return roots


def _on_patient(table, tok, roots: set[int]) -> bool:
    """Is the country word ``tok`` a nationality word or possessor of an actor that is (or is
    the object of a preposition on) a patient phrase (``roots``)? Not of something an actor
    owns ("condemned the Indian government's decision": the decider's), nor under a
    preposition that places it ("in Kenya's capital")."""
    head = tok
    while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.pos_ == "PROPN":
        head = head.head  # "the United States' envoy": "United" -> "States"
    if head.dep_ not in MODIFIER_DEPS or head.i in roots:
        return False
    noun = head.head  # "Australian VC recipient Ben Roberts-Smith": up to the name
    while noun.dep_ in ("compound", "flat", "amod") and noun.head.i != noun.i and noun.head.i > noun.i:
        noun = noun.head
    owner = table.claimed.get(noun.i)
    if owner is not None and owner.kind == "country" or noun.dep_ in MODIFIER_DEPS:
        return False
    if owner is None and not (noun.pos_ == "PROPN" or noun.lower_ in PERSON_NOUNS
                              or kb.sector_of(noun.lemma_.lower()) or kb.generic_sector(noun.lemma_.lower())):
        return False  # not a body or a person (the actors after the agent are not found yet)
    node = noun
    while node.i not in roots:
        if node.head.i == node.i:
            return False
        if node.dep_ == "prep" and node.lower_ in LOCATIVE_PREPS:
            return False
        node = node.head
    return True


def _country_words(table, sent) -> dict[str, list]:
    """country -> the tokens that name it in ``sent``, as ``ActorTable.sentence_countries``
    reads them: places, country actors and nationality words."""
    found: dict[str, list] = {}
    for h in table.place_hits:
        if h.country and not h.dateline and sent.start_char <= h.start < sent.end_char:
            span = table.doc.char_span(h.start, h.end, alignment_mode="expand")
            if span is not None and len(span):
                found.setdefault(h.country, []).extend(span)
    for t in sent:
        owner = table.claimed.get(t.i)
        c = owner.country if owner is not None and owner.kind == "country" else None
        if c is None and t.pos_ in ("ADJ", "PROPN") and t.ent_type_ == "NORP":
            c = kb.country_by_adjective(t.text)
        if c:
            found.setdefault(c, []).append(t)
    return found


def patient_countries(table, tok) -> set[str]:
    """The countries the sentence of the agent ``tok`` names only on what the agent's own
    verb acts upon (see the module's docstring); empty where ``tok`` does not act."""
    owner = table.claimed.get(tok.i)
    if owner is not None and owner.sector in ARMED:
        return set()  # "rebels surrendered to Colombian forces": a fight at home
    verb, passive = _acting_verb(tok)
    if verb is None:
        return set()
    roots = {r.i for r in _patient_roots(verb, passive)}
    if not roots:
        return set()
    return {c for c, words in _country_words(table, tok.sent).items()
            if all(_on_patient(table, w, roots) for w in words)}
