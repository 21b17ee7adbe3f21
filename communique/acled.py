"""ACLED event types from PLOVER events, and PLOVER labels from ACLED codings.

One table, ``communique/data/acled_plover.tsv``, read once: how an ACLED
``event_type`` / ``sub_event_type`` reads in PLOVER (type, mode, a civilian
recipient), and how a PLOVER event reads in ACLED. The `acled` export
flavour, the ACLED `types` scorer and the event model's training labels all
use it, so the three never disagree.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
TABLE = DATA / "acled_plover.tsv"
COLUMNS = ("event_type", "sub_event_type", "type", "mode", "recipient_sector", "direction")
DIRECTIONS = ("to_plover", "to_acled", "both")

__all__ = ["AcledRow", "acled_rows", "acled_sides", "acled_type", "civilian_victims", "event_acled_actors",
           "event_acled_sides", "event_acled_type", "intervening_forces", "other_crowd", "own_forces",
           "plover_labels", "two_sided", "unnamed_side", "unnamed_target"]


@dataclass(frozen=True)
class AcledRow:
    """One line of the table."""

    event_type: str
    sub_event_type: str
    type: str
    mode: str
    recipient_sector: str
    direction: str

    def matches(self, type: str | None, mode: str | None, recipient_sectors) -> bool:
        """Whether a PLOVER event with this type, mode and recipient sectors reads as this row."""
        if self.direction == "to_plover":
            return False
        if self.type and self.type != type:
            return False
        if self.mode and self.mode != (mode or ""):
            return False
        return not self.recipient_sector or bool(
            set(self.recipient_sector.split("|")) & set(recipient_sectors or ()))


@functools.cache
def acled_rows() -> tuple[AcledRow, ...]:
    """The table's rows, in file order (the order decides which row wins)."""
    rows, header = [], None
    for n, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            if tuple(cells) != COLUMNS:
                raise ValueError(f"{TABLE} line {n}: the header must be {' / '.join(COLUMNS)}")
            header = cells
            continue
        if len(cells) != len(COLUMNS) or cells[5] not in DIRECTIONS:
            raise ValueError(f"{TABLE} line {n}: expected {len(COLUMNS)} tab-separated cells "
                             f"ending in one of {', '.join(DIRECTIONS)}")
        rows.append(AcledRow(*cells))
    return tuple(rows)


def acled_type(type: str | None, mode: str | None = None,
               recipient_sectors=()) -> tuple[str, str] | None:
    """(event_type, sub_event_type) of a PLOVER event in ACLED's terms, or None.

    Args:
        type: the PLOVER event type.
        mode: its mode, if any.
        recipient_sectors: the PLOVER sectors of its recipients (``CVL`` = civilians).
    """
    if not type:
        return None
    for row in acled_rows():
        if row.matches(type, mode, recipient_sectors):
            return row.event_type, row.sub_event_type
    return None


def event_acled_type(event: dict, record: dict) -> tuple[str, str] | None:
    """(event_type, sub_event_type) of an event of a record dict (its recipients' sectors
    are read from the record's actors)."""
    sector = {a["id"]: a.get("sector") for a in record.get("actors") or []}
    return acled_type(event.get("type"), event.get("mode"),
                      [sector.get(i) for i in event.get("recipient") or []])


# ACLED's actor2 of a demonstration (codebook, "Protests" and "Riots"): the state force that
# intervened ("Protest with intervention", "Excessive force against protesters") or that the
# rioters fought ("Violent demonstration"). A force intervenes when an event of the same article
# has it use force, arrest, disperse or restrict (ASSAULT, COERCE, FIGHT), clash (PROTEST, a
# riot) or deploy (MOBILIZE) against people; the rioters fought a force that an event of the
# article has people other than state forces attack or stone (ASSAULT, PROTEST: "Rioters pelted
# stones at the police" after "workers demonstrated"; train part: 11 such notes whose main event
# is a demonstration, all riots with a state force as ACLED's actor2).
STATE_FORCE_SECTORS = frozenset({"COP", "MIL"})
INTERVENTION_TYPES = frozenset({"ASSAULT", "COERCE", "FIGHT", "PROTEST", "MOBILIZE"})
DEMONSTRATIONS = ("Protests", "Riots")


