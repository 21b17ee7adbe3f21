"""Disrupted weapons use (issue 13, twelfth round, h13d; events/disrupted.py): an explosive
that was defused, failed to go off or was set off by the state's forces is no attack (ACLED
codebook: a strategic development). Sentences written for the test, not taken from the notes."""

from __future__ import annotations

import pytest

from .records import acled_type, record

DISRUPTED = [
    # defused, told in a second sentence
    "On 12 June 2021, a roadside bomb was found near Kelto village. The device was later "
    "defused by the bomb disposal unit. No one was hurt.",
    # a device that did not go off
    "On 3 July 2021, gunmen threw a grenade at a police patrol in Marvo town, but the grenade "
    "did not explode and nobody was injured.",
    # the police set the device off themselves
    "On 9 August 2021, the police detonated a bomb left by an unknown man outside a church in "
    "Dessel town.",
]


@pytest.mark.parametrize("text", DISRUPTED)
def test_a_disrupted_device_is_a_strategic_development(coder, text):
    rec = record(coder, text)
    remote = [e for e in rec["events"] if e["type"] == "ASSAULT" and e["mode"] in (
        "explosives", "heavy-weapons", "aerial", "drone", "suicide-attack")
        and e["modality"] == "asserted" and not e["negated"]]
    assert not remote, [(e["trigger"]["text"], e["mode"]) for e in remote]
    assert acled_type(coder, text) == "Strategic developments"


@pytest.mark.parametrize("text", DISRUPTED[1:])
def test_a_disrupted_device_in_model_mode(model_coder, text):
    assert acled_type(model_coder, text) == "Strategic developments"


@pytest.mark.parametrize("text", [
    # a bomb that went off and hurt people, beside one that was defused: an attack
    "On 4 May 2021, a bomb exploded at the market in Varno town, injuring six people. A second "
    "bomb was defused by the army.",
    # militants detonating a bomb: an attack, whoever it was aimed at
    "On 5 May 2021, militants detonated a bomb near an army convoy in Dalmo district.",
    # disarming people is no defusal
    "On 6 May 2021, an IED planted by militants exploded under a truck on the road to Kasso. "
    "Soldiers later disarmed two militiamen near the town.",
])
def test_an_explosion_that_happened_stays_remote_violence(coder, text):
    assert acled_type(coder, text) == "Explosions/Remote violence"
