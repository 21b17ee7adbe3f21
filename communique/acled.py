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

__all__ = ["AcledRow", "acled_rows", "acled_type", "event_acled_type", "plover_labels"]


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


def plover_labels(event_type: str, sub_event_type: str) -> tuple[str, str, bool] | None:
    """(type, mode, civilian recipient) that an ACLED coding stands for; blanks are unsaid.

    None for a sub-event type the table does not list.
    """
    for row in acled_rows():
        if row.direction != "to_acled" and (row.event_type, row.sub_event_type) == (
                event_type, sub_event_type):
            return row.type, row.mode, row.recipient_sector == "CVL"
    return None
