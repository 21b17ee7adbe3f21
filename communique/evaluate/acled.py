"""ACLED analyst notes: the coder's record of each note scored against ACLED's coding.

Each note of an ACLED file (``../shared/dev/acled/{train,heldout}.jsonl``: one
JSON object a line with ``id``, ``text``, ``published`` and ACLED's
``event_date``, ``iso3``, ``admin1``, ``location``, ``lat``, ``lon``,
``fatalities``, ``event_type``, ``actor1``...) is coded as one article (text,
id, published = the note's ``published``) with the default coder. Scorers then
compare each record with its note.

**The event of a note** is :func:`main_event`: the first event of the record
that is asserted and not negated, else the first event, else none. Every
scorer judges that one event, so a note's figures agree with each other.

**Scorers** live in :data:`SCORERS`, a dict ``name -> function``. A scorer
takes the list of ``(note, record)`` pairs (the record is the coded dict, or
an error record) and returns ``{measure: (right, total)}``; the table shows
``right / total`` per measure. To add one (say ``types``)::

    from communique.evaluate import acled

    def score_types(pairs):
        right = sum(1 for note, rec in pairs
                    if (ev := acled.main_event(rec)) and my_type(ev) == note["event_type"])
        return {"event type": (right, len(pairs))}

    acled.SCORERS["types"] = score_types   # or register("types", score_types)

and ``communique eval --acled FILE --scorers types`` runs it alone (all run
by default). A scorer must not re-code the notes: everything it needs is in
the record.
"""

from __future__ import annotations

import json
import math
import statistics
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..acled import event_acled_sides, event_acled_type
from ..extract.events.acled_reading import CIVILIAN_SECTORS
from .splits import select

__all__ = ["SCORERS", "acled_actor", "actor_matches", "evaluate", "format_table", "load",
           "main_event", "register", "same_admin1", "distance_km"]

Pair = tuple[dict[str, Any], dict[str, Any]]
Scorer = Callable[[list[Pair]], dict[str, tuple[float, int]]]


def load(path: str | Path, part: str = "all", limit: int | None = None) -> list[dict[str, Any]]:
    """The notes of an ACLED file, one part of the fixed split (by note id), the first
    ``limit`` of them. A bad line raises ValueError naming the line."""
    notes = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                note = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"line {n} of {path}: not JSON ({exc.msg})") from None
            if not isinstance(note, dict) or "text" not in note or "id" not in note:
                raise ValueError(f"line {n} of {path}: a note needs `id` and `text`")
            notes.append(note)
    notes = select(notes, lambda n: str(n["id"]), part)
    return notes[:limit] if limit is not None else notes


def main_event(record: dict[str, Any]) -> dict[str, Any] | None:
    """The event a note is judged by: the first asserted, non-negated event of the
    record, else its first event, else None (also for an error record)."""
    events = record.get("events") or []
    for ev in events:
        if ev.get("modality", "asserted") == "asserted" and not ev.get("negated"):
            return ev
    return events[0] if events else None


def _fold(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(s.replace("-", " ").replace("'", "").replace("`", "").split())


def same_admin1(predicted: str | None, gold: str | None) -> bool:
    """Admin1 names match, ignoring case, accents, hyphens and a generic tail
    ("Kabul" = "Kabul Province")."""
    a, b = _fold(predicted), _fold(gold)
    if not a or not b:
        return False
    for tail in (" province", " region", " state", " governorate", " district", " oblast",
                 " department", " county", " division", " prefecture"):
        a, b = a.removesuffix(tail), b.removesuffix(tail)
    return a == b


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# ---------------------------------------------------------------- scorers

def score_date(pairs: list[Pair]) -> dict[str, tuple[float, int]]:
    """The event's date equals ACLED's ``event_date`` (day, as a string)."""
    right = 0
    for note, rec in pairs:
        ev = main_event(rec)
        right += bool(ev and ev.get("date") == note.get("event_date"))
    return {"date exact": (right, len(pairs))}


def score_place(pairs: list[Pair]) -> dict[str, tuple[float, int]]:
    """Country (ISO3) and admin1 of the event's location; distance to ACLED's point.

    A missing location is wrong on country and admin1 and is left out of the
    distance figures, whose total says how many notes had a point."""
    country = admin1 = located = within = 0
    dists = []
    for note, rec in pairs:
        ev = main_event(rec)
        loc = (ev or {}).get("location") or {}
        located += bool(loc)
        country += bool(loc) and loc.get("country") == note.get("iso3")
        admin1 += same_admin1(loc.get("admin1"), note.get("admin1"))
        if loc.get("lat") is not None and note.get("lat") is not None:
            d = distance_km(loc["lat"], loc["lon"], float(note["lat"]), float(note["lon"]))
            dists.append(d)
            within += d <= 25.0
    n = len(pairs)
    return {"located": (located, n), "country": (country, n), "admin1": (admin1, n),
            "within 25 km (of all)": (within, n),
            "median km (located)": (round(statistics.median(dists), 1) if dists else math.nan,
                                    len(dists))}


def score_fatalities(pairs: list[Pair]) -> dict[str, tuple[float, int]]:
    """The event's ``fatalities`` equals ACLED's: where ACLED counts some (> 0), and
    over all notes with no stated toll read as 0 (ACLED codes unknown as 0)."""
    some = some_right = overall = 0
    for note, rec in pairs:
        gold = int(note.get("fatalities") or 0)
        ev = main_event(rec)
        got = (ev or {}).get("fatalities")
        if gold > 0:
            some += 1
            some_right += got == gold
        overall += (got or 0) == gold
    return {"fatalities exact (ACLED > 0)": (some_right, some),
            "fatalities exact (all, none = 0)": (overall, len(pairs))}


ACLED_EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians",
                     "Protests", "Riots", "Strategic developments")


