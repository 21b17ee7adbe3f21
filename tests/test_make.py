"""The README's set-up commands: `make run` installs once, then only when pyproject.toml changes.

The Makefile runs in a scratch folder whose .venv holds stand-in programs that log
their calls, so these tests see what make would run without installing anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="no `make` on this machine")


@pytest.fixture
def project(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    log = tmp_path / "calls.log"
    for name in ("python", "pip", "communique"):
        prog = bin_dir / name
        prog.write_text(f'#!/bin/sh\necho "{name} $*" >> "{log}"\n')
        prog.chmod(0o755)
    return tmp_path


def make(project: Path, target: str) -> list[str]:
    log = project / "calls.log"
    log.unlink(missing_ok=True)
    subprocess.run(["make", "-s", target], cwd=project, check=True, capture_output=True,
                   env={**os.environ, "MAKEFLAGS": ""})
    return log.read_text().splitlines() if log.exists() else []


def _pip_calls(calls: list[str]) -> list[str]:
    return [c for c in calls if c.startswith("pip install")]


def test_make_run_installs_once_then_only_when_pyproject_changes(project):
    first = make(project, "run")
    assert _pip_calls(first) == ["pip install -q -e .[server]"]
    assert first[-1] == "communique code examples/ --published 2022-10-03 --format table"

    again = make(project, "run")
    assert _pip_calls(again) == [], "the second `make run` must not run pip again"
    assert again == ["communique code examples/ --published 2022-10-03 --format table"]

    later = os.stat(project / ".venv" / ".installed").st_mtime + 10
    os.utime(project / "pyproject.toml", (later, later))
    assert _pip_calls(make(project, "run")) == ["pip install -q -e .[server]"]


def test_test_extras_cover_the_run_target(project):
    calls = make(project, "install-test")
    # torch first, pinned to the local CPU wheel, so the train extra never pulls a CUDA build
    assert _pip_calls(calls) == ["pip install -q torch==2.13.0",
                                 "pip install -q -e .[all,test,baseline,train]"]
    assert _pip_calls(make(project, "install-test")) == []
    assert _pip_calls(make(project, "run")) == [], "the test extras include what `make run` needs"


def test_editable_install_raises_no_setuptools_warning(tmp_path, monkeypatch):
    """`make` installs with `pip install -e`: setuptools must not print its warning box."""
    import warnings

    build_meta = pytest.importorskip("setuptools.build_meta")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copy(ROOT / "README.md", tmp_path)
    (tmp_path / "communique").mkdir()
    shutil.copy(ROOT / "communique" / "__init__.py", tmp_path / "communique")
    monkeypatch.chdir(tmp_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        build_meta.build_editable(str(tmp_path / "wheel"))
    boxes = [str(w.message) for w in caught
             if "setuptools" in (w.filename or "") or "Setuptools" in w.category.__name__
             or w.category.__name__ == "InformationOnly"]
    assert boxes == [], boxes
    assert list((tmp_path / "wheel").glob("communique-*.whl"))