def _sure(event: dict) -> bool:
    return event.get("modality", "asserted") == "asserted" and not event.get("negated")


def intervening_forces(event: dict, others) -> list[dict]:
    """The state forces (police, military) that intervened in ``event``, a demonstration:
    actors of an asserted, non-negated event of ``others`` (the other events of its article)
    that uses force on, arrests, disperses or clashes with people, and recipients of one in
    which people who are no state force attack or stone them. Empty when ``event`` is not
    read as a protest or riot, or when a state force is among its recipients already.

    Events here have their actors and recipients as actor dicts (``sector``, ``id``)."""
    recipients = event.get("recipient") or []
    kind = acled_type(event.get("type"), event.get("mode"), [a.get("sector") for a in recipients])
    if not kind or kind[0] not in DEMONSTRATIONS:
        return []
    if any(a.get("sector") in STATE_FORCE_SECTORS for a in recipients):
        return []
    taken = {a.get("id") for a in (event.get("actor") or []) + recipients}
    out: list[dict] = []
    for other in others:
        if other is event or other.get("type") not in INTERVENTION_TYPES or not _sure(other):
            continue
        sides = list(other.get("actor") or [])
        if other.get("type") in ("ASSAULT", "PROTEST") and not any(
                a.get("sector") in STATE_FORCE_SECTORS for a in sides):
            sides += other.get("recipient") or []  # the force the crowd fought
        for a in sides:
            if a.get("sector") in STATE_FORCE_SECTORS and a.get("id") not in taken:
                taken.add(a.get("id"))
                out.append(a)
    return out


# ACLED's names of a side nobody names (codebook): an unidentified perpetrator of violence is
# "Unidentified Armed Group (Country)" (inter 3: UAF fits it), an unnamed crowd "Protesters
# (Country)" or "Rioters (Country)" (inter 6 / 5: civilians). Train part of acled/train.jsonl:
# every Riots note's actor1 is Rioters (188 of 188), 799 of the Protests notes' are Protesters.
UNNAMED_SIDES = {"Battles": ("Unidentified Armed Group", "UAF"),
                 "Explosions/Remote violence": ("Unidentified Armed Group", "UAF"),
                 "Violence against civilians": ("Unidentified Armed Group", "UAF"),
                 "Protests": ("Protesters", "CVL"), "Riots": ("Rioters", "CVL")}


def _kind(event: dict) -> tuple[str, str] | None:
    return acled_type(event.get("type"), event.get("mode"),
                      [a.get("sector") for a in event.get("recipient") or []])


def _inferred(name: str, sector: str, event: dict, others) -> dict:
    """A side no text names, in the country of the event's place, else in the one country
    the other events of its article are placed in, else in none."""
    country = (event.get("location") or {}).get("country")
    if not country:
        placed = {(o.get("location") or {}).get("country") for o in others} - {None}
        country = placed.pop() if len(placed) == 1 else None
    return {"id": None, "name": name, "sector": sector, "country": country, "inferred": True}


def unnamed_side(event: dict, others=()) -> dict | None:
    """ACLED's actor1 of a violent event or a demonstration that names no actor, as ACLED
    writes it (:data:`UNNAMED_SIDES`): ``{"id": None, "inferred": True, "name", "sector",
    "country"}``; the country is that of the event's place, else the one country the other
    events of its article are placed in, else None. None for other events."""
    kind = _kind(event)
    if not kind or kind[0] not in UNNAMED_SIDES:
        return None
    return _inferred(*UNNAMED_SIDES[kind[0]], event, others)


