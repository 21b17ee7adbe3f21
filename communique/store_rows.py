"""A schema-v1 record as the event store's table rows: checked, nothing written.

``prepare(record)`` is the pure half of ``Store.add``; it raises ``BadRecord`` (which
the store turns into an error record with stage ``store``) for a record it cannot take.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from .record import SCHEMA_VERSION, content_id


class BadRecord(ValueError):
    """A record the store cannot take; it becomes an ingest error with stage ``store``."""


def now() -> str:
    """The time now, UTC, ISO 8601 to the second."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def source_of(url: str | None) -> str | None:
    """The publisher of an article as GDELT counts sources: the URL's host, sans www."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else (host or None)


def content_hash(record: dict[str, Any]) -> str:
    """What makes two articles the same: the hash of the text (of the record less its id
    when it has no text)."""
    text = record.get("text")
    if text:
        data = text
    else:
        # No text to hash: the record's content itself, less its id, stands for it.
        data = json.dumps({k: v for k, v in record.items() if k != "id"},
                          sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(data.encode("utf-8", "surrogatepass")).hexdigest()


def codes_key(actor_ids: Sequence[str], codes: dict[str, str]) -> str:
    """The sorted, deduplicated actor codes of one side of an event, joined by "+"."""
    return "+".join(sorted({codes.get(a, "") for a in actor_ids}))


def to_json(value: Any) -> str:
    """JSON as the store keeps it (UTF-8, not ASCII-escaped)."""
    return json.dumps(value, ensure_ascii=False)


def prepare(r: dict[str, Any]) -> dict[str, Any]:
    """Check a record and turn it into table rows, writing nothing."""
    if r.get("schema") != SCHEMA_VERSION:
        raise BadRecord(f"record has schema {r.get('schema')!r}; the store reads "
                         f"schema {SCHEMA_VERSION} (re-code it with this communique)")
    text = r.get("text")
    if not isinstance(text, str) or not text.strip():
        # Without text every such record would share one content id: refuse it.
        raise BadRecord("record has no `text`: a stored article needs the text its "
                         "offsets point into")
    rid = r.get("id")
    if rid is not None and not (isinstance(rid, str) and rid):
        raise BadRecord(f"record id must be a non-empty string, not {rid!r:.60}")
    out: dict[str, Any] = {
        "id": rid or content_id(text), "hash": content_hash(r),
        "article": [r.get("title"), r.get("url"), source_of(r.get("url")),
                    r.get("published"), text],
        "title": r.get("title") or "", "text": text}
    actors, codes = [], {}
    for a in r.get("actors", []):
        code = a.get("code")
        if code is None and a.get("country"):
            code = a["country"] + (a.get("sector") or "")
        if a["id"] in codes:
            raise BadRecord(f"actor id {a['id']!r} appears twice in the record")
        codes[a["id"]] = code or ""
        actors.append([a["id"], a["name"], a.get("kind"), a.get("country"),
                       a.get("sector"), a.get("role"), code,
                       to_json(a.get("mentions", []))])
    events, links, seen = [], [], set()
    for e in r.get("events", []):
        if e["id"] in seen:
            raise BadRecord(f"event id {e['id']!r} appears twice in the record")
        seen.add(e["id"])
        for role in ("actor", "recipient"):
            for aid in e.get(role, []):
                if aid not in codes:
                    raise BadRecord(f"event {e['id']} names {role} {aid!r}, which is "
                                     f"not in the record's actors")
        loc = e.get("location") or None
        negated = bool(e.get("negated", False))
        actor_codes = codes_key(e.get("actor", []), codes)
        recipient_codes = codes_key(e.get("recipient", []), codes)
        loc_country = (loc or {}).get("country")
        key = "\x1f".join([e["type"], actor_codes, recipient_codes, e.get("date") or "",
                           loc_country or "", "1" if negated else "0"])
        trigger, sentence = e["trigger"], e["sentence"]
        events.append({
            "key": key,
            "cluster": [key, e["type"], actor_codes, recipient_codes, e.get("date"),
                        loc_country, int(negated)],
            "row": [e["id"], e["type"], e.get("mode"), to_json(list(e.get("contexts", []))),
                    e.get("cameo"), e.get("quad_class"), e.get("goldstein"),
                    e.get("plover_score"), e.get("date"), e.get("date_text"),
                    e.get("date_precision", "unknown"), to_json(loc) if loc else None,
                    (loc or {}).get("name"), loc_country, e.get("fatalities"),
                    e.get("injured"), e.get("modality", "asserted"), int(negated),
                    trigger["start"], trigger["end"], trigger["text"], sentence["start"],
                    sentence["end"], e.get("confidence")]})
        links.extend((e["id"], role, i, aid) for role in ("actor", "recipient")
                     for i, aid in enumerate(e.get(role, [])))
    out["actors"], out["events"], out["links"] = actors, events, links
    out["quotes"] = [
        [q["id"], q.get("kind"), q.get("text"), q.get("start"), q.get("end"), q.get("cue"),
         q.get("speaker"), to_json(q["speaker_mention"]) if q.get("speaker_mention") else None]
        for q in r.get("quotes", [])]
    out["places"] = [
        [i, p.get("name"), p.get("country"), p.get("lat"), p.get("lon"), p.get("precision"),
         to_json(p.get("mentions", []))] for i, p in enumerate(r.get("places", []))]
    return out


def _event_fields(r: sqlite3.Row, parts: dict[str, list]) -> dict[str, Any]:
    """The schema-v1 fields of an events row, from type to confidence."""
    return {
        "type": r["type"], "mode": r["mode"], "contexts": json.loads(r["contexts"]),
        "cameo": r["cameo"], "quad_class": r["quad_class"], "goldstein": r["goldstein"],
        "plover_score": r["plover_score"],
        "actor": parts["actor"], "recipient": parts["recipient"],
        "date": r["date"], "date_text": r["date_text"],
        "date_precision": r["date_precision"],
        "location": json.loads(r["location"]) if r["location"] else None,
        "fatalities": r["fatalities"], "injured": r["injured"],
        "modality": r["modality"], "negated": bool(r["negated"]),
        "trigger": {"start": r["trigger_start"], "end": r["trigger_end"],
                    "text": r["trigger_text"]},
        "sentence": {"start": r["sentence_start"], "end": r["sentence_end"]},
        "confidence": r["confidence"],
    }


def event_dict(r: sqlite3.Row, parts: dict[str, list[dict]]) -> dict[str, Any]:
    """An event dict from an events row joined with its article, and its actor dicts by role."""
    return {
        "id": r["pk"], "event_id": r["local_id"], "article_id": r["article_id"],
        "cluster_id": r["cluster_pk"],
        **_event_fields(r, parts),
        "title": r["title"], "url": r["url"], "published": r["published"],
        "source": r["source"],
    }


def read_record(db: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """The schema-v1 record of a stored article, rebuilt from the tables (the inverse
    of :func:`prepare`); None when no article has this id."""
    a = db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if a is None:
        return None
    apk = a["pk"]
    actors = [
        {"id": r["local_id"], "name": r["name"], "kind": r["kind"],
         "country": r["country"], "sector": r["sector"], "role": r["role"],
         "code": r["code"], "mentions": json.loads(r["mentions"])}
        for r in db.execute("SELECT * FROM actors WHERE article_pk = ? ORDER BY pk",
                            (apk,))]
    parts: dict[int, dict[str, list[str]]] = {}
    for r in db.execute(
            "SELECT ea.event_pk, ea.role, ac.local_id FROM event_actors ea "
            "JOIN actors ac ON ac.pk = ea.actor_pk WHERE ac.article_pk = ? "
            "ORDER BY ea.event_pk, ea.role, ea.position", (apk,)):
        parts.setdefault(r["event_pk"], {"actor": [], "recipient": []})[
            r["role"]].append(r["local_id"])
    events = []
    for r in db.execute("SELECT * FROM events WHERE article_pk = ? ORDER BY pk", (apk,)):
        p = parts.get(r["pk"], {"actor": [], "recipient": []})
        events.append({"id": r["local_id"], **_event_fields(r, p)})
    quotes = [
        {"id": r["local_id"], "kind": r["kind"], "text": r["text"],
         "start": r["start"], "end": r["end"], "cue": r["cue"],
         "speaker": r["speaker"],
         "speaker_mention": json.loads(r["speaker_mention"])
         if r["speaker_mention"] else None}
        for r in db.execute("SELECT * FROM quotes WHERE article_pk = ? ORDER BY pk",
                            (apk,))]
    places = [
        {"name": r["name"], "country": r["country"], "lat": r["lat"], "lon": r["lon"],
         "precision": r["precision"], "mentions": json.loads(r["mentions"])}
        for r in db.execute("SELECT * FROM places WHERE article_pk = ? "
                            "ORDER BY position", (apk,))]
    return {"schema": SCHEMA_VERSION, "id": a["id"], "title": a["title"],
            "url": a["url"], "published": a["published"], "text": a["text"],
            "actors": actors, "events": events, "quotes": quotes, "places": places}
