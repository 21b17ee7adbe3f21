"""Event filters declared once (communique/filters.py): the store, the CLI and the API
take the same names, and each spelling of them comes from the one table."""

from __future__ import annotations

import pytest

from communique.filters import EVENT_FILTER_TABLE, EVENT_FILTERS, cluster_where, event_where, from_params


def test_the_store_cli_offers_every_filter_of_the_table():
    import argparse

    from communique.store_cli import add_event_filters, event_filters

    p = argparse.ArgumentParser()
    add_event_filters(p)
    dests = {a.dest for a in p._actions} - {"help"}
    assert dests == {f.name for f in EVENT_FILTER_TABLE if f.option}
    args = p.parse_args(["--actor-country", "irn", "--type", "consult", "--quad-class", "1",
                         "--from", "2022-10-01", "--include-negated", "--article", "a1"])
    assert event_filters(args) == {"actor_country": ["IRN"], "type": ["CONSULT"], "quad_class": [1],
                                   "date_from": "2022-10-01", "include_negated": True,
                                   "article_id": ["a1"]}
    with pytest.raises(SystemExit):
        p.parse_args(["--quad-class", "5"])


def test_the_api_takes_exactly_the_table_s_filters(tmp_path):
    pytest.importorskip("fastapi")
    from communique.server.app import create_app
    from communique.store import Store

    Store(tmp_path / "e.db").close()
    app = create_app(tmp_path / "e.db")
    spec = app.openapi()["paths"]["/api/events"]["get"]["parameters"]
    params = {p["name"] for p in spec if p["in"] == "query"}
    assert params - {"limit", "offset", "order"} == set(EVENT_FILTERS)


@pytest.mark.parametrize("params,expected", [
    ({"type": "consult, accuse", "mode": "phone"}, {"type": ["CONSULT", "ACCUSE"], "mode": "phone"}),
    ({"country": "irn", "include_negated": False, "text": ""}, {"country": ["IRN"]}),
    ({"cluster_id": 0, "quad_class": None, "limit": 5}, {"cluster_id": 0}),
    ({"include_negated": True, "article_id": "a,b"}, {"include_negated": True, "article_id": "a,b"}),
])
def test_api_parameters_become_filters(params, expected):
    assert from_params(params) == expected


def test_filters_become_sql_and_unknown_ones_are_refused():
    where, params = event_where({"type": ["consult"], "date_to": "2022-10-03"})
    assert "e.type IN (?)" in where and "e.negated = 0" in where
    assert params == ["CONSULT", "2022-10-03\uffff"]
    assert event_where({"include_negated": True}) == ("", [])
    with pytest.raises(TypeError, match="unknown event filter"):
        event_where({"typ": "CONSULT"})
    where, params = cluster_where({"min_articles": 2, "include_negated": True})
    assert where == " WHERE c.num_articles >= ?" and params == [2]
