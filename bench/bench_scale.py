"""Throughput and memory of coding at scale, each engine against bare spaCy.

Runs, on the PolNeAR articles (``../shared/dev/polnear/{train,dev}/text``,
repeated with ``--repeat``), each in a fresh process so peak RSS is its own:

  a  bare spaCy ``nlp.pipe`` over the texts (the ceiling)
  b  communique coding in one process (``Coder.code_dicts``, the CLI's path)
  c  all cores: ``code_parallel`` (one model per worker process)
  d  Dask LocalCluster, 2 workers: ``ingest_dask`` to Parquet
  e  as (b), with the trained event model deciding types and modes (``--model``)

and reports articles/s, words/s, peak RSS per process and the ratio of each
to (a) from the same run; writes the "Scale" section of docs/benchmarks.md.
``--profile N`` adds where one process spends its time, stage by stage.

    .venv/bin/python bench/bench_scale.py                 # full run, ~15-25 min on 2 cores
    .venv/bin/python bench/bench_scale.py --articles 100 --no-docs   # a quick look
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "dev" / "polnear"
DOCS = ROOT / "docs" / "benchmarks.md"
SECTION = "## Scale"
NAMES = {"a": "bare spaCy `nlp.pipe`", "b": "communique, one process",
         "c": "communique, all cores (`code_parallel`)",
         "d": "communique, Dask LocalCluster 2 workers",
         "e": "communique, one process, event model (`--model`)"}


# -- corpus -----------------------------------------------------------------------------

def write_corpus(path: Path, articles: int | None, repeat: int) -> tuple[int, int]:
    """The PolNeAR texts as JSONL with their publication dates; (articles, words)."""
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as fh:
        published = {r["filename"]: r["publication_date"]
                     for r in csv.DictReader(fh, delimiter="\t")}
    files = sorted((POLNEAR / "train" / "text").glob("*.txt")) + sorted(
        (POLNEAR / "dev" / "text").glob("*.txt"))
    if not files:
        raise SystemExit(f"no PolNeAR texts under {POLNEAR}: lay ../shared beside the checkout")
    n = words = 0
    with open(path, "w", encoding="utf-8") as out:
        for r in range(repeat):
            for f in files:
                if articles is not None and n >= articles:
                    break
                text = f.read_text("utf-8")
                out.write(json.dumps({"id": f.stem if r == 0 else f"{f.stem}#{r}",
                                      "published": published.get(f.stem), "text": text}) + "\n")
                n += 1
                words += len(text.split())
    return n, words


# -- memory -----------------------------------------------------------------------------

def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class ChildPeaks:
    """Samples the peak RSS (VmHWM) of every descendant process until stopped."""

    def __init__(self, every: float = 0.25) -> None:
        self.every = every
        self.peaks: dict[int, tuple[str, float]] = {}
        self.cpu: dict[int, float] = {}  # user + system seconds, last seen
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "ChildPeaks":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            self.sample(me)
            self._stop.wait(self.every)

    def sample(self, me) -> None:
        import psutil

        for child in me.children(recursive=True):
            try:
                hwm = _vm_hwm_mb(child.pid)
                if hwm is None:
                    hwm = child.memory_info().rss / 2**20
                name = " ".join(child.cmdline()[1:4])[:60]
                times = child.cpu_times()
                self.cpu[child.pid] = times.user + times.system
            except (psutil.NoSuchProcess, psutil.AccessDenied, FileNotFoundError):
                continue
            old = self.peaks.get(child.pid, ("", 0.0))[1]
            self.peaks[child.pid] = (name, max(old, hwm))

    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())

    def workers(self) -> list[float]:
        """Peaks of the processes that loaded a model (the big ones)."""
        return sorted((mb for _, mb in self.peaks.values() if mb > 100), reverse=True)


def _vm_hwm_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# -- what the machine gives: N busy processes vs one ----------------------------------------

def _spin(seconds: float) -> int:
    n, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        n += 1
    return n


def ceiling(workers: int, seconds: float = 3.0) -> float:
    """Work done by ``workers`` busy processes over one busy process: the best any pool
    can do here. On an idle machine with that many cores it is ``workers``."""
    import multiprocessing

    one = _spin(seconds)
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pool.map(_spin, [0.1] * workers)  # start them first
        many = sum(pool.map(_spin, [seconds] * workers))
    return many / one


# -- the four runs (each in its own process) --------------------------------------------

def run_a(corpus: Path, workers: int) -> dict:
    import spacy

    from communique.nlp import MODEL

    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
    nlp = spacy.load(MODEL)  # the model as shipped: communique's own component counts in (b)
    list(nlp.pipe(texts[:2]))  # warm up, as (b) does
    start, cpu = time.perf_counter(), time.process_time()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=16))
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
            "articles": n, "rss_main": peak_rss_mb()}


def run_b(corpus: Path, workers: int, event_model: bool = False) -> dict:
    from communique.io import read_inputs
    from communique.pipeline import Coder, default_coder

    coder = Coder(event_model=True) if event_model else default_coder()
    list(coder.code_dicts(list(read_inputs([str(corpus)]))[:2]))
    start, cpu = time.perf_counter(), time.process_time()
    n = errors = 0
    for rec in coder.code_dicts(read_inputs([str(corpus)])):
        json.dumps(rec)  # the CLI writes JSONL
        n += 1
        errors += "error" in rec
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
            "articles": n, "errors": errors, "rss_main": peak_rss_mb()}


def run_e(corpus: Path, workers: int) -> dict:
    return run_b(corpus, workers, event_model=True)


def run_c(corpus: Path, workers: int) -> dict:
    from communique.io import read_inputs
    from communique.parallel import code_parallel

    n = errors = 0
    with ChildPeaks() as peaks:
        start, cpu = time.perf_counter(), time.process_time()  # workers' start included
        for rec in code_parallel(read_inputs([str(corpus)]), workers=workers):
            json.dumps(rec)
            n += 1
            errors += "error" in rec
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu + peaks.cpu_seconds(), "articles": n,
            "errors": errors, "rss_main": peak_rss_mb(), "rss_workers": peaks.workers()}


def run_d(corpus: Path, workers: int) -> dict:
    from communique.distributed import ingest_dask

    with tempfile.TemporaryDirectory() as out, ChildPeaks() as peaks:
        start, cpu = time.perf_counter(), time.process_time()  # cluster start included
        summary = ingest_dask([str(corpus)], scheduler="local", n_workers=2, out=out,
                              partition_size=64)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu + peaks.cpu_seconds(), "articles": summary["articles"],
            "errors": summary["errors"], "rss_main": peak_rss_mb(),
            "rss_workers": peaks.workers()}


RUNS = {"a": run_a, "b": run_b, "c": run_c, "d": run_d, "e": run_e}


# -- where one process spends its time ----------------------------------------------------

def stage_hooks(pipeline) -> list[tuple[str, object, str]]:
    """(label, owner, attribute) of each coding stage worth timing in ``pipeline`` (the
    ``communique.pipeline`` module of this checkout or of another); a stage that code
    lacks is left out."""
    hooks = [("places", getattr(pipeline, "_places", None), "find_places"),
             ("actors", getattr(pipeline, "_actors", None), "find_actors"),
             ("quotes", getattr(pipeline, "_quotes", None), "find_quotes"),
             ("dates", getattr(pipeline, "_dates", None), "find_dates"),
             ("events", getattr(pipeline, "_events", None), "find_events"),
             ("record: events (dates, places per event)", pipeline.Coder, "_events"),
             ("record: quotes", pipeline.Coder, "_quotes")]
    return [h for h in hooks if h[1] is not None and hasattr(h[1], h[2])]


def time_stages(hooks, cost: collections.Counter, calls: collections.Counter | None = None
                ) -> list[tuple[object, str, object]]:
    """Wrap each hook so its CPU seconds add to ``cost[label]`` (and its calls to
    ``calls[label]``); returns (owner, name, original) to put back with ``untime_stages``."""
    undo = []

    def timer(fn, label):
        def timed(*args, **kwargs):
            t = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                cost[label] += time.process_time() - t
                if calls is not None:
                    calls[label] += 1
        return timed

    for label, owner, name in hooks:
        fn = getattr(owner, name)
        setattr(owner, name, timer(fn, label))
        undo.append((owner, name, fn))
    return undo


def untime_stages(undo) -> None:
    for owner, name, fn in reversed(undo):
        setattr(owner, name, fn)


def profile(corpus: Path, n: int) -> dict:
    """Seconds per stage over the first ``n`` articles (wrapped calls, no profiler), and
    the top functions by own time under cProfile."""
    import cProfile
    import io as _io
    import pstats

    from communique import pipeline
    from communique.io import read_inputs

    articles = list(read_inputs([str(corpus)]))[:n]
    coder = pipeline.default_coder()
    list(coder.code_dicts(articles[:2]))
    cost: collections.Counter = collections.Counter()
    calls: collections.Counter = collections.Counter()
    time_stages(stage_hooks(pipeline) + [("record: to_dict", pipeline.Record, "to_dict")],
                cost, calls)
    words = sum(len(a.text.split()) for a in articles if hasattr(a, "text"))
    start = time.process_time()
    list(coder.code_dicts(articles))
    total = time.process_time() - start
    stages, stage_calls = dict(cost), dict(calls)  # before cProfile's run below adds to them
    start = time.process_time()
    docs = list(coder.nlp.pipe((a.text for a in articles if hasattr(a, "text")), batch_size=16))
    parse = time.process_time() - start
    start = time.process_time()
    for doc in docs:
        doc.text  # noqa: B018 - the cost of one access
    doc_text = (time.process_time() - start) / max(1, len(docs))

    prof = cProfile.Profile()
    prof.enable()
    list(coder.code_dicts(articles[: max(5, n // 4)]))
    prof.disable()
    stream = _io.StringIO()
    stats = pstats.Stats(prof, stream=stream)
    stats.sort_stats("tottime").print_stats(12)
    text_calls = sum(v[1] for k, v in stats.stats.items()
                     if k[0].endswith("doc.pyx") and k[2] == "__get__" and k[1] == 724)
    return {"articles": len(articles), "words": words, "total": total, "parse": parse,
            "stages": stages, "calls": stage_calls, "doc_text_ms": doc_text * 1000,
            "doc_text_calls_per_article": text_calls / max(1, max(5, n // 4)),
            "cprofile": stream.getvalue()}


# -- driver --------------------------------------------------------------------------------

def child(kind: str, corpus: Path, workers: int) -> None:
    result = RUNS[kind](corpus, workers) if kind in RUNS else profile(corpus, workers)
    print("RESULT " + json.dumps(result))


def spawn(kind: str, corpus: Path, workers: int) -> dict:
    load = os.getloadavg()[0]
    proc = subprocess.run([sys.executable, __file__, "--child", kind, "--corpus", str(corpus),
                           "--workers", str(workers)], capture_output=True, text=True,
                          cwd=ROOT)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    if proc.returncode or not lines:
        raise SystemExit(f"run {kind} failed:\n{proc.stderr[-3000:]}")
    result = json.loads(lines[-1][7:])
    result["load_before"] = load
    result["load_after"] = os.getloadavg()[0]
    return result


def table(results: dict, words: int) -> list[str]:
    base = results.get("a")
    rows = ["| run | wall s | articles/s | words/s | vs (a) | CPU s | words per CPU s | "
            "vs (a), CPU | peak RSS main, MB | peak RSS per worker, MB | load avg |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for kind, r in results.items():
        ratio = f"{base['seconds'] / r['seconds']:.2f}" if base else "-"
        cpu_ratio = f"{base['cpu'] / r['cpu']:.2f}" if base else "-"
        workers = ", ".join(f"{mb:.0f}" for mb in r.get("rss_workers", [])) or "-"
        rows.append(f"| ({kind}) {NAMES[kind]} | {r['seconds']:.0f} | "
                    f"{r['articles'] / r['seconds']:.2f} | {words / r['seconds']:,.0f} | {ratio} | "
                    f"{r['cpu']:.0f} | {words / r['cpu']:,.0f} | {cpu_ratio} | "
                    f"{r['rss_main']:.0f} | {workers} | "
                    f"{r['load_before']:.1f} / {r['load_after']:.1f} |")
    return rows


def profile_lines(p: dict) -> list[str]:
    lines = [f"One process, first {p['articles']} articles ({p['words']:,} words), CPU "
             f"seconds: coding took {p['total']:.1f} s, of which parsing (`nlp.pipe` alone) "
             f"{p['parse']:.1f} s "
             f"({p['parse'] / p['total']:.0%}); the stages and assembly took the rest.",
             "", "| stage | CPU s | share of coding | calls |", "|---|---:|---:|---:|"]
    lines.append(f"| parse (`nlp.pipe`) | {p['parse']:.2f} | {p['parse'] / p['total']:.0%} | - |")
    for label, sec in sorted(p["stages"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {label} | {sec:.2f} | {sec / p['total']:.0%} | {p['calls'][label]} |")
    if p["doc_text_calls_per_article"]:
        lines += ["", f"`Doc.text` is rebuilt from the tokens on every access "
                      f"({p['doc_text_ms']:.1f} ms per article here); the stages read it "
                      f"{p['doc_text_calls_per_article']:.0f} times per article."]
    return lines


def write_docs(lines: list[str]) -> None:
    body = "\n".join([SECTION, ""] + lines).rstrip() + "\n"
    text = DOCS.read_text("utf-8") if DOCS.exists() else (
        "# Benchmarks\n\nMeasured results of the scripts in `bench/`, one section per script.\n")
    start = text.find(SECTION + "\n")
    if start < 0:
        text = text.rstrip() + "\n\n" + body
    else:
        end = text.find("\n## ", start + len(SECTION))  # the next section, not a ### one
        rest = text[end + 1:] if end >= 0 else ""
        text = text[:start] + body + ("\n" + rest if rest else "")
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(text, "utf-8")


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, cwd=ROOT, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "an unknown commit"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=None, help="first N articles (default all 924)")
    ap.add_argument("--repeat", type=int, default=1, help="repeat the corpus R times")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="processes for (c) (default all cores)")
    ap.add_argument("--only", default="abcd", help="runs to do, e.g. ab")
    ap.add_argument("--profile", type=int, default=100, metavar="N",
                    help="stage costs over the first N articles (0: skip)")
    ap.add_argument("--pairs", type=int, default=3, metavar="N",
                    help="then run (b) and (c) alternately N times on --pair-articles "
                         "articles, for a speedup that load from other work hits alike")
    ap.add_argument("--pair-articles", type=int, default=300, metavar="N")
    ap.add_argument("--no-docs", action="store_true", help="do not write docs/benchmarks.md")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.corpus, args.workers)
        return

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "polnear.jsonl"
        n, words = write_corpus(corpus, args.articles, args.repeat)
        print(f"{n} articles, {words:,} words; {os.cpu_count()} cores", file=sys.stderr)
        results = {}
        for kind in args.only:
            results[kind] = spawn(kind, corpus, args.workers)
            r = results[kind]
            print(f"({kind}) {NAMES[kind]}: {r['seconds']:.1f} s", file=sys.stderr)
        prof = spawn("profile", corpus, args.profile) if args.profile else None
        pairs = []
        if args.pairs:
            small = Path(tmp) / "pairs.jsonl"
            pair_n, pair_words = write_corpus(small, args.pair_articles, 1)
            for _ in range(args.pairs):
                limit = ceiling(args.workers)
                pairs.append((spawn("b", small, args.workers), spawn("c", small, args.workers),
                              limit))
                b, c, _ = pairs[-1]
                print(f"pair: (b) {b['seconds']:.1f} s, (c) {c['seconds']:.1f} s, "
                      f"ceiling {limit:.2f}x", file=sys.stderr)

    lines = [f"`bench/bench_scale.py` on {time.strftime('%Y-%m-%d')} at commit {_commit()}: "
             f"{n} PolNeAR articles ({words:,} whitespace words), {os.cpu_count()} cores, "
             f"(c) with {args.workers} workers, (d) with partitions of 64 articles. Each run "
             f"in a fresh process; (c) and (d) include starting their workers and loading "
             f"one model per worker; (d) includes writing Parquet. \"vs (a)\" is throughput "
             f"relative to bare spaCy in the same run: by the wall clock, and by CPU time "
             f"(all processes' user + system seconds), which other work on the machine "
             f"disturbs far less.", ""]
    lines += table(results, words)
    lines += [""]
    if {"a", "b"} <= results.keys():
        a, b = results["a"], results["b"]
        lines += [f"- One process vs bare spaCy (target 0.8): {a['seconds'] / b['seconds']:.2f} "
                      f"by the wall clock, {a['cpu'] / b['cpu']:.2f} by CPU time."]
        if "c" in results:
            c = results["c"]
            cores = min(args.workers, os.cpu_count() or 1)
            lines += [f"- All cores vs one process (target 1.6x on 2 cores): "
                      f"{b['seconds'] / c['seconds']:.2f}x by the wall clock, with the pool's "
                      f"processes getting {c['cpu'] / c['seconds']:.2f} CPUs on average. The "
                      f"pool spent {c['cpu'] / b['cpu']:.2f}x the CPU time of one process "
                      f"(a model per worker, pickling), so on {cores} idle cores it can reach "
                      f"at most {cores * b['cpu'] / c['cpu']:.2f}x: a bound from CPU time, "
                      f"not a measurement."]
    if pairs:
        ratios = sorted(b["seconds"] / c["seconds"] for b, c, _ in pairs)
        each = ", ".join(f"{b['seconds'] / c['seconds']:.2f}x (ceiling {limit:.2f}x)"
                         for b, c, limit in pairs)
        lines += [f"- (b) and (c) run alternately {len(pairs)} times on the first "
                  f"{pair_n} articles ({pair_words:,} words), so that load from other work "
                  f"hits both alike, workers' start included: all cores vs one process "
                  f"{each}; median {ratios[len(ratios) // 2]:.2f}x. The ceiling, measured "
                  f"before each pair, is the work of {args.workers} busy-loop processes "
                  f"over one: what this machine gave any {args.workers} processes at the "
                  f"time ({args.workers}.00x on idle cores)."]
    lines += ["- Peak RSS: `ru_maxrss` of the main process; `VmHWM` of each worker "
              "process (sampled every 0.25 s; processes under 100 MB, such as Dask "
              "nannies, left out). Target: 600 MB per process.",
              "- Load average (1 min) before / after each run: how busy the machine was "
              "with other work. On a shared machine the wall-clock columns move with it."]
    if prof:
        lines += ["", "### Where one process spends its time", ""] + profile_lines(prof)
        lines += ["", "<details><summary>cProfile, top functions by own time</summary>", "",
                  "```", *prof["cprofile"].strip().splitlines()[-20:], "```", "", "</details>"]
    print("\n".join(lines))
    if not args.no_docs:
        write_docs(lines)


if __name__ == "__main__":
    main()