def score_types(pairs: list[Pair]) -> dict[str, tuple[float, int]]:
    """ACLED event type read from the main event's PLOVER type, mode and recipient sectors
    (``communique/data/acled_plover.tsv``) against the note's ``event_type``.

    A note with no event, or one of a type ACLED does not record, counts as a wrong
    answer. Per type: F1 as (2 TP, 2 TP + FP + FN). The macro-F1 is the mean of the
    per-type F1s: ``right`` is their sum, ``total`` the number of types."""
    gold, pred = [], []
    for note, rec in pairs:
        ev = main_event(rec)
        kind = event_acled_type(ev, rec) if ev else None
        gold.append(note.get("event_type"))
        pred.append(kind[0] if kind else None)
    out: dict[str, tuple[float, int]] = {
        "event type accuracy": (sum(g == p for g, p in zip(gold, pred)), len(pairs))}
    f1s = []
    for t in ACLED_EVENT_TYPES:
        tp = sum(g == t and p == t for g, p in zip(gold, pred))
        wrong = sum((g == t) != (p == t) for g, p in zip(gold, pred))
        if t in gold:
            f1s.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
        out[f"F1 {t}"] = (2 * tp, 2 * tp + wrong)
    out["event type macro-F1"] = (round(sum(f1s), 4), len(f1s))
    return out


# ---------------------------------------------------------------- actors

# Sectors that fit each ACLED actor kind (``inter1``/``inter2``, ACLED codebook): 1 state
# forces, 2 rebels, 3 political militias, 4 identity militias, 5 rioters, 6 protesters,
# 7 civilians (CIVILIAN_SECTORS, from the ACLED reading), 8 external/other forces.
INTER_SECTORS: dict[str, frozenset[str]] = {
    "1": frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG"}),
    "2": frozenset({"REB", "UAF", "PRM"}),
    "3": frozenset({"PRM", "UAF", "REB", "CRM", "PTY", "OPP"}),
    "4": frozenset({"PRM", "UAF", "REB", "AGR"}),
    "5": CIVILIAN_SECTORS | {"OPP"},
    "6": CIVILIAN_SECTORS | {"OPP", "PTY"},
    "7": CIVILIAN_SECTORS,
    "8": frozenset({"MIL", "GOV", "IGO", "UNO"}),
}
# Words of ACLED names that say what kind of actor, not which one: no name overlap on them.
GENERIC_NAME_WORDS = frozenset(
    "the of and or for in military forces force police army government unidentified armed group "
    "groups gang militia militias protesters rioters civilians private security state national "
    "communal ethnic clan faction operation islamist political party".split())


def acled_actor(name: str | None, inter: str | None, note_iso3: str | None) -> dict[str, Any] | None:
    """What an ACLED actor name says: ``country`` (the country named in its parentheses or
    after "of", else the note's country), ``sectors`` (those its kind ``inter`` admits) and
    ``words`` (its distinctive name words: no country, kind or year words)."""
    import re

    from ..kb import lookup

    if not name:
        return None
    country = None
    candidates = re.findall(r"\(([^()]*)\)", name) + re.findall(r"\bof (?:the )?([A-Z][\w' .-]+?)(?=\s*\(|$|:)", name)
    for cand in candidates:
        found = [e.country for e in lookup(cand.strip()) if e.kind == "country" and e.country]
        if found:
            country = found[0]
            break
    folded = " ".join(_fold(re.sub(r"\([^()]*\)", " ", name)).replace(":", " ").replace("/", " ").split())
    words = {w for w in folded.split() if len(w) > 2 and w not in GENERIC_NAME_WORDS}
    if country:
        words -= set(_fold(cand).split())
    return {"country": country or note_iso3, "sectors": INTER_SECTORS.get(str(inter or ""), frozenset()),
            "name": folded, "words": words}


# What ACLED's own name of a side says when it names nobody: an inferred side of ours
# (:func:`communique.acled.unnamed_side`) says only that the perpetrator or the crowd is
# unknown, so it is ACLED's only when ACLED names nobody either, never a named group
# ("Taliban", "NAF") that merely shares its country and kind.
UNNAMED_GOLD_PREFIX = {"Unidentified Armed Group": "unidentified ", "Protesters": "protesters",
                       "Rioters": "rioters", "Civilians": "civilians"}


