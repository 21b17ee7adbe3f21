"""Actor recognition and resolution: each form, and the traps."""

from __future__ import annotations

import pytest

from communique.extract.actors import find_actors
from communique.extract.places import find_places


def actors_of(nlp, text, user_actors=None):
    doc = nlp(text)
    res = find_actors(doc, find_places(doc), user_actors)
    return res, {m.text: a for a in res.actors for m in a.mentions}


def mention_actor(by_mention, text):
    assert text in by_mention, f"{text!r} is no actor mention; have {sorted(by_mention)}"
    return by_mention[text]


@pytest.mark.parametrize("text,mention,country,sector,role", [
    ("Iranian Foreign Minister Hossein Amir Abdollahian met reporters in Tehran.",
     "Hossein Amir Abdollahian", "IRN", "GOV", "Foreign Minister"),
    ("Sergei Lavrov, Russia's foreign minister, arrived in Ankara on Monday.",
     "Sergei Lavrov", "RUS", "GOV", "Foreign Minister"),
    ("Kenyan President William Ruto visited Addis Ababa.", "William Ruto", "KEN", "GOV", "President"),
    ("French Defence Minister Florence Parly inspected the troops.", "Florence Parly", "FRA", "GOV", None),
    ("Israeli Prime Minister Naftali Bennett spoke to the press.", "Naftali Bennett", "ISR", "GOV", "Prime Minister"),
])
def test_titles_and_appositives_give_country_sector_role(nlp, text, mention, country, sector, role):
    _, by = actors_of(nlp, text)
    a = mention_actor(by, mention)
    assert (a.kind, a.country, a.sector) == ("person", country, sector)
    if role:
        assert a.role == role


@pytest.mark.parametrize("text,mention,iso3", [
    ("Tehran said the sanctions were illegal.", "Tehran", "IRN"),
    ("The Kremlin rejected the proposal.", "The Kremlin", "RUS"),
    ("Washington imposed new sanctions on Caracas.", "Washington", "USA"),
    ("The Islamic Republic has denied the charges.", "The Islamic Republic", "IRN"),
    ("Türkiye closed its border crossing.", "Türkiye", "TUR"),
    ("Turkey closed its border crossing.", "Turkey", "TUR"),
    ("The DRC accused Rwanda of backing the rebels.", "DRC", "COD"),
    ("The Republic of the Congo signed the accord.", "The Republic of the Congo", "COG"),
    ("The U.S. sent a delegation to Baku.", "U.S.", "USA"),
    ("Jordan closed its airspace to Iranian drones.", "Jordan", "JOR"),
])
def test_countries_aliases_and_metonyms(nlp, text, mention, iso3):
    _, by = actors_of(nlp, text)
    hit = [a for m, a in by.items() if m.lower().endswith(mention.lower()) or mention.lower() in m.lower()]
    assert hit, sorted(by)
    assert hit[0].kind == "country" and hit[0].country == iso3


@pytest.mark.parametrize("text,not_country", [
    # a capital that is only a destination is a place, not a government
    ("The minister flew to Baku on Monday.", "Baku"),
    ("Denzel Washington starred in the film.", "Washington"),
    ("Michael Jordan said he would retire.", "Jordan"),
])
def test_traps_places_and_people_are_not_country_actors(nlp, text, not_country):
    res, by = actors_of(nlp, text)
    for a in res.actors:
        if a.kind == "country":
            assert all(not_country not in m.text for m in a.mentions), (a.name, a.mentions)


def test_georgia_the_us_state_is_not_the_country(nlp):
    res, _ = actors_of(nlp, "Georgia voters in Atlanta and Savannah lined up as the Georgia "
                            "Secretary of State announced results; the Peach State is closely divided in the U.S.")
    assert not any(a.country == "GEO" for a in res.actors)


def test_georgia_the_country(nlp):
    res, _ = actors_of(nlp, "Georgia accused Russia of occupying Abkhazia and South Ossetia, "
                            "Tbilisi said on Friday.")
    assert any(a.kind == "country" and a.country == "GEO" for a in res.actors)


