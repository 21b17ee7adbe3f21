"""ACLED notes in model mode (issue 13, fourteenth round, h14b): battles read as violence
against civilians and back. Sentences written for the test, not taken from the notes."""

from __future__ import annotations

import pytest

from .records import acled_type


@pytest.mark.parametrize("text", [
    # the victim's own noun names armed people, whatever the name beside it (ACLED codebook:
    # a battle is a fight between armed groups; an attack on soldiers or rebels is one)
    "On 3 March 2021, gunmen shot and killed a Govt soldier near Jowhar.",
    "On 4 March 2021, militia fighters killed two rebels of Jabhat al Nour in the hills near "
    "Idlib.",
])
def test_a_victim_whose_own_noun_is_armed_is_a_battle(model_coder, text):
    assert acled_type(model_coder, text) == "Battles"


@pytest.mark.parametrize("text", [
    # an unarmed noun beside the same name stays one-sided violence
    "On 6 March 2021, gunmen shot and killed a Govt official near Jowhar.",
    "On 7 March 2021, unknown gunmen shot dead two council employees near Marka.",
])
def test_an_unarmed_victim_beside_a_name_stays_violence_against_civilians(model_coder, text):
    assert acled_type(model_coder, text) == "Violence against civilians"


@pytest.mark.parametrize("text", [
    # a place attacked, named with its admin chain in brackets the notes' way: its people
    # are the victims, in model mode as in rules mode (find._named_place)
    "On 8 March 2021, insurgents attacked Kolomba (Metuge, Cabo Delgado). No fatalities were "
    "reported.",
    "On 9 March 2021, armed men attacked Lindo and Pora in Tumbi LGA (Zamfara). No casualties "
    "were reported.",
])
def test_a_named_place_attacked_is_violence_against_civilians_in_model_mode(model_coder, text):
    assert acled_type(model_coder, text) == "Violence against civilians"


@pytest.mark.parametrize("text", [
    # not where the place is an armed side's
    "On 10 March 2021, insurgents attacked Mandala (Metuge, Cabo Delgado), an army position "
    "held by government troops.",
    "On 11 March 2021, the army attacked Bakoni (Gwoza, Borno), a stronghold of the insurgents, "
    "and killed 12 of them.",
])
def test_a_named_place_held_by_an_armed_side_stays_a_battle(model_coder, text):
    assert acled_type(model_coder, text) == "Battles"


@pytest.mark.parametrize("name", ["Sabo", "Maidoki", "Rafin"])
def test_each_place_of_a_long_list_attacked_is_a_named_place(nlp, name):
    # the admin chain in brackets closes a list of six villages: every place of the list is
    # one (the parse chains a list's names, each the conjunct of the one before)
    from communique.extract.events.find import _named_place

    doc = nlp("On 9 June 2021, about 100 suspected Fulani militias attacked Kanda, Lomari, Sabo, "
              "Garin Dutse, Maidoki and Rafin Iya villages in Bakori LGA (Katsina).")
    tok = next(t for t in doc if t.text == name)
    if tok.dep_ == "compound":
        tok = tok.head
    assert _named_place(tok)


def test_a_list_with_no_admin_chain_is_no_named_place(nlp):
    from communique.extract.events.find import _named_place

    doc = nlp("On 9 June 2021, troops attacked Kanda, Lomari, Sabo, Garin Dutse and Maidoki, "
              "the camps of the insurgents.")
    assert not any(_named_place(t) for t in doc if t.text in ("Sabo", "Maidoki"))


@pytest.mark.parametrize("text", [
    # a shoot-out or an exchange of fire told beside the act in its paragraph: the fight both
    # sides wage, no one-sided violence (ACLED codebook: a battle needs two armed sides; the
    # people a fight falls on are its casualties)
    "On 9 May 2021, in Porto Sul, unidentified gunmen shot at a patrol car in the Morro Alto "
    "community. A shoot-out broke out.",
    "On 9 May 2021, in Porto Sul, police killed a suspect in the Morro Alto community. An "
    "exchange of fire followed.",
])
def test_an_act_beside_a_shoot_out_in_its_paragraph_is_a_battle(model_coder, text):
    assert acled_type(model_coder, text) == "Battles"


@pytest.mark.parametrize("text", [
    # a fight only denied, or told in another paragraph, does not make the act two-sided
    "On 9 May 2021, in Porto Sul, unidentified gunmen shot at a patrol car in the Morro Alto "
    "community. No clashes were reported.",
    "On 9 May 2021, in Porto Sul, unidentified gunmen shot at a patrol car in the Morro Alto "
    "community.\nOn 10 May 2021, a shoot-out broke out between the army and a gang near Kora.",
])
def test_an_act_with_no_fight_in_its_paragraph_stays_one_sided(model_coder, text):
    assert acled_type(model_coder, text) == "Violence against civilians"
