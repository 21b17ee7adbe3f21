"""Hostile clients (issue 17): huge integers, odd dates, slow and idle connections,
forged X-Forwarded-For. Real servers listen on 127.0.0.1 only; every wait is bounded."""

from __future__ import annotations

import http.client
import json
import logging
import socket
import threading
import time

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
from fastapi.testclient import TestClient  # noqa: E402

from communique.server import create_app  # noqa: E402
from communique.server.cli import server_options  # noqa: E402
from communique.server.limits import LogBurstFilter, client_address  # noqa: E402
from communique.store import Store  # noqa: E402

from .records import FakeCoder, all_records, arm_aze_records, build, stored  # noqa: E402

HUGE = str(2 ** 64)


@pytest.fixture()
def records():
    return all_records(None)


@pytest.fixture()
def db(tmp_path, records):
    return stored(tmp_path, records)


@pytest.fixture()
def client(db, records):
    app = create_app(db, coder_factory=lambda: FakeCoder(records))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


# -- 5. integers past 2**63 -------------------------------------------------------

@pytest.mark.parametrize("path, status", [
    (f"/api/events?offset={HUGE}", 422),
    (f"/api/events?cluster_id={HUGE}", 422),
    (f"/api/events/{HUGE}", 404),
    ("/api/events/\u00b2", 404),  # a digit to str.isdigit, not to int()
    (f"/api/actors?offset={HUGE}", 422),
    (f"/api/network?min_events={HUGE}", 422),
    (f"/api/events?offset={2 ** 63 - 1}", 200),  # the largest that fits is fine
])
def test_huge_integers_are_a_4xx_not_a_500(client, path, status):
    r = client.get(path)
    assert r.status_code == status, r.text
    if status != 200:
        assert r.json()["error"]["code"] in ("bad_request", "not_found")


class Server:
    """A real uvicorn server on a free 127.0.0.1 port, in a thread of this process."""

    def __init__(self, app, **config) -> None:
        import uvicorn

        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.server = uvicorn.Server(uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="critical", **config))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return self
            time.sleep(0.05)
        raise RuntimeError("uvicorn did not start in 10 s")

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def connect(self) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=10)


def test_a_huge_integer_leaves_the_keep_alive_connection_open(db, records):
    app = create_app(db, coder_factory=lambda: FakeCoder(records))
    with Server(app) as server:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        conn.request("GET", f"/api/events/{HUGE}")
        r = conn.getresponse()
        assert r.status == 404 and json.loads(r.read())["error"]["code"] == "not_found"
        sock = conn.sock
        conn.request("GET", f"/api/events?offset={HUGE}")
        r = conn.getresponse()
        assert r.status == 422
        r.read()
        conn.request("GET", "/api/health")
        r = conn.getresponse()
        assert r.status == 200 and json.loads(r.read())["ok"] is True
        assert conn.sock is sock  # the same connection answered all three
        conn.close()


# -- 6. dates in year 9999 and 1001 -------------------------------------------------

