"""Issue 12, seventh round: statements. Rejecting a named party's words is a rejection of
that party (PLOVER REJECT, the owner of the words its recipient); denying an accusation no
one is named for is a statement, no event. Sentences written for these tests; the expected
roles worked out by hand."""

from __future__ import annotations

import pytest

from .records import event, names, record


@pytest.mark.parametrize("text,actor,recipient", [
    ("The Kenyan government flatly rejected Tanzania's suggestion that the border be redrawn.",
     "KEN", ("Tanzania", "TZA")),
    ("Chile's foreign minister refuted Peru's comments about the fishing dispute.",
     "CHL", ("Peru", "PER")),
    ("Norway rejected Russia's claims about the submarine.", "NOR", ("Russia", "RUS")),
])
def test_rejecting_a_partys_words_is_a_rejection_of_that_party(coder, text, actor, recipient):
    rec = record(coder, text)
    e = event(rec, "REJECT")
    assert [c for _, c in names(rec, e["actor"])] == [actor]
    assert names(rec, e["recipient"]) == [recipient]


@pytest.mark.parametrize("text", [
    "The Kenyan government rejected accusations that it had rigged the vote.",
    "The mayor of Lima refuted claims that he took bribes.",
    "The Chinese government denied charges by the Dutch government that it spied on dissidents.",
])
def test_denying_an_accusation_is_no_event(coder, text):
    rec = record(coder, text)
    assert [e["type"] for e in rec["events"] if e["type"] == "REJECT"] == []


def test_what_is_sent_is_read_through_its_quantity(coder):
    # tree.word_set: "40 tonnes of medicine" names medicine for the trigger's object test
    # (the quantity's own word, not its lemma "tonne", is the one in QUANTIFIERS)
    rec = record(coder, "The Red Cross flew 40 tonnes of medicine into Yemen on Monday.")
    e = event(rec, "AID")
    assert names(rec, e["recipient"]) == [("Yemen", "YEM")]


@pytest.mark.parametrize("text,recipient", [
    ("Kenya's foreign minister reiterated the Kenyan government's support for Somalia.", "SOM"),
    ("Ghana's president reaffirmed the Ghanaian government's commitment to supporting "
     "Mali's transitional authorities.", "MLI"),
])
def test_a_pledged_stance_names_whom_it_backs_not_its_owner(coder, text, recipient):
    # "X's support for Y": X backs, Y receives (the owner of the stance is its actor's side)
    rec = record(coder, text)
    e = event(rec, "SUPPORT")
    assert [c for _, c in names(rec, e["recipient"])] == [recipient]


def test_a_notes_unplaced_actor_is_of_the_country_of_its_event(coder):
    # an analyst's note (it opens with its date): ACLED names such actors by the note's
    # country ("Islamist Militia (Mozambique)"); the place is named only in the admin chain
    rec = record(coder, "On 3 March 2021, Islamic militants attacked Namava (Pemba-Metuge, "
                        "Cabo Delgado). No fatalities reported.")
    e = event(rec, "ASSAULT")
    actor = next(a for a in rec["actors"] if a["id"] == e["actor"][0])
    assert (actor["name"], actor["country"], actor["country_source"]) == (
        "Islamic militants", "MOZ", "place")


def test_a_news_sentences_unplaced_actor_stays_unplaced(coder):
    # not a note: an attacker is not told to be of the country it attacks in
    rec = record(coder, "Islamic militants attacked Namava (Pemba-Metuge, Cabo Delgado) on "
                        "Monday.")
    e = event(rec, "ASSAULT")
    assert names(rec, e["actor"]) == [("Islamic militants", None)]


def test_a_well_known_subject_is_no_place_of_the_same_name(coder):
    # GeoNames knows a Colombian municipality named Uribe; as the subject, it is the man
    rec = record(coder, "Uribe criticised the peace deal with the FARC on Tuesday.")
    people = [(a["name"], a["country"]) for a in rec["actors"] if a["kind"] == "person"]
    assert people == [("Álvaro Uribe", "COL")]
