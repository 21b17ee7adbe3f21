"""State forces as ACLED's actor2 of protests and riots (issue 12, fifteenth round, h15i):
the police or soldiers who intervene in or disperse a demonstration act on it (PLOVER COERCE
restrict), the force whose arrest or dispersal a tagged note leads with is at the receiving end
of its demonstration, and the force a crowd throws stones at is the riot's recipient.
Sentences written for the test, not taken from the notes."""

from __future__ import annotations

import pytest

from communique.acled import event_acled_actors
from communique.evaluate.acled import main_event

from .records import acled_type, record


def sides(coder, text):
    """(names of ACLED's actor1, names of actor2) of the main event of ``text``."""
    rec = record(coder, text)
    by = {a["id"]: a["name"] for a in rec["actors"]}
    one, two = event_acled_actors(main_event(rec), rec)
    return [by[i] for i in one], [by[i] for i in two]


def coercions(coder, text):
    """(trigger, actor names) of the record's COERCE events."""
    rec = record(coder, text)
    by = {a["id"]: a["name"] for a in rec["actors"]}
    return [(e["trigger"]["text"], [by[i] for i in e["actor"]]) for e in rec["events"]
            if e["type"] == "COERCE"]


@pytest.mark.parametrize("text, force", [
    ("On 3 June 2021, about 50 nurses held a sit-in outside a hospital in Mombasa over unpaid "
     "wages. Police intervened. [size=about 50]", "Police"),
    ("On 4 June 2021, farmers marched to the governor's office in Kano to demand compensation. "
     "They were dispersed by the police. [size=no report]", "police"),
    ("On 5 June 2021, dozens of traders blocked a road in Bulawayo over the closure of their "
     "market. Soldiers intervened and the traders left. [size=dozens]", "Soldiers"),
])
def test_the_force_that_intervened_or_dispersed_is_actor2(coder, text, force):
    assert force in sides(coder, text)[1]
    assert acled_type(coder, text) == "Protests"


@pytest.mark.parametrize("text", [
    # no state force: a crowd that disperses, a country that intervenes diplomatically
    "The crowd dispersed peacefully after the speeches in Nairobi.",
    "Turkey intervened in the dispute between the two parties in Libya.",
])
def test_no_force_no_intervention(coder, text):
    assert coercions(coder, text) == []


@pytest.mark.parametrize("text, crowd, force", [
    ("On 6 June 2021, riot police dispersed the traders in Harare who protested the closure of "
     "their market. [size=dozens]", "traders", "riot police"),
    ("On 7 June 2021, police detained 6 students who gathered in front of the university in "
     "Izmir to protest the appointment of the rector. [size=6]", "students", "police"),
])
def test_a_lead_arrest_or_dispersal_by_police_has_the_crowd_act(coder, text, crowd, force):
    one, two = sides(coder, text)
    assert crowd in one and force not in one
    assert force in two
    assert acled_type(coder, text) == "Protests"


def test_force_used_on_a_crowd_is_no_riot_of_it(coder):
    text = ("On 8 June 2021, police beat protesters who gathered outside the parliament in "
            "Kampala to demand the release of an opposition leader. [size=no report]")
    assert acled_type(coder, text) == "Protests"
    assert "police" in sides(coder, text)[1]


@pytest.mark.parametrize("text, force", [
    ("On 9 June 2021, demonstrators pelted stones at the security forces at Sopore town "
     "(Baramulla, J&K) over the arrest of a cleric. [size=no report]", "security forces"),
    ("On 10 June 2021, a crowd of villagers attacked and pelted stones at police personnel at "
     "Rampur (Bihar) over the death of a man. [size=no report]", "police personnel"),
])
def test_the_force_stoned_is_the_riots_recipient(coder, text, force):
    assert sides(coder, text)[1] == [force]
    assert acled_type(coder, text) == "Riots"


