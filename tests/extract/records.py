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
