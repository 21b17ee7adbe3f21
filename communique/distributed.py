"""Dask runner: code a corpus on a cluster, write Parquet by publication month.

The client streams the input (``io.read_inputs``) and cuts it into partitions
of ``partition_size`` articles, in input order, so the same input always gives
the same partitions. Each partition is one task: a worker codes it with the
per-batch function the CLI uses (``pipeline.code_batch``; the model is loaded
once per worker process, at start-up, by a worker plugin) and writes its
records as Parquet files named after the partition.

Output layout under ``out`` (Hive-style partitions, so
``pandas.read_parquet(out + "/events")`` gives a ``month`` column)::

    records/month=2016-09/part-000003-1a2b3c4d5e.parquet   one row per article
    events/month=2016-09/part-000003-1a2b3c4d5e.parquet    one row per event

``month`` is the article's publication month (``unknown`` when it has none,
and for articles that could not be read). ``records`` holds the complete
schema-v1 record as JSON in its ``record`` column (error records too), so
nothing is lost; ``events`` is a flat table for analysis, one row per event
with the actor and recipient codes resolved. Column lists: ``RECORDS_SCHEMA``
and ``EVENTS_SCHEMA``.

A partition's file names depend only on its position in the input and the ids
of its articles. A task that is retried, or run twice because its worker was
lost, overwrites the same files (each written to a hidden temporary name, then
renamed), so a killed worker loses nothing and doubles nothing.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import itertools
import json
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .record import Article, error_record, is_error

DEFAULT_PARTITION_SIZE = 256

_MONTH = re.compile(r"^\d{4}-\d{2}")
# One Coder per worker process: threads of one worker take turns with it.
_coder_lock = threading.Lock()


def _schemas():
    import pyarrow as pa

    records = pa.schema([
        ("id", pa.string()),
        ("seq", pa.int64()),  # position in the input stream: sort by it to restore input order
        ("partition", pa.string()),
        ("published", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("error_stage", pa.string()),
        ("error_message", pa.string()),
        ("n_actors", pa.int32()),
        ("n_events", pa.int32()),
        ("n_quotes", pa.int32()),
        ("n_places", pa.int32()),
        ("record", pa.string()),  # the schema-v1 record (or error record) as JSON
    ])
    events = pa.schema([
        ("article_id", pa.string()),
        ("event_id", pa.string()),
        ("published", pa.string()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("contexts", pa.list_(pa.string())),
        ("cameo", pa.string()),
        ("quad_class", pa.int8()),
        ("goldstein", pa.float64()),
        ("plover_score", pa.float64()),
        ("actor", pa.list_(pa.string())),
        ("actor_code", pa.list_(pa.string())),
        ("actor_name", pa.list_(pa.string())),
        ("recipient", pa.list_(pa.string())),
        ("recipient_code", pa.list_(pa.string())),
        ("recipient_name", pa.list_(pa.string())),
        ("date", pa.string()),
        ("date_text", pa.string()),
        ("date_precision", pa.string()),
        ("location_name", pa.string()),
        ("location_country", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("fatalities", pa.int64()),
        ("injured", pa.int64()),
        ("modality", pa.string()),
        ("negated", pa.bool_()),
        ("confidence", pa.float64()),
        ("trigger_start", pa.int64()),
        ("trigger_end", pa.int64()),
        ("trigger_text", pa.string()),
        ("sentence_start", pa.int64()),
        ("sentence_end", pa.int64()),
    ])
    return records, events


def __getattr__(name: str):
    # pyarrow loads only when the schemas are asked for.
    if name in ("RECORDS_SCHEMA", "EVENTS_SCHEMA"):
        records, events = _schemas()
        return records if name == "RECORDS_SCHEMA" else events
    raise AttributeError(name)


def ingest_dask(paths: Iterable[str], scheduler: str = "local", out: str = "communique-parquet",
                db: str | None = None, partition_size: int = DEFAULT_PARTITION_SIZE,
                n_workers: int = 2, published: str | None = None, batch_size: int = 16,
                max_in_flight: int | None = None, lexicon: str | None = None,
                actors: str | None = None) -> dict[str, Any]:
    """Code every article under ``paths`` on a Dask cluster; write Parquet to ``out``.

    Args:
        paths: files and folders, as ``communique ingest`` takes them.
        scheduler: ``"local"`` starts a LocalCluster of ``n_workers`` processes
            (one thread each); otherwise the address of a running scheduler,
            e.g. ``"tcp://10.0.0.5:8786"``. Its workers need communique and the
            model installed, and must be able to write to ``out``.
        out: output folder (a path every worker and this process can write).
        db: a SQLite store to load the records into afterwards, from this
            process (one writer); ``None`` writes Parquet only.
        partition_size: articles per task.
        published: publication date for inputs that carry none.
        max_in_flight: partitions submitted and not yet finished; default
            twice the cluster's threads. Bounds the memory of this process.
        lexicon, actors: the user files of ``Coder``, at paths the workers can read.

    Returns:
        A summary: counts of articles, records, errors and events, the
        partitions, the files written, the seconds taken, and ``stored``
        (``Store.add``'s counts when ``db`` is given).
    """
    from .io import read_inputs

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not its characters
    start = time.perf_counter()
    out = os.path.abspath(out)
    os.makedirs(out, exist_ok=True)
    summary: dict[str, Any] = {"out": out, "articles": 0, "records": 0, "errors": 0,
                               "events": 0, "partitions": 0, "failed_partitions": [],
                               "files": [], "stored": None}
    items = (a.to_dict() if isinstance(a, Article) else a
             for a in read_inputs([os.fspath(p) for p in paths], published=published))
    coding = {"batch_size": batch_size, "lexicon": lexicon, "actors": actors}
    with _connect(scheduler, n_workers, lexicon, actors) as client:

        def limit() -> int:
            # Asked again as partitions finish: a cluster that scales up gets more work.
            return max_in_flight or max(2, 2 * sum(client.nthreads().values()))

        for result in _run(client, _partitions(items, partition_size), out, coding, limit):
            summary["partitions"] += 1
            for k in ("articles", "records", "errors", "events"):
                summary[k] += result[k]
            summary["files"].extend(result["files"])
            if result.get("failed"):
                summary["failed_partitions"].append(result["partition"])
        summary["workers"] = len(client.scheduler_info()["workers"])
    summary["files"].sort()
    if db is not None:
        summary["stored"] = _load_store(db, out, summary["files"])
    summary["seconds"] = round(time.perf_counter() - start, 3)
    return summary


def read_records(out: str, files: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
    """The record dicts (and error dicts) under ``out``, partition by partition.

    Within a partition they come in input order; sort by ``seq`` in the
    ``records`` table for the input order of the whole run.
    """
    import pyarrow.parquet as pq

    if files is None:
        files = sorted(glob.glob(os.path.join(out, "records", "month=*", "part-*.parquet")))
    for path in files:
        if os.sep + "records" + os.sep not in path:
            continue
        for value in pq.read_table(path, columns=["record"]).column("record").to_pylist():
            yield json.loads(value)


@contextlib.contextmanager
def _connect(scheduler: str, n_workers: int, lexicon: str | None, actors: str | None):
    from distributed import Client, LocalCluster

    if scheduler == "local":
        # One thread per worker process: spaCy is CPU-bound and holds the GIL.
        with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            client.register_plugin(_CoderPlugin(lexicon, actors), name="communique-coder")
            yield client
        return
    if not re.match(r"^[a-z]+://", scheduler):
        raise ValueError(f"scheduler {scheduler!r}: use `local` or an address like "
                         f"tcp://HOST:8786")
    with Client(scheduler) as client:
        client.register_plugin(_CoderPlugin(lexicon, actors), name="communique-coder")
        yield client


try:
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # dask is an optional extra: `pip install communique[dask]`
    _WorkerPlugin = object


class _CoderPlugin(_WorkerPlugin):  # type: ignore[misc,valid-type]
    """Loads the model when a worker starts (and restarts), once per worker process."""

    def __init__(self, lexicon: str | None = None, actors: str | None = None) -> None:
        self.lexicon, self.actors = lexicon, actors

    def setup(self, worker) -> None:
        from .parallel import batch_function

        batch_function(self.lexicon, self.actors)


def _partitions(items: Iterable[dict[str, Any]], size: int
                ) -> Iterator[tuple[str, int, list[dict[str, Any]]]]:
    """(partition id, seq of its first item, items): consecutive slices of the input."""
    size = max(1, size)
    for index in itertools.count():
        part = list(itertools.islice(items, size))
        if not part:
            return
        ids = "\n".join(str(item.get("id")) for item in part)
        digest = hashlib.sha1(ids.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        yield f"{index:06d}-{digest}", index * size, part


def _run(client, partitions: Iterator[tuple[str, int, list[dict[str, Any]]]], out: str,
         coding: dict[str, Any], limit: Callable[[], int]) -> Iterator[dict[str, Any]]:
    """Submit partitions with at most ``limit()`` in flight; yield each task's summary."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    in_flight: dict[Any, tuple[str, int, list[dict[str, Any]]]] = {}
    done = as_completed()

    def submit(part: tuple[str, int, list[dict[str, Any]]]) -> None:
        pid, seq, items = part
        future = client.submit(code_partition, pid, seq, items, out, **coding,
                               key=f"communique-part-{pid}", retries=1, pure=False)
        in_flight[future] = part
        done.add(future)

    def top_up() -> None:
        room = limit() - len(in_flight)
        for part in itertools.islice(partitions, max(0, room)):
            submit(part)

    top_up()
    for future in done:
        pid, seq, items = in_flight.pop(future)
        try:
            result = future.result()
        except KilledWorker as exc:
            # The partition killed `allowed-failures` workers in a row: record it
            # as errors rather than lose it or stop the run.
            message = (f"partition {pid} killed {exc.args[0] if exc.args else 'its'} "
                       f"workers (out of memory?); code these articles with "
                       f"`communique ingest --workers 1` to see the error")
            coded = [item if is_error(item) else error_record(item.get("id"), "parse", message)
                     for item in items]
            result = _summary(pid, items, coded, write_partition(pid, seq, items, coded, out))
            result["failed"] = True
        future.release()
        yield result
        top_up()


def code_partition(pid: str, seq: int, items: list[dict[str, Any]], out: str,
                   batch_size: int = 16, lexicon: str | None = None,
                   actors: str | None = None) -> dict[str, Any]:
    """Code one partition and write its Parquet files (the task each worker runs)."""
    from .parallel import batch_function, code_part

    with _coder_lock:
        records = code_part(items, batch_function(lexicon, actors), batch_size)
    return _summary(pid, items, records, write_partition(pid, seq, items, records, out))


def _summary(pid: str, items: list[dict[str, Any]], records: list[dict[str, Any]],
             files: list[str]) -> dict[str, Any]:
    errors = sum(1 for r in records if is_error(r))
    return {"partition": pid, "articles": len(items), "records": len(records) - errors,
            "errors": errors, "events": sum(len(r.get("events", ())) for r in records),
            "files": files}


def month_of(published: str | None) -> str:
    """``2016-09-12`` -> ``2016-09``; ``unknown`` for no date."""
    if published and _MONTH.match(published):
        return published[:7]
    return "unknown"


def write_partition(pid: str, seq: int, items: list[dict[str, Any]],
                    records: list[dict[str, Any]], out: str) -> list[str]:
    """Write one partition's records and events, one file per month; return the paths.

    Writing the same partition again replaces its files: never a second copy.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    records_schema, events_schema = _schemas()
    by_month: dict[str, tuple[list[dict], list[dict]]] = {}
    for i, (item, rec) in enumerate(zip(items, records)):
        month = month_of(rec.get("published") or item.get("published"))
        rows, events = by_month.setdefault(month, ([], []))
        rows.append(_record_row(rec, pid, seq + i, item))
        events.extend(_event_rows(rec))
    written = []
    for month, (rows, events) in sorted(by_month.items()):
        written.append(_write(pa.Table.from_pylist(rows, schema=records_schema),
                               out, "records", month, pid, pq))
        if events:
            written.append(_write(pa.Table.from_pylist(events, schema=events_schema),
                                  out, "events", month, pid, pq))
    return written


def _write(table, out: str, kind: str, month: str, pid: str, pq) -> str:
    folder = os.path.join(out, kind, f"month={month}")
    os.makedirs(folder, exist_ok=True)
    final = os.path.join(folder, f"part-{pid}.parquet")
    # Hidden temporary name: Parquet readers skip dot-files, and two attempts of
    # the same task never write into one file.
    tmp = os.path.join(folder, f".part-{pid}.{uuid.uuid4().hex}.tmp")
    for stale in glob.glob(os.path.join(folder, f".part-{pid}.*.tmp")):
        with contextlib.suppress(FileNotFoundError):
            if time.time() - os.path.getmtime(stale) > 3600:  # left by a killed attempt
                os.remove(stale)
    pq.write_table(table, tmp)
    os.replace(tmp, final)
    return final


def _record_row(rec: dict[str, Any], pid: str, seq: int, item: dict[str, Any]) -> dict[str, Any]:
    error = rec.get("error") or {}
    return {
        "id": None if rec.get("id") is None else str(rec.get("id")),
        "seq": seq, "partition": pid,
        "published": rec.get("published", item.get("published")),
        "title": rec.get("title", item.get("title")), "url": rec.get("url", item.get("url")),
        "error_stage": error.get("stage"), "error_message": error.get("message"),
        "n_actors": len(rec.get("actors", ())), "n_events": len(rec.get("events", ())),
        "n_quotes": len(rec.get("quotes", ())), "n_places": len(rec.get("places", ())),
        "record": json.dumps(rec, ensure_ascii=False),
    }


def _event_rows(rec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    actors = {a["id"]: a for a in rec.get("actors", ())}

    def codes(ids: list[str]) -> list[str | None]:
        return [actors.get(i, {}).get("code") for i in ids]

    def names(ids: list[str]) -> list[str | None]:
        return [actors.get(i, {}).get("name") for i in ids]

    for ev in rec.get("events", ()):
        loc = ev.get("location") or {}
        trigger = ev.get("trigger") or {}
        sentence = ev.get("sentence") or {}
        actor, recipient = list(ev.get("actor", ())), list(ev.get("recipient", ()))
        yield {
            "article_id": rec.get("id"), "event_id": ev.get("id"),
            "published": rec.get("published"), "type": ev.get("type"),
            "mode": ev.get("mode"), "contexts": list(ev.get("contexts", ())),
            "cameo": ev.get("cameo"), "quad_class": ev.get("quad_class"),
            "goldstein": ev.get("goldstein"), "plover_score": ev.get("plover_score"),
            "actor": actor, "actor_code": codes(actor), "actor_name": names(actor),
            "recipient": recipient, "recipient_code": codes(recipient),
            "recipient_name": names(recipient),
            "date": ev.get("date"), "date_text": ev.get("date_text"),
            "date_precision": ev.get("date_precision"),
            "location_name": loc.get("name"), "location_country": loc.get("country"),
            "lat": loc.get("lat"), "lon": loc.get("lon"),
            "fatalities": ev.get("fatalities"), "injured": ev.get("injured"),
            "modality": ev.get("modality"), "negated": ev.get("negated"),
            "confidence": ev.get("confidence"),
            "trigger_start": trigger.get("start"), "trigger_end": trigger.get("end"),
            "trigger_text": trigger.get("text"),
            "sentence_start": sentence.get("start"), "sentence_end": sentence.get("end"),
        }


def _load_store(db: str, out: str, files: list[str]) -> dict[str, int]:
    """Load this run's records into the SQLite store, from this process only (one writer)."""
    from .store import Store

    with Store(db) as store:
        return store.add(read_records(out, files)).to_dict()
