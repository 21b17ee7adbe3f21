"""Quality gate for the role tagger in model mode (`--model`): actor and recipient spans on
../shared/dev must not fall below the pins, held-out parts beside train parts
(tests/data/pinned/roles.json). The rules' own span pins are in test_eval_events.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.evaluate.cameo import eval_ner, eval_plv, format_table
from communique.models.event_model import model_available
from communique.models.role_tagger import tagger_available

from .conftest import SHARED
from .conftest import need as _need

PINS = json.loads((Path(__file__).parent / "data" / "pinned" / "roles.json").read_text())
DEV = SHARED / "dev"
SLACK = 0.005

pytestmark = pytest.mark.skipif(not (model_available() and tagger_available()),
                                reason="no event model or role tagger is shipped")



@pytest.mark.parametrize("part", ["train", "heldout"])
def test_ner_spans_in_model_mode(model_coder, part):
    r = eval_ner(_need(DEV / "confli-cameo" / "ner_train.txt"), model_coder, part=part)
    print(format_table(r))
    assert r["micro_overlap"]["f1"] >= PINS["model"][f"ner_micro_overlap_f1_{part}"] - SLACK


@pytest.mark.parametrize("part", ["train", "heldout"])
def test_plv_spans_in_model_mode(model_coder, part):
    r = eval_plv(_need(DEV / "plv" / "train.tsv"), model_coder, part=part)
    print(format_table(r))
    assert r["spans"]["micro_overlap"]["f1"] >= PINS["model"][f"plv_span_micro_overlap_f1_{part}"] - SLACK


def test_the_shipped_tagger_says_how_it_was_trained():
    from communique.models.role_tagger import LABELS, load_role_tagger

    meta = load_role_tagger().meta
    assert meta["labels"] == list(LABELS) and meta["seed"] == 13
    assert set(meta["data"]["train"]) == {"ner", "plv"}
    assert meta["scores"]["heldout"]["ner"]["overlap_f1"] > 0.7


@pytest.fixture(scope="module")
def tagger_coder():
    """Model mode: the event model's types and the tagger's roles together."""
    from communique.pipeline import Coder

    return Coder(event_model=True)


def test_the_seed_article_with_the_tagger(tagger_coder, seed_text):
    """The nine events of ../shared/seed/expected.md, and their actors, hold with the tagger."""
    assert tagger_coder.role_tagger is not None
    rec = tagger_coder.code(seed_text, published="2022-10-03").to_dict()
    names = {a["id"]: a["name"] for a in rec["actors"]}
    events = [(e["type"], e["mode"], {names[i] for i in e["actor"]}, {names[i] for i in e["recipient"]})
              for e in rec["events"]]
    assert len(events) == 9
    visit = [e for e in events if e[:2] == ("CONSULT", "visit")]
    assert len(visit) == 1 and any("Qalibaf" in n for n in visit[0][2]) and visit[0][3] == {"Azerbaijan"}
    agree = [e for e in events if e[0] == "AGREE"]
    assert len(agree) == 1 and agree[0][2] == {"Iran"} and agree[0][3] == {"Armenia", "Azerbaijan"}
    praise = [e for e in events if e[0] == "SUPPORT" and e[3]]
    assert len(praise) == 1 and any("Bayramov" in n for n in praise[0][2]) and praise[0][3] == {"Iran"}
    assault = [e for e in events if e[0] == "ASSAULT"]
    assert len(assault) == 2 and all(e[2] == {"Armenia", "Azerbaijan"} for e in assault)
