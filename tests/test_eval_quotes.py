"""Quality gate: quote scores on the PolNeAR dev split must not drop below the pins.

The pins live in tests/data/pinned/quotes.json. Raise them when the extractor
improves; never lower them silently. To print fresh scores:

    .venv/bin/python -c "from communique.nlp import load_nlp; \
from communique.evaluate.polnear import evaluate, format_table; \
print(format_table(evaluate('../shared/dev/polnear', load_nlp())))"
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.evaluate.polnear import evaluate, format_table

from .conftest import SHARED

POLNEAR = SHARED / "dev" / "polnear"
PINS = Path(__file__).parent / "data" / "pinned" / "quotes.json"
TOLERANCE = 0.005


@pytest.fixture(scope="module")
def result(nlp):
    if not (POLNEAR / "dev" / "attributions").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR}")
    return evaluate(str(POLNEAR), nlp, split="dev", baseline=True)


def _pins():
    return json.loads(PINS.read_text("utf-8"))


@pytest.mark.parametrize("subset", ["direct", "all"])
@pytest.mark.parametrize("measure", ["content", "content+speaker"])
def test_scores_hold(result, subset, measure):
    got = result["systems"]["communique"][subset][measure]
    pinned = _pins()["communique"][subset][measure]
    for key in ("precision", "recall", "f1"):
        assert got[key] >= pinned[key] - TOLERANCE, (
            f"{subset} {measure} {key} fell to {got[key]:.4f} (pinned {pinned[key]:.4f})\n"
            + format_table(result))


def test_gold_is_the_pinned_gold(result):
    pins = _pins()
    assert result["articles"] == pins["articles"]
    for subset in ("direct", "all"):
        assert (result["systems"]["communique"][subset]["content"]["gold"]
                == pins["communique"][subset]["content"]["gold"])


def test_ahead_of_textacy(result):
    if "textacy" not in result["systems"]:
        pytest.skip(result.get("baseline_skipped", "no baseline"))
    ours, theirs = result["systems"]["communique"], result["systems"]["textacy"]
    for subset in ("direct", "all"):
        for measure in ("content", "content+speaker"):
            assert ours[subset][measure]["f1"] > theirs[subset][measure]["f1"]
