"""ACLED note forms the rules read wrong or not at all (issue 13, ninth round): property
destroyed or stolen (ACLED codebook, strategic developments / looting and property destruction;
PLOVER manual, ASSAULT destroy; CAMEO 1711, 1712), aid handed out in boxes. Sentences written
for the test, not taken from the notes."""

from __future__ import annotations

import pytest

from communique.acled import event_acled_type


def _main(coder, text):
    [rec] = coder.code_dicts([{"id": "t", "text": text, "published": "2021-06-10"}])
    ev = next((e for e in rec["events"] if e["modality"] == "asserted" and not e["negated"]), None)
    return ev, rec


@pytest.mark.parametrize("text, type_, mode", [
    # arson: "set fire to X", "X was set on fire", "set X on fire"
    ("On 3 June 2021, unknown men set fire to a bus belonging to a mining firm near Tunja.",
     "ASSAULT", "destroy"),
    ("On 3 June 2021, two tractors of a farming cooperative were set on fire near Temuco.",
     "ASSAULT", "destroy"),
    ("On 3 June 2021, hooded men set a delivery lorry on fire in Patras.",
     "ASSAULT", "destroy"),
    # trees and crops cut down or uprooted
    ("On 3 June 2021, settlers uprooted 200 almond saplings near the village of Burin.",
     "ASSAULT", "destroy"),
    ("On 3 June 2021, settlers cut down dozens of olive trees near the village of Burin.",
     "ASSAULT", "destroy"),
    # livestock and goods stolen
    ("On 3 June 2021, armed herders stole 60 goats from a farm near Lafia.", "COERCE", "seize"),
    ("On 3 June 2021, bandits rustled 80 cattle in Gusau LGA (Zamfara).", "COERCE", "seize"),
    # aid handed out in boxes or packages
    ("On 3 June 2021, members of a cartel delivered packages of groceries to residents of "
     "Apatzingan.", "AID", None),
])
def test_property_destroyed_stolen_or_handed_out(coder, text, type_, mode):
    ev, rec = _main(coder, text)
    assert ev is not None
    assert (ev["type"], ev["mode"]) == (type_, mode)
    assert event_acled_type(ev, rec)[0] == "Strategic developments"


@pytest.mark.parametrize("text", [
    # not arson: a fire set free, a ceasefire's terms, words that only look alike
    "On 3 June 2021, the court set free two activists held in Harare.",
    "On 3 June 2021, the ministry cut down the number of flights to Lima.",
])
def test_lookalikes_are_no_property_destruction(coder, text):
    [rec] = coder.code_dicts([{"id": "t", "text": text, "published": "2021-06-10"}])
    assert not any(e["mode"] == "destroy" or (e["type"], e["mode"]) == ("COERCE", "seize")
                   for e in rec["events"])


@pytest.mark.parametrize("text, mode, acled", [
    ("On 3 June 2021, Maoist cadres triggered an IED blast on a culvert near Bijapur.",
     "explosives", "Explosions/Remote violence"),
    ("On 3 June 2021, three men used explosives to open a cash machine in Campinas.",
     "explosives", "Explosions/Remote violence"),
    ("On 3 June 2021, military aircraft dropped bombs on a rebel camp near Kalemie.",
     "aerial", "Explosions/Remote violence"),
])
def test_explosives_set_off_used_or_dropped(coder, text, mode, acled):
    ev, rec = _main(coder, text)
    assert ev is not None
    assert (ev["type"], ev["mode"]) == ("ASSAULT", mode)
    assert event_acled_type(ev, rec)[0] == acled


@pytest.mark.parametrize("text", [
    "On 3 June 2021, the minister dropped the charges against two journalists.",
    "On 3 June 2021, the team used its budget to repair a bridge in Bijapur.",
])
def test_no_explosives_named_no_assault(coder, text):
    [rec] = coder.code_dicts([{"id": "t", "text": text, "published": "2021-06-10"}])
    assert not any(e["type"] == "ASSAULT" for e in rec["events"])


@pytest.mark.parametrize("text, mode", [
    # the violence a protest is against is no violence of its crowd
    ("On 3 June 2021, hundreds of students protested in Quetta against the attack on their "
     "teacher.", "demo"),
    ("On 3 June 2021, farmers held a sit-in in Multan against the arrest of villagers who had "
     "clashed with another group over water.", "demo"),
    # torches carried are no fire set
    ("On 3 June 2021, residents marched through Tetovo against the mayor. A counter-march with "
     "drums and torches was held in support of him.", "demo"),
    # the controls: a crowd that fights or burns riots
    ("On 3 June 2021, hundreds of students protested in Quetta and clashed with the police.",
     "riot"),
    ("On 3 June 2021, residents protested in Tetovo against the mayor and burned tyres on the "
     "main road.", "riot"),
])
def test_what_a_protest_is_against_is_no_riot(coder, text, mode):
    [rec] = coder.code_dicts([{"id": "t", "text": text, "published": "2021-06-10"}])
    ev = next(e for e in rec["events"] if e["type"] == "PROTEST")
    assert ev["mode"] == mode


