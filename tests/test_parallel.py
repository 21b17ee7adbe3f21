"""code_parallel: the records of N worker processes are those of one process."""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest

from communique.parallel import code_parallel
from communique.record import Article, error_record

from .conftest import SHARED

POLNEAR = SHARED / "dev" / "polnear" / "dev" / "text"


def excerpt(text: str, chars: int = 900) -> str:
    """The first paragraphs of an article, cut at a sentence end: quick to parse."""
    head = text[:chars]
    return head[: head.rfind(".") + 1] or head


@pytest.fixture(scope="module")
def corpus() -> list:
    if not POLNEAR.exists():
        pytest.skip(f"{POLNEAR} is not here (../shared is laid beside the checkout)")
    files = sorted(POLNEAR.glob("*.txt"))[:9]
    items: list = [Article(text=excerpt(f.read_text("utf-8")), id=f.stem, published="2016-09-12")
                   for f in files]
    # Read errors travel with the stream and come out in their place.
    items.insert(3, error_record("broken.jsonl:4", "read", "line 4 of broken.jsonl: invalid JSON"))
    return items


@pytest.fixture(scope="module")
def expected(coder, corpus) -> list[dict]:
    return list(coder.code_dicts(corpus))


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_give_the_records_of_one_process(corpus, expected, workers):
    got = list(code_parallel(iter(corpus), workers=workers, chunk=2))
    assert [r["id"] for r in got] == [a.id if isinstance(a, Article) else a["id"] for a in corpus]
    assert got == expected
    assert sum("error" not in r for r in got) == len(corpus) - 1


@pytest.mark.slow
def test_a_killed_worker_loses_nothing(corpus, expected):
    records = code_parallel(iter(corpus), workers=2, chunk=1, max_in_flight=4)
    got = [next(records)]
    workers = [p for p in multiprocessing.active_children() if p.name.startswith("SpawnProcess")]
    assert workers, "the pool's worker processes are children of this process"
    os.kill(workers[0].pid, signal.SIGKILL)  # mid-run: chunks are in flight
    got.extend(records)
    assert got == expected


@pytest.mark.parametrize("workers", [-1, -4])
def test_negative_workers_is_a_usage_error(workers):
    with pytest.raises(ValueError, match="0 for all cores"):
        list(code_parallel([], workers=workers))


def test_code_part_keeps_read_errors_in_place_and_checks_the_contract():
    from communique.parallel import code_part

    err = error_record("x.jsonl:2", "read", "line 2 of x.jsonl: invalid JSON")
    part = [{"id": "a", "text": "A."}, err, {"id": "b", "text": "B."}]

    def upper(articles, batch_size=16):
        return [{"id": a["id"], "coded": a["text"].upper()} for a in articles]

    assert code_part(part, upper, 2) == [{"id": "a", "coded": "A."}, err, {"id": "b", "coded": "B."}]
    assert code_part([err], upper, 2) == [err]
    with pytest.raises(RuntimeError, match="must yield one per article"):
        code_part(part, lambda articles: articles[:1], 2)


def test_workers_code_with_the_coders_actors(tmp_path):
    """A worker process builds its Coder with the same actors file: its records name them."""
    path = tmp_path / "actors.yaml"
    path.write_text("- name: Marlo Quince\n  country: KEN\n  sector: GOV\n", encoding="utf-8")
    items = [Article(text=f"Marlo Quince met the envoy on day {n}.", id=f"a{n}", published="2024-03-04")
             for n in (1, 2)]
    got = list(code_parallel(iter(items), workers=2, chunk=1, actors=str(path)))
    assert [r["id"] for r in got] == ["a1", "a2"]
    for r in got:
        quince = [a for a in r["actors"] if a["name"] == "Marlo Quince"]
        assert quince and (quince[0]["country"], quince[0]["sector"]) == ("KEN", "GOV"), r["actors"]
