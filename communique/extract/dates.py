"""Event dates: temporal expressions found in the text and resolved against
the publication date.

Representation (DateHit and the event fields it fills):

- ``date`` is always a full ISO date ``YYYY-MM-DD`` or ``None``. For day
  precision it is that day; for month precision the first day of the month;
  for year precision 1 January; for a range the first day of the range.
- ``end_date`` is the last day of the range (inclusive) when precision is
  ``"range"``, else ``None``. A range means "the event lies within
  [date, end_date]".
- ``precision`` is day | month | year | range | unknown.

Relative expressions ("on Sunday", "last month", "yesterday") need the
publication date; without one only absolute dates ("3 March 2021", "in
November 2020", "2019") resolve and the rest keep ``date=None``. A bare
weekday or a day without a year resolves to the past (the Sunday on or before
publication), unless its clause is explicitly future ("will meet on Monday",
"next Monday").

The calendar arithmetic of one expression (``resolve``) is in ``date_resolve``;
day-month forms found by pattern ("Around 2 May 2020") in ``date_forms``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from communique.extract.date_forms import absolute_dates
from communique.extract.date_resolve import MONTHS, NUMBER_WORDS, WEEKDAYS, resolve
from communique.extract.date_resolve import NUM_RE as _NUM_RE
from communique.extract.date_resolve import PART_OF_DAY as _PART_OF_DAY
from communique.extract.date_resolve import PREPS as _PREPS
from communique.extract.date_resolve import TEMPORAL as _TEMPORAL
from communique.extract.date_resolve import WEEKDAY_RE as _WEEKDAY_RE
from communique.extract.date_resolve import month_end as _month_end
from communique.extract.date_resolve import num as _num
from communique.extract.date_resolve import parse_iso as _parse_iso
from communique.extract.date_resolve import year_for as _year_for
from communique.extract.syntax import doc_text, event_anchors, reach
from communique.word_lists import word_list

__all__ = ["DateHit", "Dateline", "find_dates", "find_dateline", "date_for", "is_historical",
           "resolve", "MONTHS", "WEEKDAYS", "NUMBER_WORDS"]


@dataclass
class DateHit:
    """One temporal expression: its span and its resolved date.

    ``kind`` is "date" (anchors an event), "duration" ("a 44-day war", "for
    three days": no date of its own), "anaphoric" ("that same day", "two days
    later": relative to an event told elsewhere, left unresolved), "bound"
    ("after May 1", "until June": resolved, but not the time of the event) or
    "dateline" (the date of a dateline).
    """

    start: int
    end: int
    text: str
    date: str | None
    precision: str = "unknown"
    end_date: str | None = None
    kind: str = "date"

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text,
                "date": self.date, "precision": self.precision,
                "end_date": self.end_date, "kind": self.kind}


# "KABUL, May 3 (Reuters) -", "TEHRAN- ", "SAN FRANCISCO - ", "PARIS, Texas, May 3 -"
_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,3})\s*"
    r"((?:,\s*[^,\n()\-–—]{2,25}){0,2}?)\s*(?:\([A-Za-z .&/]+\)\s*)?[-–—]{1,2}(?=\s|[A-Z])",
    re.M)


@dataclass
class Dateline:
    """The dateline of an article: its place and (maybe) its date, as char spans."""

    place_start: int
    place_end: int
    place: str
    region: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    date_text: str | None = None
    end: int | None = None  # the end of the whole dateline, its dash included


def find_dateline(text: str) -> Dateline | None:
    """The dateline in the first lines of ``text``, if any ("KABUL, May 3 (Reuters) -")."""
    for lineno, m in enumerate(_DATELINE.finditer(text[:400])):
        if text[:m.start()].count("\n") > 2:
            return None
        place = m.group(1)
        if len(place.replace(".", "")) < 3 and place not in ("UN",):
            continue
        dl = Dateline(m.start(1), m.end(1), place, end=m.end())
        rest, offset = m.group(2), m.start(2)
        for part in re.finditer(r"[^,]+", rest):
            chunk = part.group().strip()
            if not chunk:
                continue
            c_start = offset + part.start() + part.group().index(chunk)
            if _TEMPORAL.search(chunk):
                dl.date_start, dl.date_end, dl.date_text = c_start, c_start + len(chunk), chunk
            elif dl.region is None and chunk[:1].isupper():
                dl.region = chunk
        return dl
    return None


_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_FUTURE_VERBS = word_list("date_future_verbs")


def _future_context(doc: Doc, span: Span) -> bool:
    """Is the clause this date belongs to explicitly about the future?"""
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            break
        tok = tok.head
    seen = 0
    while seen < 3:
        if any(c.lower_ in _FUTURE_AUX for c in tok.children if c.dep_ in ("aux", "auxpass")):
            return True
        if tok.lemma_ in _FUTURE_VERBS and tok.i < span.start:
            return True
        if tok.dep_ == "xcomp":
            tok = tok.head
            seen += 1
            continue
        break
    # "is hosting a summit on Tuesday": the present progressive of a plan
    if tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re")
                                 for c in tok.children):
        return True
    if any(t.lower_ in ("scheduled", "upcoming", "planned", "coming") for t in
           doc[max(span.sent.start, span.start - 6):span.start]):
        return True
    return False


def _tense(doc: Doc, span: Span) -> bool | None:
    """True for a future clause, None for a present-tense one, False for the past."""
    if _future_context(doc, span):
        return True
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            break
        tok = tok.head
    if tok.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and (
            c.tag_ == "VBD" or c.lower_ in ("has", "have", "had")) for c in tok.children):
        return False
    if tok.tag_ in ("VBZ", "VBP"):
        return None
    return False


def _span_with_prep(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Extend a token span leftwards over a governing preposition ("on Sunday")."""
    if start > 0 and doc[start - 1].lower_ in _PREPS and doc[start - 1].sent == doc[start].sent:
        return start - 1, end
    return start, end


def _dateline_date(doc: Doc, ref: dt.date | None, text: str) -> DateHit | None:
    dl = find_dateline(text)
    if dl is None or dl.date_text is None:
        return None
    r = resolve(dl.date_text, ref)
    start, end, text = dl.date_start, dl.date_end, dl.date_text
    if isinstance(r, tuple):
        d, p, e = r
        return DateHit(start, end, text, d.isoformat(), p, e.isoformat() if e else None,
                       "dateline")
    if r == "unresolved":
        return DateHit(start, end, text, None, "unknown", None, "dateline")
    return None


# tokens that may start an expression spaCy missed: weekdays and "yesterday"
_EXTRA = re.compile(r"\b(?:(?:last|next|this)\s+)?" + _WEEKDAY_RE + r"\b" + _PART_OF_DAY
                    + r"|\byesterday\b" + _PART_OF_DAY + r"|\blast (?:week|month|year|night)\b"
                    r"|(?<=\bon )the \d{1,2}(?:st|nd|rd|th)\b|\b(?:that|the) same day\b"
                    r"|\b(?:earlier |later )?(?:today|tonight)\b",
                    re.I)
_SOME_DAY = dt.date(2000, 1, 1)  # probes "is this a date at all?" without a reference
_DAY_PARTS = {"morning", "afternoon", "evening", "night", "noon"}
_END_VERBS = word_list("end_verbs")
_BEGIN_VERBS = word_list("begin_verbs")


_TITLE_WORDS = {"night", "week", "morning", "evening", "afternoon", "day", "today", "live",
                "tonight", "now"}


def _title_like(span: Span) -> bool:
    """"Saturday Night Live", "This Week", NBC's "Today": a programme, not a date."""
    if span.start == span.sent.start and len(span) == 1:
        return False
    words = [t for t in span if t.is_alpha]
    if any(t.text[:1].isupper() and t.lower_ in _TITLE_WORDS for t in words[1:]):
        return True
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.text == "Live"


def find_dates(doc: Doc, published: str | None) -> list[DateHit]:
    """Every temporal expression in the doc, resolved against ``published``.

    Candidates are spaCy DATE/TIME entities (never the whole text: "We" would
    parse as a date), weekday/"yesterday" tokens spaCy missed, and a dateline
    date. A dateline date with a year becomes the reference date when there is
    no publication date.
    """
    ref = _parse_iso(published)
    hits: list[DateHit] = []
    text = doc_text(doc)
    dl = _dateline_date(doc, ref, text)
    if dl is not None:
        hits.append(dl)
        if ref is None and dl.date and dl.precision == "day":
            ref = _parse_iso(dl.date)
    # "On 12 April 2020", "Around 2 May 2020", "between 1 and 3 May": by pattern first
    written = []
    for a in absolute_dates(text):
        if dl is not None and a.start < dl.end and a.end > dl.start:
            continue
        try:
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            year = a.year or (_year_for(a.month, a.day, ref, _tense(doc, span) if span else None)
                              if ref else None)
            if year is None:
                continue
            first = dt.date(year, a.month, a.day)
            last = dt.date(year, a.month, a.end_day) if a.end_day else None
        except ValueError:  # "31 April"
            continue
        hits.append(DateHit(a.start, a.end, a.text, first.isoformat(),
                            "range" if last else "day", last.isoformat() if last else None))
        written.append((a.start, a.end))
    spans: list[Span] = [e for e in doc.ents if e.label_ in ("DATE", "TIME")
                         and not _title_like(e) and not any(
                             e.start_char < we and e.end_char > ws for ws, we in written)]
    covered = {i for s in spans for i in range(s.start, s.end)}
    covered |= {t.i for ws, we in written for t in doc.char_span(ws, we, alignment_mode="expand")
                or ()}
    for m in _EXTRA.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and not any(i in covered for i in range(span.start, span.end)):
            if span[0].text == "May" or _title_like(span):
                continue
            before = text[max(0, span.start_char - 3):span.start_char]
            if span[0].lower_ in ("today", "tonight") and (
                    "'s" in before or "’s" in before or any(q in before for q in "“\"")):
                continue  # NBC's "Today": a title, not a date
            spans.append(span)
            covered.update(range(span.start, span.end))
    spans.sort(key=lambda s: s.start)
    durations: list[tuple[Span, int]] = []
    for span in spans:
        if resolve(span.text, ref or _SOME_DAY) is None and span[0].lower_ not in ("a", "an"):
            # the model's span may carry extra words: "the capital two days ago"
            span = next((span[k:] for k in range(1, len(span))
                         if resolve(span[k:].text, ref or _SOME_DAY) is not None), span)
        if dl is not None and span.start_char < dl.end and span.end_char > dl.start:
            continue
        start, end = _span_with_prep(doc, span.start, span.end)
        # "Sunday" + "evening": spaCy often splits the part of the day off
        while end < span.sent.end and doc[end].lower_ in _DAY_PARTS:
            end += 1
        hit_text = doc[start:end].text
        r = resolve(doc[span.start:end].text, ref, _tense(doc, span),
                    since=start < span.start and doc[start].lower_ == "since")
        if r is None:
            continue
        s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        if r == "duration":
            hits.append(DateHit(s_char, e_char, hit_text, None, "unknown", None, "duration"))
            days = _duration_days(span.text)
            if days:
                durations.append((span, days))
            continue
        if r in ("unresolved", "anaphoric"):
            hits.append(DateHit(s_char, e_char, hit_text, None, "unknown", None,
                                "date" if r == "unresolved" else "anaphoric"))
            continue
        d, p, e = r
        # "after May 1", "until June": a bound, not the time of the event
        kind = "bound" if start < span.start and doc[start].lower_ in (
            "after", "before", "until", "till") else "date"
        hits.append(DateHit(s_char, e_char, hit_text, d.isoformat(), p,
                            e.isoformat() if e else None, kind))
    for span, days in durations:
        _anchor_duration(doc, span, days, hits)
    return sorted(hits, key=lambda h: h.start)


def _duration_days(text: str) -> int | None:
    m = re.search(r"(" + _NUM_RE + r")[- ](day|week|month|year)", text.lower())
    if not m:
        return None
    n = _num(m[1]) or 1
    return n * {"day": 1, "week": 7, "month": 30, "year": 365}[m[2]]


def _anchor_duration(doc: Doc, span: Span, days: int, hits: list[DateHit]) -> None:
    """"a 44-day war that ended in November 2020": the end date becomes a range
    that covers the whole war."""
    if span.root.dep_ not in ("amod", "compound", "nummod") or span.root.head.pos_ != "NOUN":
        return
    noun = span.root.head
    for tok in noun.subtree:
        if tok.lemma_ not in _END_VERBS | _BEGIN_VERBS or tok.pos_ != "VERB":
            continue
        for h in hits:
            if h.kind != "date" or not h.date:
                continue
            htok = doc.char_span(h.start, h.end, alignment_mode="expand")
            if htok is None or not any(t.head == tok or t.head.head == tok for t in htok):
                continue
            first = dt.date.fromisoformat(h.date)
            last = (dt.date.fromisoformat(h.end_date) if h.end_date
                    else _period_end(first, h.precision))
            if tok.lemma_ in _END_VERBS:
                h.date = (first - dt.timedelta(days=days)).isoformat()
                h.end_date = last.isoformat()
            else:
                h.end_date = (last + dt.timedelta(days=days)).isoformat()
            h.precision = "range"
            return


def _period_end(first: dt.date, precision: str) -> dt.date:
    if precision == "month":
        return _month_end(first.year, first.month)
    if precision == "year":
        return dt.date(first.year, 12, 31)
    return first


# a date modifying a noun dates that noun's event: "the 2015 deal", "last Sunday's bombings"
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "nummod"}


