"""Issue 12: who did it to whom in reports of violence (ACLED-style notes), default mode.
Each sentence is our own, written for the pattern (not copied from a data set); the actor and
recipient were worked out by hand from the sentence."""

from __future__ import annotations

import pytest

from communique.evaluate.acled import main_event
from communique.record import Article


def _main_roles(coder, text):
    rec = coder.code(Article(text=text, id="t", published="2021-05-01")).to_dict()
    by_id = {a["id"]: a for a in rec["actors"]}
    ev = main_event(rec)
    assert ev is not None, rec["events"]
    return ([by_id[i] for i in ev["actor"]], [by_id[i] for i in ev["recipient"]])


def _names(actors):
    return [a["name"] for a in actors]


@pytest.mark.parametrize("text,actor,recipient", [
    # a passive whose "by" phrase hangs from the verb joined to the trigger
    ("On 3 March 2021, a farmer was shot and killed by rebels near Beni.", "rebels", "farmer"),
    ("On 3 March 2021, two teachers were kidnapped and killed by gunmen near Kaduna.", "gunmen",
     "teachers"),
    # a passive with no "by": the one who carries out the attack it happened in
    ("On 2 May 2020, two officers were injured in an attack by a mob in Dhaka.", "mob", "officers"),
    # the one who placed the weapon acts
    ("On 3 March 2021, a mine planted by insurgents wounded three soldiers in Borno.", "insurgents",
     "soldiers"),
    # the other side of a fight ("clashed with"), past a leading date ("On 3 March")
    ("On 3 March 2021, rebels clashed with police forces in Goma.", "rebels", "police forces"),
    # armed men deeper in an "of" phrase are the owner, not their country
    ("On 4 June 2021, troops of Eritrea fired mortars on the positions of the military forces of "
     "Ethiopia near Zalambessa.", "troops", "military forces"),
])
def test_actor_and_recipient_of_violence(coder, text, actor, recipient):
    actors, recipients = _main_roles(coder, text)
    assert _names(actors) == [actor], (_names(actors), _names(recipients))
    assert _names(recipients) == [recipient], (_names(actors), _names(recipients))


def test_forces_of_a_country_keep_its_country_and_sector(coder):
    _, recipients = _main_roles(coder, "On 4 June 2021, troops of Eritrea fired mortars on the "
                                       "positions of the military forces of Ethiopia near Zalambessa.")
    assert [(a["country"], a["sector"]) for a in recipients] == [("ETH", "MIL")]


def test_clashes_that_took_place_between_two_sides(coder):
    actors, recipients = _main_roles(
        coder, "On 3 March 2021, clashes erupted between herders and farmers in Plateau.")
    assert sorted(_names(actors)) == ["farmers", "herders"] and recipients == []


def test_a_wound_in_an_attack_names_no_one_without_an_attacker(coder):
    # "in an attack" that says by whom nobody: no actor is made up
    actors, recipients = _main_roles(coder, "On 2 May 2020, two officers were injured in an attack in Dhaka.")
    assert actors == [] and _names(recipients) == ["officers"]


@pytest.mark.parametrize("text,actor,recipient", [
    # the recipient after the last of several objects ("grenade" parsed a joined verb)
    ("On 2 May 2020, the Ukrainian Forces fired 82mm mortars and grenade launchers at the "
     "positions of the Donbass People's Militia near Oleksandrivka, Donetsk.", "Ukrainian Forces",
     "Donbass People's Militia"),
    # posts of the state's forces stand for them
    ("Rebels attacked government checkpoints near Goma.", "Rebels", "government checkpoints"),
])
def test_recipient_of_fire(coder, text, actor, recipient):
    actors, recipients = _main_roles(coder, text)
    assert _names(actors) == [actor] and _names(recipients) == [recipient], (_names(actors), _names(recipients))


def test_a_named_militia_is_armed_not_its_people(coder):
    # "People's" is a possessor: the body is a militia (PRM), not civilians
    _, recipients = _main_roles(coder, "On 2 May 2020, the Ukrainian Forces fired mortars at the "
                                       "positions of the Donbass People's Militia near Donetsk.")
    assert [a["sector"] for a in recipients] == ["PRM"]


def test_government_posts_are_the_armed_forces(coder):
    _, recipients = _main_roles(coder, "Rebels attacked government checkpoints near Goma.")
    assert [(a["country"], a["sector"]) for a in recipients] == [("COD", "MIL")]


def test_an_agent_takes_the_country_of_its_sentence_place_over_another_actor_nationality(coder):
    rec = coder.code(Article(text="On 3 May 2020, regime forces shelled a village in Hama amid the "
                                  "overflight of Russian drones.", id="t")).to_dict()
    got = {a["name"]: (a["country"], a["country_source"]) for a in rec["actors"]}
    assert got["regime forces"] == ("SYR", "sentence")
    # an agent with a nationality word of its own never takes the place's country
    assert got["Russian drones"][0] == "RUS"


def test_two_places_in_two_countries_leave_an_agent_without_one(coder):
    rec = coder.code(Article(text="Police in Kenya and Uganda arrested smugglers near Busia and Tororo.",
                             id="t")).to_dict()
    got = {a["name"]: a["country"] for a in rec["actors"]}
    assert "smugglers" in got and got["smugglers"] is None, got


@pytest.mark.parametrize("text,actor,recipient", [
    # an attack held to be someone's
    ("On 7 May 2020, two farmers were killed in an attack attributed to rebels near Beni.", "rebels",
     "farmers"),
    # the doer of a gerund trigger, named with "by" after the place
    ("On 5 May 2020, a man was injured in a drive-by shooting in Recife by armed men in a car.",
     "armed men", None),
])
def test_who_an_attack_is_held_to_be_by(coder, text, actor, recipient):
    actors, recipients = _main_roles(coder, text)
    assert _names(actors) == [actor], (_names(actors), _names(recipients))
    if recipient:
        assert _names(recipients) == [recipient], (_names(actors), _names(recipients))


@pytest.mark.parametrize("text,actor,sector", [
    ("On 28 April 2020, dozens of parents of pupils staged a demonstration outside a school in Lima.",
     "parents", "CVL"),
    ("On 9 May 2020, hundreds of inhabitants protested in Lima to demand food.", "inhabitants", "CVL"),
    ("On 9 May 2020, merchants blocked a road in Lima to protest the closure of the market.",
     "merchants", "BUS"),
])
def test_people_who_protest_without_a_name(coder, text, actor, sector):
    actors, _ = _main_roles(coder, text)
    assert [(a["name"], a["sector"], a["country"]) for a in actors] == [(actor, sector, "PER")]


@pytest.mark.parametrize("text,actor,recipient", [
    # the other side of the fight one was killed in
    ("On 28 April 2020, 12 rebels were killed during clashes with army forces near Beni.", "army forces",
     "rebels"),
    # an operation by someone acts through him
    ("On 3 May 2020, operations by army forces killed at least 10 rebels near Beni.", "army forces",
     "rebels"),
    # "a group of X protested", parsed with the group as the root and the verb a modifier of it
    ("On 29 April 2020, a group of teachers protested in front of the governorate headquarters in "
     "Sousse to demand their salaries.", "teachers", None),
])
def test_the_other_side_and_the_protesters(coder, text, actor, recipient):
    actors, recipients = _main_roles(coder, text)
    assert _names(actors) == [actor], (_names(actors), _names(recipients))
    assert _names(recipients) == ([recipient] if recipient else []), (_names(actors), _names(recipients))
