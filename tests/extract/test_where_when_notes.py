"""Dates, places and tolls as wire reports and ACLED's analysts write them (issue 14).

Every expected value below was worked out by hand from the sentence (a
calendar, a map of admin units), not copied from a run.
"""

from __future__ import annotations

import pytest

from communique.extract.date_forms import absolute_dates
from communique.extract.fatalities import note_toll
from communique.extract.gazetteer import admin_units, candidates, lookup, plain_admin


# ---------------------------------------------------------------- dates by pattern

@pytest.mark.parametrize("text, expected", [
    ("On 12 April 2020, militants attacked", ("On 12 April 2020", 12, 4, 2020, None)),
    ("Around 20 April 2020 (as reported), a", ("Around 20 April 2020", 20, 4, 2020, None)),
    ("On 29 Apr 2020, IS militants", ("On 29 Apr 2020", 29, 4, 2020, None)),
    ("on or about 3 May, police", ("on or about 3 May", 3, 5, None, None)),
    ("talks held on April 12, 2020 in Doha", ("on April 12, 2020", 12, 4, 2020, None)),
    ("between 1 and 3 May protesters", ("between 1 and 3 May", 1, 5, None, 3)),
    ("from 27 - 29 April, workers", ("from 27 - 29 April", 27, 4, None, 29)),
    # a night belongs to the day it starts on
    ("Overnight on 2-3 May 2020, shelling", ("Overnight on 2-3 May 2020", 2, 5, 2020, None)),
    ("on the night of 2 and 3 May 2020 to", ("on the night of 2 and 3 May 2020", 2, 5, 2020, None)),
    ("On the night of 4 May, gunmen", ("On the night of 4 May", 4, 5, None, None)),
    ("the 21st of March 2021", ("21st of March 2021", 21, 3, 2021, None)),
])
def test_written_dates(text, expected):
    found = absolute_dates(text)
    assert len(found) == 1
    a = found[0]
    assert (a.text, a.day, a.month, a.year, a.end_day) == expected


@pytest.mark.parametrize("text", [
    "between 300 and 1000 fighters",  # counts, not days
    "they may 5 times a day",  # the verb
    "on 3 and 4 May",  # two days, not one event's span
    "in May 2020",  # a month: left to the month rules
    "Resolution 2231 of 2015",
    "1/3 May",
])
def test_not_written_day_dates(text):
    assert absolute_dates(text) == []


# ---------------------------------------------------------------- a note's own toll

@pytest.mark.parametrize("text, toll", [
    ("A man was found dead in Colonia Centro. 1 fatality.", 1),
    ("Two victims died and one was injured. 2 fatalities.", 2),
    ("An unknown suicide bomber killed 3 civilians. Fatalities coded as 4 (including "
     "the suicide bomber).", 4),
    ("An unspecified number of soldiers were reportedly killed. Unknown fatalities coded as 10.",
     10),
    ("Police dispersed the crowd, resulting in no injuries or fatalities.", 0),
    ("3 fatalities [size=no report]", 3),
])
def test_note_toll(text, toll):
    assert note_toll(text) == toll


@pytest.mark.parametrize("text", [
    # unknown is not zero
    "Militants attacked the village, killing and wounding an unknown number of people.",
    "There were 3 fatalities in total according to local sources",  # mid-sentence: no closing count
    "No fatality figures were given.",
    "Troops shelled the town.",
])
def test_no_note_toll(text):
    assert note_toll(text) is None


# ---------------------------------------------------------------- gazetteer

needs_db = pytest.mark.skipif(not candidates("sindh"), reason="data/gazetteer.sqlite not built")


@needs_db
@pytest.mark.parametrize("name, country, admin1", [
    ("Paktia", "AFG", "Paktia"),  # an Afghan province
    ("Sindh", "PAK", "Sindh"),  # a Pakistani province
    ("Sonora", "MEX", "Sonora"),  # a Mexican state (also small towns elsewhere)
])
def test_admin1_units(name, country, admin1):
    units = [e for e in admin_units(name.lower()) if e.kind == "admin1"]
    assert any(e.country == country and e.admin1_name == admin1 for e in units)