def date_for(doc: Doc, trigger_token: int, date_hits: list[DateHit],
             published: str | None) -> tuple[str | None, str | None, str]:
    """The date of the event whose trigger is ``doc[trigger_token]``.

    The temporal expression that governs the trigger's clause (fewest clause
    boundaries between them, then the nearest) decides; with none in the
    sentence the event takes the publication date with precision "unknown"
    (None without a publication date).

    Returns:
        (date, date_text, precision); ``date`` follows the module's representation.
    """
    ref = _parse_iso(published)
    fallback = (ref.isoformat() if ref else None, None, "unknown")
    if not doc or trigger_token is None or not 0 <= trigger_token < len(doc):
        return fallback
    trig = doc[trigger_token]
    sent = trig.sent
    anchors = event_anchors(trig)
    best = None
    for h in date_hits:
        if h.kind not in ("date", "anaphoric") or not (sent.start_char <= h.start < sent.end_char):
            continue
        span = doc.char_span(h.start, h.end, alignment_mode="expand")
        if span is None:
            continue
        if len(span) > 1 and span[0].lower_ in _PREPS:
            # "On 21 June": the preposition makes it an adverbial, however the parser
            # attached the words after it
            root = span[0]
        else:
            root = span.root
            head = root.head
            if root.dep_ in _MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN") \
                    and head.i not in anchors and not (head.dep_ == "pobj"
                                                       and head.head.lower_ == "during"):
                continue
        r = reach(root, trig)
        if r is None:
            continue
        key = (r[0], abs(root.i - trig.i))
        if best is None or key < best[0]:
            best = (key, h)
    if best is not None and best[1].kind == "anaphoric":
        return fallback  # "on that same day": the date is in another sentence
    if best is None:
        dl = next((h for h in date_hits if h.kind == "dateline" and h.date), None)
        if dl is not None:
            return dl.date, None, "unknown"
        return fallback
    h = best[1]
    if h.date is None:
        return None, h.text, "unknown"
    return h.date, h.text, h.precision


def is_historical(date: str | None, end_date: str | None, published: str | None,
                  precision: str = "day", days: int = 365) -> bool:
    """Did the event end more than ``days`` before publication?

    The end of the period counts: "in 2020" ends on 2020-12-31, a range on its
    end_date. Unknown dates are never historical.
    """
    ref = _parse_iso(published)
    first = _parse_iso(date)
    if ref is None or first is None or precision == "unknown":
        return False
    last = _parse_iso(end_date) or _period_end(first, precision)
    return (ref - last).days > days
