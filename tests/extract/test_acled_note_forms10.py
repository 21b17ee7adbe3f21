"""ACLED note forms, issue 13, ninth round (helper h13r): riots told by burning material (rules
mode), and fire both sides exchange or answer in model mode. Sentences written
for the test, not taken from the notes; the expected types worked out by hand from the ACLED
codebook's definitions."""

from __future__ import annotations

import pytest

from .records import acled_type as _acled


@pytest.mark.parametrize("text, expected", [
    # ACLED codebook, violent demonstration: road-blocking using burning tyres or other material
    ("On 5 June 2021, protesters blocked the highway near Taiz burning material, demanding the "
     "payment of salaries.", "Riots"),
    # a road blocked with nothing burnt stays a peaceful protest
    ("On 5 June 2021, protesters blocked the highway near Taiz, demanding the payment of "
     "salaries.", "Protests"),
    # a burning that the protest is against is no fire of its crowd
    ("On 5 June 2021, residents protested in Jos against the burning of houses by soldiers.",
     "Protests"),
])
def test_burning_material_makes_a_riot(coder, text, expected):
    assert _acled(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # ACLED codebook: a fight both sides wage is a battle whatever the weapons; remote violence
    # is one-sided (its target cannot answer). Fire "in both directions", fire answered, fire
    # exchanged
    ("On 12 June 2021, the monitoring mission recorded 40 explosions in both directions of the "
     "contact line near Avdiivka.", "Battles"),
    ("On 12 June 2021, government troops and rebels exchanged mortar fire near Kidal.", "Battles"),
    ("On 12 June 2021, army units and the militia reportedly exchanged artillery fire on the "
     "Nihm front.", "Battles"),
    ("On 12 June 2021, the militia fired mortars at army positions near Gao, and the soldiers "
     "fired back.", "Battles"),
    ("On 12 June 2021, rebels shelled army positions near Idlib. The army responded to the "
     "shelling.", "Battles"),
    # one side's fire, unanswered, stays remote violence
    ("On 12 June 2021, the army shelled rebel positions near Idlib, killing four fighters.",
     "Explosions/Remote violence"),
    ("On 12 June 2021, a roadside bomb exploded near a police patrol in Kirkuk, wounding two "
     "officers.", "Explosions/Remote violence"),
])
def test_model_mode_fire_both_sides_wage_is_a_battle(model_coder, text, expected):
    assert _acled(model_coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a victim off duty is a civilian whatever the words' sector (ACLED codebook, violence
    # against civilians: unarmed people not engaged in political violence): the rules' reading,
    # now also the model mode's
    ("On 12 June 2021, militants shot and killed a police officer (assumed off-duty) near the "
     "main market in Baidoa.", "Violence against civilians"),
    ("On 12 June 2021, gunmen shot and killed a soldier who was off-duty in a cafe in Kismayo.",
     "Violence against civilians"),
    # people killed in a fight both sides wage are its casualties, no victims of one-sided
    # violence (PLOVER manual, ASSAULT: two-sided violence)
    ("On 12 June 2021, a man was killed after exchanging fire with the police in Recife.",
     "Battles"),
    ("On 12 June 2021, two civilians were killed in shooting during clashes between two "
     "families in Idlib.", "Battles"),
    # on duty, they stay the target of a battle; a farmer shot stays a civilian
    ("On 12 June 2021, militants shot dead two police officers at a checkpoint in Kandahar.",
     "Battles"),
    ("On 12 June 2021, soldiers shot dead a farmer near Beni.", "Violence against civilians"),
])
def test_model_mode_off_duty_victims_and_fight_casualties(model_coder, text, expected):
    assert _acled(model_coder, text) == expected
