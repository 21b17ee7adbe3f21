"""What several stages know about the sentence: verbs of saying, light verbs, headlines.

``speech_verbs(use)`` reads ``data/speech_verbs.txt`` once; each lemma there names
its uses: ``quote`` (a cue of quote extraction), ``report`` (a verb reporting
someone's act or demand, for event coding), ``clause`` (a reporting clause whose
complement is a topic, not the time or place of the event, for dates and places).
``light_verbs(use)`` reads ``data/light_verbs.txt`` the same way: ``event`` (a verb
whose object noun is the act, for event coding), ``anchor`` (a verb whose object
stands for the trigger's event, for the clause structure of dates, places and tolls).
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

import numpy
from spacy.attrs import (DEP, ENT_TYPE, IDX, IS_PUNCT, IS_SPACE, LEMMA, LENGTH, LOWER, ORTH, POS,
                         SHAPE, TAG)
from spacy.parts_of_speech import IDS

from communique.lexicon import DATA, LexiconError
from communique.word_lists import word_list

SPEECH_USES = ("quote", "report", "clause")
LIGHT_USES = ("event", "anchor")


@functools.cache
def _word_uses(path: Path, allowed: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """{use: lemmas} of a word list whose lines are a lemma and its uses."""
    uses: dict[str, set[str]] = {u: set() for u in allowed}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            lemma, named = words[0].lower(), words[1:]
            if not named:
                raise LexiconError(f"{path.name} line {n}: {lemma!r} names no use; "
                                   f"add one or more of {', '.join(allowed)}")
            for use in named:
                if use not in uses:
                    raise LexiconError(f"{path.name} line {n}: unknown use {use!r} of {lemma!r}; "
                                       f"use one of {', '.join(allowed)}")
                uses[use].add(lemma)
    return {u: frozenset(ws) for u, ws in uses.items()}


def _words(kind: str, allowed: tuple[str, ...], use: str, path: Path | None) -> frozenset[str]:
    if use not in allowed:
        raise LexiconError(f"unknown use {use!r} of {kind}; use one of {', '.join(allowed)}")
    return _word_uses(path or DATA / f"{kind.replace(' ', '_')}.txt", allowed)[use]


def speech_verbs(use: str = "quote", path: Path | None = None) -> frozenset[str]:
    """The verbs of saying with this use, read once from ``data/speech_verbs.txt``.

    Raises:
        LexiconError: an unknown ``use``, or a line of the file that names none or an
            unknown one (with the file, the line and the allowed uses).
    """
    return _words("speech verbs", SPEECH_USES, use, path)


def light_verbs(use: str, path: Path | None = None) -> frozenset[str]:
    """The light verbs with this use, read once from ``data/light_verbs.txt``.

    "launched an attack", "held talks": the verb's object noun is the event.

    Raises:
        LexiconError: as ``speech_verbs``.
    """
    return _words("light verbs", LIGHT_USES, use, path)


def hyphened_word(tok) -> str:
    """The lower-case word the tokeniser split at a hyphen, whole, read from its last part:
    "sit - in" -> "sit-in", "cease - fire" -> "cease-fire"; else ``tok.lower_``."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-":
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return tok.lower_


def doc_text(doc) -> str:
    """The text of ``doc``, kept in ``doc.user_data`` once known.

    spaCy rebuilds ``Doc.text`` from the tokens on every access (about 0.5 ms for an
    article of 700 tokens); the stages and the assembly all read it.
    """
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def token_at_char(doc, char: int) -> int:
    """The index of the token that covers character ``char`` (``Doc.char_span``, expanded),
    0 when none does; kept in ``doc.user_data``."""
    cache = doc.user_data.setdefault(_TOKEN_AT, {})
    if char not in cache:
        cache[char] = getattr(doc.char_span(char, char + 1, alignment_mode="expand"), "start", 0)
    return cache[char]


_TOKEN_AT = "communique.token_at"


def tokens_with_pos(doc, *pos: str) -> list:
    """The tokens of ``doc`` whose coarse tag (``Token.pos_``) is one of ``pos``, in order.

    A loop over every token makes a ``Token`` and reads its tag from Python (about a
    microsecond a token); a stage that only looks at nouns reads the tags as one array.
    """
    return _tokens_where(doc, POS, [IDS[p] for p in pos])


def tokens_where(doc, attr: str, values) -> list:
    """The tokens of ``doc`` whose string attribute ``attr`` ("lower", "dep", "shape",
    "ent_type", the name of ``Token.lower_`` and the like without the underscore) is one of
    ``values``, in order: ``tokens_where(doc, "lower", {"in", "at"})`` is
    ``[t for t in doc if t.lower_ in {"in", "at"}]``, read from one array of string ids."""
    strings = doc.vocab.strings
    return _tokens_where(doc, _ATTRS[attr], [strings.as_int(v) if v in strings else 0
                                             for v in values if v])