# ACLED's actor2 where the text names no one an act fell on: violence against civilians falls
# on civilians by definition, and looting or property destruction on the property's owners, whom
# ACLED writes "Civilians (Country)" unless the text names an armed side (train part: every one
# of the 61 looting/property destruction notes has an actor2, 45 of them Civilians; of the 35
# with an actor2 we read as such and name no owner of, 26 are Civilians, the others an armed
# side whose property we did not find); an arrest on the civilians arrested (every one of the
# 14 arrests notes has an actor2, all 14 Civilians).
UNNAMED_TARGETS = {("Violence against civilians", None),
                   ("Strategic developments", "Looting/property destruction"),
                   ("Strategic developments", "Arrests")}


def unnamed_target(event: dict, others=()) -> dict | None:
    """ACLED's actor2 of violence against civilians, of looting or property destruction or of
    an arrest that names no one it fell on (:data:`UNNAMED_TARGETS`): the codebook's
    "Civilians (Country)", inferred as :func:`unnamed_side` is ("a man was abducted in X" names its
    victim; "an abduction took place in X" does not); and of a battle that names neither side
    ("a shoot-out took place in X"): the codebook's "Unidentified Armed Group (Country)" (a
    battle is fought by two armed, organised sides; train part: of the 31 such battles outside
    the OSCE monitors' notes, whose sides ACLED names from the line of contact, 19 have an
    unidentified group or gang as actor2, 8 a side the text names and the rules missed). A
    battle's recipient with no sector is no side (a place: "shoot-outs took place in Bangu and
    Vila Kennedy neighborhoods", 4 train-part notes). None for other events."""
    kind = _kind(event)
    if kind and kind[0] == "Battles" and not event.get("actor") and not any(
            a.get("sector") for a in event.get("recipient") or []):
        return _inferred(*UNNAMED_SIDES[kind[0]], event, others)
    if not kind or not {(kind[0], None), kind} & UNNAMED_TARGETS:
        return None
    return _inferred("Civilians", "CVL", event, others)


# ACLED's kind of the one violence against civilians falls on (codebook: such violence targets
# unarmed non-combatants, coded "Civilians (Country)" whatever their office, trade or party: a
# local party leader, a drug suspect killed in a raid, an off-duty officer, a traditional ruler),
# and of the one arrested (an arrest falls on people no armed side holds as its fighters: a
# company's managers, an opposition party's former minister). The record keeps the sector the
# text gives them (GOV, CRM, COP, none); the ACLED view reads them as ACLED does. Train part:
# of the 53 notes with an actor2 whose main event reads as violence against civilians and falls
# on someone of no civilian sector, 47 code actor2 Civilians (the other 6 an armed side); all
# 14 arrests with an actor2 code Civilians. A recipient that is a country is no one the act
# fell on, and is left as it is. The arrested of an armed sector stay its fighters.
CIVILIAN_KINDS = {("Violence against civilians", None): False,
                  ("Strategic developments", "Arrests"): True}  # True: armed sectors stay


@functools.cache
def civilian_sectors() -> frozenset[str]:
    """The sectors the table reads as civilians: those of its rows for violence against
    civilians (CVL, and the trades and callings beside it: LAB, EDU, JRN, ...)."""
    return _row_sectors("Violence against civilians")


@functools.cache
def armed_sectors() -> frozenset[str]:
    """The sectors the table reads as fighters: those of its rows for battles (MIL, COP, REB,
    UAF, PRM, SPY, CRM)."""
    return _row_sectors("Battles")


def _row_sectors(event_type: str) -> frozenset[str]:
    return frozenset(s for row in acled_rows() if row.event_type == event_type
                     for s in row.recipient_sector.split("|") if s)


