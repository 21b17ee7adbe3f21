"""Where a note's country comes from when its places say little (issue 14, eighth round):
the unit words that only one country's administration uses ("Barangay", "Upazila",
"tambon", "LGA"), as context for ambiguous names and as the country of a note whose
places the gazetteer lacks; a chain's second-level unit does not vouch for itself."""

from __future__ import annotations

import pytest

from communique.extract.gazetteer import candidates
from communique.extract.note_places import unit_countries, unit_country

from .records import location

needs_db = pytest.mark.skipif(not candidates("sindh"), reason="data/gazetteer.sqlite not built")


def _loc(coder, text):
    return location(coder, text, "2020-05-11")


def test_unit_words_name_their_country():
    assert unit_countries("a raid in Barangay Lumbang and a clash in Kalai Upazila") == [
        "PHL", "BGD"]
    assert unit_countries("gunmen attacked Dogo village (Rafi LGA, Niger)") == ["NGA"]
    assert unit_countries("a clash in tambon Ban Rai, Moo 4") == ["THA"]


def test_unit_words_match_whole_words_and_upper_case_codes_as_written():
    # "lga" in lower case is no Local Government Area; "barangays" is not the word either
    assert unit_countries("the lga said") == []
    assert unit_countries("in several barangays") == []
    assert unit_countries("in the BARANGAY hall") == ["PHL"]


def test_a_note_of_two_countries_units_has_no_unit_country():
    assert unit_country("from Barangay Lumbang to Kalai Upazila") is None
    assert unit_country("in Barangay Lumbang, then Barangay Dita") == "PHL"


@needs_db
def test_a_barangay_the_gazetteer_lacks_is_in_the_philippines(coder):
    # the barangay and the town are made up: the unit word is all there is
    loc = _loc(coder, "On 6 May 2020, a farmer was shot dead by unidentified gunmen in "
                      "Barangay Tulay Bato.")
    assert (loc["country"], loc["precision"], loc["source"]) == ("PHL", "country", "unit")


@needs_db
def test_an_upazila_the_gazetteer_lacks_is_in_bangladesh(coder):
    loc = _loc(coder, "On 2 May 2020, villagers were beaten by police at Kalimpur area of "
                      "Harinagar Upazila.")
    assert (loc["country"], loc["source"]) == ("BGD", "unit")


@needs_db
def test_a_barangays_chain_is_read_in_the_philippines(coder):
    # "Malitbog Sur" is made up; Samar is a Philippine province and a Ukrainian raion: the
    # chain alone read the raion (a second-level unit abroad, which it cannot vouch for)
    loc = _loc(coder, "On 4 May 2020, soldiers and rebels exchanged fire in Barangay Lumbang, "
                      "Malitbog Sur, Samar. No casualties were reported.")
    assert loc["country"] == "PHL"


def test_named_unit_reads_a_unit_inside_another_name():
    from communique.extract.note_places import named_unit

    unit = named_unit("Workers of the Gafsa Phosphate Company blocked roads in Oum Laksab.")
    assert (unit.country, unit.kind) == ("TUN", "admin1")


def test_named_unit_needs_one_country():
    from communique.extract.note_places import named_unit

    # Amhara is Ethiopia's, Sudan a country of its own: the note names two
    assert named_unit("Clashes between Amhara militias and Sudanese forces near the border "
                      "with Sudan.") is None
    assert named_unit("Protesters from Lebanon and Syria gathered.") is None
    assert named_unit("Villagers gathered in Tsrancha.") is None
    # a country and a unit of it: the unit
    assert named_unit("A protest in Kirkuk was held by Kurds of Iraq.").name == "Kirkuk"