@needs_db
def test_small_places_know_their_admin1():
    # Gardez, capital of Paktia, about 100,000 people; Sopore (GeoNames "Sopur") in Kashmir
    gardez = [e for e in lookup("Gardez") if e.country == "AFG"]
    assert gardez and gardez[0].admin1_name == "Paktia"
    assert any(e.country == "IND" for e in lookup("Sopur"))


@needs_db
def test_homonyms_are_all_there():
    hyderabad = {e.country for e in lookup("Hyderabad") if e.kind == "city"}
    assert {"IND", "PAK"} <= hyderabad


# ---------------------------------------------------------------- the event's place and date

def _main(coder, text, published="2020-05-04"):
    rec = coder.code(text, published=published).to_dict()
    from communique.evaluate.acled import main_event

    return main_event(rec)


@needs_db
@pytest.mark.parametrize("text, name, country, admin1", [
    # a homonym settled by the qualifier: Hyderabad in Sindh is Pakistan's
    ("On 1 May 2020, police arrested a man in Hyderabad, Sindh.", "Hyderabad", "PAK", "Sindh"),
    # "X province": the admin1 unit, not its capital city
    ("On 3 May 2020, clashes were reported in Kunduz province.", "Kunduz", "AFG", "Kunduz"),
    # ACLED house style: the place, then its admin units
    ("On 27 April 2020, Taliban militants attacked a police post in Gardez city, Paktia.",
     "Gardez", "AFG", "Paktia"),
    ("On 28 April 2020, motorcycle drivers protested in Santa Teresa del Tuy, Miranda state.",
     "Santa Teresa del Tuy", "VEN", "Miranda"),
    # a village the gazetteer lacks, placed by its parenthesised chain
    # (Shabwah is a Yemeni governorate, Jardan one of its districts (GeoNames admin2);
    # "Xylobarrio" and "Qorbalatiya" are made up): the finest part the gazetteer knows
    ("On 6 May 2020, soldiers clashed with rebels in Xylobarrio (Jardan, Shabwah).",
     "Jardan", "YEM", "Shabwah"),
    ("On 6 May 2020, soldiers clashed with rebels in Xylobarrio (Qorbalatiya, Shabwah).",
     "Shabwah", "YEM", "Shabwah"),
    # names the small parser labels ORG or NORP, in a locative slot
    ("On 2 May 2020, a mob attacked a shopkeeper in Ludhiana (Punjab) over fears of the virus.",
     "Ludhiana", "IND", "Punjab"),
    ("On 4 May 2020, security forces arrested 4 technicians of Syriatel Telecom in Aleppo city.",
     "Aleppo", "SYR", "Aleppo"),
    # a village the gazetteer lacks, in a chain whose first part has a namesake abroad
    # (Hays County, Texas): the coarser part (Al Hudaydah, Yemen) picks Yemen's Hays district
    ("On 30 April 2020, forces waged 4 attacks against pro-Houthi groups in Bayt Maghari "
     "village (Hays, Al Hudaydah).", "Hays", "YEM", "Al Hudaydah"),
])
def test_event_place_in_notes(coder, text, name, country, admin1):
    loc = _main(coder, text)["location"]
    assert (loc["name"], loc["country"], loc.get("admin1")) == (name, country, admin1)


@needs_db
def test_kunduz_province_has_admin1_precision(coder):
    loc = _main(coder, "On 3 May 2020, clashes were reported in Kunduz province.")["location"]
    assert loc["level"] == "admin1" and loc["precision"] == "region"
    assert loc["source"] == "clause"


@needs_db
def test_a_note_places_its_events_by_its_first_place(coder):
    # the demand has no place in its own clause: the note's place (Belo Horizonte is a
    # city of Minas Gerais, Brazil)
    ev = _main(coder, "On 4 May 2020, in Belo Horizonte, Minas Gerais, about 20 people "
                      "gathered in front of an army unit to demand the end of the lockdown.")
    loc = ev["location"]
    assert (loc["name"], loc["country"], loc["admin1"]) == ("Belo Horizonte", "BRA",
                                                            "Minas Gerais")


