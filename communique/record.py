"""Records: the typed shapes every stage produces and every sink consumes.

The dict form of a :class:`Record` is output schema version 1
(``docs/schema.md``, JSON Schema in ``communique/data/schema-v1.json``).
Offsets are character offsets into the article text, end exclusive.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "future", "hypothetical", "historical")
DATE_PRECISIONS = ("day", "month", "year", "range", "unknown")


def content_id(text: str) -> str:
    """A stable id for an article that came without one: a hash of its text."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class Article:
    """One input document."""

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "url": self.url,
                "published": self.published, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        return cls(text=d["text"], id=d.get("id"), title=d.get("title"),
                   published=d.get("published"), url=d.get("url"))


@dataclass
class Mention:
    """A span of the article text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Mention":
        return cls(d["start"], d["end"], d["text"])


def _mention_or_none(d: dict[str, Any] | None) -> Mention | None:
    return Mention.from_dict(d) if d else None


@dataclass
class Actor:
    """Someone or something that acts: a person, country, organization or group."""

    id: str
    name: str
    kind: str  # person | country | organization | group
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    # where the country came from: text (the actor's own words), sentence, article, place, none
    country_source: str | None = None

    @property
    def code(self) -> str | None:
        """CAMEO-style actor code: country plus sector (IRNGOV), or the bare country."""
        if not self.country:
            return None
        return self.country + (self.sector or "")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind,
                "country": self.country, "sector": self.sector, "role": self.role,
                "code": self.code, "mentions": [m.to_dict() for m in self.mentions],
                **({"country_source": self.country_source} if self.country_source else {})}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Actor":
        return cls(id=d["id"], name=d["name"], kind=d["kind"], country=d.get("country"),
                   sector=d.get("sector"), role=d.get("role"),
                   mentions=[Mention.from_dict(m) for m in d.get("mentions", [])],
                   country_source=d.get("country_source"))


@dataclass
class Place:
    """A named place with coordinates, as found in the text or governing an event."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None = None  # city | region | country
    mentions: list[Mention] = field(default_factory=list)

    def to_location(self) -> dict[str, Any]:
        """The compact form an event's ``location`` carries."""
        return {"name": self.name, "country": self.country, "lat": self.lat,
                "lon": self.lon, "precision": self.precision}

    def to_dict(self) -> dict[str, Any]:
        d = self.to_location()
        d["mentions"] = [m.to_dict() for m in self.mentions]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Place":
        return cls(name=d["name"], country=d.get("country"), lat=d.get("lat"),
                   lon=d.get("lon"), precision=d.get("precision"),
                   mentions=[Mention.from_dict(m) for m in d.get("mentions", [])])


@dataclass
class Event:
    """One PLOVER event with its CAMEO equivalents and provenance."""

    id: str
    type: str
    trigger: Mention
    sentence: tuple[int, int]
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    plover_score: float | None = None
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    date_precision: str = "unknown"
    location: dict[str, Any] | None = None
    fatalities: int | None = None
    injured: int | None = None
    modality: str = "asserted"
    negated: bool = False
    confidence: float = 0.5
    why: dict[str, Any] | None = None  # only with --explain

    def to_dict(self) -> dict[str, Any]:
        d = self._fields()
        if self.why is not None:
            d["why"] = dict(self.why)
        return d

    def _fields(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "mode": self.mode,
            "contexts": list(self.contexts), "cameo": self.cameo,
            "quad_class": self.quad_class, "goldstein": self.goldstein,
            "plover_score": self.plover_score, "actor": list(self.actor),
            "recipient": list(self.recipient), "date": self.date,
            "date_text": self.date_text, "date_precision": self.date_precision,
            "location": self.location, "fatalities": self.fatalities,
            "injured": self.injured, "modality": self.modality,
            "negated": self.negated, "trigger": self.trigger.to_dict(),
            "sentence": {"start": self.sentence[0], "end": self.sentence[1]},
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        return cls(
            id=d["id"], type=d["type"], mode=d.get("mode"),
            contexts=list(d.get("contexts", [])), cameo=d.get("cameo"),
            quad_class=d.get("quad_class"), goldstein=d.get("goldstein"),
            plover_score=d.get("plover_score"), actor=list(d.get("actor", [])),
            recipient=list(d.get("recipient", [])), date=d.get("date"),
            date_text=d.get("date_text"),
            date_precision=d.get("date_precision", "unknown"),
            location=d.get("location"), fatalities=d.get("fatalities"),
            injured=d.get("injured"), modality=d.get("modality", "asserted"),
            negated=d.get("negated", False), trigger=Mention.from_dict(d["trigger"]),
            sentence=(d["sentence"]["start"], d["sentence"]["end"]),
            confidence=d.get("confidence", 0.5), why=d.get("why"),
        )


@dataclass
class Quote:
    """Who said what: a direct or indirect quote with its speaker."""

    id: str
    kind: str  # direct | indirect
    text: str
    start: int
    end: int
    cue: str | None = None
    speaker: str | None = None  # actor id
    speaker_mention: Mention | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "text": self.text,
                "start": self.start, "end": self.end, "cue": self.cue,
                "speaker": self.speaker,
                "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Quote":
        return cls(id=d["id"], kind=d["kind"], text=d["text"], start=d["start"],
                   end=d["end"], cue=d.get("cue"), speaker=d.get("speaker"),
                   speaker_mention=_mention_or_none(d.get("speaker_mention")))


@dataclass
class Record:
    """Everything communique extracts from one article: schema v1."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.article.id  # type: ignore[return-value]

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "schema": SCHEMA_VERSION, "id": a.id, "title": a.title, "url": a.url,
            "published": a.published, "text": a.text,
            "actors": [x.to_dict() for x in self.actors],
            "events": [x.to_dict() for x in self.events],
            "quotes": [x.to_dict() for x in self.quotes],
            "places": [x.to_dict() for x in self.places],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        if d.get("schema") != SCHEMA_VERSION:
            raise ValueError(f"record {d.get('id')!r} has schema {d.get('schema')!r}; "
                             f"this version of communique reads schema {SCHEMA_VERSION}")
        article = Article(text=d.get("text", ""), id=d["id"], title=d.get("title"),
                          published=d.get("published"), url=d.get("url"))
        return cls(article=article,
                   actors=[Actor.from_dict(x) for x in d.get("actors", [])],
                   events=[Event.from_dict(x) for x in d.get("events", [])],
                   quotes=[Quote.from_dict(x) for x in d.get("quotes", [])],
                   places=[Place.from_dict(x) for x in d.get("places", [])])


def error_record(article_id: str | None, stage: str, message: str) -> dict[str, Any]:
    """The record of an article that could not be coded; the batch goes on."""
    return {"schema": SCHEMA_VERSION, "id": article_id,
            "error": {"stage": stage, "message": message}}


def is_error(d: dict[str, Any]) -> bool:
    return "error" in d
