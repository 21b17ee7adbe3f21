"""Multi-process coding on one machine: the model loaded once per worker process.

``code_parallel`` cuts the article stream into chunks, codes each chunk in a
pool of worker processes with the same per-batch function the CLI and Dask
call (``pipeline.code_batch``), and yields the record dicts in input order.
At most ``max_in_flight`` chunks are pending at any time, so memory stays flat
over a stream of any length: nothing is accumulated.
"""

from __future__ import annotations

import functools
import inspect
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .record import Article, error_record, is_error

BatchFn = Callable[[Iterable[dict[str, Any]]], Iterable[dict[str, Any]]]

PR_SET_PDEATHSIG = 1  # prctl option, linux/prctl.h

# Set in each worker process by _init_worker.
_worker_batch_fn: BatchFn | None = None
_worker_init_error: BaseException | None = None


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def code_parallel(articles: Iterable[Article | dict[str, Any]], workers: int | None = None,
                  batch_size: int = 16, chunk: int = 16, max_in_flight: int | None = None,
                  lexicon: str | None = None, actors: str | None = None,
                  max_chars: int | None = None, event_model: bool | str = False,
                  explain: bool = False) -> Iterator[dict[str, Any]]:
    """Code articles on ``workers`` processes; yield record or error dicts in input order.

    Args:
        articles: ``Article`` objects, article dicts, or error dicts (as
            ``io.read_inputs`` yields them); error dicts pass through in place.
        workers: worker processes; ``None`` or ``0`` means all cores, ``1``
            codes in this process without a pool.
        batch_size: articles per ``nlp.pipe`` batch inside a worker (used with
            ``lexicon``/``actors``; ``code_batch`` keeps the Coder's default).
        chunk: articles sent to a worker at a time; small chunks keep the
            workers evenly busy to the end.
        max_in_flight: chunks submitted but not yet yielded; default
            ``4 * workers``. Bounds memory.
        lexicon, actors: the user files of ``Coder``; each worker loads them once.
        max_chars: the longest article coded (``Coder``'s; default ``io.MAX_CHARS``).
        event_model, explain: as for ``Coder``.

    A worker that dies (killed, out of memory) costs nothing: its chunks are
    coded again in a fresh pool, one at a time; an article that kills a worker
    on its own becomes an error record with stage ``parse``.
    """
    if workers is not None and workers < 0:
        raise ValueError(f"workers={workers}: use 0 for all cores, or a positive number")
    workers = workers or default_workers()
    factory = functools.partial(batch_function, lexicon, actors, max_chars, event_model, explain)
    items = (_as_item(a) for a in articles)
    if workers == 1:
        batch_fn = factory()
        for part in _chunks(items, chunk):
            yield from code_part(part, batch_fn, batch_size)
        return
    yield from _Pool(workers, batch_size, max_in_flight or 4 * workers, factory).run(
        _chunks(items, chunk))


def batch_function(lexicon: str | None = None, actors: str | None = None,
                   max_chars: int | None = None, event_model: bool | str = False,
                   explain: bool = False) -> BatchFn:
    """The per-batch function every engine calls, its process-wide Coder loaded now.

    The defaults give :func:`communique.pipeline.code_batch`; a user lexicon or actors
    file, or other options, give the ``code_dicts`` of a Coder cached per process.
    """
    from .pipeline import code_batch, default_coder

    if lexicon is None and actors is None and max_chars is None and not event_model \
            and not explain:
        default_coder()  # load the model now, not in the middle of the first chunk
        return code_batch
    return _user_coder(lexicon, actors, max_chars, event_model, explain).code_dicts


@functools.cache
def _user_coder(lexicon: str | None, actors: str | None, max_chars: int | None = None,
                event_model: bool | str = False, explain: bool = False):
    from .io import MAX_CHARS
    from .pipeline import Coder

    return Coder(lexicon=lexicon, actors=actors, max_chars=max_chars or MAX_CHARS,
                 event_model=event_model, explain=explain)


def _as_item(a: Article | dict[str, Any]) -> dict[str, Any]:
    return a.to_dict() if isinstance(a, Article) else a


