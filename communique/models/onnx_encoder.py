"""What the shipped encoders share at run time: a directory with an int8 ONNX model, its
tokenizer and ``meta.json``, opened with ``onnxruntime`` and ``tokenizers`` alone, and
sentences run through it one at a time (a reading depends on its own text only).

The event model (:mod:`.event_model`) and the role tagger (:mod:`.role_tagger`) each
read their own heads or labels from the meta and their own outputs from the batches.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator, Sequence

MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
META_FILE = "meta.json"
FILES = (MODEL_FILE, TOKENIZER_FILE, META_FILE)

__all__ = ["FILES", "META_FILE", "MODEL_FILE", "TOKENIZER_FILE", "ModelMissing", "OnnxEncoder",
           "files_present"]


class ModelMissing(RuntimeError):
    pass


def files_present(path: Path) -> bool:
    """Whether ``path`` holds the three files of a shipped encoder."""
    return all((path / f).is_file() for f in FILES)


class OnnxEncoder:
    """One loaded encoder directory.

    Args:
        path: the directory (``model.onnx``, ``tokenizer.json``, ``meta.json``).
        what: what it is, for the error ("event model", "role tagger").
        script: the script that trains one, for the error.
        threads: onnxruntime's intra-op threads.

    Raises:
        ModelMissing: naming the missing files and how to get them.
    """

    def __init__(self, path: str | Path, what: str, script: str, threads: int = 1):
        path = Path(path)
        missing = [f for f in FILES if not (path / f).is_file()]
        if missing:
            raise ModelMissing(f"no {what} in {path} (missing {', '.join(missing)}): "
                               f"reinstall communique, or train one with `python {script} --out DIR`")
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as e:  # pragma: no cover - both are base dependencies
            raise ModelMissing(f"the {what} needs onnxruntime and tokenizers ({e}): "
                               "run `pip install onnxruntime tokenizers`") from e
        self.path = path
        self.meta: dict[str, Any] = json.loads((path / META_FILE).read_text(encoding="utf-8"))
        self.max_length = int(self.meta.get("max_length", 128))
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

    def readings(self, sentences: Sequence[str]) -> Iterator[tuple[int, Any, list]]:
        """Run each of ``sentences`` alone: per sentence, its index, its encoding
        (``tokenizers`` Encoding: ids, offsets, word_ids) and the session's outputs (arrays of
        one row).

        One text at a time, never in a batch: the int8 model quantizes its activations with
        one scale per run (``DynamicQuantizeLinear`` over the whole input, padding included),
        so in a batch a sentence's reading would depend on the other sentences beside it.
        Alone, a reading is a function of its own text only, and no padding is computed
        (about a fifth less CPU than batches of 32 on news articles, docs/benchmarks.md)."""
        import numpy as np

        encs = self.tokenizer.encode_batch(list(sentences)) if sentences else []
        for i, enc in enumerate(encs):
            ids = np.asarray([enc.ids], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            if "token_type_ids" in self.inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            yield i, enc, self.session.run(self.outputs, feed)
