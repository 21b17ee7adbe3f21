"""The role tagger at run time: a sentence -> the character spans of its event's source
(the actor) and target (the recipient).

A MiniLM token classifier (BIO over SOURCE/TARGET), fine-tuned by
``scripts/train_role_tagger.py`` on the train parts of the ConfliBERT NER and PLV
files, shipped as int8 ONNX with its tokenizer under
``communique/data/models/roles/``. It runs on ``onnxruntime`` and ``tokenizers``
alone, is loaded once per process and never downloads anything. ``meta.json``
beside it names the labels and records how it was trained and what it scored.
The role step (:mod:`communique.extract.roles`) maps its spans to actor mentions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .onnx_encoder import ModelMissing, OnnxEncoder, files_present

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "roles"
LABELS = ("O", "B-S", "I-S", "B-T", "I-T")

__all__ = ["LABELS", "ModelMissing", "RoleTagger", "TaggedSpan", "decode", "load_role_tagger", "tagger_available"]


@dataclass(frozen=True)
class TaggedSpan:
    """A source ("S") or target ("T") span, character offsets into the sentence."""

    role: str
    start: int
    end: int
    probability: float


def decode(labels: Sequence[str], probs: Sequence[float], offsets: Sequence[tuple[int, int]],
           word_ids: Sequence[int | None]) -> list[TaggedSpan]:
    """BIO labels of word pieces -> spans. A piece after the first of its word (``word_ids``,
    from the tokenizer) follows the word's first piece, so a span never splits a word; an
    I- without its B- opens a span. ``probs``: the probability of each piece's label."""
    spans: list[TaggedSpan] = []
    cur: list | None = None  # [role, start, end, probs]
    prev_word = None
    for lab, p, (a, b), w in zip(labels, probs, offsets, word_ids):
        if w is None:  # special tokens
            prev_word = None
            continue
        inside_word = w == prev_word
        prev_word = w
        if inside_word and cur is not None:
            cur[2] = b
            cur[3].append(p)
            continue
        if inside_word:
            continue
        role = lab[2:] if lab != "O" else None
        if cur is not None and (role != cur[0] or lab.startswith("B-")):
            spans.append(TaggedSpan(cur[0], cur[1], cur[2], round(sum(cur[3]) / len(cur[3]), 4)))
            cur = None
        if role is not None:
            if cur is None:
                cur = [role, a, b, [p]]
            else:
                cur[2] = b
                cur[3].append(p)
    if cur is not None:
        spans.append(TaggedSpan(cur[0], cur[1], cur[2], round(sum(cur[3]) / len(cur[3]), 4)))
    return spans


class RoleTagger(OnnxEncoder):
    """One loaded tagger: ``spans(sentences)`` gives each sentence's source/target spans."""

    def __init__(self, path: str | Path = MODEL_DIR, threads: int = 1):
        super().__init__(path, "role tagger", "scripts/train_role_tagger.py", threads)
        self.labels: list[str] = list(self.meta.get("labels", LABELS))

    def spans(self, sentences: Sequence[str]) -> list[list[TaggedSpan]]:
        """Per sentence, its tagged spans in text order; each sentence is run alone, so its
        spans do not depend on the other ``sentences``."""
        out: list[list[TaggedSpan]] = [[] for _ in sentences]
        for i, enc, (probs, *_rest) in self.readings(sentences):
            best = probs[0, :len(enc.ids)].argmax(-1)
            out[i] = decode([self.labels[k] for k in best],
                            [float(probs[0, t, k]) for t, k in enumerate(best)],
                            enc.offsets, enc.word_ids)
        return out


@functools.cache
def _load(path: str) -> RoleTagger:
    return RoleTagger(path)


def load_role_tagger(path: str | Path | None = None) -> RoleTagger:
    """The shipped role tagger (or the one in ``path``), loaded once per process.

    Raises:
        ModelMissing: saying what is missing and how to get it.
    """
    return _load(str(Path(path) if path else MODEL_DIR))


def tagger_available(path: str | Path | None = None) -> bool:
    """Whether a tagger can be loaded from ``path`` (default: the shipped one)."""
    return files_present(Path(path) if path else MODEL_DIR)
