"""The coder: one parse, five stages, one record per article.

``Coder.code_dicts`` is the per-batch function that the CLI, the process
pool and the Dask runner all call; it never raises for a bad article.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from typing import Any

from . import kb
from .extract import actors as _actors
from .extract import dates as _dates
from .extract.date_forms import in_opening_sentence, opening_date, without_glosses
from .extract.date_resolve import load_dateparser
from .extract.fatalities import note_deaths, note_share, note_toll
from .extract.note_places import (actors_country, mission_country, named_unit, place_unplaced,
                                  unit_country)
from .extract.syntax import doc_text, keep_text
from .extract import events as _events
from .extract import places as _places
from .extract import quotes as _quotes
from .io import MAX_CHARS, PARSE_LIMIT, InputError, article_from_dict, check_text, normalize_published
from .lexicon import cameo_info, load_lexicon, plover_score
from .nlp import MODEL, load_nlp
from .record import Article, Event, Mention, Place, Quote, Record, error_record


# Types whose future-modality events are statements of intent ("will work to settle"):
# dated when said. A future visit or attack has no date until it happens.
STATEMENT_TYPES = {"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "SUPPORT", "CONCEDE"}
BATCH_CHARS = 40_000  # characters per nlp.pipe batch, whatever the article count


class StageError(Exception):
    """A stage failed on one article; becomes an error record."""

    def __init__(self, stage: str, message: str):
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message


def _stage(name: str, fn, *args):
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - any failure of a stage becomes an error record
        raise StageError(name, f"{type(exc).__name__}: {exc}") from exc


class Coder:
    """Codes articles into records. Loads the spaCy model once.

    Args:
        lexicon: a user YAML/TSV file whose trigger entries add to or override
            the shipped event lexicon.
        actors: a user YAML file of actors (name, aliases, country, sector, kind).
        batch_size: articles per ``nlp.pipe`` batch.
        max_chars: the longest article coded, at most ``io.PARSE_LIMIT`` (the parser's).
        event_model: model mode: let the trained event model decide event types and modes
            (``True`` for the shipped one, or the folder of another), and the shipped role
            tagger the actor and recipient of each sentence's main event; the rules
            decide alone when it is off.
        explain: give each event a ``why`` (trigger, lexicon entry, model probability).
    """

    def __init__(self, lexicon: str | None = None, actors: str | None = None,
                 model: str = MODEL, batch_size: int = 16, max_chars: int = MAX_CHARS,
                 event_model: bool | str = False, explain: bool = False):
        if not 0 < max_chars <= PARSE_LIMIT:
            raise ValueError(f"max_chars={max_chars:,}: the parser takes 1 to "
                             f"{PARSE_LIMIT:,} characters; split longer articles")
        self.nlp = load_nlp(model)
        load_dateparser()  # its one-off start-up cost here, not on the first article
        self.lexicon = load_lexicon(lexicon)
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.event_model = None
        if event_model:
            from .models.event_model import load_event_model

            self.event_model = load_event_model(None if event_model is True else event_model)
        # model mode also lets the role tagger decide who acts on whom (extract/roles.py)
        self.role_tagger = None
        if event_model:
            from .models.role_tagger import load_role_tagger

            self.role_tagger = load_role_tagger()
        self.explain = explain
        # The user actors travel with this Coder: another Coder in the process has its own.
        self.user_actors = kb.UserActors.load(actors) if actors else None

    # -- one article ------------------------------------------------------------
    def code(self, article: Article | str, published: str | None = None) -> Record:
        """Code one article. Raises ``StageError`` or ``InputError`` on failure."""
        if isinstance(article, str):
            article = Article(text=article, published=normalize_published(published))
        check_text(article.text, f"article {article.id}", self.max_chars)
        doc = _stage("parse", self.nlp, article.text)
        return self.annotate(article, doc)

    def annotate(self, article: Article, doc) -> Record:
        """Run the five stages on a parsed document."""
        published = article.published
        keep_text(doc, article.text)  # the doc was parsed from it: no stage rebuilds it
        place_hits = _stage("places", _places.find_places, doc)
        actor_result = _stage("actors", _actors.find_actors, doc, place_hits, self.user_actors)
        quote_hits = _stage("quotes", _quotes.find_quotes, doc, article.text)
        date_hits = _stage("dates", _dates.find_dates, doc, published)
        event_hits = _stage("events", _events.find_events, doc, actor_result, self.lexicon,
                            self.event_model, self.explain, None, self.role_tagger)
        try:
            return Record(
                article=article,
                actors=actor_result.actors,
                events=self._events(doc, event_hits, date_hits, place_hits, published, actor_result),
                quotes=self._quotes(doc, quote_hits, actor_result),
                places=self._places(place_hits),
            )
        except Exception as exc:  # noqa: BLE001 - assembly failure of this article only
            raise StageError("record", f"{type(exc).__name__}: {exc}") from exc

    # -- many articles ------------------------------------------------------------
    def code_dicts(self, articles: Iterable[Article | dict[str, Any]],
                   batch_size: int | None = None) -> Iterator[dict[str, Any]]:
        """Records (or error records) as dicts, in input order, streamed."""
        size = batch_size or self.batch_size
        batch: list[Article] = []
        chars = 0
        for item in articles:
            if isinstance(item, dict):
                if "error" in item:
                    yield from self._flush(batch)
                    batch, chars = [], 0
                    yield item
                    continue
                try:
                    item = article_from_dict(item, f"article {item.get('id')}", self.max_chars)
                except InputError as exc:
                    yield from self._flush(batch)
                    batch, chars = [], 0
                    yield error_record(item.get("id"), "read", str(exc))
                    continue
            batch.append(item)
            chars += len(item.text)
            # Parse memory grows with the characters in a batch (about 4.6 MB per 1,000):
            # long articles go in smaller batches.
            if len(batch) >= size or chars >= BATCH_CHARS:
                yield from self._flush(batch)
                batch, chars = [], 0
        yield from self._flush(batch)

    def _flush(self, batch: list[Article]) -> Iterator[dict[str, Any]]:
        if not batch:
            return
        try:
            docs = list(self.nlp.pipe((a.text for a in batch), batch_size=len(batch)))
        except Exception:  # noqa: BLE001 - find the article that broke the batch
            docs = None
        if docs is None:
            for a in batch:
                try:
                    yield self.code(a).to_dict()
                except (StageError, InputError) as exc:
                    yield error_record(a.id, getattr(exc, "stage", "read"), getattr(exc, "message", str(exc)))
            return
        for a, doc in zip(batch, docs):
            try:
                yield self.annotate(a, doc).to_dict()
            except StageError as exc:
                yield error_record(a.id, exc.stage, exc.message)

    # -- assembly -------------------------------------------------------------------
    def _events(self, doc, hits, date_hits, place_hits, published, actors) -> list[Event]:
        events = []
        text = doc_text(doc)
        # a note that opens with its date ("On 27 April 2020, ...") dates its undated events;
        # else the recent day a report names is its occasion
        opening = opening_date(date_hits, text)
        date_hits = without_glosses(date_hits, text, opening)
        peg = opening or _news_peg(date_hits, published)
        note_country = None  # the country of a note's actors, once needed (False: none)
        for n, h in enumerate(hits, 1):
            goldstein, quad = h.goldstein, h.quad_class
            if h.cameo and (goldstein is None or quad is None):
                _, goldstein, quad = cameo_info(h.cameo)
            date, date_text, precision = _dates.date_for(doc, h.trigger_token, date_hits, published)
            said = h.type in STATEMENT_TYPES  # a stated intent is dated when stated
            if precision == "unknown" and peg is not None and (
                    h.modality == "asserted" or (h.modality == "future" and said)
                    or peg is opening):
                # A report's undated statements belong to the occasion it is about:
                # the recent day it names ("on Sunday evening"), not the day of printing;
                # a note's undated events, whatever their mood, the day it opens with.
                date, date_text, precision = peg.date, peg.text, peg.precision
            elif precision not in ("day", "unknown") and opening is not None \
                    and in_opening_sentence(doc, opening, h.trigger_token):
                # "On 27 April 2020, vaccinators protested over salaries withheld for the
                # past five months", "Around 8 May 2020 (from 7 - 8 May), ...": the opening
                # date is the day of its sentence; a vaguer date in it dates something else
                # or glosses the opening one
                date, date_text, precision = opening.date, opening.text, opening.precision
            place = _places.location_for(doc, h.trigger_token, place_hits,
                                         note=opening is not None)
            if place is None and opening is not None and note_country is not False:
                if note_country is None:
                    note_country = _note_country(text, actors.actors) or False
                place = note_country or None
            recipient = list(h.recipient_ids)
            if not recipient and h.type == "CONSULT" and h.mode == "visit" and place is not None:
                # "a visit to Baku": the host is the country visited.
                host = actors.country_actor(place.country)
                if host and host not in h.actor_ids:
                    recipient = [host]
            if opening is not None:  # a note: its unplaced actors are of its event's country
                place_unplaced(actors.actors, list(h.actor_ids) + recipient, place)
            score = h.plover_score if h.plover_score is not None else plover_score(h.type, h.mode)
            events.append(Event(
                id=f"E{n}", type=h.type, mode=h.mode or None, contexts=list(h.contexts or []),
                cameo=h.cameo, quad_class=quad, goldstein=goldstein, plover_score=score,
                actor=list(h.actor_ids), recipient=recipient,
                date=date, date_text=date_text, date_precision=precision,
                location=_location(place), fatalities=h.fatalities, injured=h.injured,
                modality=h.modality, negated=h.negated,
                trigger=Mention(h.trigger_start, h.trigger_end, text[h.trigger_start:h.trigger_end]),
                sentence=(h.sentence_start, h.sentence_end), confidence=h.confidence,
                why=h.why,
            ))
        # the count a report codes for itself ("Fatalities coded as 4") is its main
        # event's: the first asserted one not denied; else, in a note of one paragraph,
        # the deaths its sentences tell of
        main = next((e for e in events if e.modality == "asserted" and not e.negated),
                    events[0] if events else None)
        if main is not None:
            toll = note_toll(text)
            if toll is None:
                toll = note_deaths(doc)
                if toll is None or main.fatalities is not None and toll < main.fatalities:
                    toll = main.fatalities
                if toll is not None:  # "48 fighters were killed. Fatalities split between 2 events."
                    toll = note_share(toll, text)
            if toll is not None:
                main.fatalities = toll
        return events

    def _quotes(self, doc, hits, actor_result) -> list[Quote]:
        quotes = []
        text = doc_text(doc)
        for n, h in enumerate(hits, 1):
            start = h.start
            if h.kind == "indirect" and text[start:start + 5].lower() == "that ":
                start += 5  # the complementizer introduces what was said; it is not part of it
            speaker, speaker_mention = None, None
            if h.speaker_start is not None:
                speaker = actor_result.actor_at(h.speaker_start, h.speaker_end)
                speaker_mention = Mention(h.speaker_start, h.speaker_end,
                                          text[h.speaker_start:h.speaker_end])
            quotes.append(Quote(id=f"Q{n}", kind=h.kind, text=text[start:h.end],
                                start=start, end=h.end, cue=h.cue, speaker=speaker,
                                speaker_mention=speaker_mention))
        return quotes

    def _places(self, hits) -> list[Place]:
        places: dict[tuple, Place] = {}
        for h in hits:
            key = (h.name, h.country)
            if key not in places:
                places[key] = Place(name=h.name, country=h.country, lat=h.lat, lon=h.lon,
                                    precision=h.precision)
            places[key].mentions.append(Mention(h.start, h.end, h.text))
        return list(places.values())


def _news_peg(date_hits, published: str | None, days: int = 7):
    """The first day-precise date in the week before publication: the report's occasion."""
    if not published:
        return None
    pub = dt.date.fromisoformat(published[:10])
    for h in date_hits:
        if h.kind == "date" and h.precision == "day" and h.date:
            d = dt.date.fromisoformat(h.date)
            if pub - dt.timedelta(days=days) <= d <= pub:
                return h
    return None


def _note_country(text: str, actors) -> Any:
    """Where a note that names no place the gazetteer knows is: the country its own actors
    name, else the host country of the field mission it names ("the OSCE SMM observed
    ...": ``actors``); else the country whose administration alone has a unit it names
    ("Lohajang Upazila", "Barangay Kapitan Pepe": ``unit``); else the first-level unit,
    or the country, that every unit and country name it holds anywhere is of ("members of
    the Sinaloa Cartel": Sinaloa; ``named``). None when nothing says."""
    found = actors_country(actors) or mission_country(text)
    if found:
        return _places.country_place(found, "actors")
    if found := unit_country(text):
        return _places.country_place(found, "unit")
    found = named_unit(text)
    if isinstance(found, str):
        return _places.country_place(found, "named")
    return _places.entry_place(found, "named") if found is not None else None


def _location(place) -> dict[str, Any] | None:
    if place is None:
        return None
    return place.to_location()


@functools.cache
def default_coder() -> Coder:
    """The process-wide coder: one model load per process (workers, Dask)."""
    return Coder()


def code(text: str, published: str | None = None, **article) -> Record:
    """Code one text: ``communique.code("Iran condemned ...", published="2022-10-03")``."""
    return default_coder().code(Article(text=text, published=normalize_published(published),
                                        **article))


def code_batch(articles: Iterable[dict[str, Any] | Article]) -> Iterator[dict[str, Any]]:
    """The per-batch function: article dicts in, record (or error) dicts out."""
    return default_coder().code_dicts(articles)
