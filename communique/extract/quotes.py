"""Who said what: direct and indirect quotes with their cue and speaker mention.

``find_quotes(doc)`` is a pure function of a parsed spaCy ``Doc``; it reads the
dependency parse and a cue-verb lexicon (``data/speech_verbs.txt``) and never
re-parses (about 2% of the parse time of ``en_core_web_sm``). The speaker is the mention span in the text ("he", "The Iranian
official", "him" in "According to him"); the pipeline maps it to an actor id
through the actor stage.

Conventions:

- Direct quotes: the content span lies inside the quotation marks. Marks are
  straight ``"``, curly ``“ ”``, ``„ « »`` and the doubled apostrophes ``''``
  / backticks ````` of some wire copy. A lone apostrophe (``nations'``,
  ``Iran's``, ``Azerbaijan’s``) is never a mark; single quotes are only ever
  nested inside a double-quoted span, which is reported as one quote.
- A quote left open at the end of a paragraph continues when the next
  paragraph opens with a quotation mark (the open-quote-at-each-paragraph
  convention); the content then runs across the paragraph break.
- An interrupted quote (``"We declare," he said, "our opposition ..."``) gives
  one hit per quoted part; the parts share the cue and the speaker. A quoted
  sentence that follows an attributed quote with nothing but the rest of that
  attribution's sentence in between ("...," said Caddell, a pollster.
  "Yesterday, ..."), a quoted paragraph right before an attributed one, and a
  quoted sentence right after reported speech inherit its cue and speaker too.
  Consumers that want one quote per utterance group hits by ``cue_start``.
- The cue of a direct quote is the speech verb it hangs off or that hangs off
  it, in its sentence or the short sentence right after it ('"...?" he
  asked.'); a lexicon verb before a colon ('Caddell continued:'); or, where
  the syntax leaves no doubt, any verb ('"...," he gloated.', 'Mr. Christie
  gloated: "..."') or a name and a colon ('Bush: "..."', cue ``:``).
- A quoted phrase that does not stand as a clause of its own beside a speech
  verb (a scare quote such as only "regional mechanisms", a title) is not a
  direct quote; when it sits inside reported speech the indirect hit covering
  it carries the marks in its content.
- Indirect quotes: a cue verb with a clausal complement ("X said (that) ...",
  "X told reporters ...", "..., X said."), "according to X, ...", a cue verb
  whose complement carries a quotation ('called the plan "a disaster"'), and
  a noun naming speech ('his call for "a total ban"', "her claim that ...").
  The content is the complement (with "that"), cut at the paragraph end and
  before a trailing clause with a speech verb of its own. A parenthetical cue
  ("If the talks fail, the minister said, the army will stay") gives two hits,
  one per side, with the same cue and speaker.
- A hit whose cue lies inside the content of another hit (``"I think ...,"
  he said``; "According to him, the Republic believes that ...") is nested
  speech and is dropped: each token belongs to at most one attribution.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import IDX, LEMMA, LOWER, POS, SENT_START
from spacy.strings import hash_string
from spacy.symbols import AUX, PUNCT, SPACE, SYM, VERB
from spacy.tokens import Doc, Token

_DATA = Path(__file__).resolve().parent.parent / "data"

# Marks that can only open or only close a quotation; '"', "''" are ambiguous.
_OPENERS = ("“", "„", "«", "``")
_CLOSERS = ("”", "»")
_MARK_RE = re.compile(r"''|``|[\"“”„«»]")
# Characters after which an ambiguous mark opens a quote.
_OPEN_BEFORE = set("([{—–-/:;,")
_SUBJ_DEPS = ("nsubj", "csubj")
_CLAUSE_DEPS = ("ccomp",)
_COMPLEMENT_DEPS = ("dobj", "oprd", "xcomp", "prep", "dative", "attr", "acomp", "npadvmod",
                    "advcl", "pcomp")
_RELATIVE = {"who", "that", "which", "whom"}
_PERSONAL = {"i", "we", "you", "he", "she", "they"}
_ASKING = {"ask", "wonder", "question", "inquire"}
_REPORTER_TURNS = {"which", "while", "presumably", "except", "whereas", "although",
                   "though", "according", "adding", "saying", "apparently"}
_NAMING = {"call", "describe", "dub", "label", "brand", "term", "deride", "praise"}
_TEXT_NOUNS = {"statement", "post", "tweet", "transcript", "remarks", "message", "letter",
               "email", "memo", "editorial", "op-ed", "release", "excerpt", "note"}
_CONDITIONAL = {"if", "unless", "because", "although", "though", "once"}
_SENT_END = set(".!?…")


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


@functools.cache
def speech_verbs() -> frozenset[str]:
    """The cue-verb lemmas, read once from ``data/speech_verbs.txt``."""
    lemmas = set()
    with open(_DATA / "speech_verbs.txt", encoding="utf-8") as f:
        for line in f:
            word = line.split("#", 1)[0].strip().lower()
            if word:
                lemmas.add(word)
    return frozenset(lemmas)


_VERBAL_POS = numpy.array([VERB, AUX], dtype="uint64")
_NON_WORD_POS = numpy.array([PUNCT, SPACE, SYM], dtype="uint64")
_ACCORDING = hash_string("according")
_PUT = hash_string("put")


@functools.cache
def _cue_hashes() -> numpy.ndarray:
    return numpy.array(sorted(hash_string(w) for w in speech_verbs()), dtype="uint64")


# Nouns that name speech: with a quotation in their complement ('his call for "a total
# ban"'), or, for the claim nouns, with a "that" clause ('her claim that ...').
_SPEECH_NOUNS = ("call", "claim", "promise", "pledge", "vow", "warning", "statement", "remark",
                 "comment", "assertion", "insistence", "accusation", "charge", "criticism",
                 "slogan", "message", "argument", "demand", "description", "suggestion",
                 "allegation", "declaration", "prediction", "refrain", "mantra", "plea")
_CLAIM_NOUNS = {"claim", "assertion", "insistence", "accusation", "allegation", "warning",
                "suggestion", "argument", "prediction", "promise", "pledge", "declaration"}


@functools.cache
def _noun_hashes() -> numpy.ndarray:
    return numpy.array(sorted(hash_string(w) for w in _SPEECH_NOUNS), dtype="uint64")


# ---------------------------------------------------------------- quote marks

def quote_spans(text: str) -> list[tuple[int, int]]:
    """Top-level quoted spans as (content start, content end) character offsets.

    Nested quotes stay inside their outer span. A quote still open at the end
    of a paragraph runs on when the next paragraph opens with a mark, and is
    otherwise closed at the paragraph end.
    """
    spans: list[tuple[int, int]] = []
    marks = [(m.start(), m.end(), m.group()) for m in _MARK_RE.finditer(text)]
    if not marks:
        return spans
    stack: list[str] = []  # "curly" | "straight", innermost last
    top_start = 0
    skip_at = -1  # a paragraph-initial mark that continues an open quote
    n = len(text)
    k = 0
    para_start = 0
    while para_start < n:
        para_end = text.find("\n", para_start)
        if para_end < 0:
            para_end = n
        while k < len(marks) and marks[k][0] < para_end:
            s, e, ch = marks[k]
            k += 1
            if s == skip_at:
                continue
            prev = text[s - 1] if s > para_start else "\n"
            nxt = text[e] if e < para_end else "\n"
            if ch == "“" and stack == ["curly"] and nxt.isspace() and not prev.isspace() and \
                    (prev in ",.!?" or prev.isalnum()):
                # 'here,“ said Jim Clyburn': an opening mark typed for the closing one
                stack.pop()
                spans.append((top_start, s))
            elif ch in _OPENERS:
                if not stack:
                    top_start = e
                stack.append("curly")
            elif ch in _CLOSERS:
                if stack:
                    stack.pop()
                    if not stack:
                        spans.append((top_start, s))
            else:  # ambiguous straight mark
                opener = (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace()
                if stack and (stack[-1] == "straight" or not opener):
                    stack.pop()
                    if not stack:
                        spans.append((top_start, s))
                elif opener:
                    if not stack:
                        top_start = e
                    stack.append("straight")
        if stack:
            # Open at the paragraph end: continue if the next paragraph opens a quote.
            nxt_para = para_end
            while nxt_para < n and text[nxt_para].isspace():
                nxt_para += 1
            m = _MARK_RE.match(text, nxt_para) if nxt_para < n else None
            if m and (m.group() in _OPENERS or m.group() in ('"', "''")):
                skip_at = m.start()
                del stack[1:]
            else:
                end = para_end
                while end > top_start and text[end - 1].isspace():
                    end -= 1
                if end > top_start:
                    spans.append((top_start, end))
                stack.clear()
        para_start = para_end + 1
    return spans


# ---------------------------------------------------------------- helpers

def _speaker_token(cue: Token) -> Token | None:
    """The subject of the cue verb, climbing through "adding", "and said" and the like."""
    if cue.text == ":":
        return cue.doc[cue.i - 1]  # 'Bush: "..."'
    if cue.pos_ == "NOUN":
        if cue.lemma_.lower() in _TEXT_NOUNS:
            # "Bush's Facebook post:", 'Clinton released the following statement:'
            owner = next((c for c in cue.lefts if c.dep_ == "poss"), None)
            if owner is None and cue.dep_ == "dobj":
                owner = next((c for c in cue.head.children if c.dep_ in _SUBJ_DEPS), None)
            return owner
        # 'the editorial read' tagged as a noun phrase: its modifier is the speaker
        return next((c for c in reversed(list(cue.lefts))
                     if c.dep_ in ("amod", "compound", "nmod", "nsubj")), None)
    verb = cue
    for _ in range(4):
        subj = None
        agent = None
        for child in verb.children:
            if child.dep_ in _SUBJ_DEPS:
                subj = child
            elif child.dep_ == "agent":
                agent = next((g for g in child.children if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        if subj is not None:
            if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
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


def _mention_span(tok: Token) -> tuple[int, int]:
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


def _cue_span(cue: Token) -> tuple[str, int, int]:
    return cue.text, cue.idx, cue.idx + len(cue)


# ---------------------------------------------------------------- main

def find_quotes(doc: Doc, text: str | None = None) -> list[QuoteHit]:
    """All direct and indirect quotes of a parsed document, in text order.

    Args:
        text: the text the doc was parsed from, when the caller has it at hand
            (``doc.text`` rebuilds it token by token, a third of this function's time).
    """
    if text is None:
        text = doc.text
    n = len(doc)
    spans = quote_spans(text)
    # One pass over the token table instead of Python loops over Token objects.
    table = (doc.to_array([IDX, LEMMA, POS, LOWER, SENT_START]) if n
             else numpy.zeros((0, 5), "uint64"))
    starts = table[:, 0].tolist()

    # Token -> index of the top-level quote it lies in (-1 outside quotes).
    qid = [-1] * n
    qtoks: list[tuple[int, int]] = []
    for j, (s, e) in enumerate(spans):
        a = bisect.bisect_left(starts, s)
        # a token glued to the opening mark ('"We') starts before s but belongs inside
        if a > 0 and doc[a - 1].idx + len(doc[a - 1]) > s and not doc[a - 1].is_quote:
            a -= 1
        b = bisect.bisect_left(starts, e)
        qid[a:b] = [j] * (b - a)
        qtoks.append((a, b))

    # Sentences from the parser's sentence starts (cheaper than iterating doc.sents).
    is_start = table[:, 4] == 1
    if n:
        is_start[0] = True
    sent_starts = numpy.flatnonzero(is_start).tolist()
    sent_bounds = list(zip(sent_starts, sent_starts[1:] + [n]))
    sent_of = (numpy.cumsum(is_start) - 1).tolist()
    punct = numpy.isin(table[:, 2], _NON_WORD_POS).tolist()

    verbal = numpy.isin(table[:, 2], _VERBAL_POS)
    lexical = numpy.isin(table[:, 1], _cue_hashes())
    cue_set = {i for i in numpy.flatnonzero(verbal & lexical).tolist() if qid[i] < 0}
    for i in numpy.flatnonzero(~verbal & lexical).tolist():
        # '"...," the editorial read.': a cue the tagger took for a noun heading the sentence
        # with the quoted clause under it.
        t = doc[i]
        if qid[i] < 0 and t.pos_ == "NOUN" and t.dep_ == "ROOT" and i > 0 and \
                qid[i - 1] < 0 and any(c.dep_ in _CLAUSE_DEPS and qid[c.i] >= 0 for c in t.lefts):
            cue_set.add(i)
    for i in numpy.flatnonzero(verbal & (table[:, 1] == _PUT)).tolist():
        # 'As Vulture put it, "..."': "put it" with "as" names a wording.
        kids = {c.lower_ for c in doc[i].children}
        if qid[i] < 0 and "it" in kids and "as" in kids:
            cue_set.add(i)

    def is_cue(t: Token) -> bool:
        return t.i in cue_set

    hits: list[QuoteHit] = []
    last_direct: QuoteHit | None = None
    last_b = 0  # token end of the last direct hit's quote
    last_sents: set[int] = set()  # sentences holding its end and its cue
    pending: tuple[int, int, int] | None = None  # an unattributed quote that may precede one
    orphans: list[tuple[int, int]] = []  # quoted clauses without a cue of their own
    last_cue = -1

    for j, (s, e) in enumerate(spans):
        a, b = qtoks[j]
        if a >= b or all(punct[a:b]):
            continue
        cue = _direct_cue(doc, a, b, j, qid, sent_of, sent_bounds, is_cue, text, s, e, cue_set)
        inherited = None
        if cue is None and last_direct is not None and _clause_bounded(text, s, e):
            # A quoted sentence right after an attributed quote, with nothing between but
            # the rest of that attribution's sentences, continues it ('"...," said
            # Caddell, a pollster. "Yesterday, ..."').
            mark = _mark_start(text, s)
            between = [i for i in range(last_b, a) if starts[i] < mark and not punct[i]]
            # '..." Ebeling said, and her husband cut in. "...', '..." she told the crowd,
            # then referred to ...': a second action of the sentence ends the quote.
            if all(sent_of[i] in last_sents for i in between) and not any(
                    doc[i].dep_ == "conj" and doc[i].head.i == last_cue and
                    doc[i].pos_ == "VERB" for i in between):
                inherited = last_direct
        if cue is not None and _inside_report(doc, cue, a, b, punct):
            continue  # 'said that in her state, "there is pessimism"': a mixed quote
        if cue is None and inherited is None:
            if _clause_bounded(text, s, e):
                pending = (s, e, b)
                orphans.append((s, e))
            continue
        if inherited is not None:
            hit = QuoteHit("direct", s, e, inherited.cue, inherited.cue_start, inherited.cue_end,
                           inherited.speaker_start, inherited.speaker_end)
        else:
            speaker = _speaker_token(cue)
            sp = _mention_span(speaker) if speaker is not None and qid[speaker.i] < 0 else None
            c, cs, ce = _cue_span(cue)
            hit = QuoteHit("direct", s, e, c, cs, ce, sp[0] if sp else None, sp[1] if sp else None)
            last_sents = {sent_of[cue.i]}
            last_cue = cue.i
            if pending is not None and not any(
                    not punct[i] for i in range(pending[2], a) if starts[i] < _mark_start(text, s)):
                # '"A."  "B," she said.': a quoted paragraph right before an attributed one
                # is the same speaker's.
                hits.append(QuoteHit("direct", pending[0], pending[1], c, cs, ce,
                                     hit.speaker_start, hit.speaker_end))
        pending = None
        hits.append(hit)
        last_direct = hit
        last_b = b
        last_sents.add(sent_of[b - 1])

    direct = list(hits)
    direct_cues = {h.cue_start for h in hits}
    for i in sorted(cue_set):
        tok = doc[i]
        if tok.pos_ != "VERB" or tok.idx in direct_cues:
            continue
        parts = _indirect(doc, tok, qid, text)
        if parts and not any(_covered(h, direct) for h in parts):
            hits.extend(parts)
    for i in numpy.flatnonzero(numpy.isin(table[:, 1], _noun_hashes())).tolist():
        tok = doc[i]
        if tok.pos_ == "NOUN" and qid[i] < 0:
            hit = _noun_cue(doc, tok, qid, text)
            if hit is not None and not _covered(hit, direct):
                hits.append(hit)
    for i in numpy.flatnonzero(table[:, 3] == _ACCORDING).tolist():
        if qid[i] < 0:
            hit = _according(doc, doc[i], text)
            if hit is not None and not _covered(hit, direct):
                hits.append(hit)

    # 'Clinton said they had made progress. "I really believe ..."': a quoted clause right
    # after reported speech, with nothing but punctuation between, continues it.
    if orphans:
        by_end = sorted((h for h in hits if h.kind == "indirect"), key=lambda h: h.end)
        ends = [h.end for h in by_end]
        taken = {h.start for h in hits if h.kind == "direct"}
        for s, e in orphans:
            if s in taken:
                continue
            byline = _dash_byline(text, e)
            if byline is not None:
                # '"... pay zero taxes." ¶ - Sanders.': a quoted paragraph signed by a dash line
                hits.append(QuoteHit("direct", s, e, text[byline[0]], byline[0], byline[0] + 1,
                                     byline[1], byline[2]))
                continue
            mark = _mark_start(text, s)
            k = bisect.bisect_right(ends, mark) - 1
            src = by_end[k] if k >= 0 and not any(
                ch.isalnum() for ch in text[ends[k]:mark]) else None
            p = bisect.bisect_left(starts, mark) - 1
            while p >= 0 and punct[p]:
                p -= 1
            if src is None:
                # '... are "just scratching out a profit," Mr. Hedge said from his office.
                # "Golf is ..."': the sentence right before holds the cue.
                if p >= 0:
                    lo_, hi_ = sent_bounds[sent_of[p]]
                    src = next((h for h in reversed(by_end) if h.cue_start is not None and
                                starts[lo_] <= h.cue_start < mark and h.end <= mark), None)
            if src is None and p >= 0:
                # 'Dianne Bystrom agreed. "Mainstream Republicans are running out of time."'
                lo_, hi_ = sent_bounds[sent_of[p]]
                verb = next((doc[i] for i in range(hi_ - 1, lo_ - 1, -1) if i in cue_set), None)
                if verb is not None and verb.dep_ == "ROOT" and not any(
                        c.dep_ in _CLAUSE_DEPS or c.dep_ in ("dobj", "xcomp", "prep")
                        for c in verb.children):
                    speaker = _speaker_token(verb)
                    if speaker is not None:
                        sp = _mention_span(speaker)
                        src = QuoteHit("direct", s, e, verb.text, verb.idx,
                                       verb.idx + len(verb), sp[0], sp[1])
            if src is not None:
                hit = QuoteHit("direct", s, e, src.cue, src.cue_start, src.cue_end,
                               src.speaker_start, src.speaker_end)
                hits.append(hit)
                by_end.append(hit)
                by_end.sort(key=lambda h: h.end)
                ends = [h.end for h in by_end]

    # Nested speech: drop a hit whose cue lies inside the content of a hit already kept,
    # direct quotes first, then the widest contents.
    kept: list[QuoteHit] = []
    for h in sorted(hits, key=lambda h: (h.kind != "direct", h.start - h.end)):
        cs = h.cue_start if h.cue_start is not None else -1
        if not any(o.start <= cs < o.end for o in kept):
            kept.append(h)
    kept.sort(key=lambda h: (h.start, h.end))
    return kept


def _inside_report(doc: Doc, cue: Token, a: int, b: int, punct: list[bool]) -> bool:
    """Whether the quote is only part of a reported clause, with the reporter's words
    before it ('said that in her state, "..."') or after it ('says "the wind is at our
    backs" despite his loss')."""
    for c in cue.rights:
        if c.dep_ in _CLAUSE_DEPS and c.left_edge.i <= a and b - 1 <= c.right_edge.i + 1:
            words = [i for i in range(c.left_edge.i, a) if not punct[i]]
            if words and doc[words[0]].lower_ == "that":
                words = words[1:]
            after = [i for i in range(b, c.right_edge.i + 1) if not punct[i]]
            if len(words) >= 2 or len(after) >= 2:
                return True
    return False


def _mark_start(text: str, s: int) -> int:
    """Where the opening mark of the quote whose content starts at ``s`` begins."""
    return s - 2 if s >= 2 and text[s - 2:s] in ("''", "``") else s - 1


def _left_bounded(text: str, s: int) -> bool:
    """Whether the quote opens a clause: after punctuation, a line break or the start."""
    i = _mark_start(text, s) - 1
    while i >= 0 and text[i].isspace() and text[i] != "\n":
        i -= 1
    return i < 0 or text[i] in "\n:,;(—–-" or text[i] in _SENT_END or text[i] in "\"”'’"


def _clause_bounded(text: str, s: int, e: int) -> bool:
    """Whether the quoted span stands as a clause: punctuation or a line break on both sides."""
    left_ok = _left_bounded(text, s)
    inner = text[s:e].rstrip()
    right_ok = bool(inner) and (inner[-1] in ".,!?;:…—–-" or inner[-1] in "\"”'’")
    if not right_ok:
        j = e
        while j < len(text) and text[j] in "\"”'»":
            j += 1
        while j < len(text) and text[j].isspace() and text[j] != "\n":
            j += 1
        right_ok = j >= len(text) or text[j] in "\n.,;:!?)—–-"
    return left_ok and right_ok


def _direct_cue(doc, a, b, j, qid, sent_of, sent_bounds, is_cue, text, s, e, cue_set) -> Token | None:
    """The cue verb of the quote in tokens [a, b), or None when it is not a quote."""
    bounded = _clause_bounded(text, s, e)
    if not bounded and _left_bounded(text, s) and _clause_like(doc, a, b):
        # '"... No, Trump. -H" Clinton tweeted': unpunctuated, but its speaker and cue follow.
        k = b
        while k < len(doc) and doc[k].is_quote:
            k += 1
        for t in doc[k:k + 4]:
            if t.i in cue_set:
                subj = _speaker_token(t)
                bounded = subj is not None and k <= subj.i < t.i
                break
    prev_tok = doc[a - 1] if a > 0 else None
    while prev_tok is not None and (prev_tok.is_quote or prev_tok.is_space):
        prev_tok = doc[prev_tok.i - 1] if prev_tok.i > 0 else None
    if not bounded:
        # 'He added "we will win."' or 'said that "we will win"': a cue right before the mark.
        if prev_tok is not None and prev_tok.lower_ == "that" and prev_tok.i > 0:
            before = doc[prev_tok.i - 1]
            if not (is_cue(before) and _clause_like(doc, a, b)):
                return None
            prev_tok = before
        if prev_tok is None or not is_cue(prev_tok) or not _clause_like(doc, a, b):
            return None
    first_sent, last_sent = sent_of[a], sent_of[b - 1]
    lo = sent_bounds[first_sent][0]
    hi = sent_bounds[last_sent][1]
    # '"Can we win Illinois?" Mr. Manafort asked.' is often split after the question
    # mark: the short sentence right after the quote may hold its cue.
    tail_lo = hi
    nxt = b
    while nxt < len(doc) and (doc[nxt].is_quote or doc[nxt].is_space) and "\n" not in doc[nxt].text:
        nxt += 1
    if nxt < len(doc) and nxt >= hi and "\n" not in text[doc[b - 1].idx:doc[nxt].idx]:
        hi = sent_bounds[sent_of[nxt]][1]

    def dist(t: Token) -> int:
        d = min(abs(t.i - a), abs(t.i - b))
        if d > 4 and t.i > b:
            # '"...!" US Senator Jeff Sessions said': only the cue's subject in between.
            subj = next((c for c in t.lefts if c.dep_ in _SUBJ_DEPS), None)
            if subj is not None and all(doc[i].is_punct or doc[i].is_space
                                        for i in range(b, subj.left_edge.i)) and \
                    all(doc[i].is_punct for i in range(subj.right_edge.i + 1, t.i)):
                return 4
        return d

    cands: list[Token] = []
    # The quote hangs off a cue verb ('The official said, "We declare ..."').
    for i in range(a, b):
        h = doc[i].head
        for _ in range(3):
            if qid[h.i] == j:
                break
            if is_cue(h):
                cands.append(h)
                break
            if h.head.i == h.i or qid[h.head.i] >= 0:
                break
            h = h.head
    # A cue verb hangs off the quote or sits beside it ('"...," he noted.').
    for i in range(lo, hi):
        if i not in cue_set:
            continue
        t = doc[i]
        anc = t.head
        linked = False
        for _ in range(3):
            if qid[anc.i] == j:
                linked = True
                break
            if anc.head.i == anc.i:
                break
            anc = anc.head
        if i >= tail_lo and (dist(t) > 4 or any(c.dep_ in _CLAUSE_DEPS for c in t.children)):
            continue  # the next sentence's cue has a content of its own
        if linked or (qid[t.head.i] < 0 and t.head.i == t.i and bounded and dist(t) <= 4):
            cands.append(t)
    if not cands and bounded:
        # Beside the quote in the same sentence, with its own subject nearby.
        for i in range(lo, hi):
            if i not in cue_set:
                continue
            t = doc[i]
            if i >= tail_lo and any(c.dep_ in _CLAUSE_DEPS for c in t.children):
                continue
            if qid[i] < 0 and is_cue(t) and dist(t) <= 4 and _speaker_token(t) is not None:
                cands.append(t)
    if not cands and bounded and text[s:e].rstrip()[-1:] in (",", "?", "!"):
        # '"...," he gloated.' / '"...?" reacted Trump.': a quote ending in a comma or a
        # question mark and followed by a verb and its subject is attributed by any verb.
        for i in range(b, min(b + 4, len(doc))):
            t = doc[i]
            if qid[i] >= 0 or "\n" in t.text:
                break
            if t.pos_ == "VERB":
                subj = next((c for c in t.children if c.dep_ in _SUBJ_DEPS), None)
                if subj is not None and abs(subj.i - t.i) <= 3 and subj.i >= b and \
                        not any(c.dep_ in _CLAUSE_DEPS and qid[c.i] < 0 for c in t.children):
                    cands.append(t)
                break
    if not cands:
        colon = _colon_before(text, s)
        if colon is not None:
            k = _token_at(doc, colon)
            if k is not None:
                lo2 = sent_bounds[sent_of[k]][0]
                for i in range(k - 1, lo2 - 1, -1):
                    if is_cue(doc[i]):
                        cands.append(doc[i])
                        break
                else:
                    # 'Mr. Christie gloated: "..."': any verb of a person ends on the colon.
                    for i in range(k - 1, max(lo2, k - 3) - 1, -1):
                        t = doc[i]
                        if t.pos_ == "VERB" and qid[i] < 0:
                            subj = _speaker_token(t)
                            if subj is not None and (subj.pos_ == "PROPN" or
                                                     subj.lower_ in _PERSONAL):
                                cands.append(t)
                            break
                    if not cands and k > 0 and doc[k - 1].pos_ == "PROPN" and qid[k - 1] < 0:
                        # 'Bush: "The mission is to destroy ISIS."': a name and a colon.
                        cands.append(doc[k])
                    if not cands:
                        # 'Clinton released the following statement: "..."': a noun naming
                        # a text right before the colon.
                        for i in range(k - 1, max(lo2, k - 3) - 1, -1):
                            t = doc[i]
                            if t.pos_ == "NOUN" and t.lemma_.lower() in _TEXT_NOUNS and \
                                    qid[i] < 0 and _speaker_token(t) is not None:
                                cands.append(t)
                                break
    if not cands:
        return None
    return min(cands, key=dist)


def _clause_like(doc: Doc, a: int, b: int) -> bool:
    """A quoted span long enough and verbal enough to be speech rather than a label."""
    words = sum(1 for i in range(a, b) if doc[i].is_alpha)
    has_verb = any(doc[i].pos_ in ("VERB", "AUX") for i in range(a, b))
    return words >= 4 and has_verb


_BYLINE_RE = re.compile(r"[ \t]*\n\s*([-—–])[ \t]*((?:[A-Z][\w.'’-]*[ \t]*){1,4}?)[.,]?[ \t]*(?:\n|$)")


def _dash_byline(text: str, e: int) -> tuple[int, int, int] | None:
    """(dash, name start, name end) of a paragraph '- Hillary Clinton.' right after the
    paragraph a quote ends."""
    j = e
    while j < len(text) and text[j] in "\"”'»":
        j += 1
    m = _BYLINE_RE.match(text, j)
    if m is None:
        return None
    name = m.group(2).rstrip()
    return m.start(1), m.start(2), m.start(2) + len(name.rstrip("."))


def _colon_before(text: str, s: int) -> int | None:
    """Offset of a colon right before the opening mark (possibly on the previous line)."""
    i = _mark_start(text, s) - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i if i >= 0 and text[i] == ":" else None


def _token_at(doc: Doc, char: int) -> int | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and len(span) else None


def _covered(hit: QuoteHit, direct: list[QuoteHit]) -> bool:
    """Whether an indirect hit restates a direct quote already found."""
    size = hit.end - hit.start
    for d in direct:
        overlap = min(hit.end, d.end) - max(hit.start, d.start)
        if overlap > 0 and overlap >= 0.5 * min(size, d.end - d.start):
            return True
    return False


def _paragraph_clip(text: str, anchor: int, start: int, end: int) -> tuple[int, int]:
    """Cut a content span at the paragraph breaks around ``anchor``."""
    p0 = text.rfind("\n", 0, anchor) + 1
    p1 = text.find("\n", anchor)
    if p1 < 0:
        p1 = len(text)
    return max(start, p0), min(end, p1)


def _trim(doc: Doc, i: int, k: int) -> tuple[int, int]:
    """Drop punctuation and spaces at the ends of tokens [i, k], keeping balanced quote marks."""
    while i <= k and (doc[i].is_space or (doc[i].is_punct and not doc[i].is_quote)):
        i += 1
    while k >= i and (doc[k].is_space or (doc[k].is_punct and not doc[k].is_quote)):
        k -= 1
    return i, k


def _indirect(doc: Doc, cue: Token, qid: list[int], text: str) -> list[QuoteHit]:
    """'X said (that) ...', 'X told reporters ...', '..., X said.' around one cue verb.

    A parenthetical cue ('If politics ..., he said, Congress can still ...') gives
    two hits, the parts before and after it, with the same cue and speaker.
    """
    naming = False
    if cue.dep_ == "relcl":
        subj = next((c for c in cue.children if c.dep_ in _SUBJ_DEPS), None)
        if subj is None or subj.lower_ not in _RELATIVE:
            # 'disputes, which the minister stressed ...': object relative; but 'which he
            # called "a cartel for higher education"' quotes the name he gave it.
            naming = subj is not None and cue.lemma_.lower() in _NAMING and any(
                t.lower_ in _RELATIVE and t.i < cue.i for t in cue.lefts)
            if not naming:
                return []
    comp = next((c for c in cue.rights if c.dep_ in _CLAUSE_DEPS or (
        c.dep_ == "advcl" and cue.lemma_ in _ASKING and
        any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children))), None)
    if comp is None:
        # A clause before its cue is reported speech unless it is adverbial ('after ...').
        comp = next((c for c in cue.lefts if c.dep_ in _CLAUSE_DEPS
                     and not any(m.dep_ == "mark" and m.lower_ != "that" for m in c.children)),
                    None)
    parts: list[tuple[int, int]] = []
    if comp is not None:
        i, k = comp.left_edge.i, comp.right_edge.i
        if i < cue.i < k:  # the clause wraps around its cue
            inside = [t.i for t in comp.subtree]
            parts = [(i, max(t for t in inside if t < cue.i)),
                     (min(t for t in inside if t > cue.i), k)]
        else:
            # '... said X, but that Y': a second "that" clause conjoined to the cue.
            more = [c for c in cue.rights if c.dep_ == "conj" and c.i > k and
                    any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
            # '... says that people want a leader, but instead Obama is giving them
            # "lectures"': a clause the parser hung on the cue, quoting the speaker.
            more += [c for c in cue.rights if c.dep_ in ("conj", "advcl", "parataxis") and
                     c.i > k and c.pos_ in ("VERB", "AUX") and
                     c.lemma_.lower() not in speech_verbs() and
                     any(qid[t.i] >= 0 for t in c.subtree)]
            # '... the only to spend their entire life "fighting to defend ..."': the
            # parser hung the quoted rest of the clause on the cue as a second clause.
            more += [c for c in cue.rights if c.dep_ in _CLAUSE_DEPS and c.i > k and
                     qid[c.i] >= 0 and qid[c.left_edge.i - 1] < 0 and
                     all(doc[t].is_punct for t in range(k + 1, c.left_edge.i))]
            more.sort(key=lambda c: c.i)
            parts = [(i, more[-1].right_edge.i if more else k)]
            # 'If the talks fail, the minister said, the army will stay': a conditional
            # before a parenthetical cue belongs to what was said.
            cond = [c for c in cue.lefts if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _CONDITIONAL for m in c.children)]
            subj = next((c for c in cue.lefts if c.dep_ in _SUBJ_DEPS), None)
            first = subj.left_edge.i if subj is not None else cue.i
            if cond and comp.i > cue.i and first > 0 and doc[first - 1].text == "," and \
                    doc[cue.i + 1].text in (",", "—", "--", "–"):
                parts.insert(0, (cond[0].left_edge.i, cond[0].right_edge.i))
        anchor = comp
    elif cue.dep_ in ("parataxis", "ccomp") and cue.head.i != cue.i and \
            any(c.dep_ in _SUBJ_DEPS for c in cue.children) and \
            _after_break(doc, cue):
        # 'The plan will fail, he said.' / 'If ..., he said, Congress can ...' parsed with
        # 'said' under the reported clause.
        head = cue.head
        own = [t.i for t in cue.subtree if not t.is_punct]
        parts = []
        if head.left_edge.i < min(own):
            parts.append((head.left_edge.i, min(own) - 1))
        if head.right_edge.i > max(own):
            parts.append((max(own) + 1, head.right_edge.i))
        anchor = head
    else:
        # 'called the plan "a disaster"', 'pledged to "bomb the hell out of ISIS"': a
        # complement that carries a quotation is attributed speech too.
        kids = [c for c in cue.rights if c.dep_ in _COMPLEMENT_DEPS]
        if not kids:
            return []
        i, k = kids[0].left_edge.i, kids[-1].right_edge.i
        # A quotation that is the object's own name only names a thing ('praised the
        # "3+3 format"'); 'described the move as a "major breach of trust"' is speech.
        objects = {c.i for c in kids if c.dep_ == "dobj"}
        quoted = [t for t in range(i, k + 1) if qid[t] >= 0]
        tops = [t for t in quoted if qid[doc[t].head.i] != qid[t] or doc[t].head.i == t]
        if not quoted or (not naming and sum(doc[t].is_alpha for t in quoted) <= 4 and all(
                t in objects or (doc[t].head.i in objects and
                                 doc[t].dep_ in ("compound", "amod", "nmod", "appos"))
                for t in tops)):
            return []
        parts = [(i, k)]
        anchor = kids[0]
    spans = [sp for sp in (_content_part(doc, cue, i, k, qid, text, anchor) for i, k in parts)
             if sp is not None]
    if not spans:
        return []
    speaker = _speaker_token(cue)
    sp = _mention_span(speaker) if speaker is not None else None
    c, cs, ce = _cue_span(cue)
    return [QuoteHit("indirect", start, end, c, cs, ce, sp[0] if sp else None,
                     sp[1] if sp else None) for start, end in spans]


def _after_break(doc: Doc, cue: Token) -> bool:
    """Whether the cue's clause follows a comma or a dash ('..., he said')."""
    first = min(t.i for t in cue.subtree if not t.is_punct)
    return first > 0 and doc[first - 1].text in (",", "—", "--", "–")


def _content_part(doc: Doc, cue: Token, i: int, k: int, qid: list[int], text: str,
                  anchor: Token) -> tuple[int, int] | None:
    """The character span of content tokens [i, k], tidied; None when nothing is left."""
    if qid[k] < 0 and doc[k].is_quote and k + 1 < len(doc) and qid[k + 1] >= 0:
        k += 1  # the clause ended on an opening mark: 'that much "because ..."'
    if qid[k] >= 0:
        # 'added that he was the only one "fighting to defend ... a conservative."': the
        # content runs on to the end of a quotation it opened.
        q = qid[k]
        while k + 1 < len(doc) and qid[k + 1] == q:
            k += 1
        if k + 1 < len(doc) and doc[k + 1].is_quote:
            k += 1
    k = _cut_nested(doc, cue, i, k, qid)
    i, k = _trim(doc, i, k)
    if k - i < 1 or sum(1 for t in doc[i:k + 1] if t.is_alpha) < 2:
        return None
    if all(qid[t] >= 0 for t in range(i, k + 1)):
        return None
    start, end = doc[i].idx, doc[k].idx + len(doc[k])
    start, end = _paragraph_clip(text, anchor.idx, start, end)
    if end - start < 3:
        return None
    # Keep the marks balanced: take in an opening mark the parser hung elsewhere.
    if len(_MARK_RE.findall(text, start, end)) % 2 and start > 0:
        m = _MARK_RE.match(text, start - 2) if start >= 2 else None
        if m and m.end() == start:
            start -= 2
        elif text[start - 1] in "\"“„«":
            start -= 1
    return start, end


def _cut_nested(doc: Doc, cue: Token, i: int, k: int, qid: list[int]) -> int:
    """End the content before a trailing clause with a speech verb and a subject of its
    own ('..., which he argued helps ...'): it starts another attribution."""
    verbs = speech_verbs()
    for t in range(i + 1, k + 1):
        tok = doc[t]
        if tok.dep_ in ("relcl", "advcl", "conj", "parataxis") and tok.i > cue.i and \
                tok.lemma_.lower() in verbs and qid[t] < 0 and not (
                    tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL
                                                for m in tok.children)) and \
                any(c.dep_ in _SUBJ_DEPS for c in tok.children) and tok.left_edge.i > i:
            k = min(k, tok.left_edge.i - 1)
            break
    # '... "a depreciated currency" - except that ...', '..." presumably meaning ...': the
    # reporter's comment after a closing mark is not what was said.
    for t in range(i + 1, k - 1):
        if qid[t - 1] >= 0 and qid[t] < 0 and doc[t].is_quote and (
                doc[t + 1].text in ("-", "—", "--", "–") or
                doc[t + 1].text == "," and doc[t + 2].lower_ in _REPORTER_TURNS or
                doc[t - 1].text == "," and doc[t + 1].lower_ in _REPORTER_TURNS or
                doc[t - 1].text == "," and doc[t + 1].tag_ == "VBG" and
                doc[t + 1].dep_ in ("advcl", "xcomp", "acl", "conj") or
                doc[t + 1].lower_ in ("and", "but") and doc[t + 2].pos_ == "VERB" and
                doc[t + 2].lemma_.lower() in verbs and qid[t + 2] < 0):
            return t
    return k


