"""ingest_dask on a real LocalCluster: the records of one process, each exactly once."""

from __future__ import annotations

import csv
import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from communique.distributed import ingest_dask, month_of, read_records, write_partition  # noqa: E402
from communique.io import read_inputs  # noqa: E402

from .conftest import SHARED  # noqa: E402

POLNEAR = SHARED / "dev" / "polnear"


def excerpt(text: str, chars: int = 900) -> str:
    """The first paragraphs of an article, cut at a sentence end: quick to parse."""
    head = text[:chars]
    return head[: head.rfind(".") + 1] or head


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A JSONL dump: excerpts from two publication months, one undated, one broken line."""
    if not POLNEAR.exists():
        pytest.skip(f"{POLNEAR} is not here (../shared is laid beside the checkout)")
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as fh:
        dev = sorted((r["publication_date"], r["filename"])
                     for r in csv.DictReader(fh, delimiter="\t") if r["compartment"] == "dev")
    picked = dev[:3] + [d for d in dev if d[0].startswith("2016-10")][:3]
    lines = [{"id": name, "published": date,
              "text": excerpt((POLNEAR / "dev" / "text" / f"{name}.txt").read_text("utf-8"))}
             for date, name in picked]
    lines[-1]["published"] = None
    lines.insert(2, {"id": "no-text", "title": "a line without text"})
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def expected(coder, corpus) -> list[dict]:
    return by_id(coder.code_dicts(read_inputs([str(corpus)])))


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        yield cluster


def by_id(records) -> list[dict]:
    return sorted(records, key=lambda r: r["id"])


def parquet_files(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())


@pytest.mark.slow
def test_local_cluster_gives_the_records_of_one_process(corpus, expected, tmp_path):
    out = tmp_path / "out"
    summary = ingest_dask([str(corpus)], scheduler="local", n_workers=2, out=str(out),
                          partition_size=2, db=str(tmp_path / "events.db"))
    assert summary["workers"] == 2
    assert by_id(read_records(str(out))) == expected
    errors = sum("error" in r for r in expected)
    assert errors == 1
    assert (summary["articles"], summary["errors"]) == (len(expected), errors)
    assert summary["stored"]["articles_added"] == len(expected) - errors
    months = {f"month={month_of(r.get('published'))}" for r in expected}
    assert {p.name for p in (out / "records").iterdir()} == months == {
        "month=2016-09", "month=2016-10", "month=unknown"}

    import pandas as pd

    events = pd.read_parquet(out / "events")
    assert len(events) == summary["events"] == sum(len(r.get("events", ())) for r in expected)
    assert set(events["article_id"]) <= {r["id"] for r in expected}


@pytest.mark.slow
def test_a_killed_worker_loses_nothing_and_doubles_nothing(corpus, expected, cluster, tmp_path):
    from distributed import Client

    out = tmp_path / "out"
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["summary"] = ingest_dask([str(corpus)], scheduler=cluster.scheduler_address,
                                             out=str(out), partition_size=1)
        except BaseException as exc:  # noqa: BLE001 - re-raised by the test thread
            outcome["error"] = exc

    killed = None
    with Client(cluster) as client:
        runner = threading.Thread(target=run)
        runner.start()
        deadline = time.monotonic() + 120
        while killed is None and runner.is_alive() and time.monotonic() < deadline:
            for pid, executing in client.run(_executing).values():
                if executing:
                    os.kill(pid, signal.SIGKILL)  # in the middle of coding a partition
                    killed = pid
                    break
            time.sleep(0.02)
        runner.join(timeout=300)
    if "error" in outcome:
        raise outcome["error"]
    assert killed is not None, "no worker was caught coding: nothing was killed"
    records = list(read_records(str(out)))
    assert len(records) == len({r["id"] for r in records}) == len(expected)
    assert by_id(records) == expected
    assert outcome["summary"]["failed_partitions"] == []

    # Running again overwrites the same files; a temporary file left by a
    # killed write is invisible to readers.
    files = parquet_files(out)
    (out / "records" / "month=2016-09" / ".part-000000-dead.0123.tmp").write_bytes(b"PAR1 torn")
    ingest_dask([str(corpus)], scheduler=cluster.scheduler_address, out=str(out),
                partition_size=1)
    assert [f for f in parquet_files(out) if not Path(f).name.startswith(".")] == files
    import pandas as pd

    assert len(pd.read_parquet(out / "records")) == len(expected)
    assert by_id(read_records(str(out))) == expected


def _executing(dask_worker) -> tuple[int, int]:
    return os.getpid(), len(dask_worker.state.executing)


def record(id: str, published: str | None, events: int) -> dict:
    return {"schema": 1, "id": id, "published": published, "title": None, "url": None,
            "text": "Iran met Azerbaijan.", "places": [], "quotes": [],
            "actors": [{"id": "A1", "name": "Iran", "kind": "country", "country": "IRN",
                        "sector": None, "role": None, "code": "IRN", "mentions": []}],
            "events": [{"id": f"E{n}", "type": "CONSULT", "actor": ["A1"], "recipient": [],
                        "trigger": {"start": 5, "end": 8, "text": "met"},
                        "sentence": {"start": 0, "end": 20}} for n in range(1, events + 1)]}


def test_writing_a_partition_again_replaces_it(tmp_path):
    records = [record("a", "2016-09-12", 2), record("b", "2016-10-01", 1), record("c", None, 0),
               {"schema": 1, "id": "d", "error": {"stage": "read", "message": "empty text"}}]
    items = [{"id": r["id"], "published": r.get("published")} for r in records]
    first = write_partition("000007-abc", 14, items, records, str(tmp_path))
    again = write_partition("000007-abc", 14, items, records, str(tmp_path))
    assert first == again
    assert parquet_files(tmp_path) == sorted(str(Path(f).relative_to(tmp_path)) for f in first)
    assert by_id(read_records(str(tmp_path))) == records
    assert {Path(f).parent.name for f in first} == {"month=2016-09", "month=2016-10",
                                                    "month=unknown"}

    import pandas as pd

    events = pd.read_parquet(tmp_path / "events")
    assert sorted(events["event_id"]) == ["E1", "E1", "E2"]
    assert list(events.loc[events["article_id"] == "b", "actor_code"].iloc[0]) == ["IRN"]
    rows = pd.read_parquet(tmp_path / "records").sort_values("seq")
    assert list(rows["seq"]) == [14, 15, 16, 17]
    assert list(rows["error_stage"].fillna("")) == ["", "", "", "read"]


@pytest.mark.parametrize("published, month", [
    ("2016-09-12", "2016-09"), ("2016-09", "2016-09"), (None, "unknown"), ("", "unknown"),
    ("Sept 2016", "unknown"),
])
def test_month_of(published, month):
    assert month_of(published) == month


@pytest.mark.parametrize("scheduler", ["10.0.0.5:8786", "cluster"])
def test_a_scheduler_without_a_protocol_is_a_usage_error(scheduler, tmp_path):
    with pytest.raises(ValueError, match="tcp://HOST:8786"):
        ingest_dask([str(tmp_path)], scheduler=scheduler, out=str(tmp_path / "out"))
