"""Quote extraction scored against PolNeAR attributions (brat standoff).

PolNeAR (Newell et al., LREC 2018) annotates every attribution in US political
news as Source / Cue / Content spans. ``evaluate()`` parses one split, runs
``find_quotes`` (and textacy's ``direct_quotations`` as a baseline when textacy
is importable) and scores both against the gold Content spans.

Scoring rules:

- A gold attribution is an ``E`` line with a Content role; its content is the
  union of its Content (and Content2) fragments, its source the union of its
  Source fragments (none for ``Attribution-no-source``).
- Predicted hits that share a cue (the parts of an interrupted quote, or a
  quoted sentence that continues an attributed one) form one predicted
  attribution whose content is the union of their spans.
- Spans are compared as sets of character offsets, not counting whitespace
  and quotation marks (gold direct contents include the marks, ours lie inside
  them). A prediction matches a gold attribution when the overlap is at least
  half of the union; matching is one-to-one, best overlap first.
- content+speaker: a match counts only if the speaker is right too: the
  predicted speaker span overlaps a gold Source fragment (so a pronoun source,
  "he", must be our "he": coreference is the actor stage's job and is not
  scored here), or both have no source. A gold source that is a relative
  pronoun ("Trump, who has said ...": source "who") is matched by the mention
  right before it (our speaker is the antecedent, which the actor stage can
  resolve).
- "direct" restricts both sides to quotations: gold contents that contain a
  double quotation mark (", “, ”, '' or ``), and predictions that are direct
  hits or whose content contains such a mark. "all" scores every attribution.
- Articles annotated by several annotators: the annotation of the annotator
  whose id sorts first is used (the ``.ann`` files are named
  ``<article>_<annotator>.ann``), so every run scores the same gold.
"""

from __future__ import annotations

import glob
import os
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from communique.extract.quotes import find_quotes

_T_RE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t", re.M)
_E_RE = re.compile(r"^(E\d+)\t(.*)$", re.M)
_QUOTE_CHARS = "\"“”„«»`'"
_DOUBLE_MARKS = ('"', "“", "”", "„", "«", "»", "''", "``")

Spans = list[tuple[int, int]]


@dataclass
class Attribution:
    """One attribution, gold or predicted: content, source and cue fragments."""

    content: Spans
    source: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)
    direct: bool = False


@dataclass
class GoldArticle:
    name: str
    text: str
    annotator: str
    attributions: list[Attribution]


def _parse_ann(raw: str, text: str) -> list[Attribution]:
    spans: dict[str, Spans] = {}
    for m in _T_RE.finditer(raw):
        spans[m.group(1)] = [tuple(map(int, frag.split())) for frag in m.group(3).split(";")]
    out = []
    for m in _E_RE.finditer(raw):
        roles: dict[str, Spans] = defaultdict(list)
        for part in m.group(2).split():
            role, _, tid = part.partition(":")
            if tid in spans:
                roles[role.rstrip("0123456789")].extend(spans[tid])
        if roles.get("Content"):
            content = sorted(roles["Content"])
            content_text = "".join(text[s:e] for s, e in content)
            out.append(Attribution(content, sorted(roles.get("Source", [])),
                                   sorted(roles.get("Cue", [])),
                                   any(mk in content_text for mk in _DOUBLE_MARKS)))
    return out


def load_split(polnear_dir: str, split: str = "dev") -> list[GoldArticle]:
    """The articles of one split with their gold attributions, one annotator each."""
    ann_dir = os.path.join(polnear_dir, split, "attributions")
    text_dir = os.path.join(polnear_dir, split, "text")
    if not os.path.isdir(ann_dir):
        raise FileNotFoundError(f"no PolNeAR split {split!r} under {polnear_dir}: expected "
                                f"{ann_dir}/ with .ann files and {text_dir}/ with .txt files")
    by_article: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in glob.glob(os.path.join(ann_dir, "*.ann")):
        name, _, annotator = os.path.basename(path)[:-4].rpartition("_")
        by_article[name].append((annotator, path))
    articles = []
    for name in sorted(by_article):
        annotator, path = min(by_article[name])
        with open(os.path.join(text_dir, name + ".txt"), encoding="utf-8") as f:
            text = f.read()
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        articles.append(GoldArticle(name, text, annotator, _parse_ann(raw, text)))
    return articles