@needs_db
def test_a_note_whose_place_the_gazetteer_lacks_takes_the_unit_it_names(coder):
    # "Kafr Ghazal" and "Mine 4/5" are made up; Donetsk stands after a comma no parse tags
    loc = _loc(coder, "On 3 May 2020, unidentified gunmen kidnapped a trader at the Kafr Ghazal "
                      "checkpoint in the area of Mine 4/5, Donetsk.")
    assert (loc["country"], loc["admin1"], loc["source"]) == ("UKR", "Donetsk", "named")


@needs_db
def test_a_unit_in_a_company_name_places_a_note_with_no_other_place(coder):
    loc = _loc(coder, "On 3 May 2020, workers of the Gafsa Phosphate Company blocked roads in "
                      "Oum Laksab to demand jobs.")
    assert (loc["country"], loc["level"], loc["source"]) == ("TUN", "admin1", "named")


@needs_db
def test_a_village_the_chain_puts_in_another_province_is_read_as_that_province(coder):
    # the gazetteer knows a Yasne of Zaporizhia and an Orikhove of Crimea, not those of
    # Donetsk and Luhansk oblasts the chain names: the chain's oblast, not the namesake
    loc = _loc(coder, "On 5 May 2020, rebel forces shelled army positions near Yasne, Donetsk, "
                      "with mortars.")
    assert (loc["admin1"], loc["level"]) == ("Donetsk", "admin1")
    loc = _loc(coder, "On 4 May 2020, soldiers fired grenade launchers at rebel positions in the "
                      "area of Orikhove, Luhansk.")
    assert (loc["admin1"], loc["level"]) == ("Luhansk", "admin1")


@needs_db
def test_a_city_stays_the_city_whatever_province_the_chain_names(coder):
    # a city of some size is the city even where the note's chain names the wrong province
    loc = _loc(coder, "On 6 May 2020, gunmen killed a man in Mariupol, Zaporizhia.")
    assert (loc["name"], loc["level"]) == ("Mariupol", "city")


@needs_db
def test_a_town_named_like_its_state_is_the_town(coder):
    # "in Veracruz, Veracruz": the city, in the state of its name (not the state twice)
    loc = _loc(coder, "On 29 April 2020, in Veracruz, Veracruz, taxi drivers protested "
                      "demanding support.")
    assert (loc["name"], loc["level"], loc["admin1"]) == ("Veracruz", "city", "Veracruz")


@needs_db
def test_a_bracketed_chain_of_the_same_name_keeps_its_country(coder):
    # the comma form only: "(Rafah, North Sinai)" names Egypt's district, not Gaza's town
    loc = _loc(coder, "On 2 May 2020, Egyptian military forces shelled militants west of Rafah "
                      "(Rafah, North Sinai).")
    assert loc["country"] == "EGY"


@needs_db
def test_a_country_with_a_bracketed_chain_is_the_unit_the_chain_names(coder):
    # "in western Yemen (Ad Durayhimi, Al Hudaydah)": the district, not the country
    loc = _loc(coder, "On 30 April 2020, Houthi forces fired rockets at Ad Dahfash village in "
                      "western Yemen (Ad Durayhimi, Al Hudaydah) with no report of fatalities.")
    assert (loc["country"], loc["admin1"], loc["level"]) == ("YEM", "Al Hudaydah", "admin2")


@needs_db
def test_a_province_the_parser_took_for_a_date_is_the_province(coder):
    # the small model tags "Dahuk" here as a DATE; capitalised words with no digit and no
    # month, weekday or feast name may be a place
    loc = _loc(coder, "On 29 April 2020, Turkish jets struck PKK positions in Kani Rash region "
                      "of Dahuk, Northern Iraq.")
    assert (loc["country"], loc["admin1"], loc["level"]) == ("IRQ", "Dahuk", "admin1")


def test_month_weekday_and_feast_names_stay_dates(nlp):
    from communique.extract.places import _named_like_a_place

    doc = nlp("Protests were held in Ramadan, on Easter Sunday and in April in Cairo.")
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    assert dates and not any(_named_like_a_place(e) for e in dates)
