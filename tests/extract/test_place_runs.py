"""A name the parser cut (issue 14, eleventh round): a run of capitalised words after a
locative preposition that stops where a place entity starts, or inside an entity the
parser mislabelled, is one name with it; and an island is a place ("on the island of X")."""

from __future__ import annotations

import pytest

from communique.extract.gazetteer import candidates

from .records import location

needs_db = pytest.mark.skipif(not candidates("sindh"), reason="data/gazetteer.sqlite not built")


def _loc(coder, text):
    return location(coder, text, "2021-06-10")


@needs_db
def test_a_run_into_a_place_entity_is_one_name(coder):
    # the parser tags "Luesong village" alone: "Paka" by itself is a Malaysian town, the
    # whole village name is none the gazetteer knows and its chain places it in Thailand
    loc = _loc(coder, "On 3 June 2021, police raided a suspected hideout in Paka Luesong "
                      "village, Moo 4 in tambon Bang Khao, Nong Chik district of Pattani, "
                      "Thailand.")
    assert loc["country"] == "THA"


@needs_db
def test_a_run_inside_a_mislabelled_entity_takes_the_whole_name(coder):
    # "Coast of Zwara" (an ORG to the parser): not Tanzania's Coast region; its chain says where
    loc = _loc(coder, "On 9 June 2021, LNA warplanes bombed a GNA operations room in Coast "
                      "of Zwara (An Nuqat al Khams).")
    assert loc["country"] == "LBY"
    assert loc["admin1"] == "An Nuqat al Khams"


@needs_db
def test_a_run_does_not_swallow_a_list_or_a_building(coder):
    loc = _loc(coder, "On 27 May 2021, in the cities of Mandaguari and Perola, Parana, "
                      "federal police forces seized a ton of marijuana.")
    assert loc["country"] == "BRA"
    assert loc["name"] == "Mandaguari"
    loc = _loc(coder, "On 8 June 2021, nurses demonstrated at the University of Medical "
                      "Sciences Teaching Hospital in Akure (Akure South LGA, Ondo).")
    assert loc["country"] == "NGA"
    assert loc["name"] == "Akure"


@needs_db
def test_the_island_of_x_is_a_place(coder):
    loc = _loc(coder, "On 7 June 2021, police forces on the island of Kalymnos seized a "
                      "large cache of weapons.")
    assert loc is not None and loc["country"] == "GRC"


@needs_db
@pytest.mark.parametrize("text, name, admin1", [
    # "Colonia" before a name calls it a neighbourhood (Mexican usage): not the Colonia
    # Independencia of Michoacan, a town of the same name in another state
    ("On 3 June 2021, in Monterrey, Nuevo Leon, armed men shot a taxi driver in Colonia "
     "Independencia.", "Monterrey", "Nuevo Leon"),
    # a neighbourhood named like a town of another state of the note's country
    ("On 2 June 2021, in Sorriso, Mato Grosso, a man was stabbed to death in Sao Domingos "
     "neighborhood.", "Sorriso", "Mato Grosso"),
    ("On 5 June 2021, in Teresina, Piaui, police killed a suspect in Primavera neighborhood.",
     "Teresina", "Piaui"),
])
def test_a_neighbourhood_lies_in_the_notes_first_level_unit(coder, text, name, admin1):
    loc = _loc(coder, text)
    assert (loc["country"], loc["name"], loc["admin1"]) == (
        "MEX" if admin1 == "Nuevo Leon" else "BRA", name, admin1)


@needs_db
def test_neighbourhood_words_and_the_units_a_reading_lies_outside():
    from communique.extract.place_parts import neighbourhood, outside_units
    from communique.extract.place_chains import mention_candidates

    assert neighbourhood("Colonia Centro", "in Colonia Centro.", 17)
    assert neighbourhood("Fonseca", "in the Fonseca neighborhood", 14)
    assert not neighbourhood("Colonia", "in Colonia, Uruguay", 10)
    monterrey = next(c for c in mention_candidates("Monterrey")[1] if c.country == "MEX")
    assert not outside_units(monterrey, {"a1:MEX:nuevo leon"})
    assert outside_units(monterrey, {"a1:MEX:michoacan"})
    assert not outside_units(monterrey, {"a1:BRA:piaui"})  # no unit of its country named


@needs_db
def test_a_mission_names_the_units_it_works_in(coder):
    from communique.extract.note_places import mission_units

    assert mission_units("the OSCE SMM observed 4 explosions") == {"a1:UKR:donetsk",
                                                                    "a1:UKR:luhansk"}
    assert mission_units("UNIFIL reported a violation") == set()
    # a village of that name in Zaporizhia too: the mission's oblasts come first
    loc = _loc(coder, "On 2 June 2021, the OSCE SMM observed a total of 12 explosions "
                      "involving unknown weapons near Mykhaylivka.")
    assert loc["country"] == "UKR" and loc["admin1"] in ("Donetsk", "Luhansk")
    # with no mission named, nothing changes
    loc = _loc(coder, "On 2 June 2021, villagers protested near Mykhaylivka.")
    assert loc["admin1"] == "Zaporizhia"


@needs_db
@pytest.mark.parametrize("text, admin1", [
    # the chain's second-level unit (an LGA of Kaduna), not the Tudun Wada of Kano
    ("On 4 June 2021, traders protested at the main market in Tudun Wada (Kaduna North LGA, "
     "Kaduna) over new levies.", "Kaduna"),
    # Masbate is a province (second-level unit) of Bicol: not the Cawayan of Calabarzon
    ("On 5 June 2021, a farmer was shot dead by suspected NPA militants in Cawayan, Masbate.",
     "Bicol"),
    # a part that reads as a first-level unit names it, not a raion of that name
    ("On 6 June 2021, rebel forces fired mortars at government positions near Pisky, "
     "Donetsk.", "Donetsk"),
])
def test_a_small_town_elsewhere_gives_way_to_its_chains_finest_unit(coder, text, admin1):
    loc = _loc(coder, text)
    assert loc["admin1"] == admin1
    assert loc["level"] != "admin2" or admin1 != "Donetsk"
