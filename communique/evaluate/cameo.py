"""Scorers for `communique eval`: event coding against ConfliBERT CAMEO data and PLV.

- ``eval_class``: class per sentence on confli-cameo/class_train.tsv: 0 = no event or a
  statement/appeal (CAMEO 01-02), 1-4 the quad classes (see ``penta_class``).
- ``eval_ner``: actor (S) and recipient (T; R = reciprocal, counted as actor) span F1
  on confli-cameo/ner_train.txt.
- ``eval_plv``: PLOVER type accuracy on plv/train.tsv (YIELD = CONCEDE or RETREAT),
  span F1, and the marked source/target pairs one event covers (``coverage``).

``coder`` is a ``communique.Coder`` (its ``nlp`` and ``lexicon`` are used) or None for
the defaults. Sentences are parsed in batches with ``nlp.pipe``; each noun chunk and
named entity stands in as a candidate actor so that spans can be scored.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path
from typing import Any

from communique.evaluate.splits import is_heldout, select
from communique.extract.events import find_events
from communique.extract.events.reciprocal import reciprocal_ids
from communique.lexicon import penta_class

QUADS = (0, 1, 2, 3, 4)


_TIME_PREPS = {"during", "following", "after", "before", "amid", "since", "until"}


def _full_np(doc, span):
    """A mention as the full noun phrase: the head's subtree ("forces based in Vitez"),
    without coordinated heads (each conjunct is its own actor) or trailing punctuation."""
    head = span.root
    if head.dep_ in ("compound", "poss") or head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return span.start_char, span.end_char
    cut = {t.i for c in head.children if c.dep_ in ("conj", "cc", "relcl") or
           (c.dep_ == "appos" and not _bracketed(doc, c) and not _named_with(c)) or
           (c.dep_ == "punct" and c.i > head.i and not (c.text == ")" and _bracketed(doc, doc[c.i - 1]))) or
           (c.dep_ == "prep" and (c.lower_ in _TIME_PREPS or any(
               g.ent_type_ in ("DATE", "TIME") for g in c.children)))
           for t in c.subtree}
    toks = [t.i for t in head.subtree if t.i not in cut]
    start = min(toks[0], span.start)
    end = max(i for i in toks if i <= max(toks))
    while end > start and doc[end].is_punct and not (doc[end].text == ")" and _bracketed(doc, doc[end - 1])):
        end -= 1
    end = max(end, span.end - 1)
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def _named_with(appos) -> bool:
    """An apposition that names or titles a person ("The British Prime Minister Theresa May",
    "Putin , President of Russia", "Francesco Rocca , the president of International Red
    Cross"): part of the mention as the span data mark it. Not a description with "a"/"an"
    ("Gul Rahman , a suspected militant"), nor one beside no person's name ("Haifa , Israel 's
    third largest city"). ConfliBERT NER train part, main events' parties whose extent this
    changes: 11 of 18 now as marked, 1 that was is not (a misparse); with "a"/"an", 4 of 5
    are marked without the apposition."""
    first = appos.left_edge
    person = any(t.ent_type_ == "PERSON" for t in appos.subtree) or any(
        t.ent_type_ == "PERSON" for t in appos.head.subtree if t.i < first.i)
    return first.lower_ not in ("a", "an") and person


def _bracketed(doc, tok) -> bool:
    """An apposition in brackets right after its head: the acronym of a name ("The National
    Security Council ( NSC )"), part of the mention as the span data mark it."""
    left = tok.left_edge.i if doc[tok.left_edge.i].text == "(" else tok.left_edge.i - 1
    return tok.dep_ == "appos" and left == tok.head.i + 1 and doc[left].text == "(" and tok.i - left <= 4


class _ChunkActors:
    """Every noun chunk and named entity as a candidate actor, its id the character span."""

    def __init__(self, doc):
        self.token_actor: dict[int, str] = {}
        self.spans: dict[str, tuple[int, int]] = {}
        spans = list(doc.noun_chunks) + [e for e in doc.ents if e.label_ not in (
            "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")]
        # noun chunks first ("President Donald Trump"), then entities for what they leave
        for sp in sorted(spans, key=lambda sp: (sp.label_ != "" if hasattr(sp, "label_") else 0, -len(sp))):
            key = f"{sp.start_char}:{sp.end_char}"
            for t in sp:
                if t.i not in self.token_actor:
                    self.token_actor[t.i] = key
            self.spans[key] = _full_np(doc, sp)


def _tools(coder):
    if coder is not None and hasattr(coder, "nlp"):
        return coder.nlp, getattr(coder, "lexicon", None)
    from communique.lexicon import load_lexicon
    from communique.nlp import load_nlp

    return load_nlp(), load_lexicon()


def _depth(doc, i):
    tok, n = doc[i], 0
    while tok.head.i != tok.i and n < 50:  # spaCy makes a new Token on each access: no `is`
        tok, n = tok.head, n + 1
    return n


def _main_event(events, doc=None, asserted_only=False):
    """The event a sentence is about: the asserted (or announced) one nearest the root.
    With ``asserted_only``, a sentence with only negated or hypothetical events reports none
    (the class data set counts those as statements); the span data sets mark who is
    involved whatever the modality."""
    if asserted_only:
        events = [e for e in events if not e.negated and e.modality != "hypothetical"]
    if not events:
        return None
    return min(events, key=lambda e: (e.negated, e.modality not in ("asserted", "future"),
                                      _depth(doc, e.trigger_token) if doc is not None else 0,
                                      -e.confidence, e.trigger_start))


def _code(texts, coder, batch_size=64):
    nlp, lexicon = _tools(coder)
    event_model = getattr(coder, "event_model", None)  # Coder(event_model=True): --model
    role_tagger = getattr(coder, "role_tagger", None)  # model mode too
    for doc in nlp.pipe(texts, batch_size=batch_size):
        actors = _ChunkActors(doc)
        yield doc, actors, find_events(doc, actors, lexicon, event_model, role_tagger=role_tagger)


def _prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "support": tp + fn}


def eval_class(path: str | Path, coder=None, part: str = "all") -> dict[str, Any]:
    """Quad-class accuracy, confusion matrix and per-class P/R/F1 (0 = no event)."""
    rows = [r for r in csv.reader(open(path, encoding="utf-8"), delimiter="\t") if len(r) >= 2]
    rows = select(rows, lambda r: r[0], part)
    texts = [r[0] for r in rows]
    gold = [int(r[1]) for r in rows]
    pred = []
    for doc, _, events in _code(texts, coder):
        e = _main_event(events, doc, asserted_only=True)
        pred.append(penta_class(e.cameo) if e else 0)
    confusion = {g: {p: 0 for p in QUADS} for g in QUADS}
    for g, p in zip(gold, pred):
        confusion[g][p] += 1
    per_class = {q: _prf(confusion[q][q], sum(confusion[g][q] for g in QUADS if g != q),
                         sum(confusion[q][p] for p in QUADS if p != q)) for q in QUADS}
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    return {"dataset": str(path), "part": part, "n": len(gold), "accuracy": round(acc, 4),
            "confusion": confusion, "per_class": per_class,
            "by_part": _by_part(texts, [g == p for g, p in zip(gold, pred)]) if part == "all" else {}}


def _by_part(keys: list[str], right: list[bool]) -> dict[str, dict[str, Any]]:
    """Accuracy on the train and held-out parts of the fixed split, from one coding run."""
    out = {}
    for name in ("train", "heldout"):
        hits = [ok for k, ok in zip(keys, right) if is_heldout(k) == (name == "heldout")]
        out[name] = {"n": len(hits), "accuracy": round(sum(hits) / len(hits), 4) if hits else 0.0}
    return out


def _read_bio(path):
    sents, toks, tags = [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if toks:
                sents.append((toks, tags))
            toks, tags = [], []
            continue
        tok, _, tag = line.rpartition(" ")
        toks.append(tok)
        tags.append(tag)
    if toks:
        sents.append((toks, tags))
    return sents


def _gold_spans(toks, tags):
    """Character spans per role (S, T; R counted as S) in the space-joined sentence."""
    offsets, pos = [], 0
    for t in toks:
        offsets.append((pos, pos + len(t)))
        pos += len(t) + 1
    spans: dict[str, set] = {"S": set(), "T": set()}
    cur = None
    for i, tag in enumerate(tags + ["O"]):
        role = tag[2:] if tag[:2] in ("B-", "I-") else None
        if cur and (tag.startswith("B-") or role != cur[0]):
            spans["S" if cur[0] in ("S", "R") else "T"].add((cur[1], offsets[i - 1][1]))
            cur = None
        if tag.startswith("B-") or (role and cur is None):
            cur = (role, offsets[i][0])
    return spans


def _overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def eval_ner(path: str | Path, coder=None, part: str = "all") -> dict[str, Any]:
    """Actor and recipient span F1 (exact and overlapping) against S/T/R BIO tags."""
    sents = select(_read_bio(path), lambda s: " ".join(s[0]), part)
    texts = [" ".join(t) for t, _ in sents]
    counts = {k: Counter() for k in ("actor", "recipient")}
    for (toks, tags), (doc, actors, events) in zip(sents, _code(texts, coder)):
        gold = _gold_spans(toks, tags)
        _count_spans(counts, _reciprocal_view(_main_event(events, doc), doc, actors), gold)
    out: dict[str, Any] = {"dataset": str(path), "part": part, "n": len(sents)}
    out.update(_span_scores(counts))
    return out


def _predicted_spans(event, actors) -> dict[str, set]:
    """The main event's actor (S) and recipient (T) spans."""
    if event is None:
        return {"S": set(), "T": set()}
    return {"S": {actors.spans[i] for i in event.actor_ids if i in actors.spans},
            "T": {actors.spans[i] for i in event.recipient_ids if i in actors.spans}}


def _reciprocal_view(event, doc, actors) -> dict[str, set]:
    """``_predicted_spans`` as the span data mark parties that act together: the co-actors
    of a meeting or a compound actor (``reciprocal_ids``), which the coder gives as
    recipients as the PLV data do, count as sources, as the data's R tags do."""
    pred = _predicted_spans(event, actors)
    if event is None:
        return pred
    for i in reciprocal_ids(event, doc, actors.token_actor):
        if i in actors.spans:
            pred["T"].discard(actors.spans[i])
            pred["S"].add(actors.spans[i])
    return pred


def _count_spans(counts, pred, gold) -> None:
    for role, name in (("S", "actor"), ("T", "recipient")):
        c = counts[name]
        c["tp"] += len(pred[role] & gold[role])
        c["fp"] += len(pred[role] - gold[role])
        c["fn"] += len(gold[role] - pred[role])
        c["otp"] += sum(1 for p in pred[role] if any(_overlaps(p, g) for g in gold[role]))
        c["ofp"] += sum(1 for p in pred[role] if not any(_overlaps(p, g) for g in gold[role]))
        c["ofn"] += sum(1 for g in gold[role] if not any(_overlaps(p, g) for p in pred[role]))


def _span_scores(counts) -> dict[str, Any]:
    """Exact and overlapping span P/R/F1 per role and micro-averaged over both."""
    out: dict[str, Any] = {}
    for name, c in counts.items():
        out[name] = {"exact": _prf(c["tp"], c["fp"], c["fn"]),
                     "overlap": _prf(c["otp"], c["ofp"], c["ofn"])}
    for kind in ("exact", "overlap"):
        tp = sum(c["tp" if kind == "exact" else "otp"] for c in counts.values())
        fp = sum(c["fp" if kind == "exact" else "ofp"] for c in counts.values())
        fn = sum(c["fn" if kind == "exact" else "ofn"] for c in counts.values())
        out[f"micro_{kind}"] = _prf(tp, fp, fn)
    return out


def _marked_spans(marked: str) -> tuple[str, dict[str, set]]:
    """The plain sentence and the character spans of <s>...</s> (S) and <t>...</t> (T)."""
    out, spans, open_at, i = [], {"S": set(), "T": set()}, {}, 0
    for m in re.finditer(r"</?([st])>|[^<]+|<", marked):
        tag = m.group(1)
        if tag is None:
            out.append(m.group(0))
            i += len(m.group(0))
        elif m.group(0).startswith("</"):
            start = open_at.pop(tag, None)
            if start is not None:
                text = "".join(out)
                a, b = start, i
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                spans[tag.upper()].add((a, b))
        else:
            open_at[tag] = i
    return "".join(out), spans


def eval_plv(path: str | Path, coder=None, part: str = "all") -> dict[str, Any]:
    """PLOVER type accuracy per sentence (YIELD = CONCEDE or RETREAT), per-type recall,
    actor/recipient span F1 against the marked source and target, and the document view
    issue 13 measures on PLOVER's gold-standard sentences (``document``): the share of
    sentences where any of our asserted events has the gold type, and the share of our
    events (not negated) whose type is the sentence's gold type (their precision)."""
    rows = select(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"),
                  lambda r: r["sentence"], part)
    marked = [_marked_spans(r["marked_sentence"]) for r in rows]
    texts = [m[0] for m in marked]
    hits, per, right = 0, {}, []
    counts = {k: Counter() for k in ("actor", "recipient")}
    cover = Counter()
    docs = Counter()
    part_docs = {"train": Counter(), "heldout": Counter()}
    for r, (_, gold_spans), (doc, actors, events) in zip(rows, marked, _code(texts, coder)):
        e = _main_event(events, doc)
        _count_spans(counts, _predicted_spans(e, actors), gold_spans)
        _count_coverage(cover, [_predicted_spans(ev, actors) for ev in events], gold_spans)
        gold = r["gold_root"]
        types = {ev.type for ev in events if not ev.negated}
        main = e.type if e else None
        ok = (main in ("CONCEDE", "RETREAT")) if gold == "YIELD" else main == gold
        hits += ok
        right.append(ok)
        c = per.setdefault(gold, Counter())
        c["n"] += 1
        c["correct"] += ok
        c["heldout_n" if is_heldout(r["sentence"]) else "train_n"] += 1
        c["heldout_correct" if is_heldout(r["sentence"]) else "train_correct"] += ok
        golds = {"CONCEDE", "RETREAT"} if gold == "YIELD" else {gold}
        c["any"] += bool(types & golds)
        _count_document(docs, [ev.type for ev in events if not ev.negated], golds)
        _count_document(part_docs["heldout" if is_heldout(r["sentence"]) else "train"],
                        [ev.type for ev in events if not ev.negated], golds)
    spans = _span_scores(counts)
    return {"dataset": str(path), "part": part, "n": len(rows),
            "accuracy": round(hits / len(rows), 4),
            "spans": spans,
            "coverage": _coverage(cover, len(rows)),
            "document": _document(docs, len(rows)),
            "by_part": _plv_parts(_by_part([r["sentence"] for r in rows], right), part_docs)
            if part == "all" else {},
            "per_type": {k: {"n": v["n"], "accuracy": round(v["correct"] / v["n"], 4),
                             "found_anywhere": round(v["any"] / v["n"], 4),
                             **({f"{p}_accuracy": round(v[f"{p}_correct"] / v[f"{p}_n"], 4)
                                 if v[f"{p}_n"] else None for p in ("train", "heldout")}
                                if part == "all" else {})}
                         for k, v in sorted(per.items())}}


def _count_document(docs, types: list[str], golds: set[str]) -> None:
    """Count a sentence whose events (not negated) include the gold type, and our events
    whose type is the gold type among all of ours."""
    docs["has_gold"] += bool(set(types) & golds)
    docs["events"] += len(types)
    docs["right"] += sum(t in golds for t in types)


def _plv_parts(parts: dict[str, dict[str, Any]], part_docs) -> dict[str, dict[str, Any]]:
    """The parts' accuracy with each part's document view beside it."""
    for name, p in parts.items():
        p["document"] = _document(part_docs[name], p["n"])
    return parts


def _document(docs, n) -> dict[str, Any]:
    """Issue 13's document view: sentences with the gold type among our events, and the
    precision of our events (the share of them of the gold type; a sentence may report
    more than its labelled act, so this is a floor)."""
    return {"has_gold_type": round(docs["has_gold"] / n, 4) if n else 0.0,
            "events": docs["events"],
            "event_precision": round(docs["right"] / docs["events"], 4) if docs["events"] else 0.0}


def _count_coverage(cover, preds, gold) -> None:
    """Count, for a sentence marking both a source and a target, whether ONE event's
    actor and recipient overlap them (and each side alone); and sentences with no event."""
    cover["no_event"] += not preds
    if not (gold["S"] and gold["T"]):
        return

    def hit(pred, role):
        return any(_overlaps(p, g) for p in pred[role] for g in gold[role])

    cover["pairs"] += 1
    cover["pairs_covered"] += any(hit(p, "S") and hit(p, "T") for p in preds)
    cover["actor_covered"] += any(hit(p, "S") for p in preds)
    cover["recipient_covered"] += any(hit(p, "T") for p in preds)


def _coverage(cover, n) -> dict[str, Any]:
    """Shares of marked pairs covered by any one event, of each side, and of sentences
    (all of them) with no event at all."""
    pairs = cover["pairs"]
    out: dict[str, Any] = {"pairs": pairs}
    for k in ("pairs_covered", "actor_covered", "recipient_covered"):
        out[k] = round(cover[k] / pairs, 4) if pairs else 0.0
    out["no_event"] = round(cover["no_event"] / n, 4) if n else 0.0
    return out


def format_table(result: dict[str, Any]) -> str:
    """A plain-text table of any of the results above."""
    part = result.get("part", "all")
    lines = [f"{result['dataset']}{'' if part == 'all' else f' [{part}]'}  (n={result['n']})"]
    if "confusion" in result:
        lines.append(f"class accuracy: {result['accuracy']:.3f}  "
                     "(0 no event/statement/appeal, 1-4 quad classes: PentaClass)")
        lines += _part_line(result)
        lines.append("gold\\pred " + " ".join(f"{p:>5}" for p in QUADS) +
                     "   prec   rec    f1")
        for g in QUADS:
            pc = result["per_class"][g]
            lines.append(f"{g:>9} " + " ".join(f"{result['confusion'][g][p]:>5}" for p in QUADS) +
                         f"  {pc['precision']:.3f} {pc['recall']:.3f} {pc['f1']:.3f}")
    elif "per_type" in result:
        lines.append(f"PLOVER type accuracy: {result['accuracy']:.3f}")
        lines += _part_line(result)
        split = bool(result.get("by_part"))
        lines.append(f"{'type':<10} {'n':>5} {'acc':>6} {'any':>6}" +
                     (f" {'train':>6} {'heldout':>7}" if split else ""))
        for k, v in result["per_type"].items():
            lines.append(f"{k:<10} {v['n']:>5} {v['accuracy']:>6.3f} {v['found_anywhere']:>6.3f}" +
                         (f" {_num(v['train_accuracy']):>6} {_num(v['heldout_accuracy']):>7}"
                          if split else ""))
        lines.append("actor/recipient spans (marked <s>/<t>):")
        lines += _span_lines(result["spans"])
        if "coverage" in result:
            c = result["coverage"]
            lines.append(f"marked pairs (n={c['pairs']}), any one event: pairs covered "
                         f"{c['pairs_covered']:.3f}  actor covered {c['actor_covered']:.3f}  "
                         f"recipient covered {c['recipient_covered']:.3f};  "
                         f"no event {c['no_event']:.3f} of all sentences")
        if "document" in result:
            d = result["document"]
            lines.append(f"document view: gold type among our events {d['has_gold_type']:.3f}  "
                         f"precision of our events {d['event_precision']:.3f} (n={d['events']})")
    else:
        lines += _span_lines(result)
    return "\n".join(lines)


def _num(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def _part_line(result: dict[str, Any]) -> list[str]:
    parts = result.get("by_part") or {}
    if not parts:
        return []
    return ["  ".join(f"{name} part {v['accuracy']:.3f} (n={v['n']})" for name, v in parts.items())]


def _span_lines(result: dict[str, Any]) -> list[str]:
    lines = [f"{'':<10} {'exact P/R/F1':>22}   {'overlap P/R/F1':>22}"]
    for name in ("actor", "recipient", "micro"):
        r = result["micro_exact"] if name == "micro" else result[name]["exact"]
        o = result["micro_overlap"] if name == "micro" else result[name]["overlap"]
        lines.append(f"{name:<10} {r['precision']:.3f}/{r['recall']:.3f}/{r['f1']:.3f}"
                     f"        {o['precision']:.3f}/{o['recall']:.3f}/{o['f1']:.3f}")
    return lines


# Public names for scripts that build on these scorers (scripts/train_roles.py).
ChunkActors = _ChunkActors
main_event = _main_event
read_bio = _read_bio
gold_spans = _gold_spans
mark_spans = _marked_spans
overlaps = _overlaps
predicted_spans = _predicted_spans
count_spans = _count_spans
span_scores = _span_scores
