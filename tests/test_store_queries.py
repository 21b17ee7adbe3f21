"""store_queries: the read-only queries behind analytics, exports and the web API."""

from __future__ import annotations

import pytest

from communique.store import Store
from communique.store_queries import (network_edges, place_summary, sentence_texts,
                                      top_counts)

from .test_store import corpus


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("queries") / "events.db")
    s.add(corpus())
    yield s
    s.close()


def test_sentence_texts_are_the_events_sentences(store):
    events = store.query_events(limit=None, include_negated=True)
    # Ids past the 500 a query binds at once, and ids that are no event, are fine.
    texts = sentence_texts(store, [e["id"] for e in events] + list(range(10_000, 10_600)))
    assert set(texts) == {e["id"] for e in events}
    call = next(e for e in events if e["article_id"] == "apa-1")
    assert texts[call["id"]].startswith("Iran's top diplomat Hossein Amir Abdollahian discussed")
    assert all(e["trigger"]["text"] in texts[e["id"]] for e in events)


def test_queries_take_the_event_filters_and_refuse_unknown_ones(store):
    everything = top_counts(store)["totals"]
    later = top_counts(store, date_from="2022-10-01")["totals"]
    assert later["date_min"] >= "2022-10-01" and later["mentions"] < everything["mentions"]
    consult = place_summary(store, type="consult")["places"]
    # By hand: the call at Baku (apa-1, tehrantimes-476950) is the only located CONSULT.
    assert [(p["name"], p["events"]) for p in consult] == [("Baku", 2)]
    with pytest.raises(TypeError, match="unknown event filter"):
        network_edges(store, typ="CONSULT")
    with pytest.raises(ValueError, match="'country' or 'actor'"):
        network_edges(store, level="city")
