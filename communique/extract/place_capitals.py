"""Capitals named by their country's adjective ("the Chinese capital", "the Afghan
capital") as place mentions of ``places.find_places``, split out of ``places.py``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from communique import kb
from communique.extract.gazetteer import GazetteerEntry, fold_name, index
from communique.extract.syntax import tokens_where

__all__ = ["capital_mentions"]


def capital_mentions(doc: Doc, text: str) -> list[tuple]:
    """"the Chinese capital", "the Afghan capital": the capital city of that country, as
    mentions (start, end, text, [its gazetteer entry], False)."""
    out = []
    for tok in tokens_where(doc, "lower", ("capital",)):
        if tok.i == 0:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
        if nxt is not None and (nxt.pos_ == "PROPN" or (
                nxt.text == "," and after is not None and after.pos_ == "PROPN")):
            continue  # "the capital Juba", "the capital, Tripoli": the name follows
        adj = doc[tok.i - 1]
        iso3 = kb.country_by_adjective(adj.text) if adj.text[:1].isupper() else None
        row = kb.country(iso3) if iso3 else None
        if not row or not row.get("capital"):
            continue
        cands = [e for e in index().get(fold_name(row["capital"]), ()) if e.country == iso3]
        if not cands and row.get("capital_lat") is not None:
            cands = [GazetteerEntry(row["capital"], iso3, row["capital_lat"], row["capital_lon"],
                            "city", 9.0)]
        if cands:
            out.append((adj.idx, tok.idx + len(tok), text[adj.idx:tok.idx + len(tok)],
                        cands[:1], False))
    return out
