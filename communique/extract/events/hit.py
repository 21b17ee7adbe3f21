"""EventHit: one event found in a document, as the event stage hands it on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class EventHit:
    """One event found in a Doc: what, who, to whom, how sure, and where in the text."""

    type: str
    mode: str | None
    contexts: list[str]
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    plover_score: float | None
    trigger_start: int
    trigger_end: int
    trigger_token: int
    sentence_start: int
    sentence_end: int
    actor_ids: list[str] = field(default_factory=list)
    recipient_ids: list[str] = field(default_factory=list)
    modality: str = "asserted"
    negated: bool = False
    confidence: float = 0.5
    fatalities: int | None = None
    injured: int | None = None
    why: dict | None = None  # with explain: what decided the type and mode
    rules: tuple[str, str | None] | None = None  # (type, mode) the rules alone give

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)
