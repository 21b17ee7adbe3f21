"""Issue 13, thirteenth round: an order whose complement is a coercive act ("ordered X jailed",
"ordered the paper to suspend publication") is that coercion, COERCE with the complement's
mode and code, as PETRARCH's CAMEO.2.0 verb dictionary codes ORDER (* ARREST 173, * &DETENTION
173, * (TO REMAIN) (IN &DETENTION) 173, * SUSPENSION (OF ACTIVITIES) 172); an order to do
anything else stays a REQUEST (PLOVER manual, REQUEST: requests, demands and orders), and so
does an appeal for the same coercion. Sentences are our own; types worked out by hand."""

from __future__ import annotations

import pytest

from .records import record


def _types(coder, text):
    return [(e["type"], e.get("mode")) for e in record(coder, text)["events"]]


@pytest.mark.parametrize("text,mode", [
    ("The junta ordered the opposition weekly to suspend publication for a month.", "censor"),
    ("The judge ordered the two activists detained.", "arrest"),
])
def test_order_of_coercion_is_coercion(coder, text, mode):
    types = _types(coder, text)
    assert ("COERCE", mode) in types and not [t for t, _ in types if t == "REQUEST"], types


@pytest.mark.parametrize("text", [
    "The court ordered the minister to appear for questioning next week.",
    "The council ordered the company to pay compensation to the families.",
    "The union urged the paper to suspend publication.",
])
def test_other_orders_and_appeals_stay_requests(coder, text):
    types = [t for t, _ in _types(coder, text)]
    assert "REQUEST" in types and "COERCE" not in types, types
