"""Two versions of the coder, after the parse, in one process: which is cheaper?

On a shared machine the CPU time of one run moves by a fifth with the load, more than
most speed-ups. This loads the coder of another checkout (``--base``, e.g. /work/main)
beside this one, as the package ``communique_base`` (a copy of its code with the imports
renamed, its data folder linked), parses the first ``--articles`` PolNeAR articles once,
and then runs both coders' stages on copies of the same docs, article by article, the
order alternating, so that load from other work hits both alike. It prints the CPU
seconds per stage of each and their ratio, and checks that both give the same records.

    .venv/bin/python bench/compare_stages.py --base /work/main --articles 60 --rounds 3
    .venv/bin/python bench/compare_stages.py --base /work/main --model   # the model mode
"""

from __future__ import annotations

import argparse
import collections
import importlib
import json
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import time_stages, write_corpus  # noqa: E402

STAGES = [("places", "_places", "find_places"), ("actors", "_actors", "find_actors"),
          ("quotes", "_quotes", "find_quotes"), ("dates", "_dates", "find_dates"),
          ("events", "_events", "find_events")]
ASSEMBLY = [("record: events", "_events"), ("record: quotes", "_quotes")]


def base_copy(base: Path, into: Path) -> None:
    """``base``/communique as ``into``/communique_base, imports renamed."""
    src, dst = base / "communique", into / "communique_base"
    for path in src.rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        out = dst / path.relative_to(src)
        out.parent.mkdir(parents=True, exist_ok=True)
        text = path.read_text("utf-8")
        text = re.sub(r"\b(from|import) communique\b", r"\1 communique_base", text)
        text = text.replace('"communique_paragraphs"', '"communique_base_paragraphs"')
        out.write_text(text, "utf-8")
    (dst / "data").symlink_to(src / "data")


def timed_coder(package: str, cost: collections.Counter, model: bool = False):
    """The package's default coder (``model``: its model-mode coder), its stages wrapped to add
    their CPU seconds to ``cost``."""
    pipeline = importlib.import_module(f"{package}.pipeline")

    time_stages([(label, getattr(pipeline, module), name) for label, module, name in STAGES]
                + [(label, pipeline.Coder, name) for label, name in ASSEMBLY], cost)
    return pipeline.Coder(event_model=True) if model else pipeline.default_coder()


def code_one(coder, article, doc, cost: collections.Counter) -> str:
    t = time.process_time()
    out = json.dumps(coder.annotate(article, doc).to_dict(), sort_keys=True)
    cost["after the parse"] += time.process_time() - t
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", type=Path, required=True, help="the other checkout")
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=3, help="passes over the articles")
    ap.add_argument("--model", action="store_true", help="compare the model-mode coders (--model)")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    base_copy(args.base.resolve(), Path(tmp.name))
    sys.path.insert(0, tmp.name)
    from communique.io import read_inputs

    corpus = Path(tmp.name) / "polnear.jsonl"
    n, words = write_corpus(corpus, args.articles, 1)
    articles = list(read_inputs([str(corpus)]))
    costs = {"base": collections.Counter(), "this": collections.Counter()}
    coders = {"base": timed_coder("communique_base", costs["base"], args.model),
              "this": timed_coder("communique", costs["this"], args.model)}
    base_io = importlib.import_module("communique_base.io")
    base_articles = list(base_io.read_inputs([str(corpus)]))
    docs = list(coders["this"].nlp.pipe((a.text for a in articles), batch_size=16))
    for who in ("base", "this"):  # what each loads on first use, outside the count
        arts = base_articles if who == "base" else articles
        for a, doc in zip(arts, docs):
            code_one(coders[who], a, doc.copy(), collections.Counter())
        costs[who].clear()
    differ = set()
    for r in range(args.rounds):
        for k, (a, b, doc) in enumerate(zip(base_articles, articles, docs)):
            order = ("base", "this") if (k + r) % 2 == 0 else ("this", "base")
            out = {}
            for who in order:
                out[who] = code_one(coders[who], a if who == "base" else b, doc.copy(),
                                    costs[who])
            if out["base"] != out["this"]:
                differ.add(a.id)
    print(f"{n} articles ({words:,} words), {args.rounds} rounds, CPU s per round "
          f"(base {args.base}, this {Path(__file__).resolve().parent.parent}):")
    print(f"  {'':28s} {'base':>7s} {'this':>7s} {'this/base':>9s}")
    for label in sorted(costs["base"], key=lambda k: -costs["base"][k]):
        b, t = costs["base"][label] / args.rounds, costs["this"][label] / args.rounds
        print(f"  {label:28s} {b:7.3f} {t:7.3f} {t / b if b else 0:9.2f}")
    print(f"records differ for {len(differ)} of {n} articles" + (
        f": {', '.join(sorted(differ)[:5])}" if differ else " (all the same)"))
    tmp.cleanup()


if __name__ == "__main__":
    main()
