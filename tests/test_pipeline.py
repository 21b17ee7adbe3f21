"""Coder: state travels with its owner (user actors belong to the Coder that loaded them)."""

from __future__ import annotations

import pytest

TEXT = "Marlo Quince met Dessa Vrell in Nairobi on Monday to discuss the border."
PUBLISHED = "2024-03-04"


@pytest.fixture
def actor_files(tmp_path):
    a = tmp_path / "a.yaml"
    a.write_text("- name: Marlo Quince\n  country: KEN\n  sector: GOV\n", encoding="utf-8")
    b = tmp_path / "b.yaml"
    b.write_text("- name: Dessa Vrell\n  country: UGA\n  sector: MIL\n", encoding="utf-8")
    return a, b


def _seen(records) -> dict[str, tuple]:
    """name -> (country, sector) of every actor in the records."""
    return {a["name"]: (a["country"], a["sector"]) for r in records for a in r["actors"]}


def test_two_coders_in_one_process_each_see_only_their_own_actors(actor_files):
    from communique import Coder

    a, b = actor_files
    coder_a, coder_b = Coder(actors=str(a)), Coder(actors=str(b))  # both built before coding
    for _ in range(2):  # and in either order
        seen_a = _seen([coder_a.code(TEXT, published=PUBLISHED).to_dict()])
        seen_b = _seen([coder_b.code(TEXT, published=PUBLISHED).to_dict()])
        assert seen_a["Marlo Quince"] == ("KEN", "GOV")
        assert seen_b["Dessa Vrell"] == ("UGA", "MIL")
        assert seen_a.get("Dessa Vrell", (None, None)) != ("UGA", "MIL")
        assert seen_b.get("Marlo Quince", (None, None)) != ("KEN", "GOV")
    plain = _seen([Coder().code(TEXT, published=PUBLISHED).to_dict()])
    assert ("KEN", "GOV") not in plain.values() and ("UGA", "MIL") not in plain.values()


def test_batch_functions_of_two_actor_files_do_not_collide(actor_files):
    """What each process-pool and Dask worker calls: one Coder per (lexicon, actors)."""
    from communique.parallel import batch_function

    a, b = actor_files
    article = [{"id": "x", "text": TEXT, "published": PUBLISHED}]
    seen_a = _seen(batch_function(None, str(a))(article))
    seen_b = _seen(batch_function(None, str(b))(article))
    assert seen_a["Marlo Quince"] == ("KEN", "GOV") and seen_b["Dessa Vrell"] == ("UGA", "MIL")
    assert seen_a.get("Dessa Vrell", (None, None)) != ("UGA", "MIL")
    assert seen_b.get("Marlo Quince", (None, None)) != ("KEN", "GOV")
