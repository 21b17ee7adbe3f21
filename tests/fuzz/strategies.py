"""Generated hostile input: JSON values of every shape, broken lines, wrong-typed fields."""

from __future__ import annotations

import json

from hypothesis import strategies as st

# Integers at the edges SQLite and Python care about, and far past them.
EDGE_INTS = st.sampled_from([0, -1, 1, 2 ** 31, 2 ** 53 + 1, 2 ** 63 - 1, 2 ** 63, -2 ** 63 - 1,
                             2 ** 64, 10 ** 30, -10 ** 30])
ODD_DATES = st.sampled_from(["9999-12-31", "1001-01-05", "0001-01-01", "2022-13-45",
                             "2022-02-30", "yesterday", "", "2022", "２０２２-10-03",
                             "2022-10-03T25:00:00Z"])
ODD_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "\x00\x01\x02", "\ud800", "<script>alert(1)</script>",
                     "' OR 1=1 --", '"', "\\", "A" * 300, "\u202e\u0301" * 5]))
SCALARS = st.one_of(st.none(), st.booleans(), EDGE_INTS, st.integers(),
                    st.floats(allow_nan=True, allow_infinity=True), ODD_TEXT, ODD_DATES)
JSON_VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def dumps(value) -> str:
    """JSON as a careless producer writes it: NaN and Infinity included, surrogates kept."""
    return json.dumps(value, ensure_ascii=True, allow_nan=True)


BROKEN_LINES = st.one_of(
    st.sampled_from(["{", "}", "[1, 2", '{"text": ', "null", "true", "42", '"just a string"',
                     "{'single': 'quotes'}", '{"text": "a"} trailing', "\ufeff{}",
                     nested(5000), '{"id": "n", "text": ' + nested(5000) + "}",
                     "1" * 5000]),
    st.binary(max_size=60).map(lambda b: b.decode("latin-1")),
    st.text(max_size=60),
    JSON_VALUES.map(dumps))
