"""Places found through the forms analysts write them in (issue 14, sixth round): names
with or without their apostrophes and ayn marks, subdivision codes in an admin chain,
"residents of X", "in central X", "north of X", a neighbourhood of the note's town."""

from __future__ import annotations

import pytest

from communique.extract import gazetteer
from communique.extract.gazetteer import candidates
from communique.extract.place_chains import mention_candidates, qualifier_parts

from .records import location

needs_db = pytest.mark.skipif(not candidates("sindh"), reason="data/gazetteer.sqlite not built")


def _loc(coder, text):
    return location(coder, text, "2020-05-11")


def test_db_key_drops_apostrophes_and_ayn_marks():
    assert gazetteer.db_key("ad dali'") == "ad dali"
    assert gazetteer.db_key("sana\u02bfa") == "sanaa"
    assert gazetteer.db_key("ta`izz") == "taizz"
    assert gazetteer.db_key("kabul") == "kabul"


@needs_db
def test_a_name_written_without_its_apostrophe_finds_the_admin_unit():
    # GeoNames writes Yemen's governorate "Ad Dali'"; analysts write "Ad Dali"
    assert any(e.country == "YEM" and e.kind == "admin1" for e in candidates("ad dali"))


@needs_db
def test_a_name_written_with_its_apostrophe_is_looked_up_as_written_first():
    # "Dar'a" is Syria's; "Dara" is also a town of Senegal, which "Dar'a" does not name
    assert {e.country for e in candidates("dar'a")} == {"SYR"}
    assert "SEN" in {e.country for e in candidates("dara")}


@needs_db
def test_an_iso_name_with_a_bracketed_note_answers_to_the_name():
    # ISO 3166-2 calls Sanaa's unit "Amanat al 'Asimah [city]"
    assert any(e.country == "YEM" and e.kind == "admin1" for e in candidates("amanat al asimah"))


@needs_db
def test_an_admin_unit_answers_without_its_area_word():
    # GeoNames' "Western Area" of Sierra Leone is ACLED's "Western"
    assert any(e.country == "SLE" and e.kind == "admin1" for e in candidates("western"))


@needs_db
def test_a_state_code_in_brackets_is_the_state(coder):
    # "Dhanpura" is made up: the chain's code is all there is to place it
    loc = _loc(coder, "On 5 May 2020, villagers pelted stones at a police team in Dhanpura "
                      "(UP) over a land dispute.")
    assert (loc["country"], loc["admin1"]) == ("IND", "Uttar Pradesh")


@needs_db
def test_a_state_code_after_a_comma_is_not_read_as_an_indian_state():
    # an American address: "TN" is Tennessee there, and only bracketed codes are read
    text = "Memphis, TN was quiet."
    assert not any("a1:IND:tamil nadu" in part for part in qualifier_parts(text, 7))
    text = "Madurai (TN) was quiet."
    assert any("a1:IND:tamil nadu" in part for part in qualifier_parts(text, 7))


@needs_db
def test_residents_of_a_town_name_it_as_a_place(coder):
    loc = _loc(coder, "On 6 May 2020, residents of Kasoa (Awutu Efutu Senya, Central) blocked "
                      "the highway to demand water.")
    assert (loc["country"], loc["name"]) == ("GHA", "Kasoa")


@needs_db
def test_a_neighbourhood_lies_in_the_notes_town_not_in_a_neighbouring_country(coder):
    # Fonseca is also a town of Colombia, which borders Brazil
    loc = _loc(coder, "On 3 May 2020, in Niteroi, Rio de Janeiro, the Military Police carried "
                      "out an operation in the Fonseca neighborhood. A suspect was shot and "
                      "killed.")
    assert loc["country"] == "BRA"


@needs_db
def test_a_direction_between_the_preposition_and_the_name(coder):
    loc = _loc(coder, "On 4 May 2020, more than 100 teachers protested in central "
                      "Thessaloniki for the withdrawal of the education bill.")
    assert loc is not None and loc["country"] == "GRC"


@needs_db
def test_a_final_h_of_a_transliteration_is_optional():
    # GeoNames: Ar Rutbah (Iraq); notes: "Ar Rutba district"
    assert any(e.country == "IRQ" and not e.variant
               for e in mention_candidates("Ar Rutba district")[1])
    # a name of one word so found is only spelt alike
    assert all(e.variant for e in mention_candidates("Tutah")[1])


@needs_db
def test_the_one_country_every_part_of_a_chain_can_lie_in(coder):
    # San Juan has no namesake in the gazetteer's Venezuela, Merida is also Yucatan's
    # capital, Lagunillas only Venezuela's municipality: the chain is Venezuelan
    loc = _loc(coder, "On 9 May 2020, in San Juan, Lagunillas, Merida state, inmates "
                      "protested to demand food.")
    assert loc["country"] == "VEN"


@needs_db
def test_a_chain_part_read_only_by_another_name_still_names_its_country(coder):
    # "Zuhaira" is made up; "North Sinai" is GeoNames' Shamal Sina' (Egypt), and Rafah is
    # both a Gaza governorate and a town of North Sinai
    loc = _loc(coder, "On 6 May 2020, gunmen abducted a farmer from Zuhaira (Rafah, North "
                      "Sinai).")
    assert loc["country"] == "EGY"


@needs_db
def test_a_chain_part_may_hold_a_slash(coder):
    # GeoNames' admin1 unit "Tunapuna/Piarco" (Trinidad and Tobago); Maracas is also a
    # town of Bahia, Brazil
    loc = _loc(coder, "On 2 May 2020, in Maracas, Tunapuna/Piarco, a man was shot dead.")
    assert loc["country"] == "TTO"


def test_a_name_joined_to_a_place_shares_its_slot(nlp):
    from communique.extract.places import find_places

    # the parser tags "Sidon" as a person here; joined to Tripoli it is a place, and a
    # Lebanese one puts Tripoli in Lebanon
    doc = nlp("In Tripoli and Sidon combined, 23 soldiers were injured and 24 demonstrators "
              "detained.")
    assert [h.country for h in find_places(doc)] == ["LBN", "LBN"]


def test_the_word_after_a_name_picks_the_unit(nlp):
    from communique.extract.places import find_places

    # Merida is the capital of Yucatan (Mexico) and a state of Venezuela
    doc = nlp("On 3 May 2020, nurses protested in Merida state against unpaid wages.")
    assert [(h.country, h.level) for h in find_places(doc)] == [("VEN", "admin1")]