def test_note_toll_goes_to_the_main_event(coder):
    # the analyst's closing count overrides the 3 the sentence states
    rec = coder.code("On 29 April 2020, a suicide bomber killed 3 civilians in Kandahar. "
                     "Fatalities coded as 4.", published="2020-05-04").to_dict()
    from communique.evaluate.acled import main_event

    ev = main_event(rec)
    assert ev["fatalities"] == 4
    assert ev["location"]["country"] == "AFG" and ev["location"]["name"].startswith("Kandah")


@pytest.mark.parametrize("text, date", [
    ("Around 2 May 2020 (as reported), suspected militants attacked a police post in Herat.",
     "2020-05-02"),
    ("On 29 Apr 2020, IS militants attacked an army post near Tikrit.", "2020-04-29"),
    # undated events of a note take the note's date
    ("On 30 April 2020, cleaners went on strike in Mosul. They demanded their wages.",
     "2020-04-30"),
])
def test_event_date_in_notes(coder, text, date):
    assert _main(coder, text, published="2020-05-11")["date"] == date


def test_an_undated_later_sentence_is_placed_by_the_paragraph(coder):
    rec = coder.code("On 2 May 2020, gunmen attacked a police post in Herat. "
                     "Two officers were wounded. Police arrested the gunmen.",
                     published="2020-05-04").to_dict()
    arrest = [e for e in rec["events"] if e["trigger"]["text"] == "arrested"]
    assert arrest and arrest[0]["location"]["source"] == "paragraph"
    assert arrest[0]["location"]["country"] == "AFG" and arrest[0]["date"] == "2020-05-02"


def test_dateline_is_no_place_for_a_foreign_war(coder):
    text = ("TEHRAN, Oct 3 (Reuters) - Fighting between Armenia and Azerbaijan killed over "
            "100 soldiers last month.")
    ev = coder.code(text, published="2022-10-03").to_dict()["events"]
    assert ev and all((e["location"] or {}).get("name") != "Tehran" for e in ev)


def test_dateline_still_places_a_local_event(coder):
    text = "KABUL, May 3 (Reuters) - Gunmen attacked a checkpoint on Sunday."
    ev = coder.code(text, published="2020-05-04").to_dict()["events"]
    assert ev[0]["location"]["name"] == "Kabul" and ev[0]["location"]["source"] == "dateline"


# ---------------------------------------------------------------- tolls in analyst phrasing

@pytest.mark.parametrize("text, expected", [
    ("Militants attacked the post, killing 4 policemen.", (4, None)),
    ("The body of a man was found in a canal.", (1, None)),
    ("The bodies of 3 men were found near the road.", (3, None)),
    ("A man was found dead in Colonia Centro.", (1, None)),
    ("The clash resulted in no injuries or fatalities.", (0, 0)),
    ("Two police officers were shot and injured.", (None, 2)),
    ("Gunmen shot and killed two farmers.", (2, None)),
    # unknown is not zero
    ("Gunmen killed and wounded an unknown number of people.", (None, None)),
])
def test_casualties_in_analyst_phrasing(nlp, text, expected):
    from communique.extract.fatalities import casualties

    doc = nlp(text)
    assert casualties(next(iter(doc.sents))) == expected


# ---------------------------------------------------------------- ACLED phrasings (issue 14)

@needs_db
@pytest.mark.parametrize("text", [
    "On 28 April 2020, the OSCE SMM observed a total of 5 explosions involving unknown "
    "weapons near Avdiivka, Donetsk.",
    "On 30 April 2020, the Ukrainian Forces fired grenade launchers at the positions of the "
    "Donbass People's Militia near Avdiivka, Donetsk.",
])
def test_acled_fire_reports_are_assaults_placed_by_their_chain(coder, text):
    # Avdiivka is the Ukrainian spelling of GeoNames' Avdiyivka (Donetsk oblast, Ukraine),
    # a weak alternate name that the chain ", Donetsk" vouches for
    ev = _main(coder, text)
    assert ev["type"] == "ASSAULT" and ev["date"] in ("2020-04-28", "2020-04-30")
    loc = ev["location"]
    assert (loc["name"], loc["country"], loc["admin1"]) == ("Avdiyivka", "UKR", "Donetsk")


