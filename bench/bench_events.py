"""How much event coding adds to bare spaCy parsing, measured in one run.

    .venv/bin/python bench/bench_events.py [N_ARTICLES]

Parses the same PolNeAR articles twice with ``nlp.pipe``: once bare, once
followed by ``find_events`` (with named entities as a stand-in actor index),
and prints both times and their ratio. Target: at most 1.25.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from communique.extract.events import find_events
from communique.lexicon import load_lexicon
from communique.nlp import load_nlp

TEXTS = Path(__file__).resolve().parents[1].parent / "shared" / "dev" / "polnear" / "dev" / "text"


class _EntityActors:
    def __init__(self, doc):
        self.token_actor = {t.i: e.text for e in doc.ents for t in e}


def main(n: int = 60) -> float:
    files = sorted(TEXTS.iterdir())[:n]
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    nlp, lexicon = load_nlp(), load_lexicon()
    list(nlp.pipe(texts[:2]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_events, coding = 0, 0.0
    for doc in nlp.pipe(texts, batch_size=16):
        t1 = time.perf_counter()
        n_events += len(find_events(doc, _EntityActors(doc), lexicon))
        coding += time.perf_counter() - t1
    coded = time.perf_counter() - t0
    # Wall times of two passes drift with machine load; the coding share within the
    # coded pass is the steadier figure.
    ratio = coded / (coded - coding)
    print(f"{len(texts)} articles, {sum(map(len, texts))} chars, {n_events} events")
    print(f"bare nlp.pipe: {bare:.2f}s   nlp.pipe + find_events: {coded:.2f}s "
          f"(find_events {coding:.2f}s)   wall ratio {coded / bare:.3f}   "
          f"coding ratio {ratio:.3f}")
    return ratio


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
