"""Model mode too: fire aimed at a target no word arms ("opened fire at a Palestinian", "firing
gunshots at the tires", "fired shots at a former MLA") is one-sided where no armed victim or
recipient and no fight both sides wage say otherwise (events/targets.py; ACLED codebook: a
battle needs two armed sides, violence against civilians falls on unarmed people and their
property). Fire at a post a force holds stays a battle."""

from __future__ import annotations

import pytest

from tests.extract.records import acled_type as _acled


@pytest.mark.parametrize("text", [
    "On 9 June 2021, Israeli forces opened fire at a Palestinian near the separation wall in the "
    "village of Azzun, east of Qalqiliyah. The Palestinian was injured and hospitalized.",
    "On 6 June 2021, suspected JNIM militants stopped two transport trucks between Djibo and "
    "Namsiguia (Djibo, Soum), firing gunshots at the tires of the vehicles.",
    "On 3 June 2021, an unidentified group fired shots at a former MLA in Baliguda town "
    "(Kandhamal, Odisha) while he was in his car. The former MLA escaped unhurt.",
])
def test_fire_at_no_armed_target_is_violence_against_civilians(model_coder, text):
    assert _acled(model_coder, text) == "Violence against civilians"


def test_fire_at_an_army_post_stays_a_battle(model_coder):
    text = "On 4 June 2021, militants opened fire at an army checkpoint near Baidoa (Baydhaba, Bay)."
    assert _acled(model_coder, text) == "Battles"