def test_descriptions_and_pronouns_resolve_to_the_named_person(nlp):
    text = ("Jeyhun Bayramov met his Iranian counterpart on Sunday. "
            "The Azeri foreign minister said he was satisfied with the talks. "
            "The senior diplomat later flew home.")
    res, _ = actors_of(nlp, text)
    people = [a for a in res.actors if a.kind == "person"]
    bay = next(a for a in people if a.name == "Jeyhun Bayramov")
    texts = [m.text for m in bay.mentions]
    assert "The Azeri foreign minister" in texts and "he" in texts and "The senior diplomat" in texts
    assert (bay.country, bay.sector, bay.role) == ("AZE", "GOV", "Foreign Minister")


def test_headline_description_resolves_to_body_person(nlp):
    text = ("Iran FM meets Turkish counterpart\n"
            "On Monday, Hossein Amir Abdollahian met Mevlut Cavusoglu in Ankara. "
            "The Iranian official said the visit was useful. "
            "The Turkish foreign minister agreed.")
    res, by = actors_of(nlp, text)
    assert mention_actor(by, "Iran FM").name == "Hossein Amir Abdollahian"
    assert mention_actor(by, "Turkish counterpart").name == "Mevlut Cavusoglu"
    assert mention_actor(by, "Mevlut Cavusoglu").country == "TUR"


def test_unknown_country_stays_null(nlp):
    res, by = actors_of(nlp, "John Smith said the talks had failed.")
    a = mention_actor(by, "John Smith")
    assert a.country is None and a.code is None


def test_surname_joins_full_name(nlp):
    res, _ = actors_of(nlp, "Jeyhun Bayramov arrived. Bayramov then left for Tbilisi.")
    [bay] = [a for a in res.actors if a.kind == "person"]
    assert [m.text for m in bay.mentions] == ["Jeyhun Bayramov", "Bayramov"]


@pytest.mark.parametrize("text,mention,country,sector", [
    ("NATO condemned the attack.", "NATO", None, None),
    ("Hezbollah fired rockets at northern Israel.", "Hezbollah", "LBN", None),
    ("The United Nations called for a ceasefire.", "United Nations", None, None),
])
def test_organisations_and_groups(nlp, text, mention, country, sector):
    _, by = actors_of(nlp, text)
    hit = [a for m, a in by.items() if mention in m]
    assert hit, sorted(by)
    a = hit[0]
    assert a.kind in ("organization", "group")
    if country:
        assert a.country == country
    else:
        assert a.country in ("IGO", "UNO", "NGO", "EUR", "IMG")


def test_user_actors_file_adds_a_new_minister(nlp, tmp_path):
    from communique import kb

    f = tmp_path / "actors.yaml"
    f.write_text("- name: Zorro Vexley\n  aliases: [Vexley]\n  country: ATL\n  sector: GOV\n  kind: person\n")
    _, by = actors_of(nlp, "Vexley announced new tariffs on Tuesday.", user_actors=kb.UserActors.load(f))
    a = mention_actor(by, "Vexley")
    assert (a.country, a.sector) == ("ATL", "GOV")


@pytest.mark.parametrize("text,mention,country,sector,kind", [
    ("German police have launched an investigation.", "German police", "DEU", "COP", "group"),
    ("The Israeli military says it opened an inquiry.", "The Israeli military", "ISR", "MIL", "group"),
    ("The French government accuses Russia of espionage.", "The French government", "FRA", "GOV", "organization"),
    ("Ukrainian authorities opened an investigation.", "Ukrainian authorities", "UKR", "GOV", None),
    ("A Dutch court approved the extradition.", "A Dutch court", "NLD", "JUD", "organization"),
    ("The South African Government strongly refuted the comments.", "South African Government", "ZAF", "GOV", None),
])
def test_national_bodies(nlp, text, mention, country, sector, kind):
    _, by = actors_of(nlp, text)
    hit = [a for m, a in by.items() if mention.lower() in m.lower() or m.lower() in mention.lower()]
    assert hit, sorted(by)
    a = hit[0]
    assert (a.country, a.sector) == (country, sector)
    if kind:
        assert a.kind == kind


