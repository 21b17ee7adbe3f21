"""A homonym yields to the one country the note's other places agree on, split out of
``places.py``.

A name several countries share ("Tripoli", "Sinjar") is read by its prior and by the
countries the article names; where every other place the article is sure of (a reading
that needs no context: ``places._unambiguous``, not a modifier such as "the US dollar")
lies in one and the same country, and the name has a reading in that country, that
reading is the place, whatever the namesake's prior: a note on Beirut's and Tripoli's
protests is about Lebanon's Tripoli; "Sinjar west of As-Saan in Hama countryside" is
Hama's Sinjar, not Iraq's. This is the country filter of GeoNames-based geocoders
(one country per short text) applied only where the text's sure places agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from communique.extract.gazetteer import BIG_TOWN_PRIOR, SMALL_TOWN_PRIOR, GazetteerEntry
from communique.extract.place_chains import tags

__all__ = ["agreed_reading"]


_SMALL_TOWN = SMALL_TOWN_PRIOR  # a town of some 30,000 people
_BIG_TOWN = BIG_TOWN_PRIOR  # the prior under which places._far_fetched calls a town weak


def _weighty(e: GazetteerEntry | None) -> bool:
    """A sure reading that can speak for a country: a country, a first-level unit, a town
    of some 30,000 people or more (a hamlet "Badia" of Italy read in a Syrian note does not
    make it about Italy)."""
    return e is not None and (e.precision in ("country", "region") or e.kind == "admin1"
                              or e.prior >= _SMALL_TOWN)


def agreed_reading(i: int, best: GazetteerEntry, cands: Sequence[GazetteerEntry],
                   own: Sequence[GazetteerEntry | None], placed: Sequence[str | None],
                   names: Sequence[str], score: Callable[[GazetteerEntry], float],
                   states: set[str] = frozenset()) -> GazetteerEntry:
    """The reading of mention ``i`` in the one country every other weighty place the note
    is sure of lies in (``own``: each mention's sure reading; ``placed``: its country where
    it may speak for one, not a modifier; a mention of the same name does not count),
    where ``best`` lies elsewhere and the name has a reading there; else ``best``. A name
    whose likeliest reading is far likelier than the rest (``own[i]``) and a big town keeps
    it ("Police in Bogota arrested a California man"). A
    second-level unit stands in only where it lies in an admin unit the note names
    (``states``, tags of ``place_chains.tags``): "Nawa-e Barakzayi district, Helmand" of an
    Afghan note is no Nawa district of Ghazni."""
    if best.precision == "country" or (own[i] is not None and best.prior >= _BIG_TOWN):
        return best  # a reading far likelier than its namesakes and big: "Bogota" stays
    others = {c for j, c in enumerate(placed) if c and j != i and names[j] != names[i]
              and _weighty(own[j])}
    if len(others) != 1 or best.country in others:
        return best
    here = [c for c in cands if c.country in others and c.precision != "country"
            and (c.kind != "admin2" or tags(c) & states)]
    return max(here, key=score) if here else best