def test_an_article_dated_9999_is_refused(client):
    r = client.post("/api/articles", json={"articles": [
        {"text": "Armenia accused Azerbaijan.", "published": "9999-12-31"}]})
    assert r.status_code == 201 and r.json()["added"] == []
    (err,) = r.json()["errors"]
    assert err["stage"] == "read" and "outside" in err["message"]
    r = client.post("/api/code", json={"text": "Armenia accused Azerbaijan.",
                                       "published": "9999-12-31"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "bad_article"


@pytest.fixture()
def odd_dates_db(tmp_path):
    """A store that already holds events dated 9999 and 1001 (an older communique, or
    records from elsewhere), beside ordinary ones."""
    recs = arm_aze_records()
    for n, date in ((1, "9999-12-31"), (2, "1001-01-05")):
        text = f"Armenia accused Azerbaijan of an attack ({date})."
        recs.append(build(text, id=f"odd-{n}", published=None,
                          actors=[("Armenia", "country", "ARM", None, None, ["Armenia"]),
                                  ("Azerbaijan", "country", "AZE", None, None, ["Azerbaijan"])],
                          events=[dict(type="ACCUSE", trigger="accused", cameo="112",
                                       actor=["Armenia"], recipient=["Azerbaijan"],
                                       date=date)]))
    path = tmp_path / "odd.db"
    with Store(path) as s:
        assert s.add(recs).articles_added == len(recs)
    return path


@pytest.mark.parametrize("period", ["day", "week", "month", "year"])
def test_a_dyad_series_survives_any_stored_date(odd_dates_db, period):
    app = create_app(odd_dates_db, coder_factory=lambda: FakeCoder([]))
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get(f"/api/dyads/ARM/AZE/series?period={period}")
    assert r.status_code == 200, r.text
    periods = [row["period"] for row in r.json()["series"]]
    assert periods and periods[0].startswith("2022") and periods[-1].startswith("2022")
    assert sum(row["events"] for row in r.json()["series"]) >= 5


def test_plot_dyad_survives_any_stored_date(odd_dates_db, tmp_path):
    pytest.importorskip("matplotlib")
    from communique.cli import main

    out = tmp_path / "dyad.png"
    assert main(["plot", "dyad", "ARM", "AZE", "--db", str(odd_dates_db), "--freq", "day",
                 "-o", str(out)]) == 0
    assert out.stat().st_size > 0


# -- 7. slow and idle clients ------------------------------------------------------

@pytest.fixture()
def guarded(db, records):
    app = create_app(db, coder_factory=lambda: FakeCoder(records))
    with Server(app, **server_options(max_connections=4, request_timeout=1.0)) as server:
        yield server


def _closed_by_server(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes (bounded by the socket's timeout)."""
    got = b""
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            return got
        got += chunk


def test_idle_connections_over_the_cap_make_room_for_a_new_client(guarded):
    """Fill the cap with idle connections, then more: the server keeps at most the cap
    open (dropping the longest idle) and a new client is answered at once."""
    idle = [guarded.connect() for _ in range(12)]
    conn = http.client.HTTPConnection("127.0.0.1", guarded.port, timeout=10)
    conn.request("GET", "/api/health")
    assert conn.getresponse().status == 200
    assert len(guarded.server.server_state.connections) <= 4
    for s in idle:
        s.close()
    conn.close()


def test_a_connection_that_says_nothing_is_closed(guarded):
    sock = guarded.connect()
    assert _closed_by_server(sock) == b""  # returns once the server closes it
    sock.close()


@pytest.mark.parametrize("partial", [
    b"GET /api/health HTTP/1.1\r\nHost: x\r\n",  # headers never finished
    b"POST /api/code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    b"Content-Length: 1000\r\n\r\n{\"text\": ",  # body never finished
])
def test_a_request_that_never_arrives_whole_gets_408_and_is_closed(guarded, partial):
    sock = guarded.connect()
    sock.sendall(partial)
    reply = _closed_by_server(sock)
    sock.close()
    assert reply.startswith(b"HTTP/1.1 408"), reply[:80]
    assert b'"request_timeout"' in reply


def test_a_slow_trickle_does_not_extend_the_deadline(guarded):
    """One byte at a time, each inside the timeout, still has to finish in time."""
    sock = guarded.connect()
    request = b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * 100
    closed = False
    for byte in request:
        try:
            sock.sendall(bytes([byte]))
        except (BrokenPipeError, ConnectionResetError):
            closed = True
            break
        time.sleep(0.05)  # 100+ bytes at 20 a second: far past the 1 s deadline
    if not closed:
        reply = _closed_by_server(sock)
        assert reply == b"" or reply.startswith(b"HTTP/1.1 408")
    sock.close()


def test_the_log_keeps_a_flood_to_a_burst(monkeypatch):
    from communique.server import limits

    clock = [1000.0]
    monkeypatch.setattr(limits.time, "monotonic", lambda: clock[0])
    f = LogBurstFilter(burst=3, window=60)

    def record(msg="accept failed: Too many open files"):
        return logging.LogRecord("asyncio", logging.ERROR, __file__, 1, msg, None, None)

    passed = [f.filter(record()) for _ in range(1000)]
    assert passed.count(True) == 3
    assert f.filter(record("another message"))  # other kinds are not held back
    clock[0] += 61
    r = record()
    assert f.filter(r) and "997 more like this" in r.getMessage()


# -- 9. X-Forwarded-For only from trusted proxies --------------------------------------

def scope(peer: str, forwarded: str | None = None) -> dict:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
    return {"type": "http", "client": (peer, 5000), "headers": headers}


@pytest.mark.parametrize("peer, forwarded, client", [
    ("203.0.113.9", "1.2.3.4", "203.0.113.9"),  # not a proxy: the header is a forgery
    ("127.0.0.1", "1.2.3.4", "127.0.0.1"),  # loopback is not trusted by default either
    ("10.0.0.5", "198.51.100.7", "198.51.100.7"),  # the trusted proxy names the client
    ("10.0.0.5", "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # the client forged the first hop
    ("10.0.0.5", "198.51.100.7, 10.0.0.6", "198.51.100.7"),  # two trusted proxies in a row
    ("10.0.0.5", None, "10.0.0.5"),
    ("10.0.0.5", "not-an-ip, 198.51.100.7", "198.51.100.7"),
])
def test_the_client_behind_a_trusted_proxy(peer, forwarded, client):
    from communique.server.limits import parse_proxies

    assert client_address(scope(peer, forwarded), parse_proxies(["10.0.0.0/24"])) == client


def test_a_forged_forwarded_for_does_not_dodge_the_rate_limit(db, records):
    """A real server with `serve`'s options, on loopback: uvicorn's own proxy handling
    would believe X-Forwarded-For from 127.0.0.1 and give each forged address a budget."""
    app = create_app(db, coder_factory=lambda: FakeCoder(records), rate_limit=(2, 60))
    with Server(app, **server_options()) as server:
        codes = []
        for n in range(4):
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            conn.request("POST", "/api/code", body=json.dumps({"text": "Armenia accused Azerbaijan."}),
                         headers={"Content-Type": "application/json",
                                  "X-Forwarded-For": f"10.9.8.{n}"})
            r = conn.getresponse()
            r.read()
            codes.append(r.status)
            conn.close()
    assert codes[:2] == [200, 200] and codes[2:] == [429, 429]


def test_a_trusted_proxy_gives_each_client_its_own_budget(db, records):
    app = create_app(db, coder_factory=lambda: FakeCoder(records), rate_limit=(1, 60),
                     trusted_proxies=["127.0.0.1"])
    with Server(app, **server_options()) as server:
        codes = []
        for client in ("198.51.100.1", "198.51.100.2", "198.51.100.1"):
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            conn.request("POST", "/api/code", body=json.dumps({"text": "Armenia accused Azerbaijan."}),
                         headers={"Content-Type": "application/json", "X-Forwarded-For": client})
            r = conn.getresponse()
            r.read()
            codes.append(r.status)
            conn.close()
    assert codes == [200, 200, 429]


def test_a_bad_trusted_proxy_is_refused():
    with pytest.raises(ValueError, match="not an IP address"):
        create_app(":memory:", trusted_proxies=["proxy.example.org"]).build_middleware_stack()


# -- smaller ones ----------------------------------------------------------------------

def test_a_body_that_is_not_utf8_has_a_documented_code(client):
    r = client.post("/api/code", content=b'{"text": "\xff\xfe"}',
                    headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500
    code = r.json()["error"]["code"]
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "server.md").read_text("utf-8")
    assert f"`{code}`" in doc


def test_docs_state_the_article_limit_the_api_enforces():
    from pathlib import Path

    from communique.io import MAX_CHARS

    doc = (Path(__file__).resolve().parents[2] / "docs" / "server.md").read_text("utf-8")
    assert f"{MAX_CHARS:,} characters" in doc and "1,000,000 characters" not in doc