@pytest.mark.parametrize("text", [
    "He expressed Baku's opposition to foreign military presence.",
    "Iran's support for the plan was welcome.",
])
def test_stances_owned_by_a_country_are_not_bodies(nlp, text):
    res, _ = actors_of(nlp, text)
    assert not any(a.sector in ("OPP",) or a.kind == "group" for a in res.actors), res.actors


@pytest.mark.parametrize("text,mention,country,kind", [
    ("Dutch police arrested a Turkish man in Rotterdam.", "a Turkish man", "TUR", "person"),
    ("The Palestinians rejected the plan.", "The Palestinians", "PSE", "group"),
    ("A court in Istanbul jailed two journalists.", "A court", "TUR", "organization"),
    ("Chinese hackers broke into the network.", "Chinese hackers", "CHN", "group"),
    ("Russia's Foreign Ministry summoned the envoy.", "Foreign Ministry", "RUS", "organization"),
])
def test_people_by_nationality_and_bodies_by_place(nlp, text, mention, country, kind):
    _, by = actors_of(nlp, text)
    a = mention_actor(by, mention)
    assert (a.country, a.kind) == (country, kind)


def test_a_nationality_phrase_is_not_an_antecedent(nlp):
    res, by = actors_of(nlp, "Dutch police arrested a Turkish man. The envoy protested.")
    assert mention_actor(by, "a Turkish man") is not by.get("The envoy")


@pytest.mark.parametrize("text", [
    "BAMAKO - Armed men attacked a village in central Mali.",
])
def test_datelines_are_not_organisations(nlp, text):
    res, _ = actors_of(nlp, text)
    assert not any("BAMAKO" in m.text for a in res.actors for m in a.mentions if a.kind == "organization")


def test_an_object_description_is_not_the_subject_of_its_own_clause(nlp):
    res, by = actors_of(nlp, "Maduro expelled the top American diplomat on Monday.")
    assert mention_actor(by, "Maduro") is not mention_actor(by, "the top American diplomat")
    assert mention_actor(by, "the top American diplomat").country == "USA"


@pytest.mark.parametrize("text,mention,country,sector", [
    ("Erdogan accused Gulen of plotting a coup.", "Erdogan", "TUR", "GOV"),
    ("Netanyahu met Putin in Moscow.", "Putin", "RUS", "GOV"),
    ("The Obama administration sent teams into Libya.", "The Obama administration", "USA", "GOV"),
])
def test_well_known_people_and_their_governments(nlp, text, mention, country, sector):
    _, by = actors_of(nlp, text)
    a = mention_actor(by, mention)
    assert (a.country, a.sector) == (country, sector)


def test_bodies_of_two_countries_are_not_one_countrys(nlp):
    res, _ = actors_of(nlp, "Talks between the Iranian and Azeri counterparts went well.")
    assert not any(a.kind == "group" and a.country == "IRN" for a in res.actors), res.actors


