"""Shared fixtures: one model load per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# The seed article ships in the repository (same text as ../shared/seed/article.txt),
# so the tests that read it run on a clone without ../shared.
SEED = ROOT / "examples" / "iran-azerbaijan-call.txt"
SEED_PUBLISHED = "2022-10-03"


@pytest.fixture(scope="session")
def nlp():
    from communique.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def coder():
    from communique.pipeline import default_coder

    return default_coder()


@pytest.fixture(scope="session")
def model_coder():
    """A coder with the shipped event model (``--model``), loaded once; skips where none is shipped."""
    from communique.models.event_model import model_available

    if not model_available():
        pytest.skip("no event model is shipped")
    from communique.pipeline import Coder

    return Coder(event_model=True)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text("utf-8")


@pytest.fixture(autouse=True, scope="session")
def _every_record_is_schema_v1():
    """Every record any test makes in this process is validated against the JSON Schema."""
    from communique import record, schema

    original = record.Record.to_dict

    def checked(self):
        d = original(self)
        schema.validate(d)
        return d

    record.Record.to_dict = checked
    yield
    record.Record.to_dict = original


def need(path):
    """``path``, or skip the test: files under ../shared are not in a bare clone."""
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is laid beside the checkout)")
    return path
