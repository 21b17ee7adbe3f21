"""Homonyms placed by the note's own context: its admin chains, the places it is sure of,
names said twice, linking words of a name (issue 14, places in the wrong country)."""

from __future__ import annotations

import pytest

from communique.extract.gazetteer import candidates

from .records import location

needs_db = pytest.mark.skipif(not candidates("sindh"), reason="data/gazetteer.sqlite not built")


def _loc(coder, text):
    return location(coder, text, "2020-05-11")


@needs_db
def test_french_admin_units_answer_to_their_bare_name():
    # GeoNames calls Burkina Faso's provinces "Province de la Tapoa", "Province du Soum":
    # a note says "(Diapaga, Tapoa)"
    for name in ("tapoa", "soum", "oudalan"):
        assert any(e.country == "BFA" and e.kind == "admin2" for e in candidates(name)), name


@needs_db
def test_a_chain_of_french_admin_units_places_a_village_the_gazetteer_lacks(coder):
    # "Zorgomdi" is made up; Tansarga is a department of Tapoa province, Burkina Faso
    loc = _loc(coder, "On 3 May 2020, gunmen raided Zorgomdi (Tansarga, Tapoa) and burned "
                      "its market.")
    assert (loc["country"], loc["admin1"]) == ("BFA", "Est")


@needs_db
def test_each_part_of_a_chain_counts_once(coder):
    # "(Colon)" reads as Panama's Colón province and as Argentina's Partido de Colón, whose
    # admin1 tag comes with it: Panama's Colón is as well qualified and the likelier
    loc = _loc(coder, "On 2 May 2020, in Colon (Colon), dock workers blocked the port road.")
    assert (loc["country"], loc["admin1"]) == ("PAN", "Colon")


@needs_db
def test_a_part_naming_the_admin_unit_outranks_one_naming_the_country(coder):
    # Tenancingo of the State of Mexico, not the larger Tenancingo of Tlaxcala
    loc = _loc(coder, "On 6 May 2020, in Tenancingo, Mexico, vendors protested against the "
                      "closure of the market.")
    assert (loc["country"], loc["admin1"]) == ("MEX", "Mexico")


@needs_db
def test_a_place_its_chain_vouches_for_outweighs_a_clan_named_like_a_town(coder):
    # Ayr is a clan here and a Scottish town in the gazetteer; the village's chain puts the
    # note in Somalia
    loc = _loc(coder, "On 5 May 2020, militiamen from the Ayr sub-clan shot a herder near "
                      "Qalanqal village (Gaalkacyo, Mudug).")
    assert loc["country"] == "SOM"


@needs_db
def test_a_name_said_twice_does_not_vouch_for_itself(coder):
    # Gara is only a Hungarian village in the gazetteer; the note is about northern Iraq
    loc = _loc(coder, "On 1 May 2020, Turkish commandos raided PKK caves in Gara (Gara "
                      "mountain) in Northern Iraq.")
    assert loc["country"] == "IRQ"


@needs_db
def test_a_chain_with_a_generic_word_overrules_a_namesake_abroad(coder):
    # Thor is a village of Austria in the gazetteer; "Thies subdivision" is Senegal's Thies
    loc = _loc(coder, "On 4 May 2020, farmers protested in Thor village, Thies subdivision, "
                      "against a land sale.")
    assert (loc["country"], loc["admin1"]) == ("SEN", "Thies")


@needs_db
def test_the_unit_after_in_picks_the_namesake_of_its_country(coder):
    # Karama: a suburb of Darwin, Australia, and a village of Raqqa, Syria
    loc = _loc(coder, "On 2 May 2020, a roadside bomb hit a patrol near Karama in eastern "
                      "Ar-Raqqa countryside.")
    assert loc["country"] == "SYR"


@needs_db
def test_a_name_with_de_la_is_one_name(coder):
    # "Martinez" alone is a town of Georgia, USA
    loc = _loc(coder, "On 3 May 2020, in Martinez de la Torre, Veracruz, gunmen shot a "
                      "shopkeeper.")
    assert (loc["name"], loc["country"]) == ("Martínez de la Torre", "MEX")


@needs_db
def test_a_part_of_a_sure_places_chain_lies_in_its_country(coder):
    # Carvajal is a town of Trujillo state, Venezuela; Trujillo alone is likelier Peru's city
    loc = _loc(coder, "On 3 May 2020, in Carvajal, Trujillo state, teachers protested over "
                      "unpaid wages.")
    assert loc["country"] == "VEN"
    from communique.extract.places import find_places

    doc = coder.nlp("On 3 May 2020, in Carvajal, Trujillo state, teachers protested.")
    assert {h.country for h in find_places(doc)} == {"VEN"}


@needs_db
def test_a_namesake_abroad_gives_way_to_the_unit_after_in(coder):
    # Rihaniya is a village of Israel in the gazetteer; "in al-Hasakeh" puts it in Syria
    loc = _loc(coder, "On 9 May 2020, rebels looted wheat crops in Rihaniya in al-Hasakeh.")
    assert (loc["country"], loc["admin1"]) == ("SYR", "Al-Hasakah")
