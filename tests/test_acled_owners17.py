"""ACLED's owners of destroyed or looted property (issue 12, seventeenth round). Looting or
property destruction whose recipients all have no sector names only the place or an owner of
no armed side; ACLED writes the owners "Civilians (Country)". The ACLED view
(``communique.acled.acled_sides``) adds them, inferred, after those recipients; not to a
seizure by the police (drugs or arms, whose owners are no civilians)."""

from __future__ import annotations

from communique.acled import acled_sides, event_acled_sides

MILITIA = {"id": "A1", "name": "militiamen", "kind": "group", "sector": "UAF", "country": "NGA"}
POLICE = {"id": "A2", "name": "police", "kind": "group", "sector": "COP", "country": "NGA"}
VILLAGE = {"id": "A3", "name": "Tudun Wada", "kind": "person", "sector": None, "country": "NGA"}
PARTY = {"id": "A4", "name": "APC", "kind": "organization", "sector": None, "country": "NGA"}
TRADERS = {"id": "A5", "name": "traders", "kind": "group", "sector": "BUS", "country": "NGA"}
HERE = {"country": "NGA", "name": "Zaria"}


def ev(actor, recipient, type="ASSAULT", mode="destroy"):
    return {"type": type, "mode": mode, "actor": list(actor), "recipient": list(recipient),
            "location": HERE, "trigger": {"text": "destroyed"}}


def named(two):
    return [(a["name"], a.get("sector"), a.get("country"), bool(a.get("inferred"))) for a in two]


def test_owners_of_no_sector_are_civilians():
    _, two = acled_sides(ev([MILITIA], [VILLAGE, PARTY]), [])
    assert named(two) == [("Tudun Wada", None, "NGA", False), ("APC", None, "NGA", False),
                          ("Civilians", "CVL", "NGA", True)]


def test_owners_with_a_sector_stay_alone():
    _, two = acled_sides(ev([MILITIA], [TRADERS, VILLAGE]), [])
    assert named(two) == [("traders", "BUS", "NGA", False), ("Tudun Wada", None, "NGA", False)]


def test_no_civilians_for_a_police_seizure():
    _, two = acled_sides(ev([POLICE], [VILLAGE], type="COERCE", mode="seize"), [])
    assert named(two) == [("Tudun Wada", None, "NGA", False)]


def test_only_looting_or_destruction():
    _, two = acled_sides(ev([MILITIA], [VILLAGE], mode="firearms"), [])
    assert ("Civilians", "CVL", "NGA", True) not in named(two)


def test_record_dicts():
    rec = {"actors": [MILITIA, VILLAGE], "events": [
        {"id": "E1", "type": "ASSAULT", "mode": "destroy", "actor": ["A1"], "recipient": ["A3"],
         "location": HERE, "trigger": {"text": "burned"}}]}
    _, two = event_acled_sides(rec["events"][0], rec)
    assert named(two)[-1] == ("Civilians", "CVL", "NGA", True)
    assert rec["events"][0]["recipient"] == ["A3"]  # the record keeps its roles
