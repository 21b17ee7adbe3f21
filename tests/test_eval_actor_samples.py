"""The fresh samples of hand-annotated actor and recipient countries (issue 12).

Each file holds 150 sentences of the PLV train split drawn with a fixed seed from rows in
the TRAIN part of communique.evaluate.splits and in no earlier file, annotated by hand
before any program was run on them (how, and the conventions, in its header):

- tests/data/actor_countries_more.tsv (twelfth round), not in tests/data/actor_countries.tsv;
  opened to rule writers in the sixteenth round;
- tests/data/actor_countries_fresh.tsv (sixteenth round), in neither earlier file; only
  measured, so it keeps telling whether the actor stage's rules generalise beyond the rows
  they were written against.

These tests check each file is what its header says and that communique.evaluate.actors
reads and scores it, and hold the default coder's scores on it to its pins
(tests/data/pinned/actors_more.json, actors_fresh.json), as tests/test_eval_actors.py does
for the first file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from communique.evaluate.actors import ROLES, UNKNOWN, evaluate, format_table, read_rows
from communique.evaluate.splits import is_heldout

DATA = Path(__file__).parent / "data"
FIRST = DATA / "actor_countries.tsv"
# sample -> (its file, its pins, the files drawn before it)
SAMPLES = {
    "more": (DATA / "actor_countries_more.tsv", DATA / "pinned" / "actors_more.json", (FIRST,)),
    "fresh": (DATA / "actor_countries_fresh.tsv", DATA / "pinned" / "actors_fresh.json",
              (FIRST, DATA / "actor_countries_more.tsv")),
}
CODE = re.compile(r"^(?:[A-Z]{3}|-)$")
MEASURES = ("accuracy", "resolution_accuracy", "span_recall", "role_recall")
ROLE_NAMES = [role for role, _ in ROLES]


@pytest.fixture(scope="module", params=list(SAMPLES))
def sample(request):
    """(file, pins, earlier files, rows) of one sample."""
    path, pins, earlier = SAMPLES[request.param]
    return path, pins, earlier, read_rows(path)


def test_the_sample_is_150_train_part_plv_rows(sample):
    rows = sample[3]
    assert len(rows) == 150
    assert all(r["source"].startswith("plv/train.tsv:") for r in rows)
    assert not [r["source"] for r in rows if is_heldout(r["sentence"])]
    assert len({r["sentence"] for r in rows}) == len({r["source"] for r in rows}) == 150


def test_no_row_of_an_earlier_file(sample):
    _, _, earlier, rows = sample
    for path in earlier:
        old = read_rows(path)
        assert not {r["sentence"] for r in rows} & {r["sentence"] for r in old}, path.name
        assert not {r["source"] for r in rows} & {r["source"] for r in old}, path.name


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_span_has_a_country_code(sample, role):
    rows = sample[3]
    spans = [r for r in rows if r[f"{role}_text"]]
    assert len(spans) >= 130
    assert all(CODE.match(r[f"{role}_country"]) for r in spans)
    # no country without a span
    assert all(not r[f"{role}_country"] for r in rows if not r[f"{role}_text"])


class _NullCoder:
    """Finds nothing: every gold "-" is then right, every named country wrong."""

    def code_dicts(self, articles, batch_size=None):
        for a in articles:
            yield {"id": a.id, "text": a.text, "actors": [], "events": []}


@pytest.mark.parametrize("part", ["all", "train"])
def test_the_scorer_reads_and_scores_it(sample, part):
    path, _, _, rows = sample
    r = evaluate(path, _NullCoder(), part=part)
    assert r["n"] == 150
    for role, _ in ROLES:
        spans = [x for x in rows if x[f"{role}_text"]]
        unknown = sum(x[f"{role}_country"] == UNKNOWN for x in spans)
        assert r[role]["n"] == len(spans) and r[role]["gold_unknown"] == unknown
        assert r[role]["accuracy"] == round(unknown / len(spans), 4)
        assert r[role]["error_sources"] == {"span_missed": len(spans) - unknown}
    assert evaluate(path, _NullCoder(), part="heldout")["n"] == 0


def test_the_pins_are_of_this_file(sample):
    _, pins_path, _, rows = sample
    pins = json.loads(pins_path.read_text("utf-8"))
    assert pins["n"] == len(rows)
    for role, _ in ROLES:
        spans = [r for r in rows if r[f"{role}_text"]]
        assert pins[role]["n"] == len(spans)
        assert pins[role]["gold_unknown"] == sum(r[f"{role}_country"] == UNKNOWN for r in spans)


@pytest.fixture(scope="module")
def result(sample, coder):
    """The default coder's scores on the sample, with its pins."""
    path, pins_path, _, _ = sample
    return evaluate(path, coder), json.loads(pins_path.read_text("utf-8"))


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize("measure", MEASURES)
def test_scores_hold(result, role, measure):
    got_all, pins = result
    got, pinned = got_all[role][measure], pins[role][measure]
    assert got >= pinned - pins["tolerance"], (
        f"{role} {measure} fell to {got:.4f} (pinned {pinned:.4f})\n" + format_table(got_all))