def _chunks(items: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    part: list[dict[str, Any]] = []
    for item in items:
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def code_part(part: list[dict[str, Any]], batch_fn: BatchFn, batch_size: int) -> list[dict[str, Any]]:
    """The records of one partition, in input order: its read-error records stay where
    they are and its articles are coded by ``batch_fn`` (one record per article)."""
    return list(_merge(part, _code(batch_fn, _articles_of(part), batch_size)))


def _articles_of(part: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for item in part if not is_error(item)]


def _merge(part: list[dict[str, Any]], coded: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Put the coded records back between the read errors, in input order."""
    coded_iter = iter(coded)
    for item in part:
        yield item if is_error(item) else next(coded_iter)


def _code(batch_fn: BatchFn, articles: list[dict[str, Any]], batch_size: int) -> list[dict[str, Any]]:
    if not articles:
        return []
    if _takes_batch_size(batch_fn):
        coded = list(batch_fn(articles, batch_size=batch_size))  # type: ignore[call-arg]
    else:
        coded = list(batch_fn(articles))
    if len(coded) != len(articles):
        # The per-batch contract is one output per input; merging would misalign.
        raise RuntimeError(f"per-batch function returned {len(coded)} records for "
                           f"{len(articles)} articles; it must yield one per article")
    return coded


@functools.cache
def _takes_batch_size(batch_fn: BatchFn) -> bool:
    return "batch_size" in inspect.signature(batch_fn).parameters


def _die_with_parent(parent: int) -> None:
    """End this worker when the process that started it ends, however it ends.

    A killed parent (SIGKILL, OOM killer) runs no cleanup, and its workers, each
    holding a model, would live on under PID 1. Linux: the kernel sends SIGTERM
    on the parent's death (PR_SET_PDEATHSIG). Elsewhere: a thread watches the
    parent's pid.
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before prctl took effect
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="communique-parent-watch", daemon=True).start()


def _init_worker(batch_fn_factory: Callable[[], BatchFn], parent: int | None = None) -> None:
    """Load the model once, when the worker process starts."""
    global _worker_batch_fn, _worker_init_error
    if parent is not None:
        _die_with_parent(parent)
    try:
        _worker_batch_fn = batch_fn_factory()
    except Exception as exc:  # noqa: BLE001 - re-raised in the parent by _worker_code
        _worker_init_error = exc


def _worker_code(articles: list[dict[str, Any]], batch_size: int) -> list[dict[str, Any]]:
    if _worker_init_error is not None:
        raise _worker_init_error  # e.g. ModelMissing: fatal, not per article
    assert _worker_batch_fn is not None
    return _code(_worker_batch_fn, articles, batch_size)


class _Pool:
    """A process pool that keeps order, bounds memory and survives dead workers."""

    def __init__(self, workers: int, batch_size: int, max_in_flight: int,
                 batch_fn_factory: Callable[[], BatchFn]) -> None:
        self.workers = workers
        self.batch_size = batch_size
        self.max_in_flight = max(1, max_in_flight)
        self.batch_fn_factory = batch_fn_factory
        self.executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        # spawn: a fresh interpreter per worker; forking a process that already
        # holds spaCy (threads, memory-mapped vectors) is not safe everywhere.
        self.executor = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker, initargs=(self.batch_fn_factory, os.getpid()))
        return self.executor

    def _stop(self, wait: bool = True) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=wait, cancel_futures=True)
            self.executor = None

    def _restart(self) -> None:
        """A fresh pool after a worker died; fail loudly if its workers cannot even start."""
        self._stop()
        self._start()
        assert self.executor is not None
        try:
            self.executor.submit(os.getpid).result()
        except BrokenProcessPool:
            self._stop()
            raise RuntimeError(
                "worker processes die as they start: run with --workers 1 to see why "
                "(a script calling code_parallel needs `if __name__ == \"__main__\":`)") from None

    def _submit(self, part: list[dict[str, Any]]) -> Future:
        assert self.executor is not None
        return self.executor.submit(_worker_code, _articles_of(part), self.batch_size)

    def run(self, parts: Iterator[list[dict[str, Any]]]) -> Iterator[dict[str, Any]]:
        self._start()
        pending: deque[tuple[list[dict[str, Any]], Future]] = deque()
        finished = False
        try:
            for part in parts:
                pending.append((part, self._submit(part)))
                while len(pending) >= self.max_in_flight:
                    yield from self._next(pending)
            while pending:
                yield from self._next(pending)
            finished = True
        finally:
            # A consumer that stops early (or an error) need not wait for the chunks
            # still in the workers: they are dropped.
            self._stop(wait=finished)

    def _next(self, pending: deque[tuple[list[dict[str, Any]], Future]]) -> Iterator[dict[str, Any]]:
        part, future = pending[0]
        try:
            coded = future.result()
        except BrokenProcessPool:
            # Every pending future of a broken pool fails, not just the culprit's:
            # code them all again, one chunk at a time, in a fresh pool.
            parts = [p for p, _ in pending]
            pending.clear()
            self._restart()
            for p in parts:
                yield from _merge(p, self._recover(_articles_of(p)))
            return
        pending.popleft()
        yield from _merge(part, coded)

    def _recover(self, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Code a chunk alone; if it kills a worker again, code its articles one by one."""
        try:
            return self._submit(articles).result()
        except BrokenProcessPool:
            self._restart()
        coded = []
        for article in articles:
            try:
                coded.extend(self._submit([article]).result())
            except BrokenProcessPool:
                self._restart()
                coded.append(error_record(
                    article.get("id"), "parse",
                    "the worker process died while coding this article (killed, or out of "
                    "memory); code it alone with --workers 1 to see the error, or give "
                    "workers more memory"))
        return coded
