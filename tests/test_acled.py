"""The ACLED <-> PLOVER table (communique/data/acled_plover.tsv), both ways."""

from __future__ import annotations

import pytest

from communique.acled import acled_rows, acled_type, plover_labels


@pytest.mark.parametrize("type_, mode, sectors, expected", [
    ("ASSAULT", "aerial", [], ("Explosions/Remote violence", "Air/drone strike")),
    ("ASSAULT", "drone", ["CVL"], ("Explosions/Remote violence", "Air/drone strike")),
    ("ASSAULT", "heavy-weapons", ["MIL"], ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("ASSAULT", "explosives", [], ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("ASSAULT", "suicide-attack", ["CVL"], ("Explosions/Remote violence", "Suicide bomb")),
    ("ASSAULT", "abduct", ["CVL"], ("Violence against civilians", "Abduction/forced disappearance")),
    # combatants captured in fighting (PLOVER: ASSAULT abduct) are not violence against civilians
    ("ASSAULT", "abduct", ["MIL"], ("Battles", "Armed clash")),
    ("ASSAULT", "abduct", ["REB", "GOV"], ("Battles", "Armed clash")),
    # ACLED codebook: abductions and sexual violence are violence against civilians, whoever the
    # victims are unless they bear arms (most notes name no victim as an actor)
    ("ASSAULT", "abduct", [], ("Violence against civilians", "Abduction/forced disappearance")),
    ("ASSAULT", "abduct", ["GOV"], ("Violence against civilians", "Abduction/forced disappearance")),
    ("ASSAULT", "sexual", [None], ("Violence against civilians", "Sexual violence")),
    ("ASSAULT", "firearms", ["CVL"], ("Violence against civilians", "Attack")),
    ("ASSAULT", None, ["MIL", "CVL"], ("Violence against civilians", "Attack")),
    ("ASSAULT", "firearms", ["MIL"], ("Battles", "Armed clash")),
    # ACLED codebook: civilians are unarmed people (inter 7), workers and traders as much as others
    ("ASSAULT", None, ["LAB"], ("Violence against civilians", "Attack")),
    ("ASSAULT", "firearms", ["BUS", "MIL"], ("Violence against civilians", "Attack")),
    ("ASSAULT", "primitive", ["EDU"], ("Violence against civilians", "Attack")),
    ("ASSAULT", "targeted", [], ("Violence against civilians", "Attack")),
    ("ASSAULT", "beat", ["COP"], ("Violence against civilians", "Attack")),
    ("ASSAULT", None, [None], ("Battles", "Armed clash")),
    ("ASSAULT", "destroy", [], ("Strategic developments", "Looting/property destruction")),
    ("PROTEST", "riot", [], ("Riots", "Violent demonstration")),
    # ACLED codebook: a crowd's property destruction is a riot
    ("PROTEST", "vandalize", [], ("Riots", "Mob violence")),
    ("PROTEST", "demo", ["GOV"], ("Protests", "Peaceful protest")),
    ("PROTEST", "strike", [], ("Protests", "Peaceful protest")),
    ("PROTEST", None, [], ("Protests", "Peaceful protest")),
    ("COERCE", "arrest", [], ("Strategic developments", "Arrests")),
    ("COERCE", "seize", [], ("Strategic developments", "Looting/property destruction")),
    ("COERCE", "curfew", [], ("Strategic developments", "Change to group/activity")),
    ("MOBILIZE", "troops", [], ("Strategic developments", "Headquarters or base established")),
    ("AGREE", None, [], ("Strategic developments", "Agreement")),
    # aid a note tells of is a strategic development (ACLED codebook: non-violent acts)
    ("AID", None, [], ("Strategic developments", "Other")),
    # ACLED records no talks, accusations or statements
    ("CONSULT", "phone", [], None),
    ("ACCUSE", None, ["CVL"], None),
    (None, None, [], None),
])
def test_acled_type(type_, mode, sectors, expected):
    assert acled_type(type_, mode, sectors) == expected


@pytest.mark.parametrize("event_type, sub, expected", [
    ("Explosions/Remote violence", "Air/drone strike", ("ASSAULT", "aerial", False)),
    ("Explosions/Remote violence", "Grenade", ("ASSAULT", "explosives", False)),
    ("Violence against civilians", "Attack", ("ASSAULT", "", True)),
    ("Riots", "Mob violence", ("PROTEST", "riot", False)),
    ("Protests", "Protest with intervention", ("PROTEST", "demo", False)),
    ("Strategic developments", "Other", ("", "", False)),
    ("Battles", "No such sub-type", None),
])
def test_plover_labels(event_type, sub, expected):
    assert plover_labels(event_type, sub) == expected


def test_every_acled_sub_type_reads_back_as_its_event_type():
    """A coding that goes to PLOVER and back lands in the same ACLED event type whenever the
    table gives it a type (the rows a training label and an export must agree on)."""
    for row in acled_rows():
        if row.direction == "to_acled" or not row.type:
            continue
        sectors = ["CVL"] if row.recipient_sector == "CVL" else []
        back = acled_type(row.type, row.mode or None, sectors)
        assert back is not None and back[0] == row.event_type, row
