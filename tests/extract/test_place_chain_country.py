"""A place's country from its own admin chain and its whole name (issue 14, places in
the wrong country): a reading the chain after a mention denies is no country cue for
the note; a name whose parts hyphens join with a linking word is one name."""

from __future__ import annotations

import pytest

from communique.extract.gazetteer import candidates

from .records import location

needs_db = pytest.mark.skipif(not candidates("sindh"), reason="data/gazetteer.sqlite not built")


def _loc(coder, text):
    return location(coder, text, "2021-03-11")


@needs_db
def test_a_reading_its_chain_denies_names_no_country_for_the_note(coder):
    # "Daman" alone is the town of India's Daman and Diu; ", Kandahar" puts this Daman in
    # Afghanistan, so India is no context for reading "Kandahar" (a town of India too)
    loc = _loc(coder, "On 3 March 2021, a roadside bomb killed two farmers in the Loy Karez "
                      "village of Daman district, Kandahar.")
    assert loc["country"] == "AFG"


@needs_db
def test_a_hyphenated_name_with_a_linking_word_is_one_name(coder):
    # "Shar" alone is a town of Kazakhstan; "Shar-i-Shali" is one name, placed by its chain
    from communique.extract.places import find_places

    doc = coder.nlp("On 9 March 2021, troops killed three gunmen at Shar-i-Shali town "
                    "(Pulwama district, J&K) after a search operation.")
    assert {h.country for h in find_places(doc)} == {"IND"}


def test_hyphen_joiners_need_hyphens_without_spaces(nlp):
    from communique.extract.place_spans import hyphen_joiner

    doc = nlp("They met at Shar-i-Shali and at Shar - i - Shali.")
    joined = [t.i for t in doc if hyphen_joiner(doc, t.i)]
    assert joined == [4]


@needs_db
def test_a_country_name_that_can_be_the_readings_own_does_not_deny_it():
    # "Congo" reads as two countries (both aliases) and a Brazilian town; the chain's
    # unit tags see only the town, yet "Kinshasa, Congo" is Kinshasa of DR Congo
    from communique.extract.place_chains import chain_denies

    text = "Students marched in Kinshasa, Congo on Friday."
    kinshasa = next(e for e in candidates("kinshasa") if e.country == "COD")
    assert not chain_denies(kinshasa, text, text.index(","))
    other = "Students marched in Kinshasa, Paraiba on Friday."
    assert chain_denies(kinshasa, other, other.index(","))
# ---------------------------------------------------------------- units with no place

def test_a_district_with_no_place_and_no_seat_is_in_the_gazetteer_at_its_admin1():
    chouf = [e for e in candidates("chouf") if e.seatless]
    if not any(e.seatless for e in candidates("matn")):
        pytest.skip("data/gazetteer.sqlite built before units with no place")
    assert [(e.country, e.kind, e.admin1_name) for e in chouf] == [("LBN", "admin2", "Mont-Liban")]


@needs_db
def test_a_unit_with_no_place_is_read_where_the_article_names_its_country(coder):
    loc = _loc(coder, "On 4 March 2021, Lebanese teachers gathered in Matn to demand "
                      "their unpaid wages.")
    assert (loc["country"], loc["level"], loc["admin1"]) == ("LBN", "admin2", "Mont-Liban")


@needs_db
def test_a_unit_with_no_place_is_read_where_the_text_calls_it_a_district(coder):
    loc = _loc(coder, "On 5 March 2021, shelling wounded two villagers in Nar village "
                      "(Haveli district, AJK).")
    assert (loc["country"], loc["level"]) == ("PAK", "admin2")


@needs_db
def test_a_bare_name_of_a_unit_with_no_place_is_no_place_in_a_text_of_no_country(coder):
    # Jamaica has a district "Exchange", Saint Lucia several called "Village"
    for text in ("On 6 March 2021, a man was shot dead in Exchange.",
                 "On 6 March 2021, gunmen attacked a checkpoint in Matn."):
        loc = _loc(coder, text)
        assert loc is None or loc["country"] not in ("JAM", "LBN"), text


@needs_db
def test_a_chain_places_a_village_by_a_coarser_unit_with_a_point_of_its_own(coder):
    # Matn has no point of its own; Mount Lebanon has: the village stands there
    loc = _loc(coder, "On 7 March 2021, residents blocked the road in Qornet Chehwan "
                      "(Matn, Mount Lebanon) with burning tyres.")
    assert (loc["country"], loc["level"]) == ("LBN", "admin1")
