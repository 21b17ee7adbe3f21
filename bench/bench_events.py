"""How much event coding adds to bare spaCy parsing, measured in one run.

    .venv/bin/python bench/bench_events.py [N_ARTICLES]

Parses the same PolNeAR articles (../shared/dev/polnear/dev/text) twice with
``nlp.pipe``: bare, and followed by ``find_events`` (named entities stand in for
the actor index). The two passes are interleaved batch by batch so that load
from other processes hits both alike. Prints both times and their ratio, and
the coding share inside the coded pass. Target: at most 1.25.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from communique.extract.events import find_events
from communique.lexicon import load_lexicon
from communique.nlp import load_nlp

TEXTS = Path(__file__).resolve().parents[1].parent / "shared" / "dev" / "polnear" / "dev" / "text"
BATCH = 10


class _EntityActors:
    def __init__(self, doc):
        self.token_actor = {t.i: e.text for e in doc.ents for t in e}


def main(n: int = 60) -> dict[str, float]:
    if not TEXTS.is_dir():
        raise SystemExit(f"{TEXTS} is not here: lay ../shared beside the checkout")
    files = sorted(TEXTS.iterdir())[:n]
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    nlp, lexicon = load_nlp(), load_lexicon()
    list(nlp.pipe(texts[:2]))  # warm up
    bare = coded = coding = 0.0
    n_events = 0
    for k in range(0, len(texts), BATCH):
        batch = texts[k:k + BATCH]
        t0 = time.perf_counter()
        for _ in nlp.pipe(batch):
            pass
        bare += time.perf_counter() - t0
        t0 = time.perf_counter()
        for doc in nlp.pipe(batch):
            t1 = time.perf_counter()
            n_events += len(find_events(doc, _EntityActors(doc), lexicon))
            coding += time.perf_counter() - t1
        coded += time.perf_counter() - t0
    out = {"bare_s": bare, "coded_s": coded, "find_events_s": coding,
           "wall_ratio": coded / bare, "coding_ratio": coded / (coded - coding)}
    print(f"{len(texts)} articles, {sum(map(len, texts))} chars, {n_events} events")
    print(f"bare nlp.pipe {bare:.2f}s | nlp.pipe + find_events {coded:.2f}s "
          f"(find_events {coding:.2f}s) | ratio {out['wall_ratio']:.3f} "
          f"(coding share {out['coding_ratio']:.3f}); target <= 1.25")
    return out


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
