"""The two sides of a riot told as a clash (issue 12, seventeenth round). ACLED writes a riot's
crowd as actor1 and the force or crowd it fought as actor2 (codebook, "Riots"). The ACLED view
(``communique.acled.acled_sides``) takes a state force the text makes a side of the clash
itself ("a clash erupted between traders and police") as actor2, and gives a clash between
crowds that names no other side ("two groups of fishermen clashed") ACLED's unnamed
"Rioters (Country)", inferred. The record keeps its own roles."""

from __future__ import annotations

from communique.acled import acled_sides, event_acled_sides, other_crowd, own_forces, two_sided

from .extract.records import event, record

TRADERS = {"id": "A1", "name": "traders", "kind": "group", "sector": "BUS", "country": "PAK"}
POLICE = {"id": "A2", "name": "police", "kind": "group", "sector": "COP", "country": "PAK"}
GROUPS = {"id": "A3", "name": "groups", "kind": "group", "sector": "CVL", "country": "IND"}
SHOP = {"id": "A4", "name": "Sadar Bazaar", "kind": "organization", "sector": "BUS", "country": "IND"}
HERE = {"country": "IND", "name": "Karwar"}


def ev(mode, trigger, actor=(), recipient=(), type="PROTEST"):
    return {"type": type, "mode": mode, "actor": list(actor), "recipient": list(recipient),
            "trigger": {"text": trigger}, "location": HERE}


def test_a_force_among_a_riots_sides_is_actor2():
    one, two = acled_sides(ev("riot", "clash", [TRADERS, POLICE]), [])
    assert one == [TRADERS] and two == [POLICE]


def test_a_force_among_a_demonstrations_sides_is_actor2():
    assert own_forces(ev("demo", "protested", [TRADERS, POLICE])) == [POLICE]


def test_forces_alone_stay_actor1():
    assert own_forces(ev("riot", "clash", [POLICE])) == []
    assert own_forces(ev(None, "clashed", [TRADERS, POLICE], type="ASSAULT")) == []


def test_a_clash_between_crowds_has_rioters_as_actor2():
    _, two = acled_sides(ev("riot", "clashed", [GROUPS]), [])
    assert [(a["name"], a["sector"], a["country"], a["inferred"]) for a in two] == [
        ("Rioters", "CVL", "IND", True)]


def test_inflections_of_two_sided_triggers():
    assert all(two_sided(ev("riot", w)) for w in ("clash", "clashes", "clashing", "scuffled"))
    assert not two_sided(ev("riot", "vandalized"))


def test_no_other_crowd_where_the_riot_is_one_sided_or_names_whom_it_fell_on():
    assert other_crowd(ev("riot", "vandalized", [GROUPS])) is None
    assert other_crowd(ev("riot", "clashed", [GROUPS], [SHOP])) is None
    assert other_crowd(ev("riot", "clashed", [GROUPS], [POLICE])) is None
    assert other_crowd(ev(None, "clashed", [GROUPS], type="ASSAULT")) is None


def test_sentences(coder):
    rec = record(coder, "On 12 June 2021, two groups of fishermen clashed at a jetty in Karwar "
                        "town over fishing rights, injuring four people.")
    _, two = event_acled_sides(event(rec, "PROTEST"), rec)
    assert ("Rioters", "IND", True) in [(a["name"], a["country"], a.get("inferred")) for a in two]
    rec = record(coder, "On 3 July 2021, a clash erupted between traders and police in Multan "
                        "city after police ordered shops to close.")
    protest = event(rec, "PROTEST")
    one, two = event_acled_sides(protest, rec)
    assert [a["name"] for a in one] == ["traders"] and [a["name"] for a in two] == ["police"]
    assert len(protest["actor"]) == 2  # the record keeps both sides
