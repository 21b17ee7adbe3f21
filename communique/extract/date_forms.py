"""Absolute dates as analysts and wire reports write them, found by pattern before
the model's DATE spans (which split "Around 2 May 2020" into "May 2020").

Forms (the day may carry st/nd/rd/th, the month may be abbreviated, the year
may be missing and is then inferred by ``dates``):

- "On 12 April 2020", "Around 20 April 2020 (as reported)", "on or about 3 May",
  "April 12, 2020": one day;
- "between 1 and 3 May", "from 27 - 29 April", "1-3 May": a range;
- "overnight on 2-3 May", "on the night of 2 and 3 May", "the night of 4 May":
  the night starts on the first day, so that day.

``opening_date`` is the date a note opens with ("On 27 April 2020, ..."):
the date of every event of the note that states none of its own, and of every
event of its opening sentence that states only a vaguer one (a month, a period,
a range: "demanding wages unpaid for the past sixteen months";
``in_opening_sentence``); any date in the parenthesis right after it glosses it
and dates nothing ("Around 29 April 2020 (between 28 April - 30 April), ...";
``without_glosses``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from communique.word_lists import word_list

__all__ = ["AbsoluteDate", "absolute_dates", "in_opening_sentence", "opening_date", "MONTH_NUMBERS",
           "without_glosses"]

# what may stand before a note's opening date: "As reported on 28 April 2020, ..." (ACLED's
# notes give so the day of the report where the event's own is not known)
REPORT_LEADS = word_list("note_report_leads")

MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_FULL = [m for m in MONTH_NUMBERS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR = [m for m in MONTH_NUMBERS if m not in _FULL]
_MON = (r"(?P<mon>" + "|".join(sorted(_FULL, key=len, reverse=True)) + r"|(?:"
        + "|".join(sorted(_ABBR, key=len, reverse=True)) + r")\.?)")
_PRE = (r"(?P<pre>(?:(?:on\s+or\s+(?:around|about)|on|around|about|approximately|circa|"
        r"between|from|during)\s+)?(?:(?:the\s+)?night\s+of\s+|overnight\s+(?:on\s+|of\s+)?)?)")
_DAY = r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?:\s*(?P<sep>-|–|/|\band\b|\bto\b)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?"
_YEAR = r"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
_DMY = re.compile(r"\b" + _PRE + _DAY + _DAY2 + r"\s+(?:of\s+)?" + _MON + r"(?![a-z])" + _YEAR,
                  re.IGNORECASE)
_MDY = re.compile(r"\b" + _PRE + _MON + r"\s+" + _DAY + r"(?!\d)" + _DAY2 + _YEAR,
                  re.IGNORECASE)


@dataclass
class AbsoluteDate:
    """A date written out: day (and end day for a range), month, year if stated."""

    start: int
    end: int
    text: str
    day: int
    month: int
    year: int | None
    end_day: int | None = None  # a range's last day, in the same month


def absolute_dates(text: str) -> list[AbsoluteDate]:
    """Every day-month(-year) expression of the text, in order, without overlaps."""
    out: list[AbsoluteDate] = []
    taken: list[tuple[int, int]] = []
    for rx in (_DMY, _MDY):
        for m in rx.finditer(text):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            mon = m.group("mon").rstrip(".")
            if mon == "may":
                continue  # "may 5": the verb; the month is capitalised
            d1 = int(m.group("d1"))
            d2 = int(m.group("d2")) if m.group("d2") else None
            if not 1 <= d1 <= 31 or (d2 is not None and not d1 < d2 <= 31):
                continue
            pre = " ".join((m.group("pre") or "").lower().split())
            night = "night" in pre
            if d2 is not None and m.group("sep") in ("/",):
                continue
            if d2 is not None and not night and not (pre.startswith(("between", "from"))
                                                     or m.group("sep") in ("-", "–", "to")):
                continue  # "3 and 4 May" alone: two days, not one event's range
            year = int(m.group("y")) if m.group("y") else None
            out.append(AbsoluteDate(m.start(), m.end(), m.group(), d1,
                                    MONTH_NUMBERS[mon.lower()], year,
                                    None if night else d2))
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda a: a.start)


def opening_date(hits, text: str):
    """The day a note opens with: a day-precise date hit at the start of the text (after
    at most a label such as "Non-violent activity:", and ACLED's "As reported" for a day
    the report gives: ``note_report_leads``) followed by a comma or a parenthesis ("On 27
    April 2020, ...", "Around 2 May 2020 (as reported), ...", "As reported on 28 April
    2020, ...")."""
    for h in hits:
        if h.kind != "date" or h.precision != "day" or not h.date:
            continue
        before = text[:h.start].strip()
        label, colon, lead = before.partition(":")
        if not colon or len(label) >= 39:
            lead = before
        after = text[h.end:h.end + 2].lstrip()
        if (not lead.strip() or " ".join(lead.lower().split()) in REPORT_LEADS) \
                and after[:1] in (",", "("):
            return h
        return None
    return None


def in_opening_sentence(doc, opening, token: int | None) -> bool:
    """Whether ``doc[token]`` is in the sentence the opening date hit starts."""
    if token is None or not 0 <= token < len(doc):
        return False
    sent = doc[token].sent
    return sent.start_char <= opening.start < sent.end_char


def without_glosses(hits, text: str, opening):
    """The date hits less those in the parenthesis right after the opening date, which
    gloss it: "Around 29 April 2020 (between 28 April - 30 April), ..." is 29 April."""
    if opening is None or text[opening.end:opening.end + 2].lstrip()[:1] != "(":
        return hits
    start = text.index("(", opening.end)
    end = text.find(")", start)
    if end < 0:
        return hits
    return [h for h in hits if h is opening or not (start < h.start < end)]
