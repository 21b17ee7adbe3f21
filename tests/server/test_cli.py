"""`communique serve`: a real process on a free localhost port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("uvicorn")

from communique.cli import build_parser  # noqa: E402


def test_serve_binds_to_localhost_by_default():
    args = build_parser().parse_args(["serve", "--db", "x.db"])
    assert (args.host, args.port, args.db) == ("127.0.0.1", 8000, "x.db")


def test_serve_needs_a_db(capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["serve"])
    assert exc.value.code == 2
    assert "--db" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_runs_the_app_and_stops(tmp_path):
    db, port = tmp_path / "events.db", _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "communique", "serve", "--db", str(db),
                             "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, env=env, text=True)
    try:
        deadline, r = time.monotonic() + 30, None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert r is not None, f"server did not answer: {proc.stdout.read() if proc.poll() is not None else ''}"
        assert r.status_code == 200 and r.json()["total"] == 0
        page = httpx.get(f"http://127.0.0.1:{port}/annotate", timeout=5)
        assert page.status_code == 200 and "Annotate" in page.text
        assert db.exists()
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=15)
    assert f"http://127.0.0.1:{port}" in out
    assert "Traceback" not in out


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("this is not SQLite " * 200)
    proc = subprocess.run([sys.executable, "-m", "communique", "serve", "--db", str(bad),
                           "--port", str(_free_port())], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2
    assert "notes.db" in proc.stderr and "Traceback" not in proc.stderr