@pytest.mark.parametrize("text", [
    "On 4 May 2020, military forces of India and Pakistan exchanged fire across the LoC.",
    "On 1 May 2020, soldiers engaged in a fire fight with separatists near Bamenda.",
    "On 27 April 2020, in Tonala, Jalisco, the body of a man was found.",
    "On 29 April 2020, in Ciudad Juarez, Chihuahua, a woman was found dead.",
])
def test_acled_assault_phrasings(coder, text):
    ev = _main(coder, text)
    assert ev is not None and ev["type"] == "ASSAULT"


@pytest.mark.parametrize("text", ["Doctors gave flu shots to children.",
                                  "The minister found the report useful."])
def test_no_assault_without_conflict(coder, text):
    rec = coder.code(text, published="2020-05-04").to_dict()
    assert not any(e["type"] == "ASSAULT" for e in rec["events"])


@pytest.mark.parametrize("text, dead", [
    # 2 killed in the first sentence, 2 more in the second: the note's toll is 4
    ("On 29 April 2020, 2 policemen were killed and 3 were wounded following attacks by "
     "Taliban militants in Kunduz. 2 other policemen were killed when they arrived as "
     "reinforcement.", 4),
    # the deaths told in a clause of another verb still count for the note's event
    ("On 2 May 2020, Al Shabaab militants attacked a military base at Janaale. Govt soldiers "
     "repelled the militants, while Al Shabaab claimed to have killed four soldiers.", 4),
])
def test_a_note_adds_up_its_deaths(coder, text, dead):
    assert _main(coder, text)["fatalities"] == dead


def test_transliteration_variants_of_names():
    # "Ta'izz" and "Taizz", "Lashkar Gah" and "Lashkargah" name one place
    assert lookup("Taizz")[0].country == "YEM"
    assert any(e.name.startswith("Lashkar") and e.country == "AFG" for e in lookup("Lashkargah"))


def test_admin1_names_lose_geonames_generic_prefix():
    assert plain_admin("Muhafazat al Hudaydah") == "Al Hudaydah"
    assert plain_admin("Wilayat-e Baghlan") == "Baghlan"
    assert plain_admin("Paktia") == "Paktia" and plain_admin(None) is None


# ---------------------------------------------------------------- a note's place, wherever it is

@needs_db
def test_a_note_event_takes_the_notes_place_wherever_it_stands(coder):
    # "in Kerman" hangs off "salaries", what the protest is about: no clause rule reaches
    # it, but a note tells of one occasion in one place (Kerman, a city of Kerman province)
    ev = _main(coder, "On 3 May 2020, teachers of the Education Office held a protest against "
                      "unpaid salaries in Kerman.")
    loc = ev["location"]
    assert (loc["name"], loc["country"], loc["source"]) == ("Kerman", "IRN", "note")


@needs_db
def test_a_possessor_places_a_note_event(coder):
    # Mardin's airport: Mardin is a city of south-eastern Turkey
    ev = _main(coder, "On 2 May 2020, Turkish forces shelled the outskirts of Mardin's airport.")
    assert (ev["location"]["name"], ev["location"]["country"]) == ("Mardin", "TUR")


def test_a_country_modifying_a_noun_places_no_note_event(coder):
    # the dollar is American, the riot is not
    ev = _main(coder, "On 2 May 2020, rioters protesting against the high US dollar exchange "
                      "rate clashed with police.")
    assert ev["location"] is None