def token_columns(doc) -> tuple[list[str], list[int], list[bool], list[bool]]:
    """The text, start character, ``is_punct`` and ``is_space`` of every token, as lists
    read from one array (no ``Token`` made): a token's text is the slice of the doc's
    text it covers."""
    text = doc_text(doc)
    if not len(doc):
        return [], [], [], []
    columns = doc.to_array([IDX, LENGTH, IS_PUNCT, IS_SPACE]).T.tolist()
    starts, lengths = columns[0], columns[1]
    words = [text[s:s + n] for s, n in zip(starts, lengths)]
    return words, starts, [bool(p) for p in columns[2]], [bool(p) for p in columns[3]]


def token_lowers(doc) -> list[str]:
    """``Token.lower_`` of every token, read from one array."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(LOWER).tolist()] if len(doc) else []


def _tokens_where(doc, attr: int, ids: list[int]) -> list:
    if not ids or not len(doc):
        return []
    column = doc.to_array(attr)
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(column, ids))]


_ATTRS = {"lower": LOWER, "dep": DEP, "shape": SHAPE, "ent_type": ENT_TYPE, "lemma": LEMMA,
          "tag": TAG, "orth": ORTH}


def keep_text(doc, text: str) -> None:
    """Record the text ``doc`` was parsed from, so that ``doc_text`` need not rebuild it."""
    doc.user_data[_TEXT] = text


_TEXT = "communique.text"


def same_paragraph(doc, a: int, b: int) -> bool:
    """True when at most one newline lies between tokens ``a`` and ``b`` (no blank line).

    Counts come from prefix sums kept in ``doc.user_data``, built once per doc:
    spaCy makes newlines SPACE tokens, so a token's trailing whitespace never holds one.
    """
    newlines = doc.user_data.get("communique.newlines")
    if newlines is None:
        words, _, _, _ = token_columns(doc)
        newlines = [0, *itertools.accumulate(w.count("\n") for w in words)]
        doc.user_data["communique.newlines"] = newlines
    return newlines[max(a, b)] - newlines[min(a, b)] <= 1


def body_start(doc) -> int:
    """Token index where the body starts when the first line is a headline, else 0.

    The actor stage's rule: a first line of at most 250 characters that does not
    end a sentence. Compare ``headline_end_char``, the dedupe step's rule.
    """
    text = doc_text(doc)
    nl = text.find("\n")
    if nl <= 0 or nl > 250:
        return 0
    first = text[:nl].strip()
    if not first or first[-1] in ".!?\"”":
        return 0
    for tok in doc:
        if tok.idx >= nl:
            return tok.i
    return 0


def headline_end_char(doc) -> int:
    """Character end of a headline, else -1.

    The event dedupe step's rule: a first line of at most 300 characters, not
    ending in a full stop, with more text after it. (``body_start`` is the actor
    stage's, in tokens; the two rules differ at the edges and are kept as found.)
    """
    text = doc_text(doc)
    nl = text.find("\n")
    if nl <= 0 or nl > 300 or not text[nl:].strip():
        return -1
    first = text[:nl].rstrip()
    if first.endswith((".", "!", "?", '"', "”")):
        return -1
    return nl


# ---------------------------------------------------------------- clause structure
# Shared by dates, places and fatalities: which words of a sentence belong to the
# event of a trigger, and which to another event told in the same sentence.

# reporting clauses: their complement is a topic, not the time or place of the event
CLAUSE_SPEECH_VERBS = speech_verbs("clause")
# "carried out an attack that killed 17": the object is the event itself
ANCHOR_VERBS = light_verbs("anchor")

# acts done with words: their places and numbers deep in the object are topics
VERBAL_VERBS = CLAUSE_SPEECH_VERBS | word_list("verbal_verbs")
# the same acts named by nouns: "opposition to foreign presence in the region"
VERBAL_NOUNS = word_list("verbal_nouns")
EVENT_NOUNS = word_list("event_nouns")
_BEFORE_AFTER = {"after", "before", "since", "until", "till", "once"}
_CASUALTY_VERBS = word_list("casualty_verbs")
_CLAUSE_DEPS = {"ccomp", "advcl", "xcomp", "csubj", "parataxis", "conj", "pcomp"}


def event_anchors(trigger) -> set[int]:
    """The trigger, and the event nouns that stand for it ("carried out an attack")."""
    out = {trigger.i}
    if trigger.lemma_ in VERBAL_VERBS:
        return out
    for c in trigger.children:
        if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and (
                c.lemma_ in EVENT_NOUNS or (c.dep_ == "dobj" and trigger.lemma_ in ANCHOR_VERBS)):
            out.add(c.i)
    return out


_NOMINAL_DEPS = {"pobj", "prep", "compound", "amod", "nmod", "poss", "appos", "conj", "dobj",
                 "nsubj", "nsubjpass", "attr"}


def _inside_event_noun(clause, anchors: set[int], trigger) -> bool:
    """Is a relative clause part of the noun phrase of an event noun ("a war over the
    region that ended in 2020": the parser may hang it on "region")?"""
    t = clause.head
    while t.i not in anchors:
        if t.dep_ not in _NOMINAL_DEPS or t.head.i == t.i:
            return False
        t = t.head
    return _is_noun(t) and (t.i != trigger.i or trigger.pos_ in ("NOUN", "PROPN"))


def _object_of(noun, trigger) -> bool:
    """Is ``noun`` what the trigger acts on: its object, or "fire on protesters"?"""
    if noun.head.i == trigger.i and noun.dep_ in ("dobj", "nsubjpass"):
        return True
    return (noun.dep_ == "pobj" and noun.head.head.i == trigger.i
            and noun.head.lower_ in ("on", "at", "against", "upon"))


def _is_noun(tok) -> bool:
    return tok.pos_ in ("NOUN", "PROPN")


def reach(tok, trigger, speech_frame: bool = True, casualty: bool = False,
          object_clause: bool = False) -> tuple[int, int] | None:
    """How ``tok`` attaches to the event of ``trigger``.

    Returns (clause boundaries, noun hops) on the way from ``tok`` up to the
    trigger's clause, or None when ``tok`` belongs to another event: a relative
    clause or participle ("the attack that killed 40", "missing since 1943"),
    an "after/before" clause ("two months after he took refuge"; kept for a
    killing: "26 were killed after a car bomb struck"), or the reported
    content of a speech verb ("said that ... in Kabul").

    Args:
        speech_frame: a word on the speech verb that reports the trigger's
            clause belongs to the report ("said on Monday that Y attacked"),
            not to the event; dates want this, casualty counts do not.
        casualty: a relative clause inside an event noun that stands for the
            trigger tells that event's toll ("an attack on the parliament in
            June that killed 17").
        object_clause: a relative clause on what the trigger acts on may say
            where it was ("opened fire on protesters who defied a curfew in
            Baghdad"); places want this.
    """
    if tok.doc is not trigger.doc or tok.sent != trigger.sent:
        return None
    anchors = event_anchors(trigger)
    line = {trigger.i} | {a.i for a in trigger.ancestors}
    clauses = hops = 0
    t = tok
    while t.i not in anchors and t.i not in line:
        dep = t.dep_
        if dep in ("relcl", "acl"):
            if not _inside_event_noun(t, anchors, trigger) and not (casualty and any(
                    a.i in anchors and a.i != trigger.i for a in t.ancestors)) and not (
                    object_clause and dep == "relcl" and _object_of(t.head, trigger)):
                return None
            clauses += 1  # "a war that ended in 2020": the clause tells of the event itself
        elif dep in ("amod", "appos") and t.pos_ == "VERB" and any(
                c.dep_ == "prep" for c in t.children) and t.i != tok.i:
            return None
        elif dep == "advcl":
            mark = next((c.lower_ for c in t.children if c.dep_ == "mark"), None)
            if mark in _BEFORE_AFTER and trigger.lemma_ not in _CASUALTY_VERBS:
                return None
            clauses += 1
        elif dep in _CLAUSE_DEPS:
            if dep in ("ccomp", "parataxis") and t.head.lemma_ in CLAUSE_SPEECH_VERBS:
                return None
            if dep != "conj" or t.pos_ in ("VERB", "AUX"):
                clauses += 1
        elif t.i != tok.i and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and dep not in (
                "compound", "conj", "appos", "flat"):
            hops += 1
        if t.head.i == t.i:
            return None
        t = t.head
    if t.i not in anchors and t.i != trigger.i:
        # attached to a clause above the trigger: "On Sunday, X decided to attack Y"
        u = trigger
        while u.i != t.i:
            if u.dep_ in ("relcl", "acl"):
                return None
            if speech_frame and u.dep_ in ("ccomp", "parataxis") and u.head.lemma_ in CLAUSE_SPEECH_VERBS:
                return None  # "said on Monday that Y attacked": Monday dates the saying
            if u.dep_ in _CLAUSE_DEPS:
                clauses += 1
            u = u.head
    return clauses, hops
