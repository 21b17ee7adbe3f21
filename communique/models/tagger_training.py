"""Training the role tagger (needs the `train` extra: torch, transformers, onnx).

``scripts/train_role_tagger.py`` is the command line; this module is the code path it and
the tests share: read the sentences of ``../shared/dev`` whose source and target spans are
marked (ConfliBERT NER: S/T/R BIO tags, R counted as source as the scorer does; PLV: the
``<s>``/``<t>`` marks, one row per sentence), train part only (``communique.evaluate.splits``);
fine-tune an encoder with a linear BIO head on every word piece; keep the epoch whose spans
score best (overlap F1, micro over source and target) on the held-out part; export int8 ONNX
+ tokenizer + ``meta.json`` for ``communique.models.role_tagger``.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.evaluate.cameo import gold_spans, mark_spans, overlaps, read_bio
from communique.evaluate.splits import select
from communique.models.onnx_encoder import META_FILE, MODEL_FILE, TOKENIZER_FILE
from communique.models.training import load_encoder, log_progress, optimizer_step
from communique.models.role_tagger import LABELS, decode

IGNORE = -100


@dataclass
class Sentence:
    """A sentence and the character spans of its source ("S") and target ("T")."""

    text: str
    source: str  # "ner" or "plv"
    spans: dict[str, set]


def ner_sentences(path: Path, part: str) -> list[Sentence]:
    sents = select(read_bio(path), lambda s: " ".join(s[0]), part)
    return [Sentence(" ".join(toks), "ner", gold_spans(toks, tags)) for toks, tags in sents]


def plv_sentences(path: Path, part: str) -> list[Sentence]:
    rows = select(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"),
                  lambda r: r["sentence"], part)
    out, seen = [], set()
    for r in rows:
        if r["sentence"] in seen:  # a second pair of the same sentence would contradict the first
            continue
        seen.add(r["sentence"])
        text, spans = mark_spans(r["marked_sentence"])
        out.append(Sentence(text, "plv", spans))
    return out


def dev_sentences(dev: Path, part: str) -> list[Sentence]:
    return (ner_sentences(dev / "confli-cameo" / "ner_train.txt", part)
            + plv_sentences(dev / "plv" / "train.tsv", part))


def piece_labels(offsets, spans: dict[str, set]) -> list[int]:
    """The BIO label index of each word piece: B- on the first piece inside a span, I- on
    the rest, O outside; special tokens are ignored."""
    out = []
    opened: set = set()
    for a, b in offsets:
        if a == b:
            out.append(IGNORE)
            continue
        lab = "O"
        for role in ("S", "T"):
            for s in spans.get(role, ()):
                if s[0] <= a < s[1]:
                    lab = ("I-" if s in opened else "B-") + role
                    opened.add(s)
                    break
            if lab != "O":
                break
        out.append(LABELS.index(lab))
    return out


def span_f1(sentences: list[Sentence], predicted: list[list]) -> dict[str, Any]:
    """Overlap and exact F1, micro over source and target, of tagged spans per sentence."""
    c = Counter()
    for s, spans in zip(sentences, predicted):
        for role in ("S", "T"):
            pred = {(x.start, x.end) for x in spans if x.role == role}
            gold = s.spans.get(role, set())
            c["tp"] += len(pred & gold)
            c["fp"] += len(pred - gold)
            c["fn"] += len(gold - pred)
            c["otp"] += sum(1 for p in pred if any(overlaps(p, g) for g in gold))
            c["ofp"] += sum(1 for p in pred if not any(overlaps(p, g) for g in gold))
            c["ofn"] += sum(1 for g in gold if not any(overlaps(p, g) for p in pred))

    def f1(tp, fp, fn):
        return round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0

    return {"overlap_f1": f1(c["otp"], c["ofp"], c["ofn"]), "exact_f1": f1(c["tp"], c["fp"], c["fn"]),
            "n": len(sentences)}


def _build(base: Path, layers: int | None, frozen: int = 0):
    import torch

    # the embeddings (11M of the 22M weights) and the first ``frozen`` layers are not trained:
    # their output is computed once per sentence (see ``_Lower``), which is what makes training
    # affordable on a small shared CPU
    encoder, config = load_encoder(base, layers, frozen)

    class Tagger(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = encoder
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(config.hidden_size, len(LABELS))
            self.export_probs = False

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=token_type_ids).last_hidden_state
            logits = self.head(self.dropout(hidden))
            return torch.softmax(logits, dim=-1) if self.export_probs else logits

        def upper(self, hidden, attention_mask, frozen: int):
            """The trained part: layers ``frozen``.. and the head, from the frozen part's output."""
            ext = _extended_mask(self.encoder, attention_mask, hidden)
            for layer in self.encoder.encoder.layer[frozen:]:
                out = layer(hidden, attention_mask=ext)
                hidden = out[0] if isinstance(out, tuple) else out
            return self.head(self.dropout(hidden))

    return Tagger()


