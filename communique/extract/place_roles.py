"""How a place mention attaches to an event: the clause rules behind
``places.location_for`` (a locative, a compound, an institution's seat, or an
actor), split out of ``places.py``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from communique import kb
from communique.extract.fatalities import PERSON_NOUNS
from communique.word_lists import word_list

__all__ = ["LOC_PREPS", "MOTION", "SPONSOR", "role", "through_object", "own_clause", "names_an_office",
           "language_name"]

LOC_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout",
             "within", "into", "along", "off", "on", "over", "to", "towards", "toward",
             "from", "through", "nearby", "beyond"}

MOTION = word_list("place_motion")
# nouns through which a place passes up to what they locate: "the town of Gjilan"
_GEO_NOUNS = word_list("geo_nouns")
_ACTOR_PREPS = {"with", "against", "between", "for", "about", "by", "of", "than", "like",
                "among", "amongst", "versus", "toward", "towards"}


def _person_noun(tok: Token) -> bool:
    """A noun for a person ("minister", "man", "Iran FM"): a place on it is an attribute."""

    if tok.ent_type_ == "PERSON" or tok.lemma_.lower() in PERSON_NOUNS:
        return True
    return kb.sector_kind(tok.lemma_) == "person" or kb.sector_kind(tok.text) == "person"


# "Russia-backed", "Saudi-led": the place names a sponsor, an actor
SPONSOR = word_list("place_sponsor")
# things that sit in a place: "attacks on Iran's parliament"
_SITE_NOUNS = _GEO_NOUNS | word_list("site_nouns")


def mention_role(doc: Doc, start: int, end: int) -> tuple[int, int, int, int, bool] | None:
    """``role`` of the place mention at characters [start, end), as (its first token, its
    root, rank, the token it locates, modifier): token indices, None for an actor or a
    span of no tokens. Kept in ``doc.user_data``: the event stage asks it of every place
    for every event."""
    cache = doc.user_data.setdefault(_MENTION_ROLES, {})
    if (start, end) not in cache:
        span = doc.char_span(start, end, alignment_mode="expand")
        attach = None if span is None else role(span.root, span.end, doc)
        cache[start, end] = None if attach is None else (
            span.start, span.root.i, attach[0], attach[1].i, attach[2])
    return cache[start, end]


_MENTION_ROLES = "communique.mention_roles"


def role(tok: Token, span_end: int, doc: Doc) -> tuple[int, Token, bool] | None:
    """How a place mention attaches: (rank, the token it locates, whether it got there as
    a modifier of a noun, "a Paris court") or None for an actor.

    rank 0: a locative ("in Tovuz", "near Stepanakert", "shelled Aleppo", "a visit to Baku");
    rank 1: a compound ("a Baghdad hotel");
    rank 2: "from", "over", "on", "through";
    rank 3: the seat of an institution ("A London court rejected", "the Sao Paulo
    state government conceded"); a city or region only: "the UK government" is an actor.
    Subjects, objects of other verbs, possessors, "with"/"against"/"to" phrases
    and sponsors ("Russia-backed") are actors, not locations.
    """
    if span_end < len(doc) and doc[span_end].text == "-" and span_end + 1 < len(doc) \
            and doc[span_end + 1].lower_ in SPONSOR:
        return None
    cur = tok
    via_compound = False
    for _ in range(8):
        dep, head = cur.dep_, cur.head
        if dep == "pobj" and head.lower_ == "of" and head.head.lemma_ in _SITE_NOUNS:
            cur = head.head  # "the town of Gjilan"
            continue
        if dep == "poss":
            if head.lemma_ in _SITE_NOUNS or head.lower_ in _SITE_NOUNS:
                cur = head  # "Yemen's southern governorates", "Iran's parliament"
                continue
            return None
        if dep in ("compound", "appos", "npadvmod", "nmod", "amod") and head.pos_ in (
                "NOUN", "PROPN"):
            if head.lemma_ in _SITE_NOUNS or dep == "appos":
                cur = head
                continue
            if dep in ("amod", "nmod") and cur.pos_ != "PROPN":
                return None
            if _person_noun(head):  # "Iran FM", "a California man": an attribute of a person
                return None
            cur, via_compound = head, True  # "a Paris court", "a Baghdad hotel"
            continue
        if dep in ("nsubj", "nsubjpass"):
            # "A London court rejected": the institution's seat locates its act
            return (3, head, True) if via_compound else None
        if dep == "pobj":
            prep = head.lower_
            if prep in _ACTOR_PREPS:
                return None
            if prep in ("to", "towards", "toward", "into"):
                return (0, head.head, via_compound) if head.head.lemma_ in MOTION else None
            if prep in ("from", "over", "on", "through"):
                return 2, head.head, via_compound
            if prep in LOC_PREPS:
                return 0, head.head, via_compound
            return None
        if dep in ("dobj", "obj") and head.lemma_ in MOTION:
            return 0, head, via_compound
        if dep == "conj":
            cur = head
            continue
        if via_compound and dep in ("dobj", "attr") and head.lemma_ in MOTION:
            return 1, head, True
        return None
    return None


_TOPIC_DEPS = {"dobj", "dative", "attr", "oprd", "ccomp", "xcomp", "acomp", "pobj"}
_TOPIC_PREPS = {"on", "about", "for", "against", "over", "with", "to", "of", "into", "toward",
                "towards", "regarding", "concerning", "between", "among"}


def through_object(anchor: Token, trigger: Token) -> bool:
    """Does the way from ``anchor`` up to ``trigger`` enter through its object or topic?"""
    t = anchor
    while t.head.i != t.i and t.head.i != trigger.i:
        t = t.head
    if t.head.i != trigger.i or t.i == trigger.i:
        return False
    if t.dep_ in _TOPIC_DEPS:
        return True
    return t.dep_ == "prep" and t.lower_ in _TOPIC_PREPS


def own_clause(anchor: Token, trigger: Token, strict: bool) -> bool:
    """Does the place sit in a clause of another event: one with its own subject ("two
    months after he took refuge in London"; a relative pronoun does not count: "which
    led to ... in Kabul city") or, when ``strict`` (a country), one that modifies a
    noun ("a soldier killed in Afghanistan")?"""
    t = anchor
    for _ in range(12):
        if t.i == trigger.i:
            return False
        if t.pos_ in ("VERB", "AUX"):
            if strict and t.dep_ in ("acl", "relcl"):
                return True
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP")
                   for c in t.children):
                return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


# A portfolio before an office word names the office, not a place: "Interior Minister X"
# (the gazetteer knows an Omani region whose name means "the interior"), "the Home Office".
PORTFOLIOS = word_list("portfolios")
OFFICES = word_list("offices")


def names_an_office(doc, start: int, end: int) -> bool:
    """"Interior" in "Interior Minister X": the portfolio, not a place."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.text.lower() in PORTFOLIOS and span.end < len(doc) \
        and doc[span.end].lower_ in OFFICES


LANGUAGES = word_list("languages")


def language_name(text: str) -> bool:
    """"English", "Arabic": a language the NER model labels LANGUAGE; "Aleppo" it also labels so."""
    return text.lower() in LANGUAGES or kb.country_by_adjective(text) is not None
