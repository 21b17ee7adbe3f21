"""Where the coder spends its own CPU time, the spaCy parse left out.

Parses the first ``--articles`` PolNeAR articles (``bench_scale.py``'s corpus and order)
once, then runs everything that follows the parse on copies of those docs: the five
stages, the record assembly, ``to_dict`` and ``json.dumps`` (the CLI writes JSONL). CPU
seconds per stage (``time.process_time``, which other work on a shared machine disturbs
far less than the wall clock), then the top functions under cProfile on fresh copies.

    .venv/bin/python bench/profile_stages.py --articles 60
    .venv/bin/python bench/profile_stages.py --articles 60 --top 40 --sort cumulative
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import io
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import stage_hooks, time_stages, untime_stages, write_corpus  # noqa: E402


def stage_costs(coder, articles, docs) -> tuple[dict[str, float], float]:
    """CPU seconds per stage over one pass; and the whole pass after the parse."""
    from communique import pipeline

    cost: collections.Counter = collections.Counter()
    undo = time_stages(stage_hooks(pipeline) + [("record: places", pipeline.Coder, "_places")],
                       cost)
    try:
        start = time.process_time()
        for a, doc in zip(articles, docs):
            rec = coder.annotate(a, doc)
            t = time.process_time()
            d = rec.to_dict()
            cost["record: to_dict"] += time.process_time() - t
            t = time.process_time()
            json.dumps(d)
            cost["json.dumps"] += time.process_time() - t
        total = time.process_time() - start
    finally:
        untime_stages(undo)
    return dict(cost), total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--top", type=int, default=30, help="functions shown under cProfile")
    ap.add_argument("--sort", default="tottime", help="cProfile order (tottime, cumulative)")
    ap.add_argument("--passes", type=int, default=1,
                    help="timed passes over fresh copies of the docs (the first pays for "
                         "what the stages load on first use)")
    ap.add_argument("--no-cprofile", action="store_true")
    args = ap.parse_args()

    from communique.io import read_inputs
    from communique.pipeline import default_coder

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "polnear.jsonl"
        n, words = write_corpus(corpus, args.articles, 1)
        articles = list(read_inputs([str(corpus)]))
    coder = default_coder()
    list(coder.code_dicts(articles[:2]))  # warm up, as bench_scale.py does
    start = time.process_time()
    docs = list(coder.nlp.pipe((a.text for a in articles), batch_size=16))
    parse = time.process_time() - start
    print(f"{n} articles, {words:,} words: parse (nlp.pipe) {parse:.2f} CPU s")
    passes = []
    for _ in range(args.passes):
        costs, total = stage_costs(coder, articles, [d.copy() for d in docs])
        costs["(the rest)"] = total - sum(costs.values())
        costs["after the parse"] = total
        passes.append(costs)
    # the first pass pays for what the stages load on first use; the least of the later
    # ones is the steady cost, least disturbed by other work on the machine
    warm = {k: min(p[k] for p in passes[1:]) for k in passes[0]} if len(passes) > 1 else None
    print(f"{'CPU s':45s} {'pass 1':>7s}" + (f" {'least of passes 2-' + str(len(passes)):>20s}"
                                              if warm else ""))
    for label in sorted(passes[0], key=lambda k: -passes[0][k]):
        print(f"  {label:43s} {passes[0][label]:7.2f}"
              + (f" {warm[label]:20.2f}" if warm else ""))
    if args.no_cprofile:
        return
    copies = [d.copy() for d in docs]
    prof = cProfile.Profile()
    prof.enable()
    for a, doc in zip(articles, copies):
        json.dumps(coder.annotate(a, doc).to_dict())
    prof.disable()
    stream = io.StringIO()
    pstats.Stats(prof, stream=stream).sort_stats(args.sort).print_stats(args.top)
    print(stream.getvalue())


if __name__ == "__main__":
    main()