@pytest.mark.parametrize("text, mention, country, sector, source", [
    # a country word beside the agent: from the text
    ("Kenyan police arrested 20 students.", "Kenyan police", "KEN", "COP", "text"),
    ("Public workers in Brazil called off a strike.", "Public workers", "BRA", "LAB", "text"),
    ("Protesters clashed with police in Nairobi on Tuesday.", "police", "KEN", "COP", "text"),
    # the one country the sentence names
    ("Protesters clashed with police in Nairobi on Tuesday.", "Protesters", "KEN", "CVL", "sentence"),
    # whom an agent is for: its words place it
    ("Pro-Houthi militias attacked a convoy in Yemen.", "Pro-Houthi militias", "YEM", "PRM", "text"),
    ("Pro-Houthi forces shelled a village on Monday.", "Pro-Houthi forces", "YEM", "MIL", "text"),
    # the dateline of the story
    ("BAGHDAD (Reuters) - Gunmen killed two soldiers on Monday.", "Gunmen", "IRQ", "UAF", "article"),
    ("BAGHDAD (Reuters) - Gunmen killed two soldiers on Monday.", "soldiers", "IRQ", "MIL", "article"),
    ("NAIROBI, May 3 (Reuters) - A man was jailed by a court on Monday.", "a court", "KEN", "JUD", "article"),
    ("NAIROBI - Police said a man was killed in the attack.", "a man", "KEN", "CVL", "article"),
    # nothing to go by
    ("Two villagers were killed by unidentified gunmen.", "unidentified gunmen", None, "UAF", "none"),
    # the phrase's sector, not the head's alone
    ("Police forces clashed with students in Nairobi.", "Police forces", "KEN", "COP", "sentence"),
    ("Militia forces attacked a village in Mali.", "Militia forces", "MLI", "PRM", "sentence"),
    ("Armed men attacked a village in Mali.", "Armed men", "MLI", "UAF", "sentence"),
    ("Unidentified men shot a trader in Mali.", "Unidentified men", "MLI", "UAF", "sentence"),
    # a currency names no country: the protesters are Lebanon's
    ("Protesters angry at the US dollar exchange rate blocked a road in Beirut.", "Protesters",
     "LBN", "CVL", "sentence"),
    # people of a faith or a people no source names, residents of a place, workers of a body
    ("Suspected Islamic militants attacked a village in Mozambique.", "Suspected Islamic militants",
     "MOZ", "REB", "sentence"),
    ("Residents of Mitsobi in Georgia organized a protest.", "Residents", "GEO", "CVL", "sentence"),
    ("Workers of the Rural Water Authority held a protest in Iran.", "Workers", "IRN", "LAB",
     "sentence"),
    # plural agents of PETRARCH's dictionary, and one person counted
    ("Youths clashed with police in Lagos.", "Youths", "NGA", "CVL", "sentence"),
    ("Gunmen killed one civilian in Mali.", "civilian", "MLI", "CVL", "sentence"),
    # a place the place stage resolved, before the agent or after "in": its country
    ("The West Bengal government denied permission to the rally.", "The West Bengal government",
     "IND", "GOV", "text"),
    ("BOGOTA - Police have arrested a California man.", "a California man", "USA", "CVL", "text"),
    ("Police in Colombia's second-largest city arrested two Americans.", "Police", "COL", "COP",
     "text"),
    # a person described, not named, and no one met before: the context's country
    ("A police officer was shot dead in Nairobi.", "A police officer", "KEN", "COP", "sentence"),
])
def test_generic_agents_take_their_country_from_context(nlp, text, mention, country, sector, source):
    doc = nlp(text)
    actors = find_actors(doc, find_places(doc)).actors
    actor = next((a for a in actors if any(m.text == mention for m in a.mentions)), None)
    assert actor is not None, [(a.name, [m.text for m in a.mentions]) for a in actors]
    assert (actor.country, actor.sector, actor.country_source) == (country, sector, source)


@pytest.mark.parametrize("text, name_mention", [
    ("Officials said UN workers were allowed back into Darfur.", "UN"),
    ("IDF troops detained a Lebanese man near the border.", "IDF"),
])
def test_agent_words_beside_a_name_belong_to_the_name(nlp, text, name_mention):
    doc = nlp(text)
    actors = find_actors(doc, find_places(doc)).actors
    owner = next(a for a in actors if any(m.text.startswith(name_mention) for m in a.mentions))
    assert owner.country_source == "text" and owner.country is not None


def test_a_titled_person_without_a_country_word_takes_the_story_country(nlp):
    doc = nlp("NAIROBI - Interior Minister Kithure Kindiki said police had arrested 20 people.")
    actors = find_actors(doc, find_places(doc)).actors
    minister = next(a for a in actors if a.name == "Kithure Kindiki")
    assert (minister.country, minister.sector, minister.country_source) == ("KEN", "GOV", "article")


@pytest.mark.parametrize("text, mention", [
    ("TEHRAN - Iran opposes any deployment of foreign forces in the region.", "foreign forces"),
    ("TEHRAN - The clashes killed 100 troops on both sides.", "troops"),
])
def test_agents_of_no_one_country_take_none(nlp, text, mention):
    doc = nlp(text)
    actors = find_actors(doc, find_places(doc)).actors
    actor = next(a for a in actors if any(m.text == mention for m in a.mentions))
    assert (actor.country, actor.country_source) == (None, "none")


