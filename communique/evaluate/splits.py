"""The fixed, seeded train / held-out split of the development files.

Each train file under ``../shared/dev`` (PLV, ConfliBERT class and NER, the
ACLED train notes) keeps 20% of its items aside for model selection and for
reporting held-out figures. An item's part depends only on its key (the
sentence text, or the ACLED note id) hashed with a fixed seed, so the split
never changes when a file is re-ordered or grows, and every script, test and
scorer that asks gets the same answer. Rules are never written from the
held-out part; models never train on it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

__all__ = ["HELDOUT_SHARE", "PARTS", "SEED", "is_heldout", "select"]

SEED = "communique-dev-split-v1"
HELDOUT_SHARE = 0.2
PARTS = ("all", "train", "heldout")

T = TypeVar("T")


def is_heldout(key: str) -> bool:
    """True when the item with this key belongs to the held-out 20%."""
    digest = hashlib.sha1(f"{SEED}\x00{key.strip()}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < HELDOUT_SHARE


def select(items: Iterable[T], key: Callable[[T], str], part: str = "all") -> list[T]:
    """The items of one part: ``all``, ``train`` (80%) or ``heldout`` (20%)."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}: use one of {', '.join(PARTS)}")
    items = list(items)
    if part == "all":
        return items
    want = part == "heldout"
    return [it for it in items if is_heldout(key(it)) == want]