def civilian_victims(event: dict) -> list[dict]:
    """The recipients of ``event`` as ACLED reads them: where the event is violence against
    civilians or an arrest (:data:`CIVILIAN_KINDS`), each recipient that is no country and of
    no civilian sector (:func:`civilian_sectors`; for an arrest, of no armed sector either:
    :func:`armed_sectors`) is a copy with sector CVL, its own kept as ``record_sector``."""
    recipients = list(event.get("recipient") or [])
    kind = _kind(event)
    found = kind and {(kind[0], None), kind} & set(CIVILIAN_KINDS)
    if not found:
        return recipients
    kept = civilian_sectors() | (armed_sectors() if CIVILIAN_KINDS[found.pop()] else frozenset())
    return [a if a.get("sector") in kept or a.get("kind") == "country"
            else {**a, "sector": "CVL", "record_sector": a.get("sector")} for a in recipients]


# A demonstration's own state force: a clash the text tells as between a crowd and a force
# ("a clash erupted between police and shopkeepers", "clashes erupted between Palestinians and
# Israeli forces") makes both its sides (PLOVER manual, ASSAULT: in two-sided violence the sides
# are the participants), but ACLED writes the crowd as actor1 and the force as actor2 (codebook,
# "Protests" and "Riots"; train part: every Riots note's actor1 is Rioters, 188 of 188).


def own_forces(event: dict) -> list[dict]:
    """The state forces (police, military) among the actors of ``event``, a protest or riot,
    beside an actor of no state force: the force the crowd faced, ACLED's actor2. Empty
    for other events, or where every actor is a state force."""
    kind = _kind(event)
    if not kind or kind[0] not in DEMONSTRATIONS:
        return []
    actors = event.get("actor") or []
    forces = [a for a in actors if a.get("sector") in STATE_FORCE_SECTORS]
    return forces if forces and len(forces) < len(actors) else []


@functools.cache
def _two_sided_words() -> frozenset[str]:
    """The word forms of the event lexicon's two-sided triggers (``two-sided``: clash, scuffle,
    brawl, fight ...) with their regular inflections ("clashed", "clashes", "scuffled")."""
    from communique.lexicon import load_lexicon
    lemmas = {e.lemma for e in load_lexicon() if e.has("two-sided") and " " not in e.lemma}
    stems = {m[:-1] if m.endswith("e") else m for m in lemmas}
    return frozenset(lemmas | {m + x for m in lemmas for x in ("s", "es", "d", "ed")}
                     | {m + "ing" for m in stems})


def two_sided(event: dict) -> bool:
    """Whether the trigger of ``event`` is one of the lexicon's two-sided fights (a clash, a
    scuffle, a brawl), read from the record's trigger text (:func:`_two_sided_words`)."""
    words = ((event.get("trigger") or {}).get("text") or "").lower().split()
    return bool(words) and words[0] in _two_sided_words()


def other_crowd(event: dict, others=()) -> dict | None:
    """ACLED's actor2 of a riot that is a clash between crowds ("a clash took place between two
    groups", "two communities clashed and pelted stones at each other"): the codebook's
    "Rioters (Country)", inferred as :func:`unnamed_side` is (mob violence between two crowds
    has rioters on both sides; train part: of the 19 riots read from a two-sided trigger that
    name no side fought and no state force, 12 code actor2 Rioters, 3 a named militia or
    party, 3 a state force the text names but the rules did not find, 1 civilians; every one
    has an actor2). None where the event is no riot, its trigger no two-sided fight, a state
    force is on either side or someone it fell on is named."""
    kind = _kind(event)
    if not kind or kind[0] != "Riots" or not two_sided(event):
        return None
    sides = (event.get("actor") or []) + (event.get("recipient") or [])
    if any(a.get("sector") in STATE_FORCE_SECTORS for a in sides):
        return None
    if any(a.get("sector") for a in event.get("recipient") or []):
        return None
    return _inferred(*UNNAMED_SIDES["Riots"], event, others)


