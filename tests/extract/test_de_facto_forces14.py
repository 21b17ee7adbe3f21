"""The forces of a de facto authority that holds and governs territory (the Houthis in
Yemen, the Libyan National Army) are its state military, MIL, as ACLED's codebook codes
them (state forces: "Military Forces of Yemen (2016-) Supreme Political Council", "Military
Forces of Libya (2014-) Haftar Faction"); such forces act at home, so a note's place may
come from them as from rebels (issue 12, fourteenth round)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from communique.extract.actors import find_actors
from communique.extract.note_places import actors_country
from communique.extract.places import find_places


@pytest.mark.parametrize("text,mention,country", [
    ("The Houthis fired two missiles at an oil plant in Jizan on Friday.", "The Houthis", "YEM"),
    ("LNA forces shelled a market in southern Tripoli overnight.", "LNA", "LBY"),
    ("Fighters of the Libyan National Army seized the airbase at dawn.",
     "the Libyan National Army", "LBY"),
])
def test_de_facto_authority_forces_are_mil(nlp, text, mention, country):
    doc = nlp(text)
    res = find_actors(doc, find_places(doc))
    by = {m.text: a for a in res.actors for m in a.mentions}
    assert mention in by, sorted(by)
    assert (by[mention].country, by[mention].sector) == (country, "MIL")


def _actor(name, country, sector="MIL"):
    return SimpleNamespace(name=name, country=country, sector=sector, country_source="text")


def test_a_de_facto_force_places_the_note_at_home():
    assert actors_country([_actor("Libyan National Army", "LBY")]) == "LBY"
    assert actors_country([_actor("Houthis", "YEM")]) == "YEM"


def test_a_national_army_still_places_nothing():
    assert actors_country([_actor("Turkish forces", "TUR")]) is None
    assert actors_country([_actor("Turkish forces", "TUR"), _actor("Houthis", "YEM")]) == "YEM"