def test_a_crowd_that_turned_violent_before_police_dispersed_it_riots(coder):
    # the lead is the force's act; the crowd's violence is told in words
    text = ("On 11 June 2021, dozens of youths turned violent in the old town of Constanta and "
            "had to be dispersed by police officers. [size=dozens]")
    assert acled_type(coder, text) == "Riots"
    assert sides(coder, text)[1] == ["police officers"]


def test_export_says_protest_with_intervention(coder, tmp_path):
    from communique.export import rows
    from communique.record import Article
    from communique.store import Store

    with Store(tmp_path / "e.db") as store:
        for n, text in enumerate([
                "On 12 June 2021, about 30 nurses protested outside a clinic in Eldoret over unpaid "
                "wages. Police intervened.",
                "On 12 June 2021, about 30 nurses protested outside a clinic in Eldoret over unpaid "
                "wages. The nurses went home in the evening."]):
            store.add([coder.code(Article(text=text, id=f"p{n}", published="2021-06-13")).to_dict()])
        out = [r for r in rows(store, flavor="acled") if r["plover_type"] == "PROTEST"]
    kinds = {r["event_id_cnty"].split(":")[0]: (r["sub_event_type"], "Police" in (r["actor2"] or ""))
             for r in out}
    assert kinds == {"p0": ("Protest with intervention", True), "p1": ("Peaceful protest", False)}


POLICE = {"id": "A2", "name": "police", "sector": "COP"}
MINERS = {"id": "A1", "name": "miners", "sector": "LAB"}
RIOTERS = {"id": "A3", "name": "rioters", "sector": "OPP"}


def _ev(type, mode=None, actor=(), recipient=(), **more):
    return {"type": type, "mode": mode, "actor": list(actor), "recipient": list(recipient), **more}


def test_the_force_the_rioters_fought_is_actor2():
    from communique.acled import acled_sides

    riot = _ev("PROTEST", "riot", [MINERS])
    stoned = _ev("PROTEST", "riot", [RIOTERS], [POLICE])
    assert acled_sides(riot, [stoned])[1] == [POLICE]


@pytest.mark.parametrize("other", [
    _ev("ASSAULT", None, [POLICE], [RIOTERS]),                    # the force's own act: its actor
    _ev("PROTEST", "riot", [RIOTERS], [POLICE], negated=True),   # "did not attack the police"
    _ev("MAKE_STATEMENT", None, [RIOTERS], [POLICE]),            # "told the police"
])
def test_no_fight_with_a_force_no_fought_force(other):
    from communique.acled import acled_sides

    two = acled_sides(_ev("PROTEST", "riot", [MINERS]), [other])[1]
    assert [a for a in two if a.get("id") == "A2"] == ([POLICE] if other["type"] == "ASSAULT" else [])


def test_record_rioters_stoned_the_police(coder):
    text = ("On 13 June 2021, about 300 miners demonstrated in Kolwezi over unpaid wages. Rioters "
            "threw stones at the police and burned a car. [size=about 300]")
    assert acled_type(coder, text) == "Riots"
    assert "police" in sides(coder, text)[1]


def test_prison_guards_are_a_state_force(coder):
    # sectors.tsv: "prison guards" a body (COP, group), as "border guards" (MIL, group)
    text = ("On 14 June 2021, prison guards killed one prisoner during a riot in Kosti prison. "
            "[size=no report]")
    rec = record(coder, text)
    assert [a["sector"] for a in rec["actors"] if a["name"].lower() == "prison guards"] == ["COP"]
    assert "prison guards" in sides(coder, text)[1]


def test_the_role_step_keeps_the_force_at_the_receiving_end(coder):
    # the lead "intervened" has the police as its subject; read as the note's demonstration,
    # the police receive it and the role step, which would make the subject act, leaves it so
    text = ("On 15 June 2021, police intervened to stop youth activists from burning an effigy "
            "of the chief minister in Srinagar. [size=no report]")
    one, two = sides(coder, text)
    assert "police" in two and "police" not in one
