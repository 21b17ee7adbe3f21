"""Model mode: whether a protest's crowd was violent is the rules' call (issue 13, eleventh round,
helper h13m; acled_reading.violent, docs/event-model.md "A protest's violence"). The event
model's heads say that a sentence tells of a protest; the rules say whether its crowd fought,
vandalised or burned things (find._riot_paragraphs). Sentences written for the test, not taken
from the notes; the expected types worked out by hand from the ACLED codebook (a riot is a
demonstration whose participants engage in violence; a blockade or a rally after someone
else's violence is a peaceful protest)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from communique.extract.events.acled_reading import violent

from .records import acled_type as _acled


@pytest.mark.parametrize("text, expected", [
    # no violence by the crowd: the heads read a riot, the rules a demonstration
    ("On 12 March 2021, a group of villagers blocked the road to Kisumu to demand the repair of "
     "a collapsed bridge. [size=no report]", "Protests"),
    ("On 12 March 2021, dozens of traders demonstrated in Kumasi after a police officer "
     "assaulted a vendor at the market. [size=dozens]", "Protests"),
    ("On 12 March 2021, about 30 relatives of a man who died in a road crash rallied outside the "
     "court in Nakuru demanding justice. [size=about 30]", "Protests"),
    # the crowd burned tyres: the heads read a demonstration, the rules a riot
    ("On 12 March 2021, dozens of residents staged a demonstration outside the governor's office "
     "in Puno where they burned tires to demand water. [size=dozens]", "Riots"),
    # both agree
    ("On 12 March 2021, hundreds of rioters blocked the highway near Tripoli and threw stones at "
     "the army. [size=hundreds]", "Riots"),
    ("On 12 March 2021, residents of Tamale demonstrated against plans to build a waste dump "
     "near their homes. [size=no report]", "Protests"),
])
def test_model_mode_a_protest_is_a_riot_where_the_rules_see_violence(model_coder, text, expected):
    assert _acled(model_coder, text) == expected


def _d(type_, mode):
    return SimpleNamespace(type=type_, mode=mode, cameo=None)


def _r(type_, mode):
    return SimpleNamespace(type=type_, mode=mode)


def _violent(d, r, riot):
    # a Decision stand-in: dataclasses.replace needs a dataclass
    from dataclasses import make_dataclass

    D = make_dataclass("D", ["type", "mode", "cameo"])
    out = violent(D(d.type, d.mode, d.cameo), r, riot)
    return out.type, out.mode


@pytest.mark.parametrize("decided, lexicon, riot, expected", [
    (("PROTEST", "riot"), ("PROTEST", "demo"), False, ("PROTEST", "demo")),
    (("PROTEST", "riot"), ("PROTEST", "obstruct"), False, ("PROTEST", "obstruct")),
    (("PROTEST", "riot"), ("PROTEST", None), False, ("PROTEST", "demo")),
    (("PROTEST", "demo"), ("PROTEST", "demo"), True, ("PROTEST", "riot")),
    (("PROTEST", "demo"), ("PROTEST", "vandalize"), False, ("PROTEST", "vandalize")),
    (("PROTEST", "riot"), ("PROTEST", "riot"), False, ("PROTEST", "riot")),
    # a strike in a riot paragraph stays a strike (as rules mode's _as_riot)
    (("PROTEST", "boycott"), ("PROTEST", "boycott"), True, ("PROTEST", "boycott")),
    # not a protest by the lexicon: the heads' reading stands (an attack read as a riot)
    (("PROTEST", "riot"), ("ASSAULT", None), False, ("PROTEST", "riot")),
    (("ASSAULT", None), ("PROTEST", "demo"), True, ("ASSAULT", None)),
])
def test_violent(decided, lexicon, riot, expected):
    assert _violent(_d(*decided), _r(*lexicon), riot) == expected