# ---------------------------------------------------------------- predictions

def _from_hits(hits: Iterable, text: str) -> list[Attribution]:
    groups: dict[Any, Attribution] = {}
    for n, h in enumerate(hits):
        key = ("cue", h.cue_start) if h.cue_start is not None else ("hit", n)
        att = groups.get(key)
        if att is None:
            att = groups[key] = Attribution([], [], [])
        att.content.append((h.start, h.end))
        if h.speaker_start is not None and (h.speaker_start, h.speaker_end) not in att.source:
            att.source.append((h.speaker_start, h.speaker_end))
        if h.cue_start is not None and not att.cue:
            att.cue.append((h.cue_start, h.cue_end))
        content_text = text[h.start:h.end]
        att.direct = att.direct or h.kind == "direct" or any(
            mk in content_text for mk in _DOUBLE_MARKS)
    return list(groups.values())


def _textacy_attributions(doc) -> list[Attribution]:
    from textacy.extract.triples import direct_quotations
    out = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy refuses documents with an odd number of marks
        return out
    for tr in triples:
        content = [(tr.content.start_char, tr.content.end_char)]
        source = [(t.idx, t.idx + len(t)) for t in tr.speaker]
        cue = [(t.idx, t.idx + len(t)) for t in tr.cue]
        out.append(Attribution(content, source, cue, True))
    return out


# ---------------------------------------------------------------- scoring

def _chars(spans: Spans, text: str) -> frozenset[int]:
    return frozenset(i for s, e in spans for i in range(s, e)
                     if not text[i].isspace() and text[i] not in _QUOTE_CHARS)


def _overlaps(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


_RELATIVE = {"who", "which", "that", "whom"}


def _speaker_ok(pred: Attribution, gold: Attribution, text: str) -> bool:
    if not gold.source:
        return not pred.source
    if _overlaps(pred.source, gold.source):
        return True
    # A relative pronoun source ('Trump, who has said ...') is matched by its antecedent.
    (gs, ge), = gold.source[:1]
    if len(gold.source) == 1 and text[gs:ge].lower() in _RELATIVE:
        return any(e <= gs and not text[e:gs].strip(" ,\n") for _, e in pred.source)
    return False


def _match(preds: list[Attribution], golds: list[Attribution], text: str):
    """One-to-one matches (pred, gold) with overlap >= half the union, best first."""
    pc = [_chars(p.content, text) for p in preds]
    gc = [_chars(g.content, text) for g in golds]
    pairs = []
    for i, a in enumerate(pc):
        if not a:
            continue
        for j, b in enumerate(gc):
            if not b:
                continue
            inter = len(a & b)
            if inter and 2 * inter >= len(a | b):
                pairs.append((inter / len(a | b), i, j))
    pairs.sort(reverse=True)
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((preds[i], golds[j]))
    return out


def _prf(tp: int, npred: int, ngold: int) -> dict[str, float | int]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "predicted": npred, "gold": ngold}


class _Tally:
    def __init__(self) -> None:
        self.n = defaultdict(int)

    def add(self, subset: str, preds, golds, text: str) -> None:
        matches = _match(preds, golds, text)
        self.n[subset, "pred"] += len(preds)
        self.n[subset, "gold"] += len(golds)
        self.n[subset, "content"] += len(matches)
        self.n[subset, "speaker"] += sum(1 for p, g in matches if _speaker_ok(p, g, text))

    def result(self) -> dict[str, Any]:
        out = {}
        for subset in ("direct", "all"):
            npred, ngold = self.n[subset, "pred"], self.n[subset, "gold"]
            out[subset] = {"content": _prf(self.n[subset, "content"], npred, ngold),
                           "content+speaker": _prf(self.n[subset, "speaker"], npred, ngold)}
        return out