def _noun_cue(doc: Doc, noun: Token, qid: list[int], text: str) -> QuoteHit | None:
    """'his call for "a total and complete ban"', "Trump's claim that ...": speech named by a noun."""
    kids = [c for c in noun.rights if c.dep_ in ("prep", "acl", "ccomp")]
    if not kids:
        return None
    first = kids[0]
    if first.dep_ == "prep":
        obj = next((c for c in first.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return None
        i = obj.left_edge.i
    else:
        if not any(m.dep_ == "mark" and m.lower_ == "that" for m in first.children):
            return None
        i = first.left_edge.i
    k = kids[-1].right_edge.i
    quoted = any(qid[t] >= 0 for t in range(i, k + 1))
    if not quoted and (first.dep_ == "prep" or noun.lemma_ not in _CLAIM_NOUNS):
        return None
    span = _content_part(doc, noun, i, k, qid, text, first)
    if span is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    sp = _mention_span(owner) if owner is not None else None
    cue_end = first.idx + len(first) if first.dep_ == "prep" else noun.idx + len(noun)
    return QuoteHit("indirect", span[0], span[1], text[noun.idx:cue_end], noun.idx, cue_end,
                    sp[0] if sp else None, sp[1] if sp else None)


def _according(doc: Doc, tok: Token, text: str) -> QuoteHit | None:
    """'According to X, ...' and '..., according to X.'"""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        to = doc[tok.i + 1]
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    head = tok.head
    if head is tok:
        return None
    pp_lo, pp_hi = tok.left_edge.i, max(tok.right_edge.i, to.right_edge.i)
    lo, hi = head.left_edge.i, head.right_edge.i
    if pp_lo <= lo and hi <= pp_hi:
        return None
    # The reported clause is the head's subtree on the far side of the PP.
    if pp_lo - lo >= hi - pp_hi:
        i, k = lo, pp_lo - 1
    else:
        i, k = pp_hi + 1, hi
    i, k = _trim(doc, i, k)
    if k - i < 1:
        return None
    start, end = doc[i].idx, doc[k].idx + len(doc[k])
    start, end = _paragraph_clip(text, head.idx, start, end)
    if end - start < 3:
        return None
    sp = _mention_span(source) if source is not None else None
    return QuoteHit("indirect", start, end, text[tok.idx:to.idx + len(to)], tok.idx,
                    to.idx + len(to), sp[0] if sp else None, sp[1] if sp else None)
