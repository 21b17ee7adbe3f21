"""ACLED note forms, issue 13, eighth round: rules mode. Sentences written for the test, not
taken from the notes."""

from __future__ import annotations

import pytest

from communique.acled import event_acled_type
from communique.evaluate.acled import main_event

from .records import acled_type as _acled
from .records import record


@pytest.mark.parametrize("text, expected", [
    # unidentified armed men whose fire falls on no one named: ACLED codebook, violence against
    # civilians (an armed group's attack on unarmed people; a battle needs two armed sides)
    ("On 4 June 2021, armed men shot indiscriminately in a market in Cali.",
     "Violence against civilians"),
    ("On 4 June 2021, unidentified gunmen shot repeatedly in the main square of Tula.",
     "Violence against civilians"),
    # named armed groups, or an armed target, stay battles
    ("On 4 June 2021, soldiers shot indiscriminately in a market in Cali.", "Battles"),
    ("On 4 June 2021, unidentified gunmen shot at soldiers in Cali.", "Battles"),
])
def test_unidentified_gunmen_with_no_one_named_hit(coder, text, expected):
    assert _acled(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # fire "in both directions" anywhere in the paragraph is answered fire: a battle whatever
    # the weapons (ACLED codebook: remote violence is fire the target cannot answer)
    ("On 3 May 2021, the rebels fired mortars at army positions near Kalyn. Monitors counted "
     "40 explosions in both directions of the frontline.", "Battles"),
    ("On 3 May 2021, the rebels fired mortars at army positions near Kalyn.",
     "Explosions/Remote violence"),
])
def test_fire_in_both_directions(coder, text, expected):
    assert _acled(coder, text) == expected


@pytest.mark.parametrize("text", [
    # the weapon the act hangs from names its mode (PLOVER manual, ASSAULT modes)
    "On 3 May 2021, militants planted an IED targeting an army convoy near Hit.",
    "On 3 May 2021, militants lobbed a grenade at a police picket in Sopore in which two "
    "officers were injured.",
])
def test_the_weapon_an_act_hangs_from(coder, text):
    assert _acled(coder, text) == "Explosions/Remote violence"


@pytest.mark.parametrize("text", [
    # two joined verbs share the object the parse hangs on one of them (a trigger that needs an
    # object finds it there)
    "Around 6 May 2021, militiamen beat and robbed a trader in Gulu town.",
    "On 5 May 2021, in Jacmel, a man was tied up and brutally beaten by police officers.",
])
def test_a_beating_whose_victim_a_joined_verb_holds(coder, text):
    rec = record(coder, text)
    ev = main_event(rec)
    assert ev is not None and (ev["type"], ev["mode"]) == ("ASSAULT", "beat")
    assert event_acled_type(ev, rec)[0] == "Violence against civilians"


def test_shared_objects(nlp):
    from communique.extract.events.tree import shared_objects
    doc = nlp("Militiamen beat and robbed a trader.")
    assert [t.text for t in shared_objects(doc[1])] == ["trader"]
    doc = nlp("Militiamen fled and the police arrested a trader.")
    assert shared_objects(doc[1]) == []  # the joined clause has a subject of its own


def test_unidentified_gunmen_whose_attack_names_an_armed_target(coder):
    # no victim the parse finds, but the attack's own words name an armed target: a battle
    text = "On 3 May 2021, unknown gunmen carried out an attack targeting an army post in Gao."
    assert _acled(coder, text) == "Battles"


@pytest.mark.parametrize("text, expected", [
    # fire into the air is fired at no one (PLOVER manual, ASSAULT crowd-control): no battle
    ("On 1 May 2021, border guards fired warning shots into the air near Osh.",
     "Strategic developments"),
    ("On 1 May 2021, soldiers fired several shots in the air near the border post at Osh.",
     "Strategic developments"),
    # the air as where aircraft fire from stays theirs
    ("On 1 May 2021, helicopters fired on rebel positions from the air near Osh.",
     "Explosions/Remote violence"),
])
def test_fire_into_the_air(coder, text, expected):
    assert _acled(coder, text) == expected


def test_crowd_control_reads(coder):
    from communique.acled import acled_type
    assert acled_type("ASSAULT", "crowd-control", []) == ("Strategic developments", "Other")
    assert acled_type("ASSAULT", "crowd-control", ["CVL"])[0] == "Violence against civilians"


@pytest.mark.parametrize("text", [
    # fire exchanged, whatever its weapons, is a fight both sides wage
    "On 9 May 2021, the army exchanged artillery with the rebels near Kalyn.",
    "On 9 May 2021, militiamen exchanged gunshots with the police near Kalyn.",
    "On 9 May 2021, a shelling exchange between the army and the rebels took place near Kalyn.",
])
def test_fire_exchanged(coder, text):
    assert _acled(coder, text) == "Battles"


@pytest.mark.parametrize("text", [
    # the passive subject the parse hangs on the place names before the verb
    "Around 4 June 2021 (as reported), between the towns of Crato, Ceara, and Juazeiro, Ceara, "
    "the body of a man was found with stab wounds.",
    "Around 6 June 2021 (as reported), between the villages of Bom Jardim, Pernambuco, and "
    "Orobo, Pernambuco, the body of a young man was found with gunshot wounds.",
])
def test_a_body_found_where_the_parse_lost_it(coder, text):
    assert _acled(coder, text) == "Violence against civilians"


def test_lost_passive_subject(nlp):
    from communique.extract.events.tree import lost_passive_subject
    doc = nlp("A dead body was found inside a plastic bag in Tlalnepantla.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert lost_passive_subject(root) == []  # the parse kept the subject: nothing to look for
