"""Quality gate: dates, event locations and fatalities on the hand-annotated dev set
(tests/data/when_where.jsonl) must not fall below the pins.

The pins live in tests/data/pinned/when_where.json. Raise them when the stages
improve; never lower them silently. To print fresh scores:

    .venv/bin/communique eval --when-where tests/data/when_where.jsonl
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.evaluate.when_where import evaluate, format_table

DATA = Path(__file__).parent / "data"
PINS = json.loads((DATA / "pinned" / "when_where.json").read_text("utf-8"))
TOLERANCE = 0.005


@pytest.fixture(scope="module")
def result(nlp):
    return evaluate(DATA / "when_where.jsonl", nlp)


def test_dev_set_is_big_enough(result):
    assert result["items"] >= 150


@pytest.mark.parametrize("measure", ["date", "date_value", "location_country", "fatalities"])
def test_scores_hold(result, measure):
    print(format_table(result))
    assert result["scores"][measure] >= PINS["scores"][measure] - TOLERANCE, (
        f"{measure} fell to {result['scores'][measure]:.3f} "
        f"(pinned {PINS['scores'][measure]:.3f}); wrong: {result['errors'][measure]}")


@pytest.mark.parametrize("measure", ["date", "location_country", "fatalities"])
def test_scores_on_stated_items_hold(result, measure):
    # the same measures on the items whose gold is not empty
    assert result["stated"][measure]["score"] >= PINS["stated"][measure] - TOLERANCE
