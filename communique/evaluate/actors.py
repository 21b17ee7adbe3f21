"""Actor and recipient country accuracy on hand-annotated sentences (issue 4).

The data set (``tests/data/actor_countries.tsv``) gives, per sentence, the span of
the main event's actor and recipient as written and the country each belongs to
(ISO3, a PLOVER entity code such as UNO/EUR/IGO/NGO/IMG, or ``-`` when the
sentence alone cannot tell). Lines starting with ``#`` are comments.

Scoring rules:

- Each sentence is coded as one article with ``coder.code_dicts``.
- Main event: the predicted event whose actor and recipient mentions overlap the
  gold actor and recipient spans by the most characters; with no overlap at all,
  the first event.
- Predicted country of a role: the country of the actor, among the main event's
  actors (or recipients), whose mention overlaps the gold span most; null when
  none overlaps (or there is no event). A gold ``-`` is right when the
  prediction is null; any other gold is right when it equals the prediction.
- ``resolution_accuracy`` takes the country of any actor of the record whose
  mention overlaps the gold span, whatever the events say: it scores the actor
  stage alone. ``span_recall``: how often the gold span overlaps any actor
  mention at all. ``role_recall``: how often it overlaps an actor of the main
  event in the right role.
- Each wrong prediction is put down to one source: ``span_missed`` (no actor
  mention overlaps the gold span), ``wrong_country`` (the actor found there has
  another country), ``not_in_event`` (the right actor exists but the main event
  does not carry it in that role), or ``guessed`` (gold ``-``, a country predicted).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Iterable

from communique.evaluate.splits import select
from communique.record import Article

COLUMNS = ("sentence", "source", "actor_text", "actor_country",
           "recipient_text", "recipient_country")
ROLES = (("actor", "actor"), ("recipient", "recipient"))  # (gold column prefix, event field)
UNKNOWN = "-"
NULL = "null"  # how a null prediction is shown in confusion pairs


def read_rows(path: str | Path, limit: int | None = None) -> list[dict[str, str]]:
    """The annotated rows of an actor_countries TSV, comments skipped."""
    lines = [ln.rstrip("\n") for ln in open(path, encoding="utf-8")
             if ln.strip() and not ln.startswith("#")]
    if not lines or tuple(lines[0].split("\t")) != COLUMNS:
        raise ValueError(f"{path}: the first non-comment line must be the header "
                         f"{chr(9).join(COLUMNS)!r}")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        cells += [""] * (len(COLUMNS) - len(cells))
        row = dict(zip(COLUMNS, cells))
        for role, _ in ROLES:
            text = row[f"{role}_text"]
            if text and text not in row["sentence"]:
                raise ValueError(f"{path}: row {n}: {role}_text {text!r} is not in the sentence")
        rows.append(row)
    return rows[:limit] if limit else rows


def _span(sentence: str, text: str) -> tuple[int, int] | None:
    if not text:
        return None
    start = sentence.find(text)
    return (start, start + len(text))


def _overlap(a: tuple[int, int], start: int, end: int) -> int:
    return max(0, min(a[1], end) - max(a[0], start))


def _actor_overlap(actor: dict[str, Any], gold: tuple[int, int]) -> int:
    return max((_overlap(gold, m["start"], m["end"]) for m in actor.get("mentions", [])), default=0)


def _best_actor(actors: Iterable[dict[str, Any]], gold: tuple[int, int]) -> dict[str, Any] | None:
    """The actor whose mention overlaps the gold span most (first on ties), or None."""
    best, best_overlap = None, 0
    for a in actors:
        ov = _actor_overlap(a, gold)
        if ov > best_overlap:
            best, best_overlap = a, ov
    return best


def main_event(record: dict[str, Any], gold: dict[str, tuple[int, int] | None]) -> dict[str, Any] | None:
    """The event whose actor/recipient mentions best overlap the gold spans; else the first."""
    events = record.get("events") or []
    if not events:
        return None
    by_id = {a["id"]: a for a in record.get("actors", [])}

    def score(event):
        total = 0
        for role, field in ROLES:
            if gold[role]:
                total += sum(_actor_overlap(by_id[i], gold[role])
                             for i in event.get(field, []) if i in by_id)
        return total

    scores = [score(e) for e in events]
    best = max(range(len(events)), key=lambda k: (scores[k], -k))
    return events[best]


def _correct(gold: str, pred: str | None) -> bool:
    return pred is None if gold == UNKNOWN else pred == gold


def score_record(row: dict[str, str], record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per role: gold, predicted country, and what the actor stage found there."""
    sentence = row["sentence"]
    gold = {role: _span(sentence, row[f"{role}_text"]) for role, _ in ROLES}
    actors = record.get("actors", []) if "error" not in record else []
    by_id = {a["id"]: a for a in actors}
    event = main_event(record, gold) if "error" not in record else None
    out: dict[str, dict[str, Any]] = {}
    for role, field in ROLES:
        if not gold[role]:
            continue
        gold_country = row[f"{role}_country"] or UNKNOWN
        in_role = [by_id[i] for i in (event or {}).get(field, []) if i in by_id]
        picked = _best_actor(in_role, gold[role])
        anywhere = _best_actor(actors, gold[role])
        pred = picked.get("country") if picked else None
        found = anywhere.get("country") if anywhere else None
        ok = _correct(gold_country, pred)
        source = None
        if not ok:
            if gold_country == UNKNOWN:
                source = "guessed"
            elif anywhere is None:
                source = "span_missed"
            elif not _correct(gold_country, found):
                source = "wrong_country"
            else:
                source = "not_in_event"
        out[role] = {
            "gold": gold_country, "pred": pred, "correct": ok,
            "resolved": found, "resolution_correct": _correct(gold_country, found),
            "span_found": anywhere is not None, "in_role": picked is not None,
            "pred_name": (picked or anywhere or {}).get("name"),
            "pred_kind": (picked or anywhere or {}).get("kind"),
            "error_source": source,
        }
    return out