def acled_sides(event: dict, others) -> tuple[list[dict], list[dict]]:
    """ACLED's actor1 and actor2 of ``event`` (actor dicts): its actors (less a demonstration's
    own state force, :func:`own_forces`), else the side ACLED writes for nobody named
    (:func:`unnamed_side`, marked ``inferred``), and its recipients (civilians where the event
    is violence against civilians or an arrest: :func:`civilian_victims`) followed by that own
    force and the state forces that intervened (:func:`intervening_forces`) and, for a clash
    between crowds, ACLED's unnamed rioters (:func:`other_crowd`), else, for violence against
    civilians, looting, an arrest or a battle that names no one, ACLED's unnamed civilians or
    armed group (:func:`unnamed_target`), added after a battle's or looting's recipients of
    no sector (places, owners of no armed side: :func:`_owners_unnamed`)."""
    forces = own_forces(event)
    one = [a for a in event.get("actor") or [] if not any(a is f for f in forces)]
    if not one and (side := unnamed_side(event, others)):
        one = [side]
    two = civilian_victims(event) + forces + intervening_forces(event, others)
    if crowd := other_crowd(event, others):
        two.append(crowd)
    target = unnamed_target(event, others)
    if target and all(a.get("kind") == "country" for a in two):
        two = [target]  # a country is no one an act fell on (the note's place taken for a side)
    elif target and not any(a.get("sector") for a in two) and (
            target["sector"] == "UAF" or _owners_unnamed(event)):
        two.append(target)  # recipients of no sector are places or owners, no armed side
    return one, two


# Looting or property destruction whose recipients all have no sector names the place or an
# owner of no armed side ("demolished a greenhouse in the Jorat al Shamaa village", "destroyed
# 4 houses belonging to CNL members", "seized a vehicle belonging to a municipal councilor"):
# ACLED writes the owners "Civilians (Country)" (the codebook's looting/property destruction
# falls on civilians unless an armed side's property). Not a seizure by the police: train part,
# of the 13 such notes, 6 code actor2 Civilians, 5 are drugs the police seized (actor2 the gang
# that owned them), 2 explosives found (an unidentified armed group's); leaving the police's
# out, the rule takes 7, the 6 and one explosive found.
def _owners_unnamed(event: dict) -> bool:
    kind = _kind(event)
    return kind == ("Strategic developments", "Looting/property destruction") and not any(
        a.get("sector") == "COP" for a in event.get("actor") or [])


def event_acled_actors(event: dict, record: dict) -> tuple[list[str], list[str]]:
    """:func:`acled_sides` of an event of a record dict, as the ids of the record's actors
    (an inferred side, which no text names, has none)."""
    one, two = event_acled_sides(event, record)
    return [a["id"] for a in one if a.get("id")], [a["id"] for a in two if a.get("id")]


def event_acled_sides(event: dict, record: dict) -> tuple[list[dict], list[dict]]:
    """:func:`acled_sides` of an event of a record dict, as actor dicts (the other events are
    the record's): what the `acled` export writes and the ACLED actors scorer reads."""
    by_id = {a["id"]: a for a in record.get("actors") or []}

    def resolved(ev: dict) -> dict:
        return {**ev, **{f: [by_id[i] for i in ev.get(f) or [] if i in by_id]
                         for f in ("actor", "recipient")}}

    events = record.get("events") or []
    mine = resolved(event)
    others = [resolved(e) for e in events if e is not event]
    return acled_sides(mine, others)


def plover_labels(event_type: str, sub_event_type: str) -> tuple[str, str, bool] | None:
    """(type, mode, civilian recipient) that an ACLED coding stands for; blanks are unsaid.

    None for a sub-event type the table does not list.
    """
    for row in acled_rows():
        if row.direction != "to_acled" and (row.event_type, row.sub_event_type) == (
                event_type, sub_event_type):
            return row.type, row.mode, row.recipient_sector == "CVL"
    return None
