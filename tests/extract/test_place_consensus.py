"""A name several countries share yields to the one country the note's other sure places
lie in (communique/extract/place_consensus.py; issue 12: a place in the wrong country
costs the actors placed by it)."""

from __future__ import annotations

import pytest

from communique.extract.gazetteer import candidates

from .records import location

needs_db = pytest.mark.skipif(not candidates("sindh"), reason="data/gazetteer.sqlite not built")


def _places(coder, text):
    from communique.record import Article

    rec = coder.code(Article(text=text, id="t", published="2021-03-09")).to_dict()
    return [(p["name"], p["country"]) for p in rec["places"]]


@needs_db
def test_a_village_name_of_several_countries_takes_the_notes_country(coder):
    # Guatemala's El Palmar is the likelier reading alone; Mexico has one too, and
    # Guanajuato, sure and Mexican, says which
    places = _places(coder, "On 8 March 2021, farmers protested in El Palmar and in "
                            "Guanajuato against water cuts.")
    assert ("El Palmar", "MEX") in places, places


@needs_db
def test_a_town_near_a_named_town_lies_in_its_country(coder):
    # "La Libertad" is a town of Peru, Ecuador, Mexico ...: Juchitan and Oaxaca are Mexican
    places = _places(coder, "On 8 March 2021, gunmen shot a shopkeeper in La Libertad, a "
                            "village near Juchitan, Oaxaca.")
    assert ("La Libertad", "MEX") in places, places


@needs_db
def test_a_small_namesake_yields_to_the_province_the_note_names(coder):
    # Iraq's Sinjar is the big one; Syria has a small Sinjar, and Hama is Syrian
    places = _places(coder, "On 8 March 2021, a shell hit a house in Sinjar village, east of "
                            "Hama, wounding two farmers.")
    assert ("Sinjār", "SYR") in places, places
    assert all(c != "IRQ" for _, c in places), places


@needs_db
def test_a_note_on_libya_keeps_libyas_tripoli(coder):
    # control: the other place agrees with the likelier reading
    loc = location(coder, "On 8 March 2021, shopkeepers protested in Tripoli and in Misrata "
                          "against the cost of bread.", "2021-03-09")
    assert loc is not None and loc["country"] == "LBY", loc
