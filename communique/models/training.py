"""Training the event model (needs the `train` extra: torch, transformers, onnx).

``scripts/train_event_model.py`` is the command line; this module is the code path it
and the tests share: read the labelled sentences of ``../shared/dev`` (train part only,
see ``communique.evaluate.splits``) with the event's actor and recipient marked the way
PLV marks them (``event_model.mark``: ``<s>…</s>``, ``<t>…</t>``), fine-tune an encoder
with one linear head per label set on mean-pooled tokens, keep the epoch that scores best
on the held-out part, and export int8 ONNX + tokenizer + ``meta.json`` for
``communique.models.event_model``.

Heads and where their labels come from:

- ``type``: PLOVER type of the sentence's main event. PLV rows (``gold_root``; YIELD
  stands for CONCEDE or RETREAT) and ACLED notes (type from ``data/acled_plover.tsv``).
- ``mode``: ASSAULT / PROTEST / COERCE / MOBILIZE mode, ``none`` where the ACLED
  sub-event type says the act used no specific means (an armed clash). ACLED notes only.
- ``quad``: CAMEO quad class 0-4 as the ConfliBERT data define it (0 = no event,
  statement or appeal). ConfliBERT rows, PLV rows (``gold_penta``), ACLED notes of
  material conflict.
- ``acled``: ACLED event type. ACLED notes only.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.acled import acled_rows, plover_labels
from communique.evaluate.splits import select
from communique.models.event_model import META_FILE, MODEL_FILE, TOKENIZER_FILE, mark

PLV_TYPES = ("ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONSULT", "COOPERATE", "MOBILIZE",
             "PROTEST", "REJECT", "REQUEST", "SANCTION", "SUPPORT", "THREATEN", "YIELD")
ACLED_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
               "Riots", "Strategic developments")
# Material conflict in the ConfliBERT class scheme (CAMEO 14, 15, 17-20).
MATERIAL_CONFLICT = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"}
IGNORE = -100


def mode_labels() -> tuple[str, ...]:
    """``none`` and every mode the ACLED table gives as a training label."""
    modes = sorted({r.mode for r in acled_rows() if r.mode and r.direction != "to_acled"})
    return ("none", *modes)


def head_labels() -> dict[str, list[str]]:
    return {"type": list(PLV_TYPES), "mode": list(mode_labels()),
            "quad": ["0", "1", "2", "3", "4"], "acled": list(ACLED_TYPES)}


@dataclass
class Example:
    """A sentence and the labels it has (a head without a label is left out)."""

    text: str
    source: str
    labels: dict[str, str] = field(default_factory=dict)
    group: str = ""  # what sampling caps (an ACLED sub-event type)


def plv_examples(path: Path, part: str, marked: bool = True) -> list[Example]:
    """PLV rows: the sentence with its actor ``<s>…</s>`` and recipient ``<t>…</t>`` marked
    (PLV's own marks, the ones ``event_model.mark`` writes), or plain."""
    rows = select(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"),
                  lambda r: r["sentence"], part)
    return [Example(r["marked_sentence"] if marked else r["sentence"], "plv",
                    {"type": r["gold_root"], "quad": str(int(r["gold_penta"]))})
            for r in rows if r["gold_root"] in PLV_TYPES]


def class_examples(path: Path, part: str) -> list[Example]:
    rows = [r for r in csv.reader(open(path, encoding="utf-8"), delimiter="\t") if len(r) >= 2]
    return [Example(r[0], "class", {"quad": str(int(r[1]))}) for r in select(rows, lambda r: r[0], part)]


# ACLED actor names ("Police Forces of Chile (2018-)") seldom occur in the note as written:
# the generic kinds they start with, and the words notes use for them
_ACLED_KIND_WORDS = {
    "Civilians": ("civilians", "civilian"),
    "Protesters": ("protesters", "demonstrators", "protestors"),
    "Rioters": ("rioters", "mob"),
    "Police Forces": ("police",),
    "Military Forces": ("troops", "soldiers", "army", "military", "forces"),
    "Unidentified Armed Group": ("gunmen", "unidentified armed men", "unknown gunmen"),
}


def acled_span(text: str, name: str | None, avoid: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Where ACLED's actor ``name`` occurs in its note: the name without its parenthesis or a part
    of it around ':', else the word notes use for its kind ("Civilians (Mali)": civilians)."""
    import re

    if not name:
        return None
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    tries = [bare, *[p.strip() for p in bare.split(":") if len(p.strip()) > 2]]
    tries += [w for kind, words in _ACLED_KIND_WORDS.items() if bare.startswith(kind) for w in words]
    for t in tries:
        if not t:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(t)}(?!\w)", text, flags=re.IGNORECASE):
            if avoid is None or m.end() <= avoid[0] or m.start() >= avoid[1]:
                return m.start(), m.end()
    return None


def acled_examples(path: Path, part: str = "all", marked: bool = True) -> list[Example]:
    """ACLED notes with ``actor1`` marked as actor and ``actor2`` as recipient where the note
    names them (:func:`acled_span`)."""
    notes = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    out = []
    for d in select(notes, lambda d: d["id"], part):
        text = d["text"]
        if marked:
            a = acled_span(text, d.get("actor1"))
            r = acled_span(text, d.get("actor2"), a)
            text = mark(text, [a] if a else [], [r] if r else [])
        labels = {"acled": d["event_type"]}
        mapped = plover_labels(d["event_type"], d["sub_event_type"])
        if mapped:
            type_, mode, _ = mapped
            if type_:
                labels["type"] = "YIELD" if type_ in ("RETREAT", "CONCEDE") else type_
                if type_ in MATERIAL_CONFLICT:
                    labels["mode"] = mode or "none"
                    labels["quad"] = "4"
        out.append(Example(text, "acled", labels, group=d["sub_event_type"]))
    return out


SOURCES = ("plv", "class", "acled")


def dev_examples(dev: Path, part: str, marked: bool = True,
                 sources: tuple[str, ...] = SOURCES) -> list[Example]:
    """All labelled sentences of one part of the dev files (``sources``: which files), with the
    actor and recipient marked where the file tells them (``marked``; ConfliBERT class
    sentences have no marks)."""
    out: list[Example] = []
    if "plv" in sources:
        out += plv_examples(dev / "plv" / "train.tsv", part, marked)
    if "class" in sources:
        out += class_examples(dev / "confli-cameo" / "class_train.tsv", part)
    if "acled" in sources:
        out += acled_examples(dev / "acled" / "train.jsonl", part, marked)
    return out


def length_batches(examples: list[Example], rng: random.Random, size: int) -> list[list[Example]]:
    """``examples`` (already shuffled) in batches of ``size``, each drawn from a window of
    ``8 * size`` sorted by length so that a batch pads little; the batches in random order."""
    batches = []
    for w in range(0, len(examples), 8 * size):
        window = sorted(examples[w:w + 8 * size], key=lambda ex: len(ex.text))
        batches += [window[b:b + size] for b in range(0, len(window), size)]
    rng.shuffle(batches)
    return batches


def epoch_sample(examples: list[Example], rng: random.Random, cap: int) -> list[Example]:
    """All examples, but at most ``cap`` of each ACLED sub-event type (drawn anew each epoch):
    peaceful protests and armed clashes would otherwise drown the rarer types."""
    groups: dict[str, list[Example]] = defaultdict(list)
    out = []
    for ex in examples:
        (groups[ex.group].append(ex) if ex.group else out.append(ex))
    for g in sorted(groups):
        items = groups[g]
        out += rng.sample(items, cap) if cap and len(items) > cap else items
    rng.shuffle(out)
    return out


def load_encoder(base: Path, layers: int | None = None, frozen: int = 0,
                 train_embeddings: bool = False):
    """The encoder in ``base`` (its weights, or a random one from its config alone: the tiny
    models of the tests) cut to its first ``layers`` layers, with the embeddings (unless
    ``train_embeddings``) and the first ``frozen`` layers not trained. Returns (encoder, config).
    Shared by the event model's and the role tagger's training."""
    from transformers import AutoConfig, AutoModel

    config = AutoConfig.from_pretrained(base)
    has_weights = any((base / f).exists() for f in ("model.safetensors", "pytorch_model.bin"))
    encoder = AutoModel.from_pretrained(base) if has_weights else AutoModel.from_config(config)
    if layers and layers < len(encoder.encoder.layer):
        encoder.encoder.layer = encoder.encoder.layer[:layers]
        encoder.config.num_hidden_layers = layers
    if frozen or not train_embeddings:
        for p in encoder.embeddings.parameters():
            p.requires_grad = False
        for layer in encoder.encoder.layer[:frozen]:
            for p in layer.parameters():
                p.requires_grad = False
    return encoder, config


def _build(base: Path, heads: dict[str, list[str]], layers: int | None = None, frozen: int = 0,
           train_embeddings: bool = False):
    """The encoder (its first ``layers`` layers) with one linear head per label set; the
    embeddings (unless ``train_embeddings``) and the first ``frozen`` layers are not trained:
    the word embeddings are half of MiniLM's weights, and updating them costs a fifth of a
    training step on a small CPU for no measurable gain."""
    import torch

    encoder, config = load_encoder(base, layers, frozen, train_embeddings)

    class MultiHead(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = encoder
            self.dropout = torch.nn.Dropout(0.1)
            self.heads = torch.nn.ModuleDict({f"{h}_head": torch.nn.Linear(config.hidden_size, len(labs))
                                              for h, labs in heads.items()})
            self.export_probs = False

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=token_type_ids).last_hidden_state
            m = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = self.dropout((hidden * m).sum(1) / m.sum(1).clamp(min=1.0))
            logits = tuple(self.heads[f"{h}_head"](pooled) for h in heads)
            if self.export_probs:
                return tuple(torch.softmax(x, dim=-1) for x in logits)
            return logits

    return MultiHead()


def _tokenizer(base: Path, max_length: int):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(base / TOKENIZER_FILE))
    tok.enable_truncation(max_length)
    tok.no_padding()
    return tok


def _batch(tok, texts: list[str]):
    import torch

    encs = tok.encode_batch(texts)
    width = max(len(e.ids) for e in encs)
    ids = torch.zeros((len(encs), width), dtype=torch.long)
    mask = torch.zeros((len(encs), width), dtype=torch.long)
    for i, e in enumerate(encs):
        ids[i, :len(e.ids)] = torch.tensor(e.ids)
        mask[i, :len(e.ids)] = 1
    return ids, mask, torch.zeros_like(ids)


def _targets(batch: list[Example], heads: dict[str, list[str]]):
    import torch

    return {h: torch.tensor([labs.index(ex.labels[h]) if h in ex.labels else IGNORE for ex in batch])
            for h, labs in heads.items()}


def weighted_loss(logits, targets, weights):
    """Cross-entropy of one head: the mean over the labelled rows, each row counting
    ``weights[row]`` times (all 1.0: the plain mean); None where no row has a label."""
    import torch

    labelled = targets != IGNORE
    if not labelled.any():
        return None
    per_row = torch.nn.functional.cross_entropy(logits, targets, ignore_index=IGNORE,
                                                reduction="none")
    w = weights * labelled.to(weights.dtype)
    return (per_row * w).sum() / w.sum()


def predict(model, tok, examples: list[Example], heads, batch_size: int = 64) -> list[dict[str, str]]:
    """Each example's argmax label per head (torch, for model selection)."""
    import torch

    model.eval()
    out: list[dict[str, str]] = [{} for _ in examples]
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].text))  # less padding
    with torch.no_grad():
        for b in range(0, len(order), batch_size):
            idx = order[b:b + batch_size]
            logits = model(*_batch(tok, [examples[i].text for i in idx]))
            for row, i in enumerate(idx):
                out[i] = {h: heads[h][int(x[row].argmax())] for h, x in zip(heads, logits)}
    return out


