"""Small readers of a coded record shared by the actor and recipient tests."""

from __future__ import annotations

from communique.record import Article


def record(coder, text):
    """The record of ``text`` as a dict."""
    return coder.code(Article(text=text, id="t")).to_dict()


def event(rec, etype):
    """The record's first event of type ``etype``; fails, listing the events, if none."""
    evs = [e for e in rec["events"] if e["type"] == etype]
    assert evs, [(e["type"], e["trigger"]["text"]) for e in rec["events"]]
    return evs[0]


def names(rec, ids):
    """(name, country) of the actors with these ids, in order."""
    by = {a["id"]: a for a in rec["actors"]}
    return [(by[i]["name"], by[i]["country"]) for i in ids]


def recipient_countries(rec):
    """Per event, the set of its recipients' countries."""
    by_id = {a["id"]: a for a in rec["actors"]}
    return [{by_id[i]["country"] for i in e.get("recipient", []) if i in by_id} for e in rec["events"]]


def mention_country(rec, text):
    """The country of the actor one of whose mentions covers ``text``, or None."""
    start = rec["text"].index(text)
    for a in rec["actors"]:
        if any(m["start"] <= start < m["end"] for m in a["mentions"]):
            return a["country"]
    return None


def acled_type(coder, text):
    """The ACLED event type of the main event of ``text``'s record (None if it has no event
    or its reading gives no ACLED type)."""
    from communique.acled import event_acled_type
    from communique.evaluate.acled import main_event

    rec = record(coder, text)
    ev = main_event(rec)
    kind = event_acled_type(ev, rec) if ev else None
    return kind and kind[0]


def location(coder, text, published):
    """The location of the main event of ``text`` (the one the ACLED scorer reads), coded as
    published on ``published``; None if it has no event."""
    from communique.evaluate.acled import main_event

    ev = main_event(coder.code(text, published=published).to_dict())
    return ev["location"] if ev else None