# -- issue 12: who the recipient is, when the words around a name or noun say its country ----

@pytest.mark.parametrize("text,mention,country", [
    ("The coast guard seized two Cypriot ships near the port.", "Cypriot", "CYP"),
    ("A missile hit a Yemeni school bus on Thursday.", "Yemeni", "YEM"),
    ("Police arrested a Chinese actor on Friday.", "Chinese", "CHN"),
    ("The authorities deported four Yemeni asylum seekers.", "Yemeni", "YEM"),
])
def test_a_nationality_word_on_a_target_noun_stands_for_its_country(nlp, text, mention, country):
    _, by = actors_of(nlp, text)
    a = mention_actor(by, mention)
    assert (a.kind, a.country) == ("country", country)


def test_a_nationality_word_on_an_abstract_noun_is_no_actor(nlp):
    _, by = actors_of(nlp, "The Chinese economy grew by five percent.")
    assert "Chinese" not in by


@pytest.mark.parametrize("text,mention,country", [
    ("Police issued a warrant for Chinese actor Jiang Jinfu on Tuesday.", "Jiang Jinfu", "CHN"),
    ("The minister met his Iranian counterpart, Mostafa Mohammad Najjar, in Minsk.",
     "Mostafa Mohammad Najjar", "IRN"),
    ("The Belarussian defence minister spoke on Monday.", "The Belarussian defence minister", "BLR"),
])
def test_words_before_a_name_give_its_country(nlp, text, mention, country):
    _, by = actors_of(nlp, text)
    assert mention_actor(by, mention).country == country


def test_an_untitled_name_takes_the_one_country_of_its_sentence(nlp):
    _, by = actors_of(nlp, "A Zimbabwean court on Tuesday freed Evan Mawarire after his arrest.")
    a = mention_actor(by, "Evan Mawarire")
    assert (a.country, a.country_source) == ("ZWE", "sentence")
    # two countries named: no guess
    _, by = actors_of(nlp, "A Zimbabwean court freed Evan Mawarire, a critic of South Africa.")
    assert mention_actor(by, "Evan Mawarire").country is None


def test_an_organisation_named_for_a_known_leader_is_his_countrys(nlp):
    _, by = actors_of(nlp, "Congress asked the Trump administration to cut aid.")
    hit = [a for m, a in by.items() if "Trump" in m]
    assert hit and hit[0].country == "USA"


@pytest.mark.parametrize("text,description,name", [
    # an appositive: the description and the name are one person
    ("The Kenyan president, William Ruto, said the vote was unfair.", "The Kenyan president", "William Ruto"),
    # a description first, the one named person of its country later (issue 12, item 5)
    ("A South Korean leader arrived in Tokyo on Monday for talks. Yoon Suk Yeol met "
     "Japanese Prime Minister Fumio Kishida.", "A South Korean leader", "Yoon Suk Yeol"),
])
def test_a_description_joins_the_named_person_it_describes(nlp, text, description, name):
    res, by = actors_of(nlp, text)
    assert mention_actor(by, description) is mention_actor(by, name)
    assert sum(a.kind == "person" for a in res.actors) == len({a.id for m, a in by.items() if a.kind == "person"})


@pytest.mark.parametrize("text,description", [
    # after the name, an indefinite description introduces someone new
    ("William Ruto met a Kenyan official on Monday.", "a Kenyan official"),
    # two named people of the country: no telling which
    ("A Kenyan minister arrived on Monday. William Ruto and Raila Odinga of Kenya met him.",
     "A Kenyan minister"),
])
def test_a_description_stays_apart_where_the_name_is_not_sure(nlp, text, description):
    _, by = actors_of(nlp, text)
    a = mention_actor(by, description)
    assert not a.name or all(m.text.lower().startswith(("a ", "the ", "him", "his")) for m in a.mentions), a
