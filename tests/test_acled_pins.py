"""Quality gate: dates, places, tolls and actors on ACLED analyst notes must not fall below the pins.

The pins (tests/data/pinned/acled.json) hold the scores of the first N notes of
the train part of ../shared/dev/acled/train.jsonl (the fixed 80% of the split)
and of the first N notes of acled/heldout.jsonl, side by side; N keeps the run
short. The ACLED event type (rules) is pinned on the train part and on the
held-out part of train.jsonl (its first 200 notes of heldout.jsonl are pinned in
events.json). Full-file figures are in docs/evaluation.md. To print fresh scores:

    communique eval --acled ../shared/dev/acled/train.jsonl --part train --limit 150
    communique eval --acled ../shared/dev/acled/train.jsonl --part heldout --limit 150 --scorers types
    communique eval --acled ../shared/dev/acled/heldout.jsonl --limit 150
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.evaluate import acled

ROOT = Path(__file__).resolve().parent.parent
ACLED = ROOT.parent / "shared" / "dev" / "acled"
PINS = json.loads((ROOT / "tests" / "data" / "pinned" / "acled.json").read_text("utf-8"))
MEASURES = [("date", "date exact"), ("place", "country"), ("place", "admin1"),
            ("place", "within 25 km (of all)"), ("fatalities", "fatalities exact (ACLED > 0)"),
            ("actors", "actor1 as actor (country + sector or name)"),
            ("actors", "actor2 as recipient (country + sector or name)"),
            ("types", "event type macro-F1")]
# name: (file, part, scorers)
SETS = {"train part": ("train.jsonl", "train", ["date", "place", "fatalities", "actors", "types"]),
        "held-out part": ("train.jsonl", "heldout", ["types"]),
        "heldout.jsonl": ("heldout.jsonl", "all", ["date", "place", "fatalities", "actors"])}


CASES = [(name, scorer, measure) for name in SETS for scorer, measure in MEASURES
         if scorer in SETS[name][2]]


@pytest.fixture(scope="module")
def results(coder):
    """Each set is coded once, on the first test that asks for it."""
    done = {}

    def get(name):
        if name not in done:
            path = ACLED / SETS[name][0]
            if not path.exists():
                pytest.skip(f"{path} is not here (../shared is laid beside the checkout)")
            done[name] = acled.evaluate(path, coder, part=SETS[name][1], limit=PINS["limit"],
                                        scorers=SETS[name][2])
        return done[name]
    return get


@pytest.mark.parametrize("name, scorer, measure", CASES)
def test_acled_scores_hold(results, name, scorer, measure):
    r = results(name)
    got = r["scores"][scorer][measure]["score"]
    pin = PINS[name][f"{scorer}: {measure}"]
    print(acled.format_table(r))
    assert got >= pin - PINS["tolerance"], f"{name} {scorer}: {measure} fell to {got} (pinned {pin})"
