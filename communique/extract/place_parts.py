"""Parts of a town, for ``places.find_places``: a place the text calls a neighbourhood
("the Fonseca neighborhood", "in Colonia Independencia") lies in the town the note names,
so a reading of it in another country, or in another first-level unit of the note's
country, is another place of the same name. Split out of ``places.py``.
"""

from __future__ import annotations

import re

from communique.extract.gazetteer import GazetteerEntry
from communique.extract.place_chains import tags
from communique.word_lists import word_list

__all__ = ["neighbourhood", "outside_units"]

_WORDS = word_list("neighbourhood_words")
_AFTER = re.compile(r"\s+(?:" + "|".join(_WORDS) + r")\b", re.IGNORECASE)
_PREFIXES = word_list("neighbourhood_prefixes")


def neighbourhood(text: str, doc_text: str, end: int) -> bool:
    """Is the mention ``text`` (ending at ``end``) called a neighbourhood: by its own last
    word or the word after it ("the Fonseca neighborhood"), or by its first word, the word
    for a neighbourhood that Mexican and Spanish American names carry ("Colonia
    Independencia", "Barrio San Jose")?"""
    words = text.split()
    return words[-1].lower() in _WORDS or (len(words) > 1 and words[0].lower() in _PREFIXES) \
        or bool(_AFTER.match(doc_text[end:end + 16]))


def outside_units(e: GazetteerEntry, units: set[str]) -> bool:
    """Does a reading lie outside every first-level unit of its country that the note names
    (``units``: "a1:MEX:nuevo leon" tags, ``place_chains.tags``), where the note names
    some? "in Monterrey, Nuevo Leon, ... in Colonia Independencia": not the Colonia
    Independencia of Michoacan."""
    own = {t for t in units if t.startswith(f"a1:{e.country}:")}
    return bool(own) and not tags(e) & own
