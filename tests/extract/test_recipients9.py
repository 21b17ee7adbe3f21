"""Issue 12, ninth round: recipients named only by a nationality word on an act, and
civilian places attacked. Each sentence was written for this test; what the record should
say was worked out by hand from the sentence."""

from __future__ import annotations

import pytest

from .records import record as _record


def _roles(rec, etype):
    by_id = {a["id"]: a for a in rec["actors"]}
    evs = [e for e in rec["events"] if e["type"] in etype.split("|")]
    assert evs, [(e["type"], e["trigger"]["text"]) for e in rec["events"]]
    e = evs[0]
    return [by_id[i] for i in e["actor"]], [by_id[i] for i in e["recipient"]]


# A nationality word on an act ("a Sudanese proposal", "the Israeli strikes"): the act is that
# country's, so the one who judges, rejects or welcomes it acts on the country (PETRARCH codes
# the nationality adjective as its country; PLV and ConfliBERT mark such phrases as the target:
# "a Russian announcement", "U.S. calls", "U.S. war moves").
@pytest.mark.parametrize("text,etype,actor,recipient", [
    ("Egypt rejected a Sudanese proposal to share the dam's water.", "REJECT", "EGY", "SDN"),
    ("Turkey condemned the Israeli strikes on Gaza.", "ACCUSE", "TUR", "ISR"),
    ("Kenya welcomed the Ethiopian offer of talks.", "SUPPORT", "KEN", "ETH"),
    ("China criticised the American decision to sell arms to Taiwan.", "ACCUSE", "CHN", "USA"),
    ("Greece protested the Turkish incursion into its airspace.", "ACCUSE", "GRC", "TUR"),
    ("Moscow condemned the new American sanctions.", "ACCUSE", "RUS", "USA"),
    ("Ukraine condemned the Russian annexation of Crimea.", "ACCUSE", "UKR", "RUS"),
    ("Georgia denounced the Russian aggression.", "ACCUSE", "GEO", "RUS"),
    ("Mexico rejected American interference in its elections.", "REJECT", "MEX", "USA"),
    # a nationality of two words: "North Korean", not "Korean"
    ("Seoul condemned the North Korean provocation.", "ACCUSE", "KOR", "PRK"),
    ("Japan protested the North Korean missile tests.", "ACCUSE", "JPN", "PRK"),
    # what is called for falls on its owner: the one asked to withdraw (PLV's train rows:
    # "demanded the withdrawal of <t>X</t>", "called for sanctions against <t>X</t>")
    ("Germany called for a Russian withdrawal from Ukraine.", "REQUEST", "DEU", "RUS"),
])
def test_a_nationality_word_on_an_act_is_its_country(coder, text, etype, actor, recipient):
    actors, recipients = _roles(_record(coder, text), etype)
    assert [a["country"] for a in actors] == [actor], (actors, recipients)
    assert [r["country"] for r in recipients] == [recipient], (actors, recipients)


def test_a_nationality_word_on_an_attack_is_its_attacker(coder):
    # the attack's own doer, where no other is named
    rec = _record(coder, "Two fishermen were killed in a Thai airstrike near the border.")
    actors, recipients = _roles(rec, "ASSAULT")
    assert [a["country"] for a in actors] == ["THA"], (actors, recipients)


# A civilian place attacked: the people there are the target, of the sector PETRARCH's agents
# dictionary gives the place (school EDU, hospital MED, refugee REF; a market's people CVL),
# of the country the place lies in.
@pytest.mark.parametrize("text,recipient", [
    ("Syrian forces shelled a market in Idlib.", ("CVL", "SYR")),
    ("Militants attacked a school in northern Nigeria.", ("EDU", "NGA")),
    ("A hospital in Kharkiv was shelled overnight by Russian forces.", ("MED", "UKR")),
    ("Government troops carried out airstrikes on a crowded market in Darfur.", ("CVL", "SDN")),
    ("An airstrike hit a displacement camp near Goma in Congo.", ("REF", "COD")),
])
def test_an_attacked_civilian_place_is_its_people(coder, text, recipient):
    _, recipients = _roles(_record(coder, text), "ASSAULT")
    assert [(r["sector"], r["country"]) for r in recipients] == [recipient], recipients


@pytest.mark.parametrize("text", [
    "The minister visited a hospital in Kabul on Monday.",  # not attacked: a place
    "Rebels attacked a military hospital in Goma.",  # the force's, not civilians'
    "Rebels attacked an army camp in Goma.",  # no civilian word before the camp
])
def test_no_civilians_of_a_place_not_attacked_or_armed(coder, text):
    rec = _record(coder, text)
    assert not [a for a in rec["actors"] if a["sector"] in ("CVL", "MED", "EDU", "REF")], rec["actors"]


# The weapons a country fires and its shelling, named by a nationality word: the country is the
# attacker ("Russian missiles", "Indian shelling": a gerund used as a noun names its doer as a
# noun does).
@pytest.mark.parametrize("text,etype,actor,recipient", [
    ("Russian missiles hit a hospital in Kharkiv.", "ASSAULT", "RUS", "UKR"),
    ("Indian shelling killed two civilians in Kashmir.", "ASSAULT", "IND", None),
    ("Syria said Israeli rockets struck a hospital near Quneitra.", "ASSAULT", "ISR", "SYR"),
])
def test_a_nationality_word_on_weapons_or_shelling_is_the_attacker(coder, text, etype, actor, recipient):
    actors, recipients = _roles(_record(coder, text), etype)
    assert [a["country"] for a in actors] == [actor], (actors, recipients)
    if recipient:
        assert [r["country"] for r in recipients] == [recipient], (actors, recipients)


# Goods a ban falls on, named by a nationality word: the country that sells them (PLV and
# ConfliBERT train rows mark "<t>British beef</t>", "<t>Chinese goods</t>" as the target);
# an apology sought "from" X: X is asked.
@pytest.mark.parametrize("text,etype,actor,recipient", [
    ("Beijing imposed a ban on Australian beef.", "COERCE|SANCTION", "CHN", "AUS"),
    ("Russia banned imports of Moldovan wine.", "COERCE|SANCTION", "RUS", "MDA"),
    ("Tokyo sought an apology from Seoul over the radar incident.", "REQUEST", "JPN", "KOR"),
])
def test_goods_banned_and_an_apology_sought(coder, text, etype, actor, recipient):
    actors, recipients = _roles(_record(coder, text), etype)
    assert [a["country"] for a in actors] == [actor], (actors, recipients)
    assert [r["country"] for r in recipients] == [recipient], (actors, recipients)
