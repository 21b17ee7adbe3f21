"""Quality gate: actor and recipient country accuracy on hand-annotated sentences.

The sentences, spans and countries in tests/data/actor_countries.tsv were
annotated by hand (conventions in its header). The pins live in
tests/data/pinned/actors.json. Raise them when the actor or event stage
improves; never lower them silently. To print fresh scores:

    .venv/bin/python -c "from communique.evaluate.actors import evaluate, format_table; \
print(format_table(evaluate('tests/data/actor_countries.tsv')))"
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.evaluate.actors import evaluate, format_table, read_rows

DATA = Path(__file__).parent / "data"
GOLD = DATA / "actor_countries.tsv"
PINS = DATA / "pinned" / "actors.json"
TOLERANCE = 0.005
MEASURES = ("accuracy", "resolution_accuracy", "span_recall", "role_recall")


def _pins():
    return json.loads(PINS.read_text("utf-8"))


@pytest.fixture(scope="module")
def result(coder):
    return evaluate(GOLD, coder)


def test_gold_is_the_pinned_gold():
    rows = read_rows(GOLD)
    pins = _pins()
    assert len(rows) == pins["n"] >= 150
    assert sum(bool(r["recipient_text"]) for r in rows) == pins["recipient"]["n"]
    assert {r["source"].split(":")[0] for r in rows} == {
        "plv/train.tsv", "confli-cameo/class_train.tsv"}


@pytest.mark.parametrize("role", ["actor", "recipient"])
@pytest.mark.parametrize("measure", MEASURES)
def test_scores_hold(result, role, measure):
    got = result[role][measure]
    pinned = _pins()[role][measure]
    assert got >= pinned - TOLERANCE, (
        f"{role} {measure} fell to {got:.4f} (pinned {pinned:.4f})\n" + format_table(result))


# -- the scorer itself, on hand-made rows and a coder that returns fixed records ------

_HEADER = "sentence\tsource\tactor_text\tactor_country\trecipient_text\trecipient_country\n"


class _FixedCoder:
    """Returns the given record dicts in order, as ``Coder.code_dicts`` would."""

    def __init__(self, records):
        self.records = records
        self.seen = []

    def code_dicts(self, articles, batch_size=None):
        for article, record in zip(articles, self.records):
            self.seen.append(article.text)
            yield dict(record, id=article.id, text=article.text)


def _actor(aid, name, country, start):
    return {"id": aid, "name": name, "kind": "country", "country": country,
            "mentions": [{"start": start, "end": start + len(name), "text": name}]}


def _event(actor, recipient):
    return {"id": "E1", "type": "ACCUSE", "actor": actor, "recipient": recipient}


def _write(tmp_path, rows):
    path = tmp_path / "gold.tsv"
    path.write_text("# a comment line\n" + _HEADER + "".join("\t".join(r) + "\n" for r in rows),
                    "utf-8")
    return path


def test_scorer_counts_one_right_and_one_wrong(tmp_path):
    right = "Ukraine accuses Russia of sending tanks."
    wrong = "Tehran accused Washington of piracy."
    path = _write(tmp_path, [
        [right, "hand", "Ukraine", "UKR", "Russia", "RUS"],
        [wrong, "hand", "Tehran", "IRN", "Washington", "USA"],
    ])
    coder = _FixedCoder([
        {"actors": [_actor("A1", "Ukraine", "UKR", 0), _actor("A2", "Russia", "RUS", 16)],
         "events": [_event(["A1"], ["A2"])]},
        # Tehran resolved to no country, Washington to the wrong one; one decoy event first.
        {"actors": [_actor("A1", "Tehran", None, 0), _actor("A2", "Washington", "GBR", 15)],
         "events": [_event([], []), _event(["A1"], ["A2"])]},
    ])
    r = evaluate(path, coder)
    assert coder.seen == [right, wrong]
    assert r["n"] == 2
    for role in ("actor", "recipient"):
        assert r[role]["accuracy"] == 0.5
        assert r[role]["span_recall"] == 1.0
        assert r[role]["role_recall"] == 1.0
        assert r[role]["error_sources"] == {"wrong_country": 1}
    assert r["actor"]["confusion"] == [["IRN", "null", 1]]
    assert r["recipient"]["confusion"] == [["USA", "GBR", 1]]
    assert "actor" in format_table(r) and "IRN->null 1" in format_table(r)


def test_scorer_unknown_gold_and_missed_spans(tmp_path):
    text = "A suicide bomber attacked Iran's parliament."
    path = _write(tmp_path, [[text, "hand", "A suicide bomber", "-", "Iran's parliament", "IRN"]])
    # No actor at the bomber (right: gold "-" wants null); the recipient span is missed.
    r = evaluate(path, _FixedCoder([{"actors": [], "events": []}]))
    assert r["actor"]["accuracy"] == 1.0
    assert r["actor"]["span_recall"] == 0.0
    assert r["recipient"]["accuracy"] == 0.0
    assert r["recipient"]["error_sources"] == {"span_missed": 1}
    # A guessed country where gold is "-" is wrong.
    r = evaluate(path, _FixedCoder([{"actors": [_actor("A1", "A suicide bomber", "IRN", 0)],
                                     "events": [_event(["A1"], [])]}]))
    assert r["actor"]["accuracy"] == 0.0
    assert r["actor"]["error_sources"] == {"guessed": 1}


def test_spans_must_be_in_the_sentence(tmp_path):
    path = _write(tmp_path, [["Ukraine accuses Russia.", "hand", "Kyiv", "UKR", "", ""]])
    with pytest.raises(ValueError, match="not in the sentence"):
        read_rows(path)


def test_parts_follow_the_fixed_split(tmp_path):
    from communique.evaluate.splits import is_heldout

    texts = [f"Country number {k} accused Russia." for k in range(40)]
    path = _write(tmp_path, [[t, "hand", "Russia", "RUS", "", ""] for t in texts])
    for part in ("train", "heldout"):
        want = [t for t in texts if is_heldout(t) == (part == "heldout")]
        coder = _FixedCoder([{"actors": [], "events": []}] * len(want))
        r = evaluate(path, coder, part=part)
        assert coder.seen == want and r["n"] == len(want) and 0 < len(want) < 40
        assert f"[{part}]" in format_table(r)
