"""Where an analyst's note places its events: rules 5 and 6 of
``places.location_for`` (a text of one paragraph with no dateline tells of one
occasion in one place), split out of ``places.py``.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from communique import kb
from communique.extract.gazetteer import GazetteerEntry, candidates, fold_name
from communique.word_lists import word_list
from communique.extract.place_roles import SPONSOR, own_clause, role, through_object
from communique.extract.syntax import same_paragraph

if TYPE_CHECKING:
    from communique.extract.places import PlaceHit

__all__ = ["note_place", "any_note_place", "holds", "actors_country", "mission_hosts",
           "mission_country", "mission_units", "place_unplaced", "unit_countries", "unit_country", "named_unit"]


def note_place(doc: Doc, trig: Token, verbal: bool,
                place_hits: list[PlaceHit]) -> PlaceHit | None:
    """Rule 5 of ``places.location_for``: the first place in a locative slot (not an actor's
    name, not a nationality) of a text of one paragraph; else its first place below a
    country that is no subject or possessor ("the entrance to the town of Banfora").
    In the trigger's own sentence, a place of what an act of words is about is not the
    trigger's ("condemned the attack in Quetta"); a place of another event's clause comes
    last (a note tells of one occasion)."""
    if not place_hits or not same_paragraph(doc, 0, len(doc) - 1):
        return None
    sent = trig.sent
    best = None
    for h in place_hits:
        span = doc.char_span(h.start, h.end, alignment_mode="expand")
        if span is None:
            continue
        in_sent = sent.start_char <= h.start < sent.end_char
        attach = role(span.root, span.end, doc)
        if attach is None:
            if h.precision == "country" or span.root.dep_ in ("nsubj", "nsubjpass", "poss") or (
                    span.end + 1 < len(doc) and doc[span.end].text == "-"
                    and doc[span.end + 1].lower_ in SPONSOR) or (in_sent and verbal):
                continue
            attach = (3, None, False)
        elif attach[2] and h.precision == "country":
            continue
        elif in_sent and verbal and through_object(attach[1], trig):
            continue
        # a place of another clause of the trigger's sentence comes after every other:
        # a note tells of one occasion ("shells fired by LNA forces killed three civilians
        # in Zawiyat Al Dahmani": the firing was there too)
        other = in_sent and attach[1] is not None and own_clause(
            attach[1], trig, h.precision == "country")
        if other and (verbal or h.precision == "country" or not holds(attach[1], trig)):
            # "granted asylum ... after he took refuge in London": another occasion; "paid
            # his respects to a soldier killed in Afghanistan": a country of another act
            continue
        key = (other, attach[0] > 2, attach[0] > 0, h.start)
        if best is None or key < best[0]:
            best = (key, h)
    return best[1] if best else None


def any_note_place(doc: Doc, place_hits: list[PlaceHit]) -> PlaceHit | None:
    """Rule 6 of ``places.location_for``: in an analyst's note (one paragraph, no dateline, opening
    with its date), the place it names wherever that stands, as a subject, a possessor or
    in what the event is about ("On 28 April 2020, workers ... held a protest against
    unpaid salaries in Ahvaz", "Turkish forces closed all of Afrin's entrances"): a note
    tells of one occasion in one place. Its first city or admin unit, else its first
    country that modifies no noun ("the high US dollar exchange rate" names no place)."""
    if not place_hits or not same_paragraph(doc, 0, len(doc) - 1):
        return None
    best = None
    for h in place_hits:
        if h.dateline:
            return None
        if h.precision == "country":
            span = doc.char_span(h.start, h.end, alignment_mode="expand")
            if span is None or (span.root.dep_ in ("compound", "amod", "nmod")
                                and span.root.head.pos_ in ("NOUN", "PROPN")):
                continue
        key = (h.precision == "country", h.start)
        if best is None or key < best[0]:
            best = (key, h)
    return best[1] if best else None


def holds(anchor: Token, trig: Token) -> bool:
    """Does the first clause above ``anchor`` with a subject of its own hold the trigger too
    (in its subject, object or a conjunct: "shells fired by LNA forces killed three and
    injured four in X", "observed 18 explosions involving weapons near X")?"""
    t = anchor
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP")
                for c in t.children):
            return t.left_edge.i <= trig.i <= t.right_edge.i
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def actors_country(actors) -> str | None:
    """The one country of a note's actors that name it in their own words and act at home:
    a sector other than the military ("GNA forces attacked LNA forces", "members of the
    Sinaloa Cartel", "Lebanese truck drivers"); armed forces act abroad too ("Turkish
    forces shelled ...") and a country with no sector is no actor of the note's ("the US
    dollar"). The forces of a de facto or regional authority (groups.tsv: a MIL group, "LNA
    forces", the Houthis, the Peshmerga) act at home. None when they name several countries
    or none."""
    found = {a.country for a in actors if a.country_source == "text" and a.sector
             and (a.sector != "MIL" or _home_force(a)) and a.country and kb.country(a.country)}
    return found.pop() if len(found) == 1 else None


def _home_force(actor) -> bool:
    return any(e.kind == "group" and e.sector == "MIL" for e in kb.lookup(actor.name))


def place_unplaced(actors, ids, place) -> None:
    """In an analyst's note, an actor of an event that neither its own words nor its sentence
    nor the article place ("rioters", "unidentified armed men", "police forces", "youths") is
    of the country the note places the event in, as ACLED names such actors ("Rioters
    (Lebanon)", "Unidentified Armed Group (Ethiopia)": 1,831 of the 1,854 such actor names of
    the train-part notes carry the note's own country). Sets ``country_source`` "place"."""
    if place is None or not place.country or not kb.country(place.country):
        return
    by_id = {a.id: a for a in actors}
    for i in ids:
        a = by_id.get(i)
        if a is not None and not a.country and a.kind != "country":
            a.country, a.country_source = place.country, "place"


@functools.cache
def _missions() -> tuple[re.Pattern, dict[str, str]]:
    pairs = kb.mission_hosts()
    names = "|".join(re.escape(name) for name, _ in pairs)
    return re.compile(r"(?<![\w-])(" + names + r")(?![\w-])"), dict(pairs)


def mission_hosts(text: str) -> list[str]:
    """The host country of each field mission the text names, in text order: a mission
    that works in one country tells of that country ("the OSCE SMM observed 13 explosions
    near Zolote-4": Ukraine; "UNIFIL reported ...": Lebanon). Names and aliases are those
    of organizations.tsv's rows with a ``host``, matched case-sensitively."""
    pattern, hosts = _missions()
    return [hosts[m.group(1)] for m in pattern.finditer(text)]


def mission_units(text: str) -> set[str]:
    """The first-level units (as ``place_chains.tags``, "a1:UKR:donetsk") where the field
    missions the text names work (list ``mission_units``: the OSCE SMM, hosted in Ukraine,
    reports the ceasefire violations of Donetsk and Luhansk oblasts), for the +5 a unit the
    article names gives a reading inside it: "the OSCE SMM observed ... near X" is an X of
    those oblasts where the gazetteer knows one."""
    hosts = set(mission_hosts(text))
    return {f"a1:{iso3}:{fold_name(name)}" for iso3, name in (
        row.split(" ", 1) for row in word_list("mission_units")) if iso3 in hosts}


def mission_country(text: str) -> str | None:
    """The one host country of the field missions a note names (``mission_hosts``),
    None where it names none or several."""
    found = set(mission_hosts(text))
    return found.pop() if len(found) == 1 else None


@functools.cache
def _units() -> tuple[re.Pattern | None, dict[str, str]]:
    pairs = [w.split() for w in word_list("national_unit_words")]
    by_word = {word.lower(): iso3 for word, iso3 in pairs}
    if not by_word:
        return None, by_word
    alts = "|".join(re.escape(word) if word.isupper() else "(?i:" + re.escape(word) + ")"
                    for word, _ in pairs)
    return re.compile(r"(?<![\w-])(" + alts + r")(?![\w-])"), by_word


def unit_countries(text: str) -> list[str]:
    """The country of each administrative unit word of one country's administration the
    text names, in text order ("in Barangay Magdawat": the Philippines; "Lohajang
    Upazila": Bangladesh; ``word_lists.tsv`` list ``national_unit_words``)."""
    pattern, by_word = _units()
    return [by_word[m.group(1).lower()] for m in pattern.finditer(text)] if pattern else []


def unit_country(text: str) -> str | None:
    """The one country of the unit words a note names (``unit_countries``), else None."""
    found = set(unit_countries(text))
    return found.pop() if len(found) == 1 else None


# a run of capitalised words ("Mojolo Sinaloa", "the Gafsa Phosphate Company", "Dar'a")
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:al|el|ad|ar|as|de|del)[- ])?[A-Z][\w'’-]*){0,3}")


def named_unit(text: str) -> GazetteerEntry | str | None:
    """For a note whose places the gazetteer lacks: the first-level unit or country it names
    anywhere, in any slot and inside other names ("members of the Sinaloa Cartel", "in
    Mojolo Sinaloa", "workers at the Gafsa Phosphate Company", "Mine 6/7, Donetsk"), where
    every such name the note holds can only be of one country: the admin1 unit where it
    names one (its entry), else that country's ISO3; None where the names read in several
    countries or none. Only a unit's or country's own name counts (no alternate name, no
    spelling alike); each run of capitalised words is read whole and in its parts. Train
    part of acled/train.jsonl: of the 1,324 notes placed otherwise where this reads one
    country, 1,285 are of that country; of the 9 notes with no place it reads, 9."""
    countries: set[str] = set()
    units: dict[tuple[str, str], GazetteerEntry] = {}
    for m in _CAPITALISED.finditer(text):
        words = m.group(0).split()
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                name = " ".join(words[i:j])
                if len(name) < 4:
                    continue
                for c in candidates(fold_name(name)):
                    if c.alias or c.variant or c.kind not in ("admin1", "country") or not c.country:
                        continue
                    countries.add(c.country)
                    if c.kind == "admin1":
                        units.setdefault((c.country, c.name), c)
    if len(countries) != 1:
        return None
    return next(iter(units.values())) if len(units) == 1 else countries.pop()