def evaluate(path: str | Path, coder=None, limit: int | None = None,
             batch_size: int = 64, part: str = "all") -> dict[str, Any]:
    """Actor and recipient country accuracy, span recall and top confusions.

    Args:
        path: an actor_countries TSV (see ``tests/data/actor_countries.tsv``).
        coder: anything with ``code_dicts(articles, batch_size=...)``; None for the default coder.
        limit: score only the first ``limit`` rows.
        part: ``all``, or the ``train`` / ``heldout`` part of the fixed seeded split
            (:mod:`communique.evaluate.splits`, keyed on the sentence, as for the PLV and
            ConfliBERT files the rows come from).
    """
    if coder is None:
        from communique.pipeline import default_coder

        coder = default_coder()
    rows = select(read_rows(path, limit), lambda r: r["sentence"], part)
    articles = [Article(text=r["sentence"], id=f"row{k}") for k, r in enumerate(rows)]
    records = list(coder.code_dicts(articles, batch_size=batch_size))
    tallies = {role: Counter() for role, _ in ROLES}
    confusion = {role: Counter() for role, _ in ROLES}
    sources = {role: Counter() for role, _ in ROLES}
    errors: list[dict[str, Any]] = []
    failed = with_event = 0
    for k, (row, rec) in enumerate(zip(rows, records)):
        failed += "error" in rec
        with_event += bool(rec.get("events"))
        for role, s in score_record(row, rec).items():
            t = tallies[role]
            t["n"] += 1
            t["correct"] += s["correct"]
            t["resolution_correct"] += s["resolution_correct"]
            t["span_found"] += s["span_found"]
            t["in_role"] += s["in_role"]
            t["gold_unknown"] += s["gold"] == UNKNOWN
            if not s["correct"]:
                confusion[role][(s["gold"], s["pred"] or NULL)] += 1
                sources[role][s["error_source"]] += 1
                errors.append({"row": k, "source": row["source"], "role": role,
                               "sentence": row["sentence"], "gold_text": row[f"{role}_text"],
                               "gold": s["gold"], "pred": s["pred"], "resolved": s["resolved"],
                               "pred_name": s["pred_name"], "pred_kind": s["pred_kind"],
                               "error_source": s["error_source"]})

    def ratio(a, b):
        return round(a / b, 4) if b else 0.0

    result: dict[str, Any] = {"dataset": str(path), "part": part, "n": len(rows), "failed": failed,
                              "with_event": ratio(with_event, len(rows))}
    for role, _ in ROLES:
        t = tallies[role]
        result[role] = {
            "n": t["n"], "gold_unknown": t["gold_unknown"],
            "accuracy": ratio(t["correct"], t["n"]),
            "resolution_accuracy": ratio(t["resolution_correct"], t["n"]),
            "span_recall": ratio(t["span_found"], t["n"]),
            "role_recall": ratio(t["in_role"], t["n"]),
            "error_sources": dict(sources[role].most_common()),
            "confusion": [[g, p, c] for (g, p), c in confusion[role].most_common()],
        }
    result["errors"] = errors
    return result


def format_table(result: dict[str, Any], top: int = 10) -> str:
    """A plain-text summary: accuracies per role, error sources, top wrong (gold, predicted) pairs."""
    part = result.get("part", "all")
    lines = [f"{result['dataset']}{'' if part == 'all' else f' [{part}]'}  "
             f"(n={result['n']}, failed={result['failed']}, "
             f"with an event={result['with_event']:.3f})",
             f"{'role':<10} {'n':>4} {'country':>8} {'resolved':>9} {'span rec':>9} {'in role':>8}"]
    for role, _ in ROLES:
        r = result[role]
        lines.append(f"{role:<10} {r['n']:>4} {r['accuracy']:>8.3f} {r['resolution_accuracy']:>9.3f} "
                     f"{r['span_recall']:>9.3f} {r['role_recall']:>8.3f}")
    for role, _ in ROLES:
        r = result[role]
        src = ", ".join(f"{k} {v}" for k, v in r["error_sources"].items()) or "none"
        lines.append(f"{role} errors by source: {src}")
        pairs = ", ".join(f"{g}->{p} {c}" for g, p, c in r["confusion"][:top]) or "none"
        lines.append(f"{role} top wrong gold->pred: {pairs}")
    return "\n".join(lines)
