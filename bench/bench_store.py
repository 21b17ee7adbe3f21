"""Benchmark the event store: ingest throughput vs coding to a file, and query latency.

    .venv/bin/python bench/bench_store.py                 # 200 articles, >= 100k events
    .venv/bin/python bench/bench_store.py --articles 50 --events 20000 --no-write

1. Codes the same real articles (PolNeAR news in ../shared/dev) twice with one
   loaded coder: to a JSONL file (`communique code --format jsonl`), and into a
   store (`communique ingest`), and reports the ratio of the two throughputs.
   Also times storing the already-coded records alone.
2. Builds a store of at least ``--events`` events from those coded records,
   repeated with ids, texts and dates shifted, and times the dyad series
   (day / week / month) and other queries on it: median of ``--repeat`` runs.

Results go to the "Store" section of docs/benchmarks.md (other sections are
left as they are).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from communique import analytics  # noqa: E402
from communique.record import Article  # noqa: E402
from communique.store import Store  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "dev" / "polnear"


def load_articles(n: int) -> list[Article]:
    """The first ``n`` PolNeAR train articles with their titles and publication dates."""
    meta = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            meta[row["filename"]] = row
    files = sorted((POLNEAR / "train" / "text").glob("*.txt"))[:n]
    if len(files) < n:
        sys.exit(f"only {len(files)} articles under {POLNEAR}/train/text")
    out = []
    for path in files:
        m = meta.get(path.stem, {})
        out.append(Article(text=path.read_text(encoding="utf-8"), id=path.stem,
                           title=m.get("title"), published=m.get("publication_date")))
    return out


def shifted(record: dict, k: int, days: int) -> dict:
    """Copy ``k`` of a record: new id and text hash, every date moved by ``days``."""
    r = json.loads(json.dumps(record))
    r["id"] = f"{r['id']}~{k}"
    r["text"] = r["text"] + f"\n[copy {k}]"  # after every span: offsets stay valid

    def move(d: str | None) -> str | None:
        if not d or len(d) < 10:
            return d
        return (dt.date.fromisoformat(d[:10]) + dt.timedelta(days=days)).isoformat()

    r["published"] = move(r.get("published"))
    for e in r["events"]:
        e["date"] = move(e.get("date"))
    return r


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=2, help="code-vs-ingest rounds (best kept)")
    ap.add_argument("--no-write", action="store_true", help="print only; leave docs alone")
    args = ap.parse_args()

    from communique.pipeline import Coder

    work = Path(tempfile.mkdtemp(prefix="bench-store-"))
    articles = load_articles(args.articles)
    chars = sum(len(a.text) for a in articles)
    t = time.perf_counter()
    coder = Coder()
    list(coder.code_dicts(articles[:5]))  # warm up: model load, first-batch costs
    load_s = time.perf_counter() - t

    # 1. The same articles coded to a file and into a store, alternately; best round each.
    # Both paths run on the same chunks of articles, interleaved and in alternating
    # order, so that background load and the coder's warming caches hit both alike.
    code_s, ingest_s = [0.0] * args.rounds, [0.0] * args.rounds
    out = work / "records.jsonl"
    chunks = [articles[i:i + 10] for i in range(0, len(articles), 10)]
    for rnd in range(args.rounds):
        with out.open("w", encoding="utf-8") as f, Store(work / f"ingest{rnd}.db") as store:
            for i, chunk in enumerate(chunks):
                for path in (("file", "store") if (i + rnd) % 2 == 0 else ("store", "file")):
                    t = time.perf_counter()
                    if path == "file":
                        for rec in coder.code_dicts(chunk):
                            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                        code_s[rnd] += time.perf_counter() - t
                    else:
                        store.add(coder.code_dicts(chunk))
                        ingest_s[rnd] += time.perf_counter() - t
        print(f"round {rnd}: code->file {code_s[rnd]:.2f}s, ingest {ingest_s[rnd]:.2f}s",
              file=sys.stderr)
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    good = [r for r in records if "error" not in r]
    events_per_round = sum(len(r["events"]) for r in good)

    t = time.perf_counter()
    with Store(work / "store-only.db") as store:
        store.add(records)
    store_only_s = time.perf_counter() - t

    # 2. A big store: the coded records again and again, a week later each time.
    copies = -(-args.events // max(1, events_per_round))
    big = work / "big.db"
    many = [shifted(r, k, 7 * k) for k in range(copies) for r in good]
    t = time.perf_counter()
    with Store(big) as store:
        bulk = store.add(many)
    bulk_s = time.perf_counter() - t
    size_mb = sum(p.stat().st_size for p in work.glob("big.db*")) / 1e6
    del many

    lat: dict[str, float] = {}
    with Store(big, readonly=True) as store:
        n_events = store.count_events(include_negated=True)
        n_clusters = store.stats()["event_clusters"]
        lat["top_summary (n=10)"], summary = timed(lambda: analytics.top_summary(store), 3)
        dyad = summary["dyads"][0]
        a, b = dyad["actor"], dyad["recipient"]
        if a == b and len(summary["dyads"]) > 1:
            dyad = summary["dyads"][1]
            a, b = dyad["actor"], dyad["recipient"]
        series = {}
        for freq in ("day", "week", "month"):
            lat[f"dyad_series {a}-{b} by {freq}"], series[freq] = timed(
                lambda f=freq: analytics.dyad_series(store, a, b, freq=f), args.repeat)
        lat[f"dyad_series {a}->{b} by week, directed"], _ = timed(
            lambda: analytics.dyad_series(store, a, b, freq="week", directed=True), args.repeat)
        lat[f"query_events actor {a}, recipient {b}, limit 100"], _ = timed(
            lambda: store.query_events(actor_country=a, recipient_country=b), args.repeat)
        lat[f"count_events type ASSAULT"], _ = timed(
            lambda: store.count_events(type="ASSAULT"), args.repeat)
        lat["query_events text (FTS5) 'Clinton', limit 100"], _ = timed(
            lambda: store.query_events(text="Clinton"), args.repeat)
        lat["network (country level)"], g = timed(lambda: analytics.network(store), 3)
        lat["actors (top 100 by events)"], _ = timed(lambda: store.actors(), 3)
        dyad_events = int(series["week"]["events"].sum())
        periods = {f: len(s) for f, s in series.items()}

    articles_per_s = lambda s: len(articles) / s  # noqa: E731
    best_code, best_ingest = min(code_s), min(ingest_s)
    ratios = [c / i for c, i in zip(code_s, ingest_s)]
    lines = [
        "## Store",
        "",
        f"`bench/bench_store.py`, run {dt.date.today().isoformat()} on {os.cpu_count()} CPUs "
        f"({platform.processor() or platform.machine()}), Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}. Articles: the first {len(articles)} PolNeAR train "
        f"articles ({chars / len(articles) / 1000:.1f}k characters on average), coded in one "
        f"process; model load and warm-up ({load_s:.1f}s) not counted. The two paths "
        f"run on the same chunks of 10 articles, interleaved, in alternating order; "
        f"best of {args.rounds} rounds. The machine is shared with other jobs, so "
        f"absolute times vary from run to run; the ratio is the stable figure.",
        "",
        "### Ingest vs code to a file (same articles, same coder, one run)",
        "",
        "| path | seconds | articles/s | events/s |",
        "|---|---|---|---|",
        f"| `code` to a JSONL file | {best_code:.2f} | {articles_per_s(best_code):.1f} | "
        f"{events_per_round / best_code:.0f} |",
        f"| `ingest` into the store (code + store) | {best_ingest:.2f} | "
        f"{articles_per_s(best_ingest):.1f} | {events_per_round / best_ingest:.0f} |",
        f"| storing the coded records alone | {store_only_s:.2f} | "
        f"{len(records) / store_only_s:.0f} | {events_per_round / store_only_s:.0f} |",
        "",
        f"Ingest throughput / code-to-file throughput: **{statistics.median(ratios):.2f}** "
        f"(median of the rounds: {', '.join(f'{r:.2f}' for r in ratios)}; 1.00 = storing costs "
        f"nothing; {len(good)} records, {events_per_round} events, "
        f"{len(records) - len(good)} errors). Coding dominates: the store adds "
        f"{store_only_s / len(records) * 1000:.2f} ms per article.",
        "",
        f"### Queries on a store of {n_events:,} events",
        "",
        f"The {len(good)} coded records repeated {copies} times, each copy a week later "
        f"(new ids and text hashes): {bulk.articles_added:,} articles, {n_events:,} events, "
        f"{n_clusters:,} deduplicated events, {size_mb:.0f} MB. Bulk add: {bulk_s:.1f}s "
        f"({bulk.articles_added / bulk_s:,.0f} articles/s, {bulk.events_added / bulk_s:,.0f} "
        f"events/s, batches of 200).",
        "",
        f"Dyad: the most active one, {a} and {b} ({dyad_events:,} deduplicated events; "
        f"{periods['day']} days, {periods['week']} weeks, {periods['month']} months). "
        f"Median of {args.repeat} runs (top_summary and network: 3).",
        "",
        "| query | median ms |",
        "|---|---|",
    ] + [f"| {name} | {s * 1000:.1f} |" for name, s in lat.items()] + [""]
    section = "\n".join(lines)
    print(section)
    if not args.no_write:
        write_section(ROOT / "docs" / "benchmarks.md", section)


def write_section(path: Path, section: str) -> None:
    """Replace the "## Store" section of ``path`` (or append it); keep the others."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    lines = text.splitlines()
    try:
        start = lines.index("## Store")
    except ValueError:
        path.write_text(text.rstrip("\n") + "\n\n" + section, encoding="utf-8")
        return
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")),
               len(lines))
    new = lines[:start] + section.rstrip("\n").splitlines() + [""] + lines[end:]
    path.write_text("\n".join(new).rstrip("\n") + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