def _extended_mask(encoder, attention_mask, hidden):
    import torch

    try:
        ext = encoder._create_attention_masks(attention_mask=attention_mask, encoder_attention_mask=None,
                                              embedding_output=hidden, encoder_hidden_states=None,
                                              cache=None, position_ids=None)
        return ext[0] if isinstance(ext, tuple) else ext
    except (AttributeError, TypeError):  # older transformers: an additive mask
        return (1.0 - attention_mask[:, None, None, :].to(hidden.dtype)) * torch.finfo(hidden.dtype).min


def _lower(model, ids, mask, types, frozen: int):
    """The frozen part's output (embeddings and the first ``frozen`` layers), no gradients."""
    import torch

    with torch.no_grad():
        hidden = model.encoder.embeddings(input_ids=ids, token_type_ids=types)
        ext = _extended_mask(model.encoder, mask, hidden)
        for layer in model.encoder.encoder.layer[:frozen]:
            out = layer(hidden, attention_mask=ext)
            hidden = out[0] if isinstance(out, tuple) else out
    return hidden


def _cache(model, encs, frozen: int, batch_size: int = 64) -> list:
    """Each sentence's frozen-part output, [pieces, hidden]."""
    model.eval()
    out: list = [None] * len(encs)
    order = sorted(range(len(encs)), key=lambda i: len(encs[i].ids))
    for b in range(0, len(order), batch_size):
        idx = order[b:b + batch_size]
        ids, mask, types, _ = _batch([encs[i] for i in idx])
        hidden = _lower(model, ids, mask, types, frozen)
        for row, i in enumerate(idx):
            out[i] = hidden[row, :len(encs[i].ids)].clone()
    return out


def _padded(cached: list, idx: list[int]):
    import torch

    width = max(cached[i].shape[0] for i in idx)
    hidden = torch.zeros((len(idx), width, cached[idx[0]].shape[1]))
    mask = torch.zeros((len(idx), width), dtype=torch.long)
    for row, i in enumerate(idx):
        n = cached[i].shape[0]
        hidden[row, :n] = cached[i]
        mask[row, :n] = 1
    return hidden, mask


def _tokenizer(base: Path, max_length: int):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(base / TOKENIZER_FILE))
    tok.enable_truncation(max_length)
    tok.no_padding()
    return tok


def _batch(encs, with_labels: list[list[int]] | None = None):
    import torch

    width = max(len(e.ids) for e in encs)
    ids = torch.zeros((len(encs), width), dtype=torch.long)
    mask = torch.zeros((len(encs), width), dtype=torch.long)
    labels = torch.full((len(encs), width), IGNORE, dtype=torch.long)
    for i, e in enumerate(encs):
        ids[i, :len(e.ids)] = torch.tensor(e.ids)
        mask[i, :len(e.ids)] = 1
        if with_labels is not None:
            labels[i, :len(e.ids)] = torch.tensor(with_labels[i])
    return ids, mask, torch.zeros_like(ids), labels


def predict(model, tok, sentences: list[Sentence], batch_size: int = 64, cached=None,
            frozen: int = 0) -> list[list]:
    """Tagged spans per sentence (torch, for model selection); ``cached``: their frozen-part
    output from ``_cache``."""
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for b in range(0, len(sentences), batch_size):
            encs = tok.encode_batch([s.text for s in sentences[b:b + batch_size]])
            if cached is not None:
                hidden, mask = _padded(cached, list(range(b, b + len(encs))))
                probs = torch.softmax(model.upper(hidden, mask, frozen), dim=-1)
            else:
                ids, mask, types, _ = _batch(encs)
                probs = torch.softmax(model(ids, mask, types), dim=-1)
            for i, e in enumerate(encs):
                p, k = probs[i, :len(e.ids)].max(-1)
                out.append(decode([LABELS[int(x)] for x in k], [float(x) for x in p], e.offsets,
                                  e.word_ids))
    return out