def scores(examples: list[Example], preds: list[dict[str, str]]) -> dict[str, Any]:
    """Accuracy per (source, head) and macro-F1 of the ACLED head."""
    hits: Counter = Counter()
    seen: Counter = Counter()
    gold_acled, pred_acled = [], []
    for ex, p in zip(examples, preds):
        for h, lab in ex.labels.items():
            key = f"{ex.source}_{h}"
            seen[key] += 1
            hits[key] += p[h] == lab
        if "acled" in ex.labels:
            gold_acled.append(ex.labels["acled"])
            pred_acled.append(p["acled"])
    out: dict[str, Any] = {k: round(hits[k] / seen[k], 4) for k in sorted(seen)}
    out["n"] = dict(sorted(seen.items()))
    if gold_acled:
        out["acled_macro_f1"] = round(macro_f1(gold_acled, pred_acled), 4)
    return out


def macro_f1(gold: list[str], pred: list[str]) -> float:
    labels = sorted(set(gold))
    f1s = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def selection_score(s: dict[str, Any]) -> float:
    """What picks the epoch: PLV type, ConfliBERT quad and ACLED macro-F1, equally."""
    parts = [s.get("plv_type"), s.get("class_quad"), s.get("acled_macro_f1")]
    parts = [p for p in parts if p is not None]
    return sum(parts) / len(parts) if parts else 0.0


