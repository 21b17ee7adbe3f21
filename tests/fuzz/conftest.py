"""Hypothesis settings for the fuzz suite: reproducible in CI, bounded in size.

``derandomize=True`` draws the same examples on every run (no flaky CI), and
``database=None`` keeps no example files in the checkout. ``FUZZ_EXAMPLES``
scales every test (e.g. ``FUZZ_EXAMPLES=10`` for a ten times longer local hunt).
"""

from __future__ import annotations

import os

import pytest

hypothesis = pytest.importorskip("hypothesis")

SCALE = float(os.environ.get("FUZZ_EXAMPLES", "1"))


def fuzz_settings(max_examples: int):
    """The settings of one fuzz test: ``max_examples`` times ``FUZZ_EXAMPLES``."""
    return hypothesis.settings(
        max_examples=max(1, int(max_examples * SCALE)), deadline=None, derandomize=True,
        database=None, print_blob=True,
        suppress_health_check=[hypothesis.HealthCheck.too_slow,
                               hypothesis.HealthCheck.data_too_large,
                               hypothesis.HealthCheck.function_scoped_fixture])
