"""Issue 12, tenth round: generic agents the actor stage missed. Sentences written for these
tests, not taken from any data file; the country of each agent comes from the place its
sentence names, its sector from sectors.tsv (PETRARCH's agents dictionary: ARMED_GROUP,
MINISTRY, POLICE)."""

from __future__ import annotations

import pytest

from .records import event, names
from .records import record as _record


def _actor(rec, text):
    """The actor one of whose mentions is ``text``."""
    found = [a for a in rec["actors"] if any(m["text"] == text for m in a["mentions"])]
    assert found, [(a["name"], [m["text"] for m in a["mentions"]]) for a in rec["actors"]]
    return found[0]


@pytest.mark.parametrize("text,mention,country,sector", [
    # one armed group introduced with an article: the two-word agent phrase, singular
    ("An unknown armed group ambushed a bus near Gao, Mali.", "An unknown armed group", "MLI", "REB"),
    ("Late on Friday an armed group raided a village outside Maiduguri, Nigeria.",
     "an armed group", "NGA", "REB"),
    # modifiers joined by "and" that are no country words do not make two countries' police
    ("Federal and state police raided a farm in Sinaloa, Mexico.",
     "Federal and state police", "MEX", "COP"),
    ("Local and regional police detained six men in Cusco, Peru.",
     "Local and regional police", "PER", "COP"),
    # a lower-case body word the tagger took for a name is still the body
    ("The justice ministry charged the editor with fraud, Egyptian media said.",
     "The justice ministry", "EGY", "GOV"),
])
def test_agents_found(coder, text, mention, country, sector):
    a = _actor(_record(coder, text), mention)
    assert (a["country"], a["sector"]) == (country, sector)


def test_armed_group_is_the_attacker(coder):
    rec = _record(coder, "An unknown armed group ambushed a bus near Gao, Mali.")
    ev = event(rec, "ASSAULT")
    assert names(rec, ev["actor"]) == [("unknown armed group", "MLI")]


def test_two_countries_still_not_one(coder):
    # joined nationality words still name two countries' bodies, not one
    rec = _record(coder, "Turkish and Greek officials met in Brussels.")
    assert not any(a["kind"] == "group" and a["country"] in ("TUR", "GRC") and
                   a["name"].startswith("Turkish and Greek") for a in rec["actors"])


def test_lone_group_is_no_agent(coder):
    # "group" alone, without an agent word before it, names no one
    rec = _record(coder, "A group gathered near the station in Accra, Ghana.")
    assert not any(m["text"] in ("A group", "group") for a in rec["actors"] for m in a["mentions"])


@pytest.mark.parametrize("text,mention,country,sector", [
    # a country word and a body word before an act: the country's body did it
    ("A French military airstrike killed four fighters near Menaka.", "French military", "FRA", "MIL"),
    ("Two Kenyan police raids left three dead in Mombasa.", "Kenyan police", "KEN", "COP"),
    ("A U.S. army raid killed a commander outside Kandahar.", "U.S. army", "USA", "MIL"),
])
def test_body_before_an_act(coder, text, mention, country, sector):
    a = _actor(_record(coder, text), mention)
    assert (a["country"], a["sector"]) == (country, sector)


def test_body_before_an_act_is_its_actor(coder):
    rec = _record(coder, "A French military airstrike killed four fighters near Menaka.")
    ev = event(rec, "ASSAULT")
    assert names(rec, ev["actor"]) == [("French military", "FRA")]


def test_country_alone_before_an_act_stays_the_country(coder):
    # no body word: the nationality word stands for its country, as before
    rec = _record(coder, "An Israeli strike killed three fighters in Gaza.")
    assert _actor(rec, "Israeli")["kind"] == "country"


@pytest.mark.parametrize("text,later", [
    # a family name written first: the later mention is the person named before
    ("Lee Jae-myung met Japanese officials in Tokyo. Lee said the talks went well.", "Lee"),
    ("Chinese President Xi Jinping arrived in Moscow on Monday. Xi praised Russia.", "Xi"),
])
def test_family_name_first(coder, text, later):
    rec = _record(coder, text)
    a = _actor(rec, later)
    assert len(a["mentions"]) == 2 and a["country"] is not None, a


def test_shared_first_name_stays_apart(coder):
    # two people named before start with the word: the later mention is neither's
    rec = _record(coder, "Ahmed Said met Ahmed Karim in Cairo. Ahmed said the talks went well.")
    assert len(_actor(rec, "Ahmed")["mentions"]) == 1


@pytest.mark.parametrize("text,mention,country", [
    # security guards: PETRARCH's PRIVATE_SECURITY_FORCE ~UAF, one or many
    ("A security guard shot a shoplifter in Durban, South Africa.", "A security guard", "ZAF"),
    ("Private security guards beat a street vendor in Monrovia, Liberia.",
     "Private security guards", "LBR"),
])
def test_security_guards(coder, text, mention, country):
    rec = _record(coder, text)
    a = _actor(rec, mention)
    assert (a["country"], a["sector"]) == (country, "UAF")
    assert names(rec, event(rec, "ASSAULT")["actor"])[0][1] == country