def train(train_set: list[Example], heldout: list[Example], base: Path, out: Path, *,
          epochs: int = 6, lr: float = 5e-5, head_lr: float = 1e-3, batch_size: int = 16,
          seed: int = 13,
          max_length: int = 96, cap: int = 80, threads: int = 2, max_steps: int | None = None,
          layers: int | None = None, frozen: int = 0, train_embeddings: bool = False,
          quantize: bool = True, marked: bool = True,
          source_weights: dict[str, float] | None = None,
          log=print) -> dict[str, Any]:
    """Fine-tune, keep the best epoch on ``heldout``, export to ``out``; returns meta.json's content.
    ``source_weights`` ({"plv": 1.4}): how many times a row of that source counts in each
    head's loss (default 1.0): a higher ``cap`` gives ACLED notes a larger share of the
    type and quad heads' loss, which a weight on PLV and ConfliBERT rows can give back."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    rng = random.Random(seed)
    heads = head_labels()
    tok = _tokenizer(base, max_length)
    model = _build(base, heads, layers, frozen, train_embeddings)
    # the heads start from nothing: they learn at a higher rate than the pretrained encoder
    opt = torch.optim.AdamW(
        [{"params": [p for p in model.encoder.parameters() if p.requires_grad], "lr": lr},
         {"params": list(model.heads.parameters()), "lr": head_lr}], weight_decay=0.01)
    per_epoch = len(epoch_sample(train_set, random.Random(seed), cap))
    total = max_steps or epochs * ((per_epoch + batch_size - 1) // batch_size)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, total // 10)) * max(0.0, 1 - s / max(1, total)))
    source_weights = dict(source_weights or {})
    best, best_state, history, step = -1.0, None, [], 0
    started = time.time()
    for epoch in range(1, epochs + 1):
        model.train()
        for chunk in length_batches(epoch_sample(train_set, rng, cap), rng, batch_size):
            logits = model(*_batch(tok, [ex.text for ex in chunk]))
            targets = _targets(chunk, heads)
            weights = torch.tensor([source_weights.get(ex.source, 1.0) for ex in chunk])
            losses = [weighted_loss(x, targets[h], weights) for h, x in zip(heads, logits)]
            loss = sum(x for x in losses if x is not None)
            step = optimizer_step(model, opt, sched, loss, step)
            if step % 25 == 0:
                log_progress(log, epoch, step, total, loss, started)
            if max_steps and step >= max_steps:
                break
        s = scores(heldout, predict(model, tok, heldout, heads)) if heldout else {}
        sel = selection_score(s)
        history.append({"epoch": epoch, "heldout": s, "selection": round(sel, 4),
                        "minutes": round((time.time() - started) / 60, 1)})
        log(json.dumps(history[-1]))
        if sel > best or best_state is None:
            best = sel
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            # export every better epoch, so that a run cut short still leaves its best model
            meta = _meta(heads, base, seed, epochs, epoch, lr, batch_size, max_length, cap,
                         train_set, heldout, history)
            meta.update(head_lr=head_lr, layers=len(model.encoder.encoder.layer), frozen=frozen,
                        train_embeddings=train_embeddings, marked=marked, threads=threads,
                        source_weights=source_weights)
            if marked:
                meta["input"] = ("the sentence with the event's actor in <s>...</s> and its "
                                 "recipient in <t>...</t> (communique.models.event_model.mark)")
            export(model, tok, base, out, meta, quantize=quantize)
        if max_steps and step >= max_steps:
            break
    model.load_state_dict(best_state)
    seen = epoch_sample(train_set, random.Random(seed), cap)  # what one epoch trains on
    meta["scores"]["train"] = scores(seen, predict(model, tok, seen, heads))
    meta["history"] = history
    (out / META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


def _meta(heads, base, seed, epochs, best_epoch, lr, batch_size, max_length, cap, train_set,
          heldout, history) -> dict[str, Any]:
    return {"heads": heads, "max_length": max_length, "base": base.name, "seed": seed,
            "epochs": epochs, "best_epoch": best_epoch, "lr": lr, "batch_size": batch_size,
            "cap_per_acled_subtype": cap, "input": "the plain sentence (no actor marks)",
            "data": {"train": dict(Counter(ex.source for ex in train_set)),
                     "heldout": dict(Counter(ex.source for ex in heldout)),
                     "split": "communique.evaluate.splits (seeded 80/20 of each dev train file)"},
            "scores": {"heldout": history[-1]["heldout"], "train": None},
            "history": list(history)}


def export(model, tok, base: Path, out: Path, meta: dict[str, Any], quantize: bool = True) -> None:
    """int8 ONNX (probabilities per head), tokenizer.json and meta.json into ``out``."""
    import torch

    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    model.export_probs = True
    ids, mask, types = _batch(tok, ["An example sentence for tracing.", "Short."])
    fp32 = out / "model.fp32.onnx"
    torch.onnx.export(model, (ids, mask, types), str(fp32),
                      input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=list(meta["heads"]),
                      dynamic_axes={n: {0: "batch", 1: "tokens"} for n in
                                    ("input_ids", "attention_mask", "token_type_ids")}
                      | {h: {0: "batch"} for h in meta["heads"]},
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


def optimizer_step(model, opt, sched, loss, step: int) -> int:
    """One training step of either model: gradients clipped to norm 1, then the optimizer and
    the learning-rate schedule; the next step's number."""
    import torch

    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    sched.step()
    return step + 1


def log_progress(log, epoch: int, step: int, total: int, loss, started: float) -> None:
    """A JSON progress line (epoch, step, loss, minutes since ``started``)."""
    log(json.dumps({"epoch": epoch, "step": step, "of": total, "loss": round(loss.item(), 4),
                    "minutes": round((time.time() - started) / 60, 1)}))
