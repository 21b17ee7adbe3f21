"""The seeded train / held-out split: stable, about 20%, disjoint."""

import pytest

from communique.evaluate.splits import is_heldout, select


def test_split_is_stable_and_disjoint():
    items = [f"sentence number {i}" for i in range(2000)]
    train = select(items, str, "train")
    held = select(items, str, "heldout")
    assert sorted(train + held) == sorted(items)
    assert not set(train) & set(held)
    assert 0.17 < len(held) / len(items) < 0.23
    # order and surrounding whitespace do not move an item
    assert select(reversed(items), str, "heldout") == list(reversed(held))
    assert all(is_heldout(f"  {h} ") for h in held)


def test_unknown_part_is_an_error():
    with pytest.raises(ValueError, match="train, heldout"):
        select(["a"], str, "test")