def train(train_set: list[Sentence], heldout: list[Sentence], base: Path, out: Path, *,
          epochs: int = 5, lr: float = 5e-5, head_lr: float = 1e-3, batch_size: int = 16,
          seed: int = 13, max_length: int = 96, threads: int = 2, layers: int | None = None,
          frozen: int = 0, max_steps: int | None = None, quantize: bool = True, log=print
          ) -> dict[str, Any]:
    """Fine-tune, keep the best epoch on ``heldout``, export to ``out``; returns meta.json's content."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    rng = random.Random(seed)
    started = time.time()
    tok = _tokenizer(base, max_length)
    model = _build(base, layers, frozen)
    encs = tok.encode_batch([s.text for s in train_set])
    labels = [piece_labels(e.offsets, s.spans) for e, s in zip(encs, train_set)]
    cached = _cache(model, encs, frozen)
    held_cache = {src: _cache(model, tok.encode_batch([s.text for s in heldout if s.source == src]), frozen)
                  for src in sorted({s.source for s in heldout})}
    log(json.dumps({"cached": len(cached), "minutes": round((time.time() - started) / 60, 1)}))
    opt = torch.optim.AdamW([{"params": [p for p in model.encoder.parameters() if p.requires_grad],
                              "lr": lr},
                             {"params": list(model.head.parameters()), "lr": head_lr}],
                            weight_decay=0.01)
    total = max_steps or epochs * ((len(train_set) + batch_size - 1) // batch_size)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, total // 10)) * max(0.0, 1 - s / max(1, total)))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    best, history, step, meta = -1.0, [], 0, {}
    order = list(range(len(train_set)))
    for epoch in range(1, epochs + 1):
        model.train()
        rng.shuffle(order)
        # batches of similar length (less padding), in shuffled order
        pool = [sorted(order[k:k + 8 * batch_size], key=lambda i: len(encs[i].ids))
                for k in range(0, len(order), 8 * batch_size)]
        batches = [p[b:b + batch_size] for p in pool for b in range(0, len(p), batch_size)]
        rng.shuffle(batches)
        for idx in batches:
            _, _, _, y = _batch([encs[i] for i in idx], [labels[i] for i in idx])
            hidden, mask = _padded(cached, idx)
            logits = model.upper(hidden, mask, frozen)
            loss = loss_fn(logits.reshape(-1, len(LABELS)), y.reshape(-1))
            step = optimizer_step(model, opt, sched, loss, step)
            if step % 20 == 0:
                log_progress(log, epoch, step, total, loss, started)
            if max_steps and step >= max_steps:
                break
        scores = {src: span_f1([s for s in heldout if s.source == src],
                               predict(model, tok, [s for s in heldout if s.source == src],
                                       cached=held_cache[src], frozen=frozen))
                  for src in sorted({s.source for s in heldout})}
        sel = sum(v["overlap_f1"] for v in scores.values()) / len(scores) if scores else 0.0
        history.append({"epoch": epoch, "heldout": scores, "selection": round(sel, 4),
                        "minutes": round((time.time() - started) / 60, 1)})
        log(json.dumps(history[-1]))
        if sel > best or not meta:
            best = sel
            meta = {"labels": list(LABELS), "max_length": max_length, "base": base.name, "seed": seed,
                    "epochs": epochs, "best_epoch": epoch, "lr": lr, "head_lr": head_lr,
                    "batch_size": batch_size, "layers": len(model.encoder.encoder.layer),
                    "frozen": frozen,
                    "input": "the plain sentence",
                    "data": {"train": dict(Counter(s.source for s in train_set)),
                             "heldout": dict(Counter(s.source for s in heldout)),
                             "split": "communique.evaluate.splits (seeded 80/20 of each dev train file)"},
                    "scores": {"heldout": scores}, "history": list(history)}
            # export every better epoch, so that a run cut short still leaves its best model
            export(model, tok, base, out, meta, quantize=quantize)
        if max_steps and step >= max_steps:
            break
    meta["history"] = history
    (out / META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


def export(model, tok, base: Path, out: Path, meta: dict[str, Any], quantize: bool = True) -> None:
    """int8 ONNX (label probabilities per word piece), tokenizer.json and meta.json into ``out``."""
    import torch

    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    model.export_probs = True
    ids, mask, types, _ = _batch(tok.encode_batch(["An example sentence for tracing.", "Short."]))
    fp32 = out / "model.fp32.onnx"
    torch.onnx.export(model, (ids, mask, types), str(fp32),
                      input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["labels"],
                      dynamic_axes={n: {0: "batch", 1: "tokens"} for n in
                                    ("input_ids", "attention_mask", "token_type_ids", "labels")},
                      opset_version=17, dynamo=False)
    model.export_probs = False
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(out / MODEL_FILE), weight_type=QuantType.QInt8)
        fp32.unlink()
    else:
        fp32.replace(out / MODEL_FILE)
    shutil.copyfile(base / TOKENIZER_FILE, out / TOKENIZER_FILE)
    (out / META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
