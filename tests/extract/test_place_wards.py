"""A bracketed admin chain after a unit word that is capitalised or carries a ward number
(issue 14, tenth round): "X Municipality-9 (Y district)", ward 9 of the municipality, the
house style of Nepal's notes, still reads "(Y district)" as the chain after X."""

from __future__ import annotations

import pytest

from communique.extract.gazetteer import candidates
from communique.extract.place_chains import chain_end, qualifier

needs_db = pytest.mark.skipif(not candidates("ilam"), reason="data/gazetteer.sqlite not built")


def test_a_ward_number_does_not_cut_the_chain():
    text = "a raid in Mai Municipality-12 (Ilam district) at dawn"
    end = text.index(" Municipality")
    assert text[end:chain_end(text, end)] == " Municipality-12 (Ilam district)"


def test_a_capitalised_unit_word_does_not_cut_the_chain():
    text = "a clash in Dhan Municipality (Jhapa district)."
    end = text.index(" Municipality")
    assert chain_end(text, end) == text.index(")") + 1


def test_a_hyphened_number_after_a_capitalised_name_is_no_unit():
    # "Post-7" is no unit word with a ward: the chain stays unread
    text = "near Border Post-7 (Jhapa district)"
    end = text.index(" Post")
    assert chain_end(text, end) == end


@needs_db
def test_the_chain_past_a_ward_qualifies_the_mention():
    text = "a raid in Mai Municipality-9 (Ilam district)"
    assert "a2:ilam" in qualifier(text, text.index(" Municipality"))
