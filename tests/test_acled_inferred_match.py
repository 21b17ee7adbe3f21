"""An inferred ACLED side (nobody named in the text) is scored right only against ACLED's own
unnamed side of its kind and country, never against a named group of that country and kind."""

import pytest

from communique.evaluate.acled import acled_actor, actor_matches


def side(name, sector, country):
    return {"id": None, "inferred": True, "name": name, "sector": sector, "country": country}


@pytest.mark.parametrize("gold, inter, iso3, ok", [
    ("Unidentified Armed Group (Kenya)", "3", "KEN", True),
    ("Unidentified Gang (Kenya)", "3", "KEN", True),
    ("Unidentified Armed Group (Uganda)", "3", "UGA", False),   # another country
    ("Al Shabaab", "2", "KEN", False),                          # a named group: UAF fits inter 2
    ("Military Forces of Kenya (2022-)", "1", "KEN", False),
])
def test_unidentified_side(gold, inter, iso3, ok):
    assert actor_matches(side("Unidentified Armed Group", "UAF", "KEN"),
                         acled_actor(gold, inter, iso3)) is ok


def test_unnamed_crowds():
    crowd = side("Protesters", "CVL", "IND")
    assert actor_matches(crowd, acled_actor("Protesters (India)", "6", "IND"))
    assert not actor_matches(crowd, acled_actor("Rioters (India)", "5", "IND"))
    assert not actor_matches(side("Protesters", "CVL", None), acled_actor("Protesters (India)", "6", "IND"))


def test_a_named_actor_still_matches_by_kind():
    named = {"id": "a1", "name": "militants", "sector": "UAF", "country": "KEN"}
    assert actor_matches(named, acled_actor("Al Shabaab", "2", "KEN"))


def test_civilians_unnamed_in_violence_against_civilians():
    from communique.acled import acled_sides, unnamed_target

    def ev(type, mode, recipient=(), country="MEX"):
        return {"type": type, "mode": mode, "actor": [], "recipient": list(recipient),
                "location": {"name": "x", "country": country}}

    # an abduction, a targeted killing: violence against civilians that names no victim
    for lost in (ev("ASSAULT", "abduct"), ev("ASSAULT", "targeted")):
        assert acled_sides(lost, [])[1] == [side("Civilians", "CVL", "MEX")]
    # a named victim stays alone; a battle or a protest gets no inferred civilians
    victim = {"id": "a2", "name": "a teacher", "sector": "EDU", "country": "MEX"}
    assert acled_sides(ev("ASSAULT", "abduct", [victim]), [])[1] == [victim]
    # (a battle that names neither side has ACLED's unidentified armed group: test_state_sides16)
    assert unnamed_target(ev("ASSAULT", "firearms"), [])["name"] != "Civilians"
    assert unnamed_target(ev("PROTEST", "demo"), []) is None
    crowd = side("Civilians", "CVL", "MEX")
    assert actor_matches(crowd, acled_actor("Civilians (Mexico)", "7", "MEX"))
    assert not actor_matches(crowd, acled_actor("Police Forces of Mexico (2018-)", "1", "MEX"))
