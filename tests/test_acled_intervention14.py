"""ACLED's actor2 of a protest or riot is the state force that intervened (ACLED codebook:
"Protest with intervention", "Excessive force against protesters", "Violent demonstration"):
``communique.acled.acled_sides`` adds the police or soldiers that another event of the article
has arrest, disperse, fire on or clash with people; the `acled` export and the ACLED actors
scorer both read it (issue 12, fourteenth round)."""

from __future__ import annotations

import pytest

from communique.acled import acled_sides, event_acled_actors
from communique.evaluate.acled import main_event

from .extract.records import record

TEACHERS = {"id": "A1", "name": "teachers", "sector": "EDU"}
POLICE = {"id": "A2", "name": "Police", "sector": "COP"}
FARMERS = {"id": "A3", "name": "farmers", "sector": "AGR"}


def ev(type, mode=None, actor=(), recipient=(), **more):
    return {"type": type, "mode": mode, "actor": list(actor), "recipient": list(recipient), **more}


def test_the_force_that_arrested_protesters_is_actor2():
    demo = ev("PROTEST", "demo", [TEACHERS])
    one, two = acled_sides(demo, [ev("COERCE", "arrest", [POLICE], [TEACHERS])])
    assert (one, two) == ([TEACHERS], [POLICE])


@pytest.mark.parametrize("other", [
    ev("COERCE", "arrest", [POLICE], negated=True),            # "police did not arrest anyone"
    ev("COERCE", "arrest", [POLICE], modality="hypothetical"),  # "police may arrest them"
    ev("MAKE_STATEMENT", None, [POLICE]),                       # "police said the march was calm"
    ev("COERCE", "arrest", [FARMERS]),                          # not a state force
])
def test_no_intervention_no_actor2(other):
    assert acled_sides(ev("PROTEST", "demo", [TEACHERS]), [other])[1] == []


def test_only_demonstrations_take_an_intervening_force():
    attack = ev("ASSAULT", "firearms", [TEACHERS], [FARMERS])
    assert acled_sides(attack, [ev("COERCE", "arrest", [POLICE])])[1] == [FARMERS]


def test_a_force_already_a_recipient_is_not_added_twice():
    riot = ev("PROTEST", "riot", [TEACHERS], [POLICE])
    assert acled_sides(riot, [ev("COERCE", "restrict", [POLICE], [TEACHERS])])[1] == [POLICE]


def test_record_protest_dispersed_by_police(coder):
    rec = record(coder, "On 4 May 2020, about 300 teachers protested over unpaid salaries in "
                        "Ibadan. Police fired tear gas and arrested 12 of them.")
    by = {a["id"]: a["name"] for a in rec["actors"]}
    one, two = event_acled_actors(main_event(rec), rec)
    assert [by[i] for i in one] == ["teachers"]
    assert [by[i] for i in two] == ["Police"]


def test_export_gives_the_intervening_force_as_actor2(coder, tmp_path):
    from communique.export import rows
    from communique.record import Article
    from communique.store import Store

    with Store(tmp_path / "e.db") as store:
        store.add([coder.code(Article(
            text="On 4 May 2020, traders rioted and threw stones at the town hall in Kisumu. "
                 "Soldiers dispersed the crowd.", id="riot", published="2020-05-05")).to_dict()])
        out = list(rows(store, flavor="acled"))
    riot = [r for r in out if r["plover_type"] == "PROTEST"]
    assert [(r["event_type"], r["actor1"], r["actor2"]) for r in riot] == [
        ("Riots", "traders", "Soldiers")]
