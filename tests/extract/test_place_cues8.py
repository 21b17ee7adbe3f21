"""Where a note's country comes from when its places say little (issue 14, eighth round):
the unit words that only one country's administration uses ("Barangay", "Upazila",
"tambon", "LGA"), as context for ambiguous names and as the country of a note whose
places the gazetteer lacks; a chain's second-level unit does not vouch for itself."""

from __future__ import annotations

import pytest

from communique.extract.gazetteer import candidates
from communique.extract.note_places import unit_countries, unit_country

needs_db = pytest.mark.skipif(not candidates("sindh"), reason="data/gazetteer.sqlite not built")


def _loc(coder, text):
    from communique.evaluate.acled import main_event

    ev = main_event(coder.code(text, published="2020-05-11").to_dict())
    return ev["location"] if ev else None


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
