"""The event model at run time: a sentence -> probabilities of PLOVER type, mode, quad class
and ACLED event type.

A small transformer (MiniLM, fine-tuned by ``scripts/train_event_model.py``)
shipped as int8 ONNX with its tokenizer under ``communique/data/models/events/``.
It runs on ``onnxruntime`` and ``tokenizers`` alone (no torch), is loaded once per
process, and never downloads anything. ``meta.json`` beside it names the heads and
their labels, and records how the model was trained and what it scored.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Sequence

from .onnx_encoder import (META_FILE, MODEL_FILE, TOKENIZER_FILE, ModelMissing, OnnxEncoder,
                           files_present)

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "events"

ACTOR_MARKS = ("<s>", "</s>")
RECIPIENT_MARKS = ("<t>", "</t>")
SEEN = 64  # the texts whose readings ``EventModel.predict`` keeps (an article's worth and more)

__all__ = ["ACTOR_MARKS", "META_FILE", "MODEL_FILE", "RECIPIENT_MARKS", "TOKENIZER_FILE", "EventModel",
           "ModelMissing", "load_event_model",
           "mark", "model_available"]


def mark(text: str, actors=(), recipients=()) -> str:
    """``text`` with each actor span in ``<s>…</s>`` and each recipient span in ``<t>…</t>``,
    the way PLV marks its sentences (the model is trained and run on such text).

    Spans are (start, end) character offsets into ``text``; a span that overlaps one
    already marked (actors first, then recipients, each in text order) is left out.
    """
    spans: list[tuple[int, int, tuple[str, str]]] = []
    for group, marks in ((actors, ACTOR_MARKS), (recipients, RECIPIENT_MARKS)):
        for start, end in sorted(group):
            if 0 <= start < end <= len(text) and all(end <= a or start >= b for a, b, _ in spans):
                spans.append((start, end, marks))
    out, at = [], 0
    for start, end, (open_, close) in sorted(spans):
        out += [text[at:start], open_, text[start:end], close]
        at = end
    out.append(text[at:])
    return "".join(out)


class EventModel(OnnxEncoder):
    """One loaded model: ``predict(sentences)`` gives each head's label probabilities."""

    def __init__(self, path: str | Path = MODEL_DIR, threads: int = 1, seen: int = SEEN):
        super().__init__(path, "event model", "scripts/train_event_model.py", threads)
        self.heads: dict[str, list[str]] = self.meta["heads"]
        # trained on text with the actor and recipient marked (``mark``), or on plain sentences
        self.marked = bool(self.meta.get("marked", False))
        self.seen = seen  # how many texts' readings ``predict`` keeps (0: none)
        self._seen: dict[str, dict[str, dict[str, float]]] = {}  # text -> reading, oldest first

    def predict(self, sentences: Sequence[str]) -> list[dict[str, dict[str, float]]]:
        """Per sentence, ``{head: {label: probability}}``; each sentence is run alone, so its
        probabilities do not depend on the other ``sentences``, and a text read in the last
        ``seen`` texts is not run again (model mode reads a sentence that
        :mod:`communique.extract.events.sentence_reading` made an event of once for its type
        and once more for the event's view, :func:`communique.extract.events.model.event_views`:
        the same text; ``seen``, ``SEEN`` by default). The dicts are shared between calls:
        read them, do not change them."""
        got = {s: self._seen[s] for s in sentences if s in self._seen}
        todo = [s for s in dict.fromkeys(sentences) if s not in got]
        for i, _enc, probs in self.readings(todo):
            got[todo[i]] = {name: {lab: float(v) for lab, v in zip(self.heads[name], p[0])}
                            for name, p in zip(self.outputs, probs)}
        for s in todo:
            self._seen[s] = got[s]
        while len(self._seen) > self.seen:
            del self._seen[next(iter(self._seen))]
        return [got[s] for s in sentences]


@functools.cache
def _load(path: str) -> EventModel:
    return EventModel(path)


def load_event_model(path: str | Path | None = None) -> EventModel:
    """The shipped event model (or the one in ``path``), loaded once per process.

    Raises:
        ModelMissing: saying what is missing and how to get it.
    """
    return _load(str(Path(path) if path else MODEL_DIR))


def model_available(path: str | Path | None = None) -> bool:
    """Whether a model can be loaded from ``path`` (default: the shipped one)."""
    return files_present(Path(path) if path else MODEL_DIR)
