"""Model mode: a paragraph that tells of fire answered ("the police shot back") or of an attack
repelled ("before being repelled by security forces") tells of a fight both sides wage, so the
ACLED reading of violence against civilians does not make its attack one-sided (ACLED codebook:
a battle is a violent interaction between two armed groups; find.py passes such a paragraph as
two-sided to the reading, as the rules' one-sided step already reads it)."""

from __future__ import annotations

import pytest

from tests.extract.records import acled_type as _acled


@pytest.mark.parametrize("text", [
    "On 4 June 2021, in Soyapango (San Salvador), police officers were patrolling the San Jose "
    "neighborhood when alleged gang members approached and started shooting. The police shot "
    "back. No injuries were reported.",
    "On 5 June 2021, suspected Islamic militants attacked Mbau village (Mocimboa da Praia, Cabo "
    "Delgado). No fatalities reported. They burned several huts before being repelled by "
    "security forces (assumed military).",
])
def test_a_fight_the_paragraph_tells_of_is_a_battle(model_coder, text):
    assert _acled(model_coder, text) == "Battles"


@pytest.mark.parametrize("text", [
    # the civilians killed still say whom the attack fell on
    "On 7 June 2021, suspected bandits attacked Gidan Bawa village (Maru LGA, Zamfara) and killed "
    "3 residents. Vigilantes repelled the attack.",
    # no fire answered: one-sided
    "On 8 June 2021, alleged gang members shot and killed a bus driver in Soyapango (San "
    "Salvador). No arrests were reported.",
])
def test_civilians_killed_stay_violence_against_civilians(model_coder, text):
    assert _acled(model_coder, text) == "Violence against civilians"
