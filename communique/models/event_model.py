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
import json
from pathlib import Path
from typing import Any, Sequence

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "events"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
META_FILE = "meta.json"

ACTOR_MARKS = ("<s>", "</s>")
RECIPIENT_MARKS = ("<t>", "</t>")

__all__ = ["ACTOR_MARKS", "RECIPIENT_MARKS", "EventModel", "ModelMissing", "load_event_model",
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


class ModelMissing(RuntimeError):
    pass


class EventModel:
    """One loaded model: ``predict(sentences)`` gives each head's label probabilities."""

    def __init__(self, path: str | Path = MODEL_DIR, threads: int = 1):
        path = Path(path)
        missing = [f for f in (MODEL_FILE, TOKENIZER_FILE, META_FILE) if not (path / f).is_file()]
        if missing:
            raise ModelMissing(f"no event model in {path} (missing {', '.join(missing)}): "
                               "reinstall communique, or train one with "
                               "`python scripts/train_event_model.py --out DIR`")
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as e:  # pragma: no cover - both are base dependencies
            raise ModelMissing(f"the event model needs onnxruntime and tokenizers ({e}): "
                               "run `pip install onnxruntime tokenizers`") from e
        self.path = path
        self.meta: dict[str, Any] = json.loads((path / META_FILE).read_text(encoding="utf-8"))
        self.heads: dict[str, list[str]] = self.meta["heads"]
        self.max_length = int(self.meta.get("max_length", 128))
        # trained on text with the actor and recipient marked (``mark``), or on plain sentences
        self.marked = bool(self.meta.get("marked", False))
        self.tokenizer = Tokenizer.from_file(str(path / TOKENIZER_FILE))
        self.tokenizer.enable_truncation(self.max_length)
        self.tokenizer.no_padding()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(path / MODEL_FILE), opts,
                                            providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.outputs = [o.name for o in self.session.get_outputs()]

    def predict(self, sentences: Sequence[str], batch_size: int = 32) -> list[dict[str, dict[str, float]]]:
        """Per sentence, ``{head: {label: probability}}``; sentences of similar length are batched."""
        import numpy as np

        out: list[dict[str, dict[str, float]]] = [{} for _ in sentences]
        encs = self.tokenizer.encode_batch(list(sentences)) if sentences else []
        order = sorted(range(len(encs)), key=lambda i: len(encs[i].ids))
        for b in range(0, len(order), batch_size):
            idx = order[b:b + batch_size]
            width = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encs[i].ids)
                ids[row, :n] = encs[i].ids
                mask[row, :n] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            probs = self.session.run(self.outputs, feed)
            for name, p in zip(self.outputs, probs):
                labels = self.heads[name]
                for row, i in enumerate(idx):
                    out[i][name] = {lab: float(v) for lab, v in zip(labels, p[row])}
        return out


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
    path = Path(path) if path else MODEL_DIR
    return all((path / f).is_file() for f in (MODEL_FILE, TOKENIZER_FILE, META_FILE))
