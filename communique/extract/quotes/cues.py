"""What a quote hangs on: the cue-verb lexicon (``data/speech_verbs.txt``), speech
nouns, the speaker of a cue, and the QuoteHit record."""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass
from typing import Any

import numpy
from spacy.strings import hash_string
from spacy.symbols import AUX, PUNCT, SPACE, SYM, VERB
from spacy.tokens import Doc, Token

from communique.extract import syntax
from communique.word_lists import word_list

SUBJ_DEPS = ("nsubj", "csubj")
CLAUSE_DEPS = ("ccomp",)
COMPLEMENT_DEPS = ("dobj", "oprd", "xcomp", "prep", "dative", "attr", "acomp", "npadvmod",
                   "advcl", "pcomp")
RELATIVE = {"who", "that", "which", "whom"}
PERSONAL = {"i", "we", "you", "he", "she", "they"}
ASKING = word_list("asking")
REPORTER_TURNS = {"which", "while", "presumably", "except", "whereas", "although",
                  "though", "according", "adding", "saying", "apparently"}
NAMING = word_list("naming")
TEXT_NOUNS = word_list("text_nouns")
CONDITIONAL = {"if", "unless", "because", "although", "though", "once"}


@dataclass
class QuoteHit:
    """One quote: its content span, cue and speaker mention (char offsets, end exclusive)."""

    kind: str  # direct | indirect
    start: int
    end: int
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "QuoteHit":
        return cls(**d)


def speech_verbs() -> frozenset[str]:
    """The cue-verb lemmas (the ``quote`` verbs of ``data/speech_verbs.txt``), read once."""
    return syntax.speech_verbs("quote")
VERBAL_POS = numpy.array([VERB, AUX], dtype="uint64")
NON_WORD_POS = numpy.array([PUNCT, SPACE, SYM], dtype="uint64")
ACCORDING = hash_string("according")
PUT = hash_string("put")


@functools.cache
def cue_hashes() -> numpy.ndarray:
    return numpy.array(sorted(hash_string(w) for w in speech_verbs()), dtype="uint64")


# Nouns that name speech: with a quotation in their complement ('his call for "a total
# ban"'), or, for the claim nouns, with a "that" clause ('her claim that ...').
_SPEECH_NOUNS = word_list("speech_nouns")
CLAIM_NOUNS = word_list("claim_nouns")


@functools.cache
def noun_hashes() -> numpy.ndarray:
    return numpy.array(sorted(hash_string(w) for w in _SPEECH_NOUNS), dtype="uint64")


def speaker_token(cue: Token) -> Token | None:
    """The subject of the cue verb, climbing through "adding", "and said" and the like."""
    if cue.text == ":":
        return cue.doc[cue.i - 1]  # 'Bush: "..."'
    if cue.pos_ == "NOUN":
        if cue.lemma_.lower() in TEXT_NOUNS:
            # "Bush's Facebook post:", 'Clinton released the following statement:'
            owner = next((c for c in cue.lefts if c.dep_ == "poss"), None)
            if owner is None and cue.dep_ == "dobj":
                owner = next((c for c in cue.head.children if c.dep_ in SUBJ_DEPS), None)
            return owner
        # 'the editorial read' tagged as a noun phrase: its modifier is the speaker
        return next((c for c in reversed(list(cue.lefts))
                     if c.dep_ in ("amod", "compound", "nmod", "nsubj")), None)
    verb = cue
    for _ in range(4):
        subj = None
        agent = None
        for child in verb.children:
            if child.dep_ in SUBJ_DEPS:
                subj = child
            elif child.dep_ == "agent":
                agent = next((g for g in child.children if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        if subj is not None:
            if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return subj
        if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "pobj") and cue.tag_ == "VBG":
            # 'issued a statement Tuesday saying ...': the subject of who issued it
            verb = verb.head.head
            if verb.dep_ == "prep":
                verb = verb.head
            continue
        break
    if cue.i + 1 < len(cue.doc) and cue.dep_ in ("ROOT", "ccomp", "parataxis"):
        # '"...," said Robert Reich, who served ...': an inverted subject the parser
        # took for an object.
        nxt = cue.doc[cue.i + 1]
        while nxt.dep_ in ("compound", "flat") and nxt.head.i > nxt.i:
            nxt = nxt.head
        after_quote = cue.i > 0 and cue.doc[cue.i - 1].is_punct
        if nxt.pos_ in ("PROPN", "PRON") and nxt.ent_type_ not in ("DATE", "TIME") and (
                after_quote or nxt.head.i == cue.i and
                nxt.dep_ in ("dobj", "npadvmod", "attr", "oprd", "dep")):
            return nxt
    return None


def mention_span(tok: Token) -> tuple[int, int]:
    """The speaker mention: the noun phrase up to its head (no appositions or clauses)."""
    if tok.pos_ == "PRON":
        return tok.idx, tok.idx + len(tok)
    left = tok.left_edge
    doc = tok.doc
    # Keep right-hand name parts ("Trump Jr.") but stop before commas, appositions, clauses.
    end = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod") and child.i == end + 1:
            end = child.i
        else:
            break
    start = left.i
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start].idx, doc[end].idx + len(doc[end])


def cue_span(cue: Token) -> tuple[str, int, int]:
    return cue.text, cue.idx, cue.idx + len(cue)


def token_at(doc: Doc, char: int) -> int | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and len(span) else None


def covered(hit: QuoteHit, direct: list[QuoteHit]) -> bool:
    """Whether an indirect hit restates a direct quote already found."""
    size = hit.end - hit.start
    for d in direct:
        overlap = min(hit.end, d.end) - max(hit.start, d.start)
        if overlap > 0 and overlap >= 0.5 * min(size, d.end - d.start):
            return True
    return False


def trim(doc: Doc, i: int, k: int) -> tuple[int, int]:
    """Drop punctuation and spaces at the ends of tokens [i, k], keeping balanced quote marks."""
    while i <= k and (doc[i].is_space or (doc[i].is_punct and not doc[i].is_quote)):
        i += 1
    while k >= i and (doc[k].is_space or (doc[k].is_punct and not doc[k].is_quote)):
        k -= 1
    return i, k
