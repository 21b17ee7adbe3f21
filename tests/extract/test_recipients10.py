"""Issue 12, tenth round: the recipient of a refusal made until another acts, and of an
attack fought off. Each sentence was written for this test; what the record should say was
worked out by hand from the sentence."""

from __future__ import annotations

import pytest

from .records import record as _record


def _roles(rec, etype, trigger=None):
    by_id = {a["id"]: a for a in rec["actors"]}
    evs = [e for e in rec["events"] if e["type"] in etype.split("|")
           and (trigger is None or e["trigger"]["text"].startswith(trigger))]
    assert evs, [(e["type"], e["trigger"]["text"]) for e in rec["events"]]
    e = evs[0]
    return [by_id[i] for i in e["actor"]], [by_id[i] for i in e["recipient"]]


# "will not lift the embargo until Cuba reforms": the one who must act first is the one the
# refusal is aimed at (PLV train part: in the 7 "not ... until" sentences whose clause names
# its doer, the doer is the marked target).
@pytest.mark.parametrize("text,etype,actor,recipient", [
    ("Washington will not lift the embargo until Havana frees the prisoners.", "REJECT", "USA", "CUB"),
    ("Canada said it would not lift the ban until China provides the test results.", "REJECT", "CAN", "CHN"),
    # the doer of a passive clause is its "by" phrase
    ("Britain will not lift the sanctions until the reforms are approved by Belarus.", "REJECT", "GBR", "BLR"),
])
def test_the_doer_of_an_until_clause_is_the_recipient(coder, text, etype, actor, recipient):
    actors, recipients = _roles(_record(coder, text), etype)
    assert [a["country"] for a in actors] == [actor], (actors, recipients)
    assert [r["country"] for r in recipients] == [recipient], (actors, recipients)


def test_an_until_clause_without_negation_names_no_recipient(coder):
    # "until" after an act done, not refused, says when it ends, not whom it is aimed at
    rec = _record(coder, "Japan lifted the ban until Korea holds its elections.")
    actors, recipients = _roles(rec, "CONCEDE|RETREAT")
    assert [r["country"] for r in recipients] != ["KOR"], (actors, recipients)


# An attack fought off: the one who repels or thwarts it is at its receiving end; the attack
# is the doer's ("by X", "of X", "a Houthi incursion"); ACLED train part: 38 notes say an
# attack was repelled or thwarted, all battles between the two.
@pytest.mark.parametrize("text,actor,recipient", [
    ("Kenyan troops repelled an attack by Somali militants near the border.", ("SOM", "REB"), ("KEN", "MIL")),
    ("Iraqi forces thwarted an Islamic State attack on a checkpoint near Mosul.", ("IMG", "REB"), ("IRQ", "MIL")),
    ("Malian soldiers fended off an assault by jihadists on their base.", (None, "REB"), ("MLI", "MIL")),
    # the passive: the "by" phrase repels
    ("An attack by rebels was repelled by Afghan police.", ("AFG", "REB"), ("AFG", "COP")),
])
def test_who_fights_off_an_attack_receives_it(coder, text, actor, recipient):
    actors, recipients = _roles(_record(coder, text), "ASSAULT")
    assert actor[1] in {a.get("sector") for a in actors}, (actors, recipients)
    if actor[0]:
        assert actor[0] in {a.get("country") for a in actors}, (actors, recipients)
    assert (recipient[0], recipient[1]) in {(r.get("country"), r.get("sector")) for r in recipients}, (actors, recipients)
    assert not {a["id"] for a in actors} & {r["id"] for r in recipients}, (actors, recipients)


def test_an_attack_not_fought_off_keeps_its_subject_as_actor(coder):
    # "launched an attack": the subject attacks
    rec = _record(coder, "Somali militants launched an attack on Kenyan troops near the border.")
    actors, recipients = _roles(rec, "ASSAULT")
    assert [a["country"] for a in actors] == ["SOM"], (actors, recipients)
    assert "KEN" in {r["country"] for r in recipients}, (actors, recipients)


# "his Sudanese counterpart": the pronoun says whose counterpart, not who it is; the
# description is someone of the country its nationality word names (PLV train part marks
# "his Iranian counterpart, X", "their Chinese counterparts" as the target, 9 rows).
@pytest.mark.parametrize("text,etype,actor,recipient", [
    ("The Indian foreign minister met his Chinese counterpart.", "CONSULT", "IND", "CHN"),
    ("Kenya's president urged his Ugandan counterpart to release the detainees.", "REQUEST", "KEN", "UGA"),
    ("The Brazilian president criticized his Argentine counterpart.", "ACCUSE", "BRA", "ARG"),
])
def test_a_counterpart_after_a_possessive_pronoun_is_someone_else(coder, text, etype, actor, recipient):
    actors, recipients = _roles(_record(coder, text), etype)
    assert [a["country"] for a in actors] == [actor], (actors, recipients)
    assert [r["country"] for r in recipients] == [recipient], (actors, recipients)


