"""find_quotes: direct quotes by their marks and cue, then indirect ones; nested speech dropped."""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import IDX, LEMMA, LOWER, POS, SENT_START
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from .cues import (
    ACCORDING, CLAUSE_DEPS, NON_WORD_POS, PERSONAL, PUT, SUBJ_DEPS, TEXT_NOUNS, VERBAL_POS,
    covered, cue_hashes, cue_span, mention_span, noun_hashes, speaker_token, token_at, QuoteHit)
from .indirect import according_quote, indirect_quotes, noun_quote
from .marks import clause_bounded, colon_before, dash_byline, left_bounded, mark_start, quote_spans


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
    punct = numpy.isin(table[:, 2], NON_WORD_POS).tolist()

    verbal = numpy.isin(table[:, 2], VERBAL_POS)
    lexical = numpy.isin(table[:, 1], cue_hashes())
    cue_set = {i for i in numpy.flatnonzero(verbal & lexical).tolist() if qid[i] < 0}
    for i in numpy.flatnonzero(~verbal & lexical).tolist():
        # '"...," the editorial read.': a cue the tagger took for a noun heading the sentence
        # with the quoted clause under it.
        t = doc[i]
        if qid[i] < 0 and t.pos_ == "NOUN" and t.dep_ == "ROOT" and i > 0 and \
                qid[i - 1] < 0 and any(c.dep_ in CLAUSE_DEPS and qid[c.i] >= 0 for c in t.lefts):
            cue_set.add(i)
    for i in numpy.flatnonzero(verbal & (table[:, 1] == PUT)).tolist():
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
        if cue is None and last_direct is not None and clause_bounded(text, s, e):
            # A quoted sentence right after an attributed quote, with nothing between but
            # the rest of that attribution's sentences, continues it ('"...," said
            # Caddell, a pollster. "Yesterday, ..."').
            mark = mark_start(text, s)
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
            if clause_bounded(text, s, e):
                pending = (s, e, b)
                orphans.append((s, e))
            continue
        if inherited is not None:
            hit = QuoteHit("direct", s, e, inherited.cue, inherited.cue_start, inherited.cue_end,
                           inherited.speaker_start, inherited.speaker_end)
        else:
            speaker = speaker_token(cue)
            sp = mention_span(speaker) if speaker is not None and qid[speaker.i] < 0 else None
            c, cs, ce = cue_span(cue)
            hit = QuoteHit("direct", s, e, c, cs, ce, sp[0] if sp else None, sp[1] if sp else None)
            last_sents = {sent_of[cue.i]}
            last_cue = cue.i
            if pending is not None and not any(
                    not punct[i] for i in range(pending[2], a) if starts[i] < mark_start(text, s)):
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
        parts = indirect_quotes(doc, tok, qid, text)
        if parts and not any(covered(h, direct) for h in parts):
            hits.extend(parts)
    for i in numpy.flatnonzero(numpy.isin(table[:, 1], noun_hashes())).tolist():
        tok = doc[i]
        if tok.pos_ == "NOUN" and qid[i] < 0:
            hit = noun_quote(doc, tok, qid, text)
            if hit is not None and not covered(hit, direct):
                hits.append(hit)
    for i in numpy.flatnonzero(table[:, 3] == ACCORDING).tolist():
        if qid[i] < 0:
            hit = according_quote(doc, doc[i], text)
            if hit is not None and not covered(hit, direct):
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
            byline = dash_byline(text, e)
            if byline is not None:
                # '"... pay zero taxes." ¶ - Sanders.': a quoted paragraph signed by a dash line
                hits.append(QuoteHit("direct", s, e, text[byline[0]], byline[0], byline[0] + 1,
                                     byline[1], byline[2]))
                continue
            mark = mark_start(text, s)
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
                        c.dep_ in CLAUSE_DEPS or c.dep_ in ("dobj", "xcomp", "prep")
                        for c in verb.children):
                    speaker = speaker_token(verb)
                    if speaker is not None:
                        sp = mention_span(speaker)
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
        if c.dep_ in CLAUSE_DEPS and c.left_edge.i <= a and b - 1 <= c.right_edge.i + 1:
            words = [i for i in range(c.left_edge.i, a) if not punct[i]]
            if words and doc[words[0]].lower_ == "that":
                words = words[1:]
            after = [i for i in range(b, c.right_edge.i + 1) if not punct[i]]
            if len(words) >= 2 or len(after) >= 2:
                return True
    return False


def _direct_cue(doc, a, b, j, qid, sent_of, sent_bounds, is_cue, text, s, e, cue_set) -> Token | None:
    """The cue verb of the quote in tokens [a, b), or None when it is not a quote."""
    bounded = clause_bounded(text, s, e)
    if not bounded and left_bounded(text, s) and _clause_like(doc, a, b):
        # '"... No, Trump. -H" Clinton tweeted': unpunctuated, but its speaker and cue follow.
        k = b
        while k < len(doc) and doc[k].is_quote:
            k += 1
        for t in doc[k:k + 4]:
            if t.i in cue_set:
                subj = speaker_token(t)
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
            subj = next((c for c in t.lefts if c.dep_ in SUBJ_DEPS), None)
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
        if i >= tail_lo and (dist(t) > 4 or any(c.dep_ in CLAUSE_DEPS for c in t.children)):
            continue  # the next sentence's cue has a content of its own
        if linked or (qid[t.head.i] < 0 and t.head.i == t.i and bounded and dist(t) <= 4):
            cands.append(t)
    if not cands and bounded:
        # Beside the quote in the same sentence, with its own subject nearby.
        for i in range(lo, hi):
            if i not in cue_set:
                continue
            t = doc[i]
            if i >= tail_lo and any(c.dep_ in CLAUSE_DEPS for c in t.children):
                continue
            if qid[i] < 0 and is_cue(t) and dist(t) <= 4 and speaker_token(t) is not None:
                cands.append(t)
    if not cands and bounded and text[s:e].rstrip()[-1:] in (",", "?", "!"):
        # '"...," he gloated.' / '"...?" reacted Trump.': a quote ending in a comma or a
        # question mark and followed by a verb and its subject is attributed by any verb.
        for i in range(b, min(b + 4, len(doc))):
            t = doc[i]
            if qid[i] >= 0 or "\n" in t.text:
                break
            if t.pos_ == "VERB":
                subj = next((c for c in t.children if c.dep_ in SUBJ_DEPS), None)
                if subj is not None and abs(subj.i - t.i) <= 3 and subj.i >= b and \
                        not any(c.dep_ in CLAUSE_DEPS and qid[c.i] < 0 for c in t.children):
                    cands.append(t)
                break
    if not cands:
        colon = colon_before(text, s)
        if colon is not None:
            k = token_at(doc, colon)
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
                            subj = speaker_token(t)
                            if subj is not None and (subj.pos_ == "PROPN" or
                                                     subj.lower_ in PERSONAL):
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
                            if t.pos_ == "NOUN" and t.lemma_.lower() in TEXT_NOUNS and \
                                    qid[i] < 0 and speaker_token(t) is not None:
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
