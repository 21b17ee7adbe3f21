"""Place names the parser cuts or labels as something else: a name run on over the words
after it while the longer name is a known place ("Port of Spain"), and a name before a
word that says what kind of place it is ("Hadramawt governorate", "Diwaniya city")."""

from __future__ import annotations

import pytest

from communique.extract.places import find_places, location_for


def _location(nlp, text, trigger):
    doc = nlp(text)
    hits = find_places(doc)
    tok = next(t.i for t in doc if t.text == trigger)
    return location_for(doc, tok, hits, note=True)


@pytest.mark.parametrize("text,trigger,country,name_part", [
    # the parser cuts these names into pieces that are places elsewhere (Spain, Toba in
    # Japan, the Tarn in France)
    ("On 3 June 2021, in Port of Spain city, a shopkeeper was robbed and shot.", "shot", "TTO",
     "Port of Spain"),
    ("On 3 June 2021, farmers rallied in Toba Tek Singh city against canal closures.",
     "rallied", "PAK", "Toba Tek Singh"),
    ("On 3 June 2021, nurses went on strike in Tarn Taran city over unpaid wages.", "strike",
     "IND", "Tarn Taran"),
    ("On 3 June 2021, bakers protested in Kut e Abdollah against flour prices.", "protested",
     "IRN", "Abdoll"),
    ("On 3 June 2021, herders rallied in Kohgiluyeh and Boyer-Ahmad province against "
     "grazing bans.", "rallied", "IRN", "Kohgiluyeh"),
    # a name the parser gives another label, before "city", "governorate", "state"
    ("On 3 June 2021, a crowd of students rallied in Diwaniya city against power cuts.",
     "rallied", "IRQ", "Diwaniyah"),
    ("On 3 June 2021, traders gathered in Nassriya city to demand lower rents.", "gathered",
     "IRQ", "Nasiriyah"),
    ("On 3 June 2021, the governor of Hadramawt governorate closed the markets.", "closed",
     "YEM", "Hadramawt"),
])
def test_names_the_parser_cuts(nlp, text, trigger, country, name_part):
    loc = _location(nlp, text, trigger)
    assert loc is not None
    assert loc.country == country and name_part in loc.name


def test_a_city_word_does_not_override_a_known_name(nlp):
    # "San Juan City" is an alternate name in the Philippines; "San Juan" alone is Puerto
    # Rico's capital, and the word "city" must not move it
    loc = _location(nlp, "On 3 June 2021, in San Juan city, a taxi driver was shot.", "shot")
    assert loc is not None and loc.country == "PRI"


def test_no_run_on_into_a_hamlet_of_the_same_name(nlp):
    # "Colonia ..." is a neighbourhood of the city named first, not the village of that
    # name elsewhere in the country
    loc = _location(nlp, "On 3 June 2021, in Tijuana, Baja California, a man was found dead in "
                         "Colonia Buena Vista.", "dead")
    assert loc is not None and loc.name == "Tijuana"


def test_a_village_spelt_like_a_town_abroad_stays_with_its_chain(nlp):
    # "village" does not vouch for a spelling alike abroad (Paredon, Mexico)
    loc = _location(nlp, "On 3 June 2021, police and rebels exchanged fire near Pardhoni "
                         "village (Rajnandgaon, Chhattisgarh).", "exchanged")
    assert loc is None or loc.country == "IND"


# ---------------------------------------------------------------- context

def test_a_chain_after_an_admin2_unit_ends_in_an_admin1_unit(nlp):
    # ACLED's "(District, Region)": Niger after an LGA is Nigeria's Niger state
    for text, trigger in [
            ("On 3 June 2021, bandits raided Bakin Dutsenwa (Mariga LGA, Niger) and stole "
             "cattle.", "raided"),
            ("On 3 June 2021, vigilantes clashed with bandits in Mariga LGA (Niger).", "clashed")]:
        loc = _location(nlp, text, trigger)
        assert loc is not None and loc.country == "NGA", text
        assert loc.admin1 == "Niger"


def test_a_mission_does_not_let_in_a_town_of_the_neighbour(nlp):
    # the OSCE SMM works in Ukraine: a village the gazetteer knows only in Russia is not
    # where it observed
    # (the pipeline then places the note in the mission's host: note_places.mission_country)
    # (not "Krasnyy Oktyabr": read without its apostrophe, GeoNames' "Krasnyy Oktyabr'" has
    # a namesake in Donetsk oblast)
    doc = nlp("On 3 June 2021, the OSCE SMM observed 7 explosions near Novaya Derevnya.")
    assert [h.country for h in find_places(doc)] == []
    doc = nlp("On 3 June 2021, Russian police dispersed a rally near Novaya Derevnya.")
    assert [h.country for h in find_places(doc)] == ["RUS"]


def test_an_admin1_unit_a_named_town_lies_in(nlp):
    # Al Hazm is a town of Yemen's Al Jawf: the Al Jawf of the note is Yemen's, though the
    # Saudi-led coalition names Saudi Arabia (which has an Al Jawf region too)
    doc = nlp("On 3 June 2021, Saudi-led jets struck a depot near Al Hazm. The strikes hit "
              "several villages across Al Jawf.")
    hit = next(h for h in find_places(doc) if h.text == "Al Jawf")
    assert hit.country == "YEM"


def test_a_chain_part_may_hold_de(nlp):
    # "Norte de Santander" is one part: Ocana of Colombia, not of Spain or Peru
    loc = _location(nlp, "On 3 June 2021, in Ocana, Norte de Santander department, truckers "
                         "blocked a road.", "blocked")
    assert loc is not None and loc.country == "COL" and loc.admin1 == "Norte de Santander"


def test_a_city_that_is_its_own_admin1_unit_qualifies_a_borough(nlp):
    # "Ciudad de Mexico" also reads as the State of Mexico; the borough is Mexico City's
    # (a guard: the chain part read whole, "de" and all, must not move it)
    loc = _location(nlp, "On 3 June 2021, in Cuauhtemoc, Ciudad de Mexico, street vendors "
                         "protested against fines.", "protested")
    assert loc is not None and loc.admin1 == "Mexico City"
