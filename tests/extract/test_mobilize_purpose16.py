"""Whom a force is mobilised or deployed against, read from the purpose clause it is sent
for (issue 12, sixteenth round, h16b; events/mobilize_purpose.py). Sentences written for
the test, not taken from the data sets."""

from __future__ import annotations

import pytest

from .records import names, record


def _recipients_of(rec, trigger):
    evs = [e for e in rec["events"] if e["trigger"]["text"] == trigger]
    assert evs, [(e["type"], e["trigger"]["text"]) for e in rec["events"]]
    return names(rec, evs[0]["recipient"])


@pytest.mark.parametrize("text, trigger, country", [
    # the purpose clause's object: "deployed to reinforce X"
    ("Kenyan troops were deployed to reinforce the Somali army in Kismayo.", "deployed", "SOM"),
    # what it is mobilised "for", and that act's target owned by a country
    ("The Turkish army mobilized tanks for an operation to strike against Armenia's air "
     "defences.", "mobilized", "ARM"),
    # a deployment noun whose governing verb carries the purpose
    ("The council approved the deployment of an observer team to supervise a truce in "
     "Sudan's Darfur region.", "deployment", "SDN"),
])
def test_a_mobilisation_falls_on_its_purposes_target(coder, text, trigger, country):
    got = _recipients_of(record(coder, text), trigger)
    assert any(c == country for _, c in got), got


def test_a_purpose_done_in_a_place_names_no_recipient(coder):
    # "to take part in" a mission: where the purpose is carried out, not whom it is aimed at
    rec = record(coder, "Nepalese soldiers were deployed to take part in the United Nations "
                        "mission.")
    evs = [e for e in rec["events"] if e["trigger"]["text"] == "deployed"]
    assert not evs or not evs[0]["recipient"], names(rec, evs[0]["recipient"])