@needs_db
def test_a_note_with_no_known_place_takes_its_bracketed_chain(coder):
    # Zagwadiri and Kolofata's subdivision are no places the gazetteer knows; the chain
    # ends in Extreme-Nord, Cameroon's Far North region
    # (the gazetteer knows Mayo-Sava as a unit with no place of its own, placed by the
    # chain after it: the same unit, by the paragraph rule; a made-up unit keeps the chain's)
    ev = _main(coder, "On 4 May 2020, suspected Boko Haram militants looted a shop in the hamlet "
                      "of Zagwadiri, Kolofata subdivision (Mayo-Sava, Extreme-Nord).")
    loc = ev["location"]
    assert (loc["country"], loc["level"], loc["name"]) == ("CMR", "admin1", "Far North")
    ev = _main(coder, "On 4 May 2020, suspected Boko Haram militants looted a shop in the hamlet "
                      "of Zagwadiri, Kolofata subdivision (Mayo-Zagwa, Extreme-Nord).")
    loc = ev["location"]
    assert (loc["country"], loc["level"], loc["source"]) == ("CMR", "admin1", "chain")


@pytest.mark.parametrize("text, country", [
    # the GNA and the LNA are both Libyan: the note is in Libya
    ("On 3 May 2020, GNA forces and LNA forces exchanged fire at a checkpoint.", "LBY"),
    # a Mexican cartel acts at home
    ("On 2 May 2020, members of the Sinaloa Cartel shot dead two police officers.", "MEX"),
    # armed forces act abroad too: Turkish forces place nothing
    ("On 2 May 2020, Turkish forces shelled positions near a village.", None),
])
def test_a_note_naming_no_place_takes_its_actors_country(coder, text, country):
    loc = _main(coder, text)["location"]
    if country is None:
        assert loc is None
    else:
        assert (loc["country"], loc["precision"], loc["source"]) == (country, "country", "actors")


@needs_db
@pytest.mark.parametrize("word", ["Colonia", "Port", "Mine", "Hospital"])
def test_everyday_words_are_no_places(word):
    # "a body was found in Colonia Las Flores", "the area of Mine 3": a neighbourhood's or a
    # pit's word, not Uruguay's Colonia department or Mine, Japan
    assert not [e for e in candidates(word.lower()) if e.precision != "country"]
    from communique.extract.gazetteer import spelling_candidates

    assert not spelling_candidates(word)


@needs_db
def test_a_chain_after_lower_case_words_still_qualifies(coder):
    # the Red Sea is no country's; "port city" does not hide the chain after it: Al Hawak
    # is a district of Hodeidah, Yemen
    ev = _main(coder, "On 6 May 2020, gunmen fired on a checkpoint in the west of Hodeidah Red "
                      "Sea port city (Al Hawak, Al Hudaydah).")
    assert (ev["location"]["country"], ev["location"]["admin1"]) == ("YEM", "Al Hudaydah")


# ---------------------------------------------------------------- field missions, chains of towns

@pytest.mark.parametrize("text, hosts", [
    ("The OSCE SMM recorded ceasefire violations.", ["UKR"]),
    ("UNIFIL and MINUSMA patrols", ["LBN", "MLI"]),
    # the OSCE as a whole works in many countries; "Unifiled" is no mission
    ("The OSCE chair met the Unifiled Command.", []),
])
def test_field_missions_name_their_host_country(text, hosts):
    from communique.extract.note_places import mission_hosts

    assert mission_hosts(text) == hosts


def test_a_note_naming_only_unknown_villages_takes_its_missions_country(coder):
    # "Vovchozubivka" is a made-up village; the Special Monitoring Mission of the OSCE
    # works in Ukraine only, so its observation is in Ukraine (precision country)
    ev = _main(coder, "On 4 May 2020, the OSCE SMM observed a total of 7 explosions involving "
                      "unknown weapons near Vovchozubivka.")
    loc = ev["location"]
    assert (loc["country"], loc["precision"], loc["source"]) == ("UKR", "country", "actors")


@needs_db
def test_a_chain_naming_only_towns_places_by_the_town(coder):
    # "Kholapara" is a made-up upazila; Tangail district is named after its seat, the
    # town of Tangail (Bangladesh), which GeoNames knows as a town, not as a unit
    ev = _main(coder, "On 2 May 2020, two farmers were hacked to death in Kholapara Upazila "
                      "(Tangail) over a land dispute.")
    loc = ev["location"]
    assert (loc["name"], loc["country"]) == ("Tangail", "BGD")
