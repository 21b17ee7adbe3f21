"""Strategic developments the coder read as other ACLED types (issue 13).

Fire "in(to) the air" is fired at no one (PLOVER manual, ASSAULT crowd-control: "firing weapons
in the air"; weapon_modes.tsv): with no civilian recipient it is a strategic development
(data/acled_plover.tsv; train part of the ACLED notes: 3 of 3 notes whose main event is such
fire alone). The event model's mode head was not trained on that mode, so in model mode the
weapon rule still gives it (rules mode gave it before)."""

from __future__ import annotations

import pytest

from tests.extract.records import acled_type as _acled

AIR = [
    "On 3 June 2021, Tajik border guards fired warning shots into the air near a village in the "
    "Isfara district while Kyrgyz herders grazed their sheep on disputed pasture.",
    "On 9 June 2021, coast guards of one country fired several shots in the air at night on the "
    "river that marks the border, according to officers of the other.",
]


@pytest.mark.parametrize("text", AIR)
def test_fire_into_the_air_is_a_strategic_development(coder, model_coder, text):
    assert _acled(coder, text) == "Strategic developments"
    assert _acled(model_coder, text) == "Strategic developments"


def test_fire_at_people_stays_a_fight(model_coder):
    # the control: the same guards firing at someone armed
    text = ("On 3 June 2021, Tajik border guards fired at Kyrgyz border guards near a village in "
            "the Isfara district.")
    assert _acled(model_coder, text) == "Battles"


# Property destroyed by a weapon fired from afar is the shelling or strike (ACLED codebook,
# explosions/remote violence; train part: 3 of 3 notes that "destroyed" something "with
# artillery fire" or "using an ATGM" are shelling/artillery/missile attacks): rules mode, where
# the weapons name the mode (classify.means_weapon_mode).
@pytest.mark.parametrize("text", [
    "On 6 June 2021, government troops destroyed a rebel pickup with artillery fire near the town "
    "of Kadugli.",
    "On 6 June 2021, opposition fighters destroyed an army bulldozer on the southern front, using "
    "an ATGM. No casualties were reported.",
])
def test_property_destroyed_by_shelling_is_remote_violence(coder, text):
    assert _acled(coder, text) == "Explosions/Remote violence"


@pytest.mark.parametrize("text", [
    # the weapon is what was destroyed, not the means
    "On 6 June 2021, the army destroyed a rebel drone near the border town of Kadugli.",
    # explosives laid to demolish are the destruction itself
    "On 6 June 2021, the army destroyed two rebel depots with explosives near Kadugli.",
])
def test_destruction_with_no_weapon_fired_from_afar_stays_a_strategic_development(coder, text):
    assert _acled(coder, text) == "Strategic developments"


# A scene a when-clause breaks into is its background (events/background.scene): "were
# patrolling ... when gang members started shooting" tells of the shooting (train part: 2 of 2
# notes whose first act the lexicon read in such a clause, a patrol, are battles).
def test_a_patrol_broken_into_by_fire_is_the_fire(coder):
    text = ("On 8 June 2021, soldiers were patrolling a market street in Goma when armed men "
            "approached and opened fire on them. The soldiers returned fire.")
    assert _acled(coder, text) == "Battles"


def test_a_patrol_with_no_act_after_it_stays_a_patrol(coder):
    text = "On 8 June 2021, soldiers were patrolling a market street in Goma when it began to rain."
    assert _acled(coder, text) == "Strategic developments"


# Territory taken in a fight is the fight (events/territory.py; ACLED codebook: government
# regains territory and non-state actor overtakes territory are battles, a non-violent
# transfer of territory a strategic development; train part: 7 of 7 notes of control taken
# beside clashes or killing are battles, 2 of 2 with no fight strategic developments).
@pytest.mark.parametrize("text", [
    "On 9 June 2021, government troops took control of a rebel camp near Mora after clashes with "
    "the rebels.",
    "On 9 June 2021, the army recaptured the town of Mora after heavy fighting with the rebels.",
    "On 9 June 2021, rebels captured the town of Mora after clashes in which 12 soldiers died.",
])
def test_territory_taken_in_a_fight_is_a_battle(coder, text):
    assert _acled(coder, text) == "Battles"


def test_territory_taken_with_no_fight_stays_a_strategic_development(coder):
    text = ("On 9 June 2021, rebels took control of the village of Mora and set up a checkpoint at "
            "its entrance.")
    assert _acled(coder, text) == "Strategic developments"
