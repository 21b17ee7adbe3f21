"""A body or act led by a country is that country's: "the Saudi-led coalition", "a
Saudi-led strike" (SAU).

The nationality word of "X-led" is no sponsor ("Iran-backed", ``actor_table.SPONSOR_WORDS``)
and the coalition it leads is no body "of no one country" (``actor_table.MANY_COUNTRIES``):
the state that leads it is who acts. tests/data/actor_countries.tsv codes "A Saudi-led strike"
SAU; PLV's train part marks an "X-led" phrase as the source in 2 sentences, both coded by
the leading state (ACLED's train notes name the "Saudi-led coalition" in 39).
"""

from __future__ import annotations

from .. import kb
from .actor_table import ActorTable


def led_by_country(table: ActorTable) -> None:
    """Add the leading country of every "X-led N" as an actor over "(the) X-led"; the noun it
    leads reads through to it (``events.arguments.ids_for`` follows the modifier)."""
    doc = table.doc
    for tok in doc:
        if tok.dep_ not in ("amod", "compound") or tok.head.i <= tok.i or tok.head.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.lower_ == "led":
            if tok.i < 2 or doc[tok.i - 1].text != "-" or doc[tok.i - 1].whitespace_ or doc[tok.i - 2].whitespace_:
                continue
            found = _leader(table, tok.i - 1)
        elif len(tok.text) > 4 and tok.lower_.endswith("-led"):  # "U.S.-led" as one token
            iso3 = _country(table, tok.text[:-4])
            found = (iso3, tok.i) if iso3 else None
        else:
            continue
        if found is None:
            continue
        iso3, start = found
        if start and doc[start - 1].lower_ in ("the", "a", "an"):
            start -= 1
        if not all(table.claimed.get(k) in (None, table.country_protos.get(iso3)) for k in range(start, tok.i + 1)):
            continue
        for k in range(start, tok.i + 1):
            table.claimed.pop(k, None)
        table.add(table.country_actor(iso3), start, tok.i + 1)


def _leader(table: ActorTable, dash: int) -> tuple[str, int] | None:
    """(iso3, first token) of the country word or name just before the hyphen at ``dash``."""
    doc = table.doc
    for start in range(dash - 1, max(dash - 4, -1), -1):
        if start < dash - 1 and doc[start].whitespace_ == "" and doc[start].is_punct:
            break
        iso3 = _country(table, doc[start:dash].text)
        if iso3:
            return iso3, start
    return None


def _country(table: ActorTable, text: str) -> str | None:
    """The country of a nationality word or country name ("Saudi", "U.S."), else None."""
    iso3 = kb.country_by_adjective(text)
    if not iso3:
        entries = [e for e in kb.lookup(text, table.user) if e.kind == "country"]
        iso3 = entries[0].country if entries else None
    return iso3