def actor_matches(ours: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Our actor is ACLED's when their countries agree and our sector fits ACLED's kind, or
    when our actor's whole name occurs in ACLED's and holds one of its distinctive words
    ("Taliban", "Boko Haram", "Islamic State"; not "Nigeria" in "Military Forces of Nigeria").
    An inferred side (no text names it) matches only ACLED's unnamed side of its kind
    ("Unidentified Armed Group" / "Unidentified Gang", "Protesters", "Rioters", "Civilians") in
    its country."""
    if ours.get("inferred"):
        prefix = UNNAMED_GOLD_PREFIX.get(ours.get("name") or "")
        return bool(prefix and ours.get("country") and ours.get("country") == gold["country"]
                    and gold["name"].startswith(prefix))
    if ours.get("country") and ours.get("country") == gold["country"] and ours.get("sector") in gold["sectors"]:
        return True
    name = " ".join(_fold(ours.get("name")).replace(":", " ").replace("/", " ").split())
    return bool(name) and f" {name} " in f" {gold['name']} " and bool(gold["words"] & set(name.split()))


def score_actors(pairs: list[Pair]) -> dict[str, tuple[float, int]]:
    """ACLED's actor1 against the main event's actors and actor2 against its recipients, as
    the `acled` export gives them (:func:`communique.acled.event_acled_sides`: a protest's or
    riot's actor2 also holds the state forces that intervened in it; an event that names no
    actor has ACLED's unnamed side, "Unidentified Armed Group" or "Protesters", with no id), by
    :func:`actor_matches` (country + sector, or name overlap); and, looser, the country
    alone. Totals count the notes where ACLED names that actor."""
    out: dict[str, list[int]] = {}
    for note, rec in pairs:
        ev = main_event(rec)
        sides = event_acled_sides(ev, rec) if ev else ([], [])
        for n, field, ours in (("1", "actor", sides[0]), ("2", "recipient", sides[1])):
            gold = acled_actor(note.get(f"actor{n}"), note.get(f"inter{n}"), note.get("iso3"))
            if gold is None:
                continue
            for measure, ok in ((f"actor{n} as {field} (country + sector or name)",
                                 any(actor_matches(a, gold) for a in ours)),
                                (f"actor{n} as {field}: country", any(a.get("country") == gold["country"]
                                                                      for a in ours))):
                tally = out.setdefault(measure, [0, 0])
                tally[0] += ok
                tally[1] += 1
    return {m: (r, t) for m, (r, t) in out.items()}


SCORERS: dict[str, Scorer] = {"types": score_types, "date": score_date, "place": score_place,
                              "fatalities": score_fatalities, "actors": score_actors}


def register(name: str, scorer: Scorer) -> None:
    """Add a scorer (or replace one of the same name)."""
    SCORERS[name] = scorer


# ---------------------------------------------------------------- running

def code_notes(notes: list[dict[str, Any]], coder) -> list[dict[str, Any]]:
    """The record dict of each note (an error record where coding failed)."""
    articles = ({"id": str(n["id"]), "text": n["text"], "published": n.get("published")}
                for n in notes)
    return list(coder.code_dicts(articles))


def evaluate(path: str | Path, coder, part: str = "all", limit: int | None = None,
             scorers: list[str] | None = None, records: list[dict[str, Any]] | None = None
             ) -> dict[str, Any]:
    """Code the notes of ``path`` (one ``part`` of the split, the first ``limit``) and
    run the named scorers (all by default).

    Returns ``{"notes", "seconds", "part", "scores": {scorer: {measure: {"right",
    "total", "score"}}}, "records"}``; pass ``records`` (in note order) to score a
    run coded before.
    """
    notes = load(path, part=part, limit=limit)
    names = scorers or list(SCORERS)
    unknown = [s for s in names if s not in SCORERS]
    if unknown:
        raise ValueError(f"unknown ACLED scorer(s) {', '.join(unknown)}: "
                         f"use some of {', '.join(SCORERS)}")
    start = time.perf_counter()
    if records is None:
        records = code_notes(notes, coder)
    if len(records) != len(notes):
        raise ValueError(f"{len(records)} records for {len(notes)} notes: code them again")
    pairs = list(zip(notes, records))
    scores = {}
    for name in names:
        scores[name] = {}
        for measure, (right, total) in SCORERS[name](pairs).items():
            if measure.startswith("median"):
                score = right
            else:
                score = round(right / total, 4) if total else 0.0
            scores[name][measure] = {"right": right, "total": total, "score": score}
    return {"notes": len(notes), "part": part, "seconds": round(time.perf_counter() - start, 1),
            "errors": sum(1 for r in records if "error" in r), "scores": scores,
            "records": records}


def format_table(result: dict[str, Any]) -> str:
    """The scores as a small text table."""
    lines = [f"{'measure':<46} {'score':>7} {'of':>6}"]
    for name, measures in result["scores"].items():
        for measure, s in measures.items():
            lines.append(f"{name + ': ' + measure:<46} {s['score']:>7} {s['total']:>6}")
    lines.append(f"{result['notes']} notes (part {result['part']}), {result['errors']} errors, "
                 f"{result['seconds']} s")
    return "\n".join(lines)