def _nlp_of(nlp_or_coder):
    if hasattr(nlp_or_coder, "pipe"):
        return nlp_or_coder
    nlp = getattr(nlp_or_coder, "nlp", None)
    if nlp is None or not hasattr(nlp, "pipe"):
        raise TypeError("evaluate() needs a spaCy Language or a Coder with an .nlp attribute; "
                        "load one with communique.nlp.load_nlp()")
    return nlp


def evaluate(polnear_dir: str, nlp_or_coder, split: str = "dev", baseline: bool = True,
             batch_size: int = 16, n_process: int = 1) -> dict[str, Any]:
    """Score quote extraction on one PolNeAR split.

    Args:
        polnear_dir: the folder holding ``train/``, ``dev/`` (and ``test/``).
        nlp_or_coder: a spaCy pipeline, or a Coder whose ``.nlp`` is one.
        baseline: also score textacy's ``direct_quotations`` when textacy imports.

    Returns:
        ``{"split", "articles", "seconds", "systems": {name: {"direct"|"all":
        {"content"|"content+speaker": {precision, recall, f1, tp, predicted, gold}}}}}``
        plus ``"baseline_skipped"`` with the reason when the baseline did not run.
    """
    nlp = _nlp_of(nlp_or_coder)
    articles = load_split(polnear_dir, split)
    run_baseline = baseline
    skipped = None
    if baseline:
        try:
            import textacy.extract.triples  # noqa: F401
        except ImportError:
            run_baseline = False
            skipped = "textacy is not installed (pip install 'communique[baseline]')"
    systems = {"communique": _Tally()}
    if run_baseline:
        systems["textacy"] = _Tally()
    t0 = time.perf_counter()
    quote_seconds = 0.0
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size, n_process=n_process)
    for art, doc in zip(articles, docs):
        golds = art.attributions
        gold_direct = [g for g in golds if g.direct]
        t1 = time.perf_counter()
        preds = _from_hits(find_quotes(doc, art.text), art.text)
        quote_seconds += time.perf_counter() - t1
        by_system = {"communique": preds}
        if run_baseline:
            by_system["textacy"] = _textacy_attributions(doc)
        for name, ps in by_system.items():
            systems[name].add("all", ps, golds, art.text)
            systems[name].add("direct", [p for p in ps if p.direct], gold_direct, art.text)
    result = {"split": split, "articles": len(articles),
              "seconds": round(time.perf_counter() - t0, 2),
              "quote_seconds": round(quote_seconds, 3),
              "systems": {name: t.result() for name, t in systems.items()}}
    if skipped:
        result["baseline_skipped"] = skipped
    return result


def format_table(result: dict[str, Any]) -> str:
    """The scores as a plain-text table, systems side by side."""
    names = list(result["systems"])
    head = f"PolNeAR {result['split']}: {result['articles']} articles"
    lines = [head, ""]
    cols = "".join(f"  {n:>22}" for n in names)
    lines.append(f"{'subset':<8} {'measure':<16}{cols}")
    lines.append(f"{'':<8} {'':<16}" + "".join(f"  {'P     R     F1':>22}" for _ in names))
    for subset in ("direct", "all"):
        for measure in ("content", "content+speaker"):
            row = f"{subset:<8} {measure:<16}"
            for n in names:
                s = result["systems"][n][subset][measure]
                row += f"  {s['precision']:>6.3f}{s['recall']:>6.3f}{s['f1']:>6.3f}    "
            lines.append(row.rstrip())
    gold = result["systems"][names[0]]
    lines.append("")
    lines.append(f"gold attributions: {gold['all']['content']['gold']} "
                 f"({gold['direct']['content']['gold']} direct)")
    if result.get("baseline_skipped"):
        lines.append(f"baseline skipped: {result['baseline_skipped']}")
    return "\n".join(lines)
