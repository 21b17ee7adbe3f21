"""Resolving one temporal expression to (date, precision, end_date): the calendar
arithmetic behind ``communique.extract.dates`` (see its module doc for the
representation). Split out of ``dates.py``; ``dates.resolve`` is this ``resolve``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

__all__ = ["PREPS", "WEEKDAY_RE", "NUM_RE", "PART_OF_DAY", "TEMPORAL", "parse_iso", "month_end", "year_for", "num", "resolve"]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3,
                 "thurs": 3, "fri": 4, "sat": 5, "sun": 6})
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "several": 3, "a few": 3, "few": 3, "couple": 2, "a couple of": 2,
}
_PREPS = {"on", "in", "at", "since", "until", "till", "by", "during", "from",
          "through", "throughout", "before", "after", "between", "over", "within"}
_MONTH_RE = (r"(?:january|february|march|april|may|june|july|august|september|october|"
             r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_WEEKDAY_RE = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_NUM_RE = r"(?:\d+|" + "|".join(sorted((k for k in NUMBER_WORDS if " " not in k),
                                        key=len, reverse=True)) + r")"
_UNIT_RE = r"(?:day|week|month|year|decade|fortnight|hour|minute)s?"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|overnight|noon))?"
# A text is a date only if it carries one of these; "3+3", "annual" and ages fail.
_TEMPORAL = re.compile(
    r"\b(?:" + _MONTH_RE + r"|" + _WEEKDAY_RE + r"|1[5-9]\d\d|20\d\d|\d{1,4}s|today|tonight|"
    r"yesterday|tomorrow|day|days|week|weeks|weekend|month|months|year|years|decade|"
    r"decades|century|fortnight|ago|morning|afternoon|evening|night|recent|"
    r"\d{1,2}(?:st|nd|rd|th))\b"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}", re.I)
_AGE = re.compile(r"\b\d+[- ]years?[- ]old\b|\bage[sd]?\s+\d+|\byears? old\b|"
                  r"\b(?:annual|annually|daily|weekly|monthly|yearly)\b$", re.I)

def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    return dt.date(y, m % 12 + 1, 1)


def _num(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


Resolved = tuple[dt.date | None, str, dt.date | None]  # (date, precision, end_date)


def _day(d: dt.date) -> Resolved:
    return d, "day", None


def _rng(a: dt.date, b: dt.date) -> Resolved:
    if b < a:
        a, b = b, a
    if a == b:
        return a, "day", None
    return a, "range", b


def _weekday(ref: dt.date, wd: int, mode: str) -> dt.date:
    """The weekday ``wd`` nearest ``ref``: on or before (past), strictly before
    (last), on or after (future), strictly after (next)."""
    back = (ref.weekday() - wd) % 7
    if mode == "past":
        return ref - dt.timedelta(days=back)
    if mode == "last":
        return ref - dt.timedelta(days=back or 7)
    fwd = (wd - ref.weekday()) % 7
    if mode == "next":
        return ref + dt.timedelta(days=fwd or 7)
    return ref + dt.timedelta(days=fwd)


def _year_for(month: int, day: int | None, ref: dt.date, future: bool | None) -> int:
    """The year that puts a yearless month (and day) on the right side of ref:
    after it (future), before it (past), or nearest to it (None: a present-tense clause,
    "Florida votes March 15")."""
    probe, now = (month, day or 0), (ref.month, ref.day if day else 0)
    if future is None:
        def gap(year: int) -> int:
            d = dt.date(year, month, min(day or 15, calendar.monthrange(year, month)[1]))
            return abs((d - ref).days)
        return min((ref.year, ref.year - 1, ref.year + 1), key=gap)
    if future:
        return ref.year if probe >= now else ref.year + 1
    return ref.year if probe <= now else ref.year - 1


_DUR = re.compile(r"^(?:an?\s+|the\s+)?(" + _NUM_RE + r")[- ](day|week|month|year|hour)s?"
                  r"(?:[- ]long)?$|^(?:for|over|within)\s+(?:an?\s+|the\s+)?(?:" + _NUM_RE
                  + r"\s+)?(?:more\s+)?" + _UNIT_RE + r"$|^" + _NUM_RE + r"\s+" + _UNIT_RE
                  + r"$|^(?:days|weeks|months|years|decades|hours)$|^(?:\d+|" + _NUM_RE
                  + r")[- ](?:day|week|month|year)$", re.I)


_ANAPHORIC = re.compile(
    r"^(?:on\s+|by\s+|at\s+)?(?:(?:that|the same|that same|the following|the next|the previous|"
    r"the preceding|later that|earlier that|the very same)\s+(?:day|morning|afternoon|evening|"
    r"night|week|weekend|month|year|time)|the day (?:before|after)|(?:a|one|two|three|four|five|"
    r"several|a few|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:later|earlier|before|after)|"
    r"days later|weeks later|months later|years later|the (?:next|following) \w+day)$")


@functools.lru_cache(maxsize=4096)
def resolve(text: str, ref: dt.date | None, future: bool | None = False,
            since: bool = False) -> Resolved | str | None:
    """Resolve one temporal expression.

    Returns ``(date, precision, end_date)``; ``"duration"`` for a bare
    duration; ``"anaphoric"`` for a date relative to another event ("that same
    day", "two days later"); ``"unresolved"`` for a relative date without a
    reference date; ``None`` when the text is not a date at all. ``since``
    (or a leading "since") makes a range from the date up to ``ref``.
    ``future``: True looks forward, False back (weekdays always look back unless
    True), None takes the nearest year for a yearless month or day.
    """
    t = " ".join(text.lower().replace("’", "'").split())
    if t.startswith("since "):
        since, t = True, t[6:]
    if since:
        r = resolve(t, ref, False)
        if not isinstance(r, tuple):
            return r
        if ref is None:
            return "unresolved"
        return _rng(r[0], ref) if r[0] < ref else r
    if _ANAPHORIC.match(t):
        return "anaphoric"
    t = re.sub(r"^(?:" + "|".join(_PREPS) + r")\s+", "", t)
    t = re.sub(r"^(?:the\s+)?(?:early|mid|late|beginning of|end of|start of)"
               r"[- ](?=" + _MONTH_RE + r"|\d{4}|last|next)", "", t)
    m = re.fullmatch(r"the (?:past|last) (week|month|year)", t)
    if m and ref is not None:
        # "over the past week": the seven days up to publication, not last calendar week
        unit = m[1]
        if unit == "week":
            return _rng(ref - dt.timedelta(days=7), ref)
        if unit == "month":
            start = _add_months(ref.replace(day=1), -1)
            return _rng(start.replace(day=min(ref.day, calendar.monthrange(
                start.year, start.month)[1])), ref)
        return _rng(ref.replace(year=ref.year - 1, day=min(ref.day, 28)) if ref.month == 2
                    else ref.replace(year=ref.year - 1), ref)
    t = re.sub(r"^the\s+", "", t).strip(" ,.")
    if not t or not _TEMPORAL.search(t) or _AGE.search(t):
        return None
    # absolute forms first: they need no reference date
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return _day(dt.date(int(m[1]), int(m[2]), int(m[3])))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", t)
    if m:
        y = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        try:
            return _day(dt.date(y, int(m[1]), int(m[2])))
        except ValueError:
            return None
    m = re.fullmatch(r"(?:" + _WEEKDAY_RE + r",?\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?("
                     + _MONTH_RE + r")|(" + _MONTH_RE + r")\s+(\d{1,2})(?:st|nd|rd|th)?)"
                     r",?(?:\s+(\d{4}))?" + _PART_OF_DAY, t)
    if m:
        day = int(m[1] or m[4])
        month = MONTHS[(m[2] or m[3]).rstrip(".")]
        if m[5]:
            year = int(m[5])
        elif ref is None:
            return "unresolved"
        else:
            year = _year_for(month, day, ref, future)
        try:
            return _day(dt.date(year, month, day))
        except ValueError:
            return None
    m = re.fullmatch(r"(?:early|mid|late|the end of|the beginning of|the start of)?\s*("
                     + _MONTH_RE + r"),?(?:\s+of)?(?:\s+(\d{4}))?", t)
    if m:
        month = MONTHS[m[1].rstrip(".")]
        if m[2]:
            return dt.date(int(m[2]), month, 1), "month", None
        if ref is None:
            return "unresolved"
        return dt.date(_year_for(month, None, ref, future), month, 1), "month", None
    m = re.fullmatch(r"(?:" + _MONTH_RE + r"\s+)?(\d{4})\s*(?:-|–|to|and|through)\s*(?:"
                     + _MONTH_RE + r"\s+)?(\d{2}|\d{4})", t)
    if m and 1500 < int(m[1]) < 2100:
        y2 = int(m[2]) if len(m[2]) == 4 else int(m[1][:2] + m[2])
        if y2 > int(m[1]):
            return _rng(dt.date(int(m[1]), 1, 1), dt.date(y2, 12, 31))
    m = re.fullmatch(r"(?:fiscal\s+|calendar\s+)?(\d{4})", t)
    if m and 1500 < int(m[1]) < 2100:
        return dt.date(int(m[1]), 1, 1), "year", None
    m = re.fullmatch(r"(?:" + _MONTH_RE + r"\s+)?(\d{3})0s", t)
    if m:
        y = int(m[1]) * 10
        return _rng(dt.date(y, 1, 1), dt.date(y + 9, 12, 31))
    m = re.fullmatch(r"(\d{4})\s*(?:'s)?\s*(?:first|second|third|fourth|last)\s+quarter", t)
    if m:
        return dt.date(int(m[1]), 1, 1), "year", None
    if _DUR.match(t):
        return "duration"
    if re.match(r"an?\s+\d{1,2}(?:st|nd|rd|th)[- ]century", t):
        return None  # "an 18th century manuscript": an attribute, not a time
    m = re.fullmatch(r"(?:the\s+)?(?:early\s+|mid|late\s+)?-?(\d{1,2})(?:st|nd|rd|th)"
                     r"[- ]centur(?:y|ies)", t)
    if m:
        c = (int(m[1]) - 1) * 100
        return _rng(dt.date(max(c, 1), 1, 1), dt.date(c + 99, 12, 31))
    m = re.fullmatch(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?:this|the)\s+month)?", t)
    if m:
        if ref is None:
            return "unresolved"
        day = int(m[1])
        month_start = ref.replace(day=1)
        if day > ref.day and not future:
            month_start = _add_months(month_start, -1)
        try:
            return _day(month_start.replace(day=day))
        except ValueError:
            return None
    # relative forms
    if ref is None:
        return "unresolved"
    r = _resolve_relative(t, ref, future)
    if r is not None:
        return r
    return _dateparser(t, ref)


def _resolve_relative(t: str, ref: dt.date, future: bool) -> Resolved | None:
    one = dt.timedelta(days=1)
    if re.fullmatch(r"(?:(?:late |early )?yesterday" + _PART_OF_DAY + r"|last night|"
                    r"yesterday's|overnight)", t):
        return _day(ref - one)
    if re.fullmatch(r"(?:earlier |later )?(?:today|tonight|this (?:morning|afternoon|evening))"
                    r"|(?:today|this)'s", t):
        return _day(ref)
    if re.fullmatch(r"tomorrow" + _PART_OF_DAY, t):
        return _day(ref + one)
    m = re.fullmatch(r"(?:(last|this|next|this past|this coming|past|coming)\s+)?(?:on\s+)?("
                     + _WEEKDAY_RE + r")(?:'s)?" + _PART_OF_DAY
                     + r"(?:,?\s+(?:last|next|this)\s+week)?", t)
    if m:
        wd = WEEKDAYS[m[2]]
        mod = m[1] or ""
        if mod in ("last", "past", "this past"):
            mode = "last"
        elif mod in ("next", "coming", "this coming"):
            mode = "next"
        else:
            mode = "future" if future else "past"
        return _day(_weekday(ref, wd, mode))
    m = re.fullmatch(r"(" + _NUM_RE + r")\s+(day|week|month|year|decade)s?\s+ago", t)
    if m:
        n = _num(m[1]) or 1
        unit = m[2]
        if unit == "day":
            return _day(ref - dt.timedelta(days=n))
        if unit == "week":
            d = ref - dt.timedelta(weeks=n)
            monday = d - dt.timedelta(days=d.weekday())
            return _rng(monday, monday + dt.timedelta(days=6))
        if unit == "month":
            return _add_months(ref, -n), "month", None
        if unit == "year":
            return dt.date(ref.year - n, 1, 1), "year", None
        return dt.date(ref.year - 10 * n, 1, 1), "year", None
    monday = ref - dt.timedelta(days=ref.weekday())
    m = re.fullmatch(r"(earlier |later |late |early )?(last|this|next|the past|the previous|"
                     r"the coming|past|previous|coming)\s+(week|weekend|month|year)", t) \
        or re.fullmatch(r"(earlier |later |late |early )?(?:the\s+)?()(weekend)", t)
    if m:
        edge = (m[1] or "").strip()
        rel = {"the past": "last", "past": "last", "previous": "last", "the previous": "last",
               "coming": "next", "the coming": "next", "": "this"}.get(m[2], m[2])
        unit = m[3]
        if unit == "week":
            start = monday + dt.timedelta(weeks={"last": -1, "this": 0, "next": 1}[rel])
            end = start + dt.timedelta(days=6)
            if rel == "this" and edge == "earlier":
                end = ref
            elif rel == "this" and edge == "later":
                start = ref
            return _rng(start, end)
        if unit == "weekend":
            if rel == "next" or (rel == "this" and future):
                sat = _weekday(ref, 5, "next")
            elif rel == "last":
                sat = _weekday(ref, 5, "last") if ref.weekday() >= 5 else _weekday(ref, 5, "past")
                if ref.weekday() >= 5:
                    sat = _weekday(ref, 5, "past") - dt.timedelta(days=7)
            else:
                sat = _weekday(ref, 5, "past")
            return _rng(sat, min(sat + one, ref) if rel == "this" and not future and sat <= ref
                        else sat + one)
        if unit == "month":
            first = _add_months(ref.replace(day=1), {"last": -1, "this": 0, "next": 1}[rel])
            if rel == "this" and edge == "earlier":
                return _rng(first, ref)
            if rel == "this" and edge == "later":
                return _rng(ref, _month_end(ref.year, ref.month))
            return first, "month", None
        year = ref.year + {"last": -1, "this": 0, "next": 1}[rel]
        if rel == "this" and edge == "earlier":
            return _rng(dt.date(year, 1, 1), ref)
        if rel == "this" and edge == "later":
            return _rng(ref, dt.date(year, 12, 31))
        return dt.date(year, 1, 1), "year", None
    m = re.fullmatch(r"(?:the\s+|these\s+)?(?:past|last|previous)\s+(" + _NUM_RE
                     + r")\s+(day|week|month|year)s?"
                     r"|(?:the\s+|these\s+)?(?:(?:past|last)\s+(?:few|several|couple of)|recent)\s+"
                     r"(day|week|month|year)s", t)
    if m:
        if m[3]:
            n, unit = ({"day": 7, "week": 4, "month": 6, "year": 3}[m[3]] if "recent" in t
                       else 3), m[3]
        else:
            n, unit = _num(m[1]) or 1, m[2]
        if unit == "year":
            start = ref.replace(year=ref.year - n,
                                day=min(ref.day, 28) if ref.month == 2 else ref.day)
        elif unit == "month":
            start = _add_months(ref.replace(day=1), -n)
            start = start.replace(day=min(ref.day, calendar.monthrange(start.year, start.month)[1]))
        else:
            start = ref - dt.timedelta(days=n * (7 if unit == "week" else 1))
        return _rng(start, ref)
    m = re.fullmatch(r"(?:this|last|next)\s+(" + _MONTH_RE + r")", t)
    if m:
        month = MONTHS[m[1].rstrip(".")]
        nxt = t.startswith("next")
        return dt.date(_year_for(month, None, ref, nxt), month, 1), "month", None
    if re.fullmatch(r"(?:this|that|the same) (?:day|morning|evening|night|afternoon)", t):
        return None
    return None


@functools.lru_cache(maxsize=32)
def _date_parser(ref: dt.date):
    """A dateparser parser relative to one reference date (articles of a batch share few)."""
    return _new_date_parser(ref)


def _new_date_parser(ref: dt.date):
    import dateparser

    return dateparser.DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
        "RELATIVE_BASE": dt.datetime(ref.year, ref.month, ref.day, 12)})


@functools.cache
def load_dateparser() -> None:
    """Import dateparser and let it build what it builds on its first parse (its time-zone
    patterns, the English locale's): about 0.3 CPU s, once per process. The Coder calls
    this when it loads its model, so that the first article that needs dateparser does not
    pay for it. A parser of its own, thrown away: the ones that date articles start afresh."""
    _new_date_parser(dt.date(2020, 1, 1)).get_date_data("last Tuesday")


_DP_WORTHY = re.compile(r"\b(?:" + _MONTH_RE + r"|" + _WEEKDAY_RE
                        + r"|ago|yesterday|tomorrow|today|tonight|last|next|this|earlier|later"
                        r"|before|after)\b")
_DP_PRECISION = {"day": "day", "time": "day", "month": "month", "year": "year", "week": "range"}


def _dateparser(t: str, ref: dt.date) -> Resolved | None:
    """Last resort for the forms the rules above do not know."""
    if len(t) > 40 or not _DP_WORTHY.search(t):
        return None  # "44th day" would come back as 1944
    parser = _date_parser(ref)
    try:
        data = parser.get_date_data(t)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    precision = _DP_PRECISION.get(data.period or "day", "day")
    if precision == "month":
        return d.replace(day=1), "month", None
    if precision == "year":
        return dt.date(d.year, 1, 1), "year", None
    if precision == "range":
        monday = d - dt.timedelta(days=d.weekday())
        return _rng(monday, monday + dt.timedelta(days=6))
    return _day(d)


# public names for dates.py (the calendar helpers it shares)
PREPS = _PREPS
WEEKDAY_RE = _WEEKDAY_RE
NUM_RE = _NUM_RE
PART_OF_DAY = _PART_OF_DAY
TEMPORAL = _TEMPORAL
parse_iso = _parse_iso
month_end = _month_end
year_for = _year_for
num = _num
