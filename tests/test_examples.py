"""examples/: the sample articles give every page of the web app something to show."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.io import read_inputs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def records(coder):
    return list(coder.code_dicts(read_inputs([str(EXAMPLES)], published="2022-10-03")))


def test_every_example_is_coded_with_events_places_and_quotes(records):
    assert len(records) >= 5
    for rec in records:
        assert "error" not in rec, rec.get("error")
        assert rec["events"] and rec["quotes"], rec["id"]
        assert any(e["location"] and e["location"]["lat"] is not None for e in rec["events"]), \
            f"{rec['id']}: no event on the map"


def test_examples_cover_protest_violence_talks_and_sanctions(records):
    events = [e for rec in records for e in rec["events"]]
    assert {"PROTEST", "ASSAULT", "AGREE", "CONSULT", "SANCTION", "ACCUSE"} <= {e["type"] for e in events}
    assert any(e["fatalities"] for e in events), "the map sizes circles by fatalities"
    assert any(e["actor"] and e["recipient"] for e in events), "the network needs both sides"
    months = {e["date"][:7] for e in events if e["date"]}
    assert len(months) >= 4, "the dyad and map time series need several months"


def test_wire_reports_carry_their_own_dates_and_urls(records):
    wire = [r for r in records if r["id"] != "iran-azerbaijan-call"]
    assert len(wire) >= 4
    for rec in wire:
        assert rec["published"] and rec["published"] != "2022-10-03"
        assert rec["url"].startswith("https://news.example.org/")
