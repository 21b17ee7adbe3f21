"""store_rows.prepare: a record checked and turned into table rows, nothing written."""

from __future__ import annotations

import pytest

from communique.store_rows import BadRecord, content_hash, prepare


def _record(**over):
    rec = {"schema": 1, "id": "a1", "text": "Iran criticised Azerbaijan.", "title": "T",
           "url": "https://www.example.org/x", "published": "2022-10-03",
           "actors": [{"id": "A1", "name": "Iran", "country": "IRN", "sector": "GOV"},
                      {"id": "A2", "name": "Azerbaijan", "country": "AZE"}],
           "events": [{"id": "E1", "type": "ACCUSE", "actor": ["A1"], "recipient": ["A2"],
                       "date": "2022-10-03", "trigger": {"start": 5, "end": 15, "text": "criticised"},
                       "sentence": {"start": 0, "end": 27}}],
           "quotes": [], "places": []}
    rec.update(over)
    return rec


def test_rows_carry_the_cluster_key_and_the_source():
    rows = prepare(_record())
    assert rows["id"] == "a1" and rows["article"][2] == "example.org"  # source: host sans www
    (event,) = rows["events"]
    assert event["cluster"][:4] == [event["key"], "ACCUSE", "IRNGOV", "AZE"]
    assert rows["links"] == [("E1", "actor", 0, "A1"), ("E1", "recipient", 0, "A2")]
    assert rows["hash"] == content_hash({"text": "Iran criticised Azerbaijan."})


@pytest.mark.parametrize("over,says", [
    ({"schema": 2}, "record has schema 2"),
    ({"actors": [{"id": "A1", "name": "Iran"}, {"id": "A1", "name": "Iraq"}], "events": []},
     "actor id 'A1' appears twice"),
    ({"actors": []}, "names actor 'A1', which is not in the record's actors"),
])
def test_bad_records_say_what_is_wrong(over, says):
    with pytest.raises(BadRecord, match=says):
        prepare(_record(**over))