# A hyphenated noun the tokenizer splits is read by its own entry before its last part's:
# "a cease-fire with the rebels" is a ceasefire (CONCEDE) with them, not a fire.
@pytest.mark.parametrize("text,actor,recipient", [
    ("The Sudanese government declared a cease-fire with the rebels on Monday.", "SDN", "SDN"),
    ("Colombia announced a three-day cease-fire with the ELN guerrillas.", "COL", "COL"),
])
def test_a_hyphenated_ceasefire_is_a_concession_to_the_other_side(coder, text, actor, recipient):
    rec = _record(coder, text)
    actors, recipients = _roles(rec, "CONCEDE", trigger="cease")
    assert [a["country"] for a in actors] == [actor], (actors, recipients)
    assert [r["country"] for r in recipients] == [recipient] and recipients[0]["sector"] == "REB", (actors, recipients)
    assert not [e for e in rec["events"] if e["type"] == "ASSAULT"], rec["events"]


# The one an act done to someone who cannot fight back is done to is a person, whatever the
# noun ("beat up a contractor", "abducted a trader"): the recipient (PLOVER manual, ASSAULT: the
# victim), of the sector the agents dictionary gives it, else a civilian (ACLED train part: 149
# first ASSAULT events had a victim noun and no recipient actor).
@pytest.mark.parametrize("text,recipient", [
    ("Soldiers beat up a contractor in Monrovia.", ("LBR", "CVL")),
    ("Police officers assaulted a street vendor in Nairobi.", ("KEN", "CVL")),
    ("A shopkeeper was abducted by armed men in Zamfara, Nigeria.", ("NGA", "CVL")),
    ("Gunmen abducted a trader near Kaduna in Nigeria.", ("NGA", "BUS")),
    # a word before the noun says what they are: a militia member is a militiaman
    ("Rebels executed a militia member in central Mali.", ("MLI", "PRM")),
])
def test_the_person_harmed_is_the_recipient(coder, text, recipient):
    actors, recipients = _roles(_record(coder, text), "ASSAULT")
    assert recipient in {(r.get("country"), r.get("sector")) for r in recipients}, (actors, recipients)


@pytest.mark.parametrize("text", [
    "Bandits slaughtered 15 livestock in Benue state, Nigeria.",  # no person
    "Militants abducted a number of villagers in Borno, Nigeria.",  # the amount is no one
])
def test_what_is_no_person_is_no_victim(coder, text):
    rec = _record(coder, text)
    names = {a["name"] for a in rec["actors"]}
    assert not names & {"livestock", "number"}, rec["actors"]


# Armed men sent in the passive stand for who sends them, as in the active ("India deployed
# troops to the border" has India act): "Indian troops were deployed" acts, and is no recipient.
@pytest.mark.parametrize("text,actor", [
    ("Indian troops were deployed to the border with China.", ("IND", "MIL")),
    ("Kenyan police were deployed in Mombasa to enforce the curfew.", ("KEN", "COP")),
])
def test_armed_men_sent_in_the_passive_act(coder, text, actor):
    actors, recipients = _roles(_record(coder, text), "MOBILIZE")
    assert actor in {(a.get("country"), a.get("sector")) for a in actors}, (actors, recipients)
    assert actor not in {(r.get("country"), r.get("sector")) for r in recipients}, (actors, recipients)


# The parties of the talks or the rift an act is directed at ("support to the negotiations
# between X and Y", "to end the rift between X and Y") receive it.
@pytest.mark.parametrize("text,etype,actor,recipient", [
    ("Kenya reiterated its support to the negotiations between Ethiopia and Eritrea.", "SUPPORT", "KEN", "ETH"),
    ("Norway reaffirmed its backing for the talks among the Sudanese government and the rebels.", "SUPPORT", "NOR", "SDN"),
])
def test_the_parties_of_talks_receive_what_is_directed_at_them(coder, text, etype, actor, recipient):
    actors, recipients = _roles(_record(coder, text), etype)
    assert [a["country"] for a in actors] == [actor], (actors, recipients)
    assert recipient in {r["country"] for r in recipients}, (actors, recipients)
