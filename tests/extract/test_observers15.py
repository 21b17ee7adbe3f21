"""Observers are not attackers (issue 12, fifteenth round): a party that observes, hears,
records or reports violence is its source, not its actor (PLOVER manual: the actor carries
out the act; CAMEO/PETRARCH code the party of a report verb as the source). The violent
event stays; its observer leaves its actors (communique/extract/events/observers.py)."""

from __future__ import annotations

import pytest

from .records import event, names, record


@pytest.mark.parametrize("text, observer", [
    # a monitoring mission's daily count (the OSCE SMM form of the ACLED notes)
    ("On 6 May 2020, the OSCE SMM observed a total of 6 explosions involving unknown weapons "
     "near Zolote, Luhansk.", "OSCE"),
    ("On 3 May 2020, Kenyan police recorded two shootings in the Kibera slum of Nairobi.",
     "police"),
    ("Residents of Goma heard heavy gunfire on Tuesday night.", "Residents"),
    # passive, the observer in the "by" phrase
    ("Gunfire was heard by villagers near Bunia on Sunday.", "villagers"),
])
def test_the_observer_is_no_actor_of_the_violence(coder, text, observer):
    rec = record(coder, text)
    assault = event(rec, "ASSAULT")
    assert not any(observer in name for name, _ in names(rec, assault["actor"])), \
        names(rec, assault["actor"])


@pytest.mark.parametrize("text, actor", [
    # the one who fires stays the actor beside a report verb ("witnesses reported that ...")
    ("Witnesses reported that soldiers shot dead two farmers in Kaduna on Monday.", "soldiers"),
    ("On 5 May 2020, the Nigerian army shelled Boko Haram positions near Maiduguri.",
     "Nigerian army"),
])
def test_the_one_who_acts_stays(coder, text, actor):
    rec = record(coder, text)
    assault = event(rec, "ASSAULT")
    assert any(actor in name for name, _ in names(rec, assault["actor"])), \
        names(rec, assault["actor"])


def test_observing_a_protest_is_staging_it(coder):
    # "observe" also stages a protest (a hunger strike observed): not violence, not touched
    rec = record(coder, "On 4 May 2020, nurses observed a hunger strike in Lagos over unpaid "
                        "allowances.")
    protest = event(rec, "PROTEST")
    assert any("nurses" in name for name, _ in names(rec, protest["actor"]))
