"""Modality and negation: is the act asserted, future, hypothetical or historical?

``assess(anchor, latest_year) -> Mood`` reads the verbs that govern the trigger
through complements ("did not attack", "refused to meet", "will lift", "could
strike", "the 1999 shooting"). A refusal is not a negation: it is coded as a
REJECT of the act (see :mod:`.normalise`).
"""

from __future__ import annotations

from dataclasses import dataclass

from communique.extract.syntax import tokens_where
from communique.word_lists import word_list

from .tree import REPORTING_VERBS, governing_verb, lemma, prep_children

FUTURE_HEADS = word_list("future_heads")
FUTURE_MODS = word_list("future_mods")
HYPOTHETICAL_AUX = {"could", "would", "might", "may", "should", "must", "can", "ca"}
# Predicates of deliberation, opinion and belief: what they govern is not (yet) an event.
OPINION_HEADS = word_list("opinion_heads")
HYPOTHETICAL_NOUNS = word_list("hypothetical_nouns")
HISTORICAL_PREPS = {"since", "during"}
HISTORICAL_VERBS = word_list("historical_verbs")
REFUSAL_HEADS = word_list("refusal_heads")
# "did not reach agreement": a failure to agree, read as "failed to reach agreement" is (REJECT)
FAILURE_NEGATIONS = word_list("failure_negations")
DENIAL_HEADS = word_list("denial_heads")


@dataclass(frozen=True)
class Mood:
    """How an act is told: ``modality`` (asserted, future, hypothetical, historical),
    ``negated`` ("did not attack") and ``refusal`` ("refused to meet", "will not lift")."""

    modality: str
    negated: bool
    refusal: bool


def assess(anchor, latest: int | None = None, conditions: bool = True) -> Mood:
    """The mood of the act at ``anchor`` (the trigger, or the reported clause of a demand).

    Args:
        latest: the latest year the document names (:func:`latest_year`); an act dated earlier is historical.
        conditions: whether an "if" / "unless" clause makes the act hypothetical; not for a
            threat, whose condition is its content ("threatened to shell the city if ...").
    """
    negated, refusal = _negated(anchor)
    if _hypothetical(anchor, conditions):
        modality = "hypothetical"
    elif _future(anchor):
        modality = "future"
    elif _historical(anchor, latest):
        modality = "historical"
    else:
        modality = "asserted"
    return Mood(modality=modality, negated=negated and not refusal, refusal=refusal)


def latest_year(doc) -> int | None:
    """The latest four-digit year among the document's dates."""
    years = [int(t.text) for t in tokens_where(doc, "shape", ("dddd",)) if t.ent_type_ == "DATE"
             and 1900 <= int(t.text) <= 2100]
    return max(years) if years else None


def _chain(tok):
    """The token and the verbs that govern it through complements, up to the clause root."""
    out = [tok]
    v = tok
    verb = governing_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else None
    if verb is not None:
        out.append(verb)
        v = verb
    for _ in range(5):
        # complements share the governing verb's tense and negation; an adverbial
        # clause ("when he came to talk") or a conjunct with its own subject does not
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
        purpose = v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        if (v.dep_ in ("xcomp", "acomp") or purpose or (v.dep_ == "conj" and not own_subject)) \
                and v.head is not v and v.head.pos_ in ("VERB", "AUX", "ADJ"):
            v = v.head
            out.append(v)
        else:
            break
    return out


def _negated(tok) -> tuple[bool, bool]:
    """(negated, refusal): "did not attack" / "will not lift", "refused to meet", "failed to agree"."""
    chain = _chain(tok)
    neg = any(c.dep_ == "neg" for t in chain for c in t.children)
    if tok.pos_ in ("NOUN", "PROPN") and any(c.lower_ in ("no", "without") for c in tok.children):
        neg = True
    refusal = any(lemma(t) in REFUSAL_HEADS for t in chain[1:])
    top = chain[-1]
    # "denied that civilians were killed", "denied the killing": the act is denied, not asserted
    denied = any(lemma(t) in DENIAL_HEADS for t in chain[1:]) or (
        top.dep_ == "ccomp" and lemma(top.head) in DENIAL_HEADS)
    failed = neg and lemma(tok) in FAILURE_NEGATIONS and tok.pos_ == "VERB"
    return neg or refusal or denied, refusal or failed or (neg and _future(tok))


def _future(tok) -> bool:
    chain = _chain(tok)
    for t in chain:
        for c in t.children:
            if c.dep_ in ("aux",) and c.lower_ in ("will", "shall", "'ll", "wo"):
                return True
            if c.dep_ == "aux" and _reported_would(t, c):
                return True
            if c.dep_ in ("aux",) and c.lower_ == "to" and t.head.lower_ == "going":
                return True
        if t is not tok and lemma(t) in FUTURE_HEADS:
            return True
    if tok.pos_ in ("NOUN", "PROPN"):
        if any(c.lower_ in FUTURE_MODS for c in tok.children if c.dep_ in ("amod", "compound")):
            return True
    return False



def _reported_would(t, aux) -> bool:
    """"said it would free prisoners": future seen from the past, not a hypothesis."""
    if aux.lower_ not in ("would", "'d"):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
        return False
    return t.dep_ == "ccomp" and lemma(t.head) in REPORTING_VERBS


def _hypothetical(tok, conditions: bool = True) -> bool:
    chain = _chain(tok)
    for t in chain:
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX and not _reported_would(t, c):
                return True
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return True
    for anc in list(tok.ancestors)[:5]:
        if lemma(anc) in OPINION_HEADS and anc.pos_ in ("VERB", "ADJ", "NOUN"):
            return True
    if not conditions:
        return False
    top = chain[-1]
    for anc in [top] + list(top.ancestors)[:3]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in anc.children):
            return True
        # the main clause of a conditional: "If Russia invades, the West will impose sanctions"
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in anc.children):
            return True
        if anc.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in anc.children):
            return True
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and lemma(tok.head.head) in HYPOTHETICAL_NOUNS:
        return True
    return False


def _year_of(tok) -> int | None:
    """A four-digit year attached to the trigger: "the 1999 shooting", "attacked in 2014"."""
    cands = [c for c in tok.children if c.dep_ in ("nummod", "compound", "amod", "npadvmod")]
    cands += [g for p in prep_children(tok, ("in", "during")) for g in p.subtree]
    for c in cands:
        if c.shape_ == "dddd" and 1900 <= int(c.text) <= 2100:
            return int(c.text)
    return None



def _historical(tok, latest: int | None = None) -> bool:
    year = _year_of(tok)
    if year is not None and latest is not None and year < latest:
        return True
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ == "pobj" and tok.head.lower_ in HISTORICAL_PREPS:
            return True
        for c in tok.subtree:
            if c.dep_ == "relcl" and lemma(c) in HISTORICAL_VERBS and c.tag_ == "VBD":
                return True
    return False

