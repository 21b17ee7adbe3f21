"""The role tagger: BIO decoding, piece labels, and a tiny tagger trained for one step by the
same code as scripts/train_role_tagger.py, exported, loaded and run without torch."""

from __future__ import annotations

import json

import pytest

from communique.models.event_model import ModelMissing
from communique.models.role_tagger import (LABELS, RoleTagger, TaggedSpan, decode, load_role_tagger,
                                          tagger_available)
from tests.models.batches import ALONE as _ALONE, OTHERS as _OTHERS

# "Rebels attacked Kadugli ." as word pieces; "kadugli" in two pieces
OFFSETS = [(0, 0), (0, 6), (7, 15), (16, 19), (19, 23), (23, 24), (0, 0)]
WORDS = [None, 0, 1, 2, 2, 3, None]


@pytest.mark.parametrize("labels, expected", [
    (["O", "B-S", "O", "B-T", "I-T", "O", "O"], [("S", 0, 6), ("T", 16, 23)]),
    # a piece inside a word follows the word's first piece, whatever its own label; the
    # full stop is a word of its own
    (["O", "B-S", "O", "B-T", "O", "O", "O"], [("S", 0, 6), ("T", 16, 23)]),
    (["O", "B-S", "O", "B-T", "O", "I-T", "O"], [("S", 0, 6), ("T", 16, 24)]),
    (["O", "B-S", "O", "O", "B-T", "O", "O"], [("S", 0, 6)]),
    # an I- with no B- opens a span; a new B- closes the one before
    (["O", "I-S", "B-S", "O", "O", "O", "O"], [("S", 0, 6), ("S", 7, 15)]),
    (["O", "B-S", "I-T", "O", "O", "O", "O"], [("S", 0, 6), ("T", 7, 15)]),
    (["O"] * 7, []),
    # special tokens never open a span
    (["B-S", "O", "O", "O", "O", "O", "B-T"], []),
])
def test_decode(labels, expected):
    spans = decode(labels, [0.9] * len(labels), OFFSETS, WORDS)
    assert [(s.role, s.start, s.end) for s in spans] == expected
    assert all(s.probability == pytest.approx(0.9) for s in spans)


def test_piece_labels_mark_the_first_piece_of_a_span_b():
    from communique.models.tagger_training import IGNORE, piece_labels

    got = piece_labels(OFFSETS, {"S": {(0, 6)}, "T": {(16, 23)}})
    assert got == [IGNORE, LABELS.index("B-S"), 0, LABELS.index("B-T"), LABELS.index("I-T"), 0, IGNORE]


ROWS = ["Rebels attacked Kadugli .", "Police arrested two journalists .", "The minister praised Iran ."]


def _tiny_base(tmp_path):
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig

    words = sorted({w.lower() for text in ROWS for w in text.split()})
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


def test_train_export_load_tag(tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("onnx")
    from communique.models.tagger_training import Sentence, train

    sents = [Sentence(ROWS[0], "ner", {"S": {(0, 6)}, "T": {(16, 23)}}),
             Sentence(ROWS[1], "plv", {"S": {(0, 6)}, "T": {(20, 32)}}),
             Sentence(ROWS[2], "plv", {"S": {(0, 12)}, "T": {(21, 25)}})]
    out = tmp_path / "tagger"
    meta = train(sents, sents[:2], _tiny_base(tmp_path), out, epochs=1, max_steps=1, batch_size=4,
                 threads=1, log=lambda _: None)
    assert meta["labels"] == list(LABELS)
    assert set(meta["scores"]["heldout"]) == {"ner", "plv"}
    assert json.loads((out / "meta.json").read_text())["seed"] == meta["seed"]

    tagger = RoleTagger(out)
    got = tagger.spans(ROWS + ["Unseen words here ."])
    assert len(got) == 4
    for text, spans in zip(ROWS, got):
        for s in spans:
            assert isinstance(s, TaggedSpan) and s.role in ("S", "T")
            assert 0 <= s.start < s.end <= len(text) and 0.0 <= s.probability <= 1.0
    assert tagger.spans([]) == []
    assert [tagger.spans([t])[0] for t in ROWS] == got[:3]


def test_missing_tagger_says_what_to_do(tmp_path):
    with pytest.raises(ModelMissing, match="train one with"):
        load_role_tagger(tmp_path)


@pytest.mark.skipif(not tagger_available(), reason="no shipped role tagger")
def test_a_sentences_spans_do_not_depend_on_the_sentences_beside_it():
    tagger = load_role_tagger()
    alone = tagger.spans([_ALONE])[0]
    assert alone  # police, protesters
    for others in (_OTHERS, _OTHERS[:1], _OTHERS[::-1]):
        beside = tagger.spans([*others, _ALONE])
        assert beside[-1] == alone  # probabilities too, to 4 decimals
        assert beside[:-1] == [tagger.spans([o])[0] for o in others]
