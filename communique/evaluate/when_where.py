"""Dates, event locations and fatalities scored against a hand-annotated dev set.

The dev set (``tests/data/when_where.jsonl``, see ``docs/when-where.md``) holds
one JSON object per line: ``text``, ``published`` and the gold ``date``,
``date_precision``, ``end_date``, ``location_country`` and ``fatalities`` of
the text's main event.

Scoring rules:

- The main event's trigger is the root of the text's longest sentence; when
  that root is a speech verb placed after the clause it reports ("A car bomb
  killed 75 people in Syria, a monitor said Sunday"), the reported clause's
  root; when the root is inside a direct quote, the speech verb that cites it
  (the event coder's trigger may replace these rules later).
- date exact-match: (date, precision, end_date) all equal, so "no date found"
  is right only when the gold says "unknown" and the date is the publication
  date. ``date_value`` compares the ``date`` string alone.
- location-country accuracy: the country of ``location_for``'s place (None
  when there is none, or for a place without a country) equals the gold
  country, None included.
- fatalities exact-match: ``casualties(sentence, trigger)`` equals the gold
  count, None included.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from communique.extract.dates import date_for, find_dates
from communique.extract.fatalities import casualties
from communique.extract.places import find_places, location_for
from communique.extract.syntax import CLAUSE_SPEECH_VERBS

__all__ = ["evaluate", "format_table", "load"]


def load(path: str | Path) -> list[dict[str, Any]]:
    """The dev set's items; a bad line raises ValueError naming the line."""
    items = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"line {n} of {path}: not JSON ({exc.msg})") from None
            if "text" not in item:
                raise ValueError(f"line {n} of {path}: missing field `text`")
            items.append(item)
    return items


def _nlp_of(nlp_or_coder):
    return getattr(nlp_or_coder, "nlp", nlp_or_coder)


_QUOTES = ('"', "“", "”", "''", "``")


def _quoted(tok) -> bool:
    """Is the token inside quotation marks (an odd number of marks before it in its sentence)?"""
    before = tok.doc[tok.sent.start:tok.i]
    return sum(1 for t in before if t.text in _QUOTES) % 2 == 1


def main_trigger(doc) -> int:
    """The main event's trigger: the root of the longest sentence; when that root is a
    speech verb after its reported clause ("..., officials said"), that clause's root."""
    sent = max(doc.sents, key=len)
    root = sent.root
    if _quoted(root):
        # a direct quote is not an event report: the saying is the event
        speech = [t for t in sent if t.lemma_ in CLAUSE_SPEECH_VERBS and t.pos_ == "VERB"
                  and not _quoted(t)]
        if speech:
            return speech[0].i
    if root.lemma_ in CLAUSE_SPEECH_VERBS:
        told = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.i < root.i
                and c.pos_ in ("VERB", "AUX") and not _quoted(c)]
        if told:
            return told[0].i
    return root.i


def predict(doc, published: str | None) -> dict[str, Any]:
    """Date, location country and fatalities of the main event of a parsed text."""
    trigger = main_trigger(doc)
    sent = doc[trigger].sent
    date_hits = find_dates(doc, published)
    date, date_text, precision = date_for(doc, trigger, date_hits, published)
    end_date = None
    if precision == "range":
        end_date = next((h.end_date for h in date_hits if h.text == date_text and h.date == date),
                        None)
    place = location_for(doc, trigger, find_places(doc))
    fatalities, injured = casualties(sent, trigger)
    return {"trigger": doc[trigger].text, "date": date, "date_text": date_text,
            "date_precision": precision, "end_date": end_date,
            "location": place.name if place else None,
            "location_country": place.country if place else None,
            "fatalities": fatalities, "injured": injured}


def evaluate(path: str | Path, nlp_or_coder, limit: int | None = None) -> dict[str, Any]:
    """Score the when-and-where stages on a dev set.

    Args:
        nlp_or_coder: a spaCy pipeline, or a Coder whose ``.nlp`` is one.

    Returns:
        ``{"items", "seconds", "scores": {"date", "date_value", "location_country",
        "fatalities"}, "stated": {"date"|"location_country"|"fatalities": {"items",
        "score"}}, "errors": {field: [item ids]}, "predictions": [...]}``; "stated"
        scores only the items whose gold is not empty.
    """
    nlp = _nlp_of(nlp_or_coder)
    items = load(path)[:limit]
    start = time.perf_counter()
    right = {"date": 0, "date_value": 0, "location_country": 0, "fatalities": 0}
    errors: dict[str, list[str]] = {k: [] for k in right}
    predictions = []
    given = {"date": 0, "location_country": 0, "fatalities": 0}
    given_right = dict(given)
    docs = nlp.pipe((it["text"] for it in items), batch_size=32)
    for item, doc in zip(items, docs):
        got = predict(doc, item.get("published"))
        got["id"] = item.get("id")
        predictions.append(got)
        checks = {
            "date": (got["date"], got["date_precision"], got["end_date"]) == (
                item.get("date"), item.get("date_precision", "unknown"), item.get("end_date")),
            "date_value": got["date"] == item.get("date"),
            "location_country": got["location_country"] == item.get("location_country"),
            "fatalities": got["fatalities"] == item.get("fatalities"),
        }
        for key, ok in checks.items():
            if ok:
                right[key] += 1
            else:
                errors[key].append(item.get("id"))
        # the same measures on the items whose gold is not empty: the null-heavy totals
        # flatter a stage that says nothing
        for key, stated in (("date", item.get("date_precision", "unknown") != "unknown"),
                            ("location_country", item.get("location_country") is not None),
                            ("fatalities", item.get("fatalities") is not None)):
            if stated:
                given[key] += 1
                given_right[key] += checks[key]
    n = len(items)
    return {"items": n, "seconds": round(time.perf_counter() - start, 2),
            "scores": {k: round(v / n, 4) if n else 0.0 for k, v in right.items()},
            "stated": {k: {"items": given[k],
                           "score": round(given_right[k] / given[k], 4) if given[k] else 0.0}
                       for k in given},
            "errors": errors, "predictions": predictions}


def format_table(result: dict[str, Any]) -> str:
    """The scores as a small text table."""
    labels = {"date": "date exact-match (date, precision, end)",
              "date_value": "date value match",
              "location_country": "location-country accuracy",
              "fatalities": "fatalities exact-match"}
    n = result["items"]
    lines = [f"{'measure':<42} {'score':>6} {'wrong':>6}"]
    for key, label in labels.items():
        lines.append(f"{label:<42} {result['scores'][key]:>6.3f} {len(result['errors'][key]):>6}")
    for key, label in (("date", "date, items with a gold date expression"),
                       ("location_country", "location, items with a gold place"),
                       ("fatalities", "fatalities, items with a gold number")):
        st = result["stated"][key]
        lines.append(f"{label:<42} {st['score']:>6.3f} {'(' + str(st['items']) + ')':>6}")
    lines.append(f"{n} items, {result['seconds']} s")
    return "\n".join(lines)
