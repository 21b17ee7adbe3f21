"""Indirect quotes: a cue verb's clausal complement ("X said (that) ..."), a speech
noun's complement ('his call for "a total ban"') and "according to X, ..."."""

from __future__ import annotations

from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from .cues import (
    ASKING, CLAIM_NOUNS, CLAUSE_DEPS, COMPLEMENT_DEPS, CONDITIONAL, NAMING, RELATIVE,
    REPORTER_TURNS, SUBJ_DEPS, cue_span, mention_span, speaker_token, speech_verbs, trim,
    QuoteHit)
from .marks import MARK_RE, paragraph_clip


def indirect_quotes(doc: Doc, cue: Token, qid: list[int], text: str) -> list[QuoteHit]:
    """'X said (that) ...', 'X told reporters ...', '..., X said.' around one cue verb.

    A parenthetical cue ('If politics ..., he said, Congress can still ...') gives
    two hits, the parts before and after it, with the same cue and speaker.
    """
    naming = False
    if cue.dep_ == "relcl":
        subj = next((c for c in cue.children if c.dep_ in SUBJ_DEPS), None)
        if subj is None or subj.lower_ not in RELATIVE:
            # 'disputes, which the minister stressed ...': object relative; but 'which he
            # called "a cartel for higher education"' quotes the name he gave it.
            naming = subj is not None and cue.lemma_.lower() in NAMING and any(
                t.lower_ in RELATIVE and t.i < cue.i for t in cue.lefts)
            if not naming:
                return []
    comp = next((c for c in cue.rights if c.dep_ in CLAUSE_DEPS or (
        c.dep_ == "advcl" and cue.lemma_ in ASKING and
        any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children))), None)
    if comp is None:
        # A clause before its cue is reported speech unless it is adverbial ('after ...').
        comp = next((c for c in cue.lefts if c.dep_ in CLAUSE_DEPS
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
            more += [c for c in cue.rights if c.dep_ in CLAUSE_DEPS and c.i > k and
                     qid[c.i] >= 0 and qid[c.left_edge.i - 1] < 0 and
                     all(doc[t].is_punct for t in range(k + 1, c.left_edge.i))]
            more.sort(key=lambda c: c.i)
            parts = [(i, more[-1].right_edge.i if more else k)]
            # 'If the talks fail, the minister said, the army will stay': a conditional
            # before a parenthetical cue belongs to what was said.
            cond = [c for c in cue.lefts if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITIONAL for m in c.children)]
            subj = next((c for c in cue.lefts if c.dep_ in SUBJ_DEPS), None)
            first = subj.left_edge.i if subj is not None else cue.i
            if cond and comp.i > cue.i and first > 0 and doc[first - 1].text == "," and \
                    doc[cue.i + 1].text in (",", "—", "--", "–"):
                parts.insert(0, (cond[0].left_edge.i, cond[0].right_edge.i))
        anchor = comp
    elif cue.dep_ in ("parataxis", "ccomp") and cue.head.i != cue.i and \
            any(c.dep_ in SUBJ_DEPS for c in cue.children) and \
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
        kids = [c for c in cue.rights if c.dep_ in COMPLEMENT_DEPS]
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
    speaker = speaker_token(cue)
    sp = mention_span(speaker) if speaker is not None else None
    c, cs, ce = cue_span(cue)
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
    i, k = trim(doc, i, k)
    if k - i < 1 or sum(1 for t in doc[i:k + 1] if t.is_alpha) < 2:
        return None
    if all(qid[t] >= 0 for t in range(i, k + 1)):
        return None
    start, end = doc[i].idx, doc[k].idx + len(doc[k])
    start, end = paragraph_clip(text, anchor.idx, start, end)
    if end - start < 3:
        return None
    # Keep the marks balanced: take in an opening mark the parser hung elsewhere.
    if len(MARK_RE.findall(text, start, end)) % 2 and start > 0:
        m = MARK_RE.match(text, start - 2) if start >= 2 else None
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
                    tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL
                                                for m in tok.children)) and \
                any(c.dep_ in SUBJ_DEPS for c in tok.children) and tok.left_edge.i > i:
            k = min(k, tok.left_edge.i - 1)
            break
    # '... "a depreciated currency" - except that ...', '..." presumably meaning ...': the
    # reporter's comment after a closing mark is not what was said.
    for t in range(i + 1, k - 1):
        if qid[t - 1] >= 0 and qid[t] < 0 and doc[t].is_quote and (
                doc[t + 1].text in ("-", "—", "--", "–") or
                doc[t + 1].text == "," and doc[t + 2].lower_ in REPORTER_TURNS or
                doc[t - 1].text == "," and doc[t + 1].lower_ in REPORTER_TURNS or
                doc[t - 1].text == "," and doc[t + 1].tag_ == "VBG" and
                doc[t + 1].dep_ in ("advcl", "xcomp", "acl", "conj") or
                doc[t + 1].lower_ in ("and", "but") and doc[t + 2].pos_ == "VERB" and
                doc[t + 2].lemma_.lower() in verbs and qid[t + 2] < 0):
            return t
    return k


def noun_quote(doc: Doc, noun: Token, qid: list[int], text: str) -> QuoteHit | None:
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
    if not quoted and (first.dep_ == "prep" or noun.lemma_ not in CLAIM_NOUNS):
        return None
    span = _content_part(doc, noun, i, k, qid, text, first)
    if span is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    sp = mention_span(owner) if owner is not None else None
    cue_end = first.idx + len(first) if first.dep_ == "prep" else noun.idx + len(noun)
    return QuoteHit("indirect", span[0], span[1], text[noun.idx:cue_end], noun.idx, cue_end,
                    sp[0] if sp else None, sp[1] if sp else None)


def according_quote(doc: Doc, tok: Token, text: str) -> QuoteHit | None:
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
    i, k = trim(doc, i, k)
    if k - i < 1:
        return None
    start, end = doc[i].idx, doc[k].idx + len(doc[k])
    start, end = paragraph_clip(text, head.idx, start, end)
    if end - start < 3:
        return None
    sp = mention_span(source) if source is not None else None
    return QuoteHit("indirect", start, end, text[tok.idx:to.idx + len(to)], tok.idx,
                    to.idx + len(to), sp[0] if sp else None, sp[1] if sp else None)
