"""The event model's training path and run-time path meet: a tiny random model trained for one
step by the same code as scripts/train_event_model.py, exported, loaded and run without torch."""

from __future__ import annotations

import json

import pytest

from communique.models.event_model import EventModel, ModelMissing, load_event_model, model_available
from tests.models.batches import ALONE as _ALONE, OTHERS as _OTHERS

ROWS = [
    ("Troops shelled the town overnight.", {"type": "ASSAULT", "mode": "heavy-weapons", "quad": "4",
                                            "acled": "Explosions/Remote violence"}),
    ("Hundreds marched peacefully in the capital.", {"type": "PROTEST", "mode": "demo", "quad": "4",
                                                     "acled": "Protests"}),
    ("The minister praised the agreement.", {"type": "SUPPORT", "quad": "1"}),
    ("Police arrested two journalists.", {"quad": "4"}),
]


def _tiny_base(tmp_path):
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig

    words = sorted({w.strip(".").lower() for text, _ in ROWS for w in text.split()} | {"."})
    vocab = {t: i for i, t in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", *words])}
    tok = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    base = tmp_path / "base"
    base.mkdir()
    tok.save(str(base / "tokenizer.json"))
    BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
               intermediate_size=32, max_position_embeddings=64).save_pretrained(base)
    return base


def test_train_export_load_predict(tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("onnx")
    from communique.models.training import Example, head_labels, train

    examples = [Example(t, "plv", labels) for t, labels in ROWS]
    out = tmp_path / "model"
    meta = train(examples, examples[:2], _tiny_base(tmp_path), out, epochs=1, max_steps=1,
                 batch_size=4, threads=1, source_weights={"plv": 1.5}, log=lambda _: None)
    assert meta["heads"] == head_labels()
    assert meta["source_weights"] == {"plv": 1.5}
    assert json.loads((out / "meta.json").read_text())["seed"] == meta["seed"]

    model = EventModel(out)
    sentences = ["Troops shelled the town overnight.", "Hundreds marched.", "Unseen words here."]
    probs = model.predict(sentences)
    assert len(probs) == 3
    for p in probs:
        assert set(p) == set(meta["heads"])
        for head, labels in meta["heads"].items():
            assert list(p[head]) == labels
            assert sum(p[head].values()) == pytest.approx(1.0, abs=1e-3)
    # a sentence reads the same alone, in another order or among other sentences: exactly
    assert [model.predict([s])[0] for s in sentences] == probs
    assert model.predict(list(reversed(sentences)))[::-1] == probs
    assert model.predict([]) == []


def test_missing_model_says_what_to_do(tmp_path):
    with pytest.raises(ModelMissing, match="train one with"):
        load_event_model(tmp_path)


def test_mark_puts_actor_and_recipient_marks_where_plv_does():
    from communique.models.event_model import mark

    text = "Iran has condemned the US decision."
    assert mark(text, [(0, 4)], [(19, 34)]) == "<s>Iran</s> has condemned <t>the US decision</t>."
    # a recipient that overlaps the actor is left out; no spans, no marks
    assert mark(text, [(0, 8)], [(5, 12)]) == "<s>Iran has</s> condemned the US decision."
    assert mark(text) == text
    # two actors ("Iran and Iraq"), in text order whatever the order given
    assert mark("Iran and Iraq met.", [(9, 13), (0, 4)]) == "<s>Iran</s> and <s>Iraq</s> met."


def test_the_event_stage_marks_the_main_candidates_roles():
    """What the coder feeds a marked model: the sentence with its own actor and recipient."""
    from communique.nlp import load_nlp

    seen = []

    class Recorder:
        marked = True

        def predict(self, texts):
            seen.extend(texts)
            return [{} for _ in texts]

    from communique.extract.events import find_events

    doc = load_nlp()("Iranian Foreign Minister Zarif condemned the Supreme Court.")
    token_actor = {t.i: "IRN" for t in doc[0:4]} | {t.i: "USA" for t in doc[6:8]}

    class Actors:
        pass

    actors = Actors()
    actors.token_actor = token_actor
    find_events(doc, actors, event_model=Recorder())
    assert seen == ["<s>Iranian Foreign Minister Zarif</s> condemned the <t>Supreme Court</t>."]


def test_weighted_loss_counts_a_row_as_often_as_its_weight():
    torch = pytest.importorskip("torch")
    from communique.models.training import IGNORE, weighted_loss

    logits = torch.tensor([[2.0, 0.0, -1.0], [0.1, 0.3, 0.0], [0.0, 0.0, 5.0], [1.0, 1.0, 1.0]])
    targets = torch.tensor([0, 2, IGNORE, 1])
    plain = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)(logits, targets)
    assert weighted_loss(logits, targets, torch.ones(4)).item() == pytest.approx(plain.item())
    # row 1 weighted 3: the mean over rows 0, 1, 1, 1, 3 (row 2 has no label)
    rows = torch.tensor([0, 1, 1, 1, 3])
    tripled = torch.nn.CrossEntropyLoss()(logits[rows], targets[rows])
    got = weighted_loss(logits, targets, torch.tensor([1.0, 3.0, 7.0, 1.0]))
    assert got.item() == pytest.approx(tripled.item())
    assert weighted_loss(logits, torch.full((4,), IGNORE), torch.ones(4)) is None


@pytest.mark.skipif(not model_available(), reason="no shipped event model")
def test_a_sentences_reading_does_not_depend_on_the_sentences_beside_it():
    model = EventModel(seen=0)  # no reading kept: each text is run again
    alone = model.predict([_ALONE])[0]
    for others in (_OTHERS, _OTHERS[:1], _OTHERS[::-1]):
        beside = model.predict([*others, _ALONE])
        assert beside[-1] == alone  # exactly: int8 scales a batch's activations together
        assert beside[:-1] == [model.predict([o])[0] for o in others]


@pytest.mark.skipif(not model_available(), reason="no shipped event model")
def test_a_text_read_lately_is_not_run_again():
    model = EventModel(seen=2)
    ran: list[str] = []
    readings = model.readings
    model.readings = lambda texts: (ran.extend(texts), readings(texts))[1]
    fresh = EventModel(seen=0)
    a, b, c = "Troops shelled the town.", "The minister praised the deal.", "Police arrested two men."
    assert model.predict([a]) == fresh.predict([a])
    assert model.predict([b, a, b]) == fresh.predict([b, a, b])
    assert ran == [a, b]  # a kept from the first call, b run once for both places
    model.predict([c])  # three texts: a, the oldest, is no longer kept
    assert model.predict([a, c]) == fresh.predict([a, c])
    assert ran == [a, b, c, a]