@pytest.mark.parametrize("text, acled", [
    # an attack fought off is a fight both sides wage
    ("On 3 June 2021, militants attacked the village of Mbau and burned ten huts before they "
     "were repelled by the army.", "Battles"),
    ("On 3 June 2021, gunmen attacked the village of Mbau. The attack was repulsed by local "
     "police.", "Battles"),
    # fire answered: "shot back" as "fired back"
    ("On 3 June 2021, gunmen fired mortars at a police post in Jamrud. The police shot back.",
     "Battles"),
    # the control: no one fights back
    ("On 3 June 2021, militants attacked the village of Mbau and burned ten huts.",
     "Violence against civilians"),
])
def test_an_attack_fought_off_is_a_battle(coder, text, acled):
    ev, rec = _main(coder, text)
    assert ev is not None and ev["type"] == "ASSAULT"
    assert event_acled_type(ev, rec)[0] == acled


@pytest.mark.parametrize("text, type_, acled", [
    # territory taken in fighting is a battle
    ("On 3 June 2021, rebels took control of the town of Kiwanja, killing three soldiers.",
     "ASSAULT", "Battles"),
    ("On 3 June 2021, the army took control of a militia base near Bunia, killing four "
     "militiamen.", "ASSAULT", "Battles"),
    # the control: taken with no fight told
    ("On 3 June 2021, rebels took control of the town of Kiwanja after the army withdrew.",
     "COERCE", "Strategic developments"),
])
def test_territory_taken_in_a_fight_is_a_battle(coder, text, type_, acled):
    ev, rec = _main(coder, text)
    assert ev is not None and ev["type"] == type_
    assert event_acled_type(ev, rec)[0] == acled


@pytest.mark.parametrize("text, acled", [
    # air power that supports a ground force names the support, not the act's own means
    ("On 3 June 2021, commandos, backed by airstrikes, killed 12 militants in Marjah district.",
     "Battles"),
    ("On 3 June 2021, the army, along with the helicopters of a private company, attacked "
     "militants near Mocimboa.", "Battles"),
    ("On 3 June 2021, government troops, supported by drones, attacked rebel positions near "
     "Kalemie.", "Battles"),
    # the control: the aircraft are the ones that strike
    ("On 3 June 2021, helicopters of a private company attacked militants near Mocimboa.",
     "Explosions/Remote violence"),
])
def test_air_support_of_a_ground_fight_is_a_battle(coder, text, acled):
    ev, rec = _main(coder, text)
    assert ev is not None and ev["type"] == "ASSAULT"
    assert event_acled_type(ev, rec)[0] == acled


@pytest.mark.parametrize("text, acled", [
    # the people hurt in a fight both sides wage are its casualties, not its target
    ("On 3 June 2021, in Feira de Santana, Bahia, a man was killed after exchanging fire with "
     "military police officers.", "Battles"),
    ("On 3 June 2021, three civilians were killed in crossfire during clashes between two "
     "clans in Beledweyne.", "Battles"),
    # the control: no fight told in the sentence
    ("On 3 June 2021, in Feira de Santana, Bahia, a man was killed by military police "
     "officers.", "Violence against civilians"),
])
def test_people_hurt_in_a_fight_are_its_casualties(coder, text, acled):
    ev, rec = _main(coder, text)
    assert ev is not None and ev["type"] == "ASSAULT"
    assert event_acled_type(ev, rec)[0] == acled


@pytest.mark.parametrize("text", [
    # the parse makes the place the passive subject and sets the people beside it
    "On 3 June 2021, in Santa Rita do Sul, Minas Gerais, an adolescent and a man were shot to "
    "death by two armed men.",
    "On 3 June 2021, a former Assistant Sub-Inspector and his son were attacked and shot to "
    "death over a land dispute in Sangrur district (Punjab).",
])
def test_people_the_parse_sets_beside_the_place_are_the_victims(coder, text):
    ev, rec = _main(coder, text)
    assert ev is not None and ev["type"] == "ASSAULT"
    assert event_acled_type(ev, rec)[0] == "Violence against civilians"


@pytest.mark.parametrize("text, mode", [
    # armed people or their arms moved in (PLOVER manual, MOBILIZE; the mode from who moves)
    ("On 3 June 2021, about 400 fighters of the militia arrived in the port city of Mukalla.",
     "militia"),
    ("On 3 June 2021, a ship loaded with tanks and armoured vehicles arrived at the port of Aden.",
     "weapons"),
    ("On 3 June 2021, hundreds of government troops arrived in Palma.", "troops"),
])
def test_armed_arrivals_are_mobilization(coder, text, mode):
    ev, rec = _main(coder, text)
    assert ev is not None and (ev["type"], ev["mode"]) == ("MOBILIZE", mode)
    assert event_acled_type(ev, rec)[0] == "Strategic developments"


def test_an_unarmed_arrival_is_no_mobilization(coder):
    [rec] = coder.code_dicts([{"id": "t", "text": "On 3 June 2021, the foreign minister of "
                               "Kenya arrived in Addis Ababa for talks.", "published": "2021-06-10"}])
    assert not any(e["type"] == "MOBILIZE" for e in rec["events"])


@pytest.mark.parametrize("text", [
    "On 3 June 2021, the militia set up checkpoints on the road to Ras al Ain.",
    "On 3 June 2021, members of a cartel placed two check points on the highway to Apatzingan.",
])
def test_checkpoints_set_up_are_mobilization(coder, text):
    ev, rec = _main(coder, text)
    assert ev is not None and ev["type"] == "MOBILIZE"
    assert event_acled_type(ev, rec)[0] == "Strategic developments"
