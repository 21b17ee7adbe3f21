"""Tolls as ACLED's analysts write them (issue 14, second round): each rule on a sentence
written for the test, not taken from the notes."""

from __future__ import annotations

import pytest

from communique.extract.fatalities import casualties, note_deaths, note_share, note_toll


@pytest.mark.parametrize("text, expected", [
    # a shooting kills only when it says so
    ("Gunmen shot a farmer near the market.", (None, None)),
    ("Four people were shot in a drive-by attack.", (None, None)),
    ("A trader was shot dead by unknown gunmen.", (1, None)),
    ("One guard was shot and killed and one driver was injured.", (1, 1)),
    ("A herder was shot and died in hospital.", (1, None)),
    ("Militants shot a teacher, resulting in his death.", (1, None)),
    # the second verb has its own subject: the injured did not die
    ("Two people were injured and one person died.", (1, 2)),
    # an attempt kills no one
    ("Villagers tried to kill a theft suspect.", (None, None)),
    # victims the lexicon of people now knows, and victims joined by "and"
    ("The attackers killed a shopkeeper and his son.", (2, None)),
    ("Gunmen shot dead a village's chief.", (1, None)),
    # "in which one soldier": "one" after "which" is a count when a noun follows
    ("Troops exchanged fire in the valley, in which one soldier was killed.", (1, None)),
    # fatal deeds
    ("A man was kidnapped and stabbed to death.", (1, None)),
    ("Three robbers were fatally assaulted by residents.", (3, None)),
    ("The corpses of twelve fighters were found.", (12, None)),
    ("Police arrested a man, and he died in custody.", (1, None)),
])
def test_casualties_in_note_phrasing(nlp, text, expected):
    assert casualties(next(nlp(text).sents)) == expected


def test_an_appositive_subject_after_the_place(nlp):
    # "In Tula, Hidalgo, a drug suspect was killed": the parser hangs the subject on the
    # place; it is still the one killed
    doc = nlp("On 2 May 2021, in Tula, Hidalgo, a drug suspect was killed by police.")
    assert casualties(next(doc.sents)) == (1, None)


@pytest.mark.parametrize("text, toll", [
    ("Gunmen attacked a bar. 1 fatality and 1 injured.", 1),
    ("Gunmen attacked a bar. 2 fatalities, 3 injured", 2),
    ("A man was beaten in the street. 3 killed. [size=no report]", 3),
    ("Shells hit the market. Six fatalities reported.", 6),
    ("The men bore signs of torture 2 fatalities", 2),
    ("Unknown number of fatalities and injuries coded as 10.", 10),
    # a toll spread over events or places: this event's share, rounded up
    ("Unclear fatalities coded as 10 and spread between 2 locations.", 5),
    ("Unknown fatalities coded as 10 and split up between 3 events.", 4),
    ("Unknown fatalities coded as 10 and spread across two locations in two days.", 3),
    ("12 fatalities split up between 3 events.", 4),
    # the analyst's own share wins
    ("Fatalities are split across 3 events (2).", 2),
    ("Due to unclear reports, fatalities reported as half, rounded down to 4.", 4),
    # none at all
    ("No casualties reported.", 0),
    ("Neither injuries nor fatalities were reported.", 0),
    ("No fatalities were reported.", 0),
])
def test_note_tolls(text, toll):
    assert note_toll(text) == toll


@pytest.mark.parametrize("text", [
    "No injuries were reported.",  # says nothing of deaths
    "The split between fatalities and injuries was not reported.",
    "Fatalities split between 2 events.",  # a share of a toll it does not state
])
def test_no_note_toll(text):
    assert note_toll(text) is None


def test_note_share():
    assert note_share(9, "Nine were killed. Fatalities split between two events.") == 5
    assert note_share(9, "Nine were killed.") == 9
    assert note_share(0, "Fatalities split between two events.") == 0


@pytest.mark.parametrize("text, dead", [
    # "the victim" of a later sentence is the one already counted
    ("On 5 May 2021, gunmen shot and killed a driver near the market. The victim died at "
     "the scene.", 1),
    ("On 5 May 2021, gunmen killed a guard near the market. He died at the scene.", 1),
    # ... but "the man's brother" is another victim
    ("On 5 May 2021, a guard was killed near the market. The man's brother was also "
     "killed.", 2),
])
def test_note_deaths_count_a_victim_once(nlp, text, dead):
    assert note_deaths(nlp(text)) == dead


def test_a_sentence_may_open_with_its_count(nlp):
    doc = nlp("On 3 May 2021, soldiers clashed with militants near Kukawa (Borno). 14 militants "
              "were killed in the fight.")
    sents = list(doc.sents)
    assert len(sents) == 2 and sents[1].text.startswith("14 militants")
    assert note_deaths(doc) == 14


def test_a_split_toll_goes_to_the_main_event_as_its_share(coder):
    from communique.evaluate.acled import main_event

    rec = coder.code("On 3 May 2021, troops attacked militant camps near Kukawa (Borno). 40 "
                     "militants were killed. Fatalities split between 2 events.",
                     published="2021-05-10").to_dict()
    assert main_event(rec)["fatalities"] == 20


@pytest.mark.parametrize("text, expected", [
    # the day of "Around 9 May 2021" is no count; the subject hung on the place still is
    ("Around 9 May 2021 (as reported), in Tula, Hidalgo, a person was found dead.", (1, None)),
    ("Around 5 May 2021 (as reported), in Tula, Hidalgo, a man and a woman were found dead.",
     (2, None)),
    ("In Tula, a female body was found.", (1, None)),
])
def test_more_note_phrasings(nlp, text, expected):
    assert casualties(next(nlp(text).sents)) == expected


@pytest.mark.parametrize("text, dead", [
    ("On 5 May 2021, gunmen attacked two men in the street. Both victims died.", 2),
    # "both victims" of a later sentence are the two already counted
    ("On 5 May 2021, residents lynched two thieves. Both victims died in hospital.", 2),
    ("On 5 May 2021, gunmen kidnapped a man. The next day his corpse was found.", 1),
    ("On 5 May 2021, a man was killed. His body was found in a ditch.", 1),
])
def test_note_deaths_of_later_sentences(nlp, text, dead):
    assert note_deaths(nlp(text)) == dead
