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
    for path, own in (("/api/events", {"limit", "offset", "order"}),
                      ("/api/events.csv", {"flavor"}), ("/api/events.parquet", {"flavor"})):
        spec = app.openapi()["paths"][path]["get"]["parameters"]
        params = {p["name"] for p in spec if p["in"] == "query"}
        assert params - own == set(EVENT_FILTERS), path


def _sample(f):
    """A value each filter accepts, as the CLI and the API are given it, and the store
    filter value both must make of it (as a list)."""
    if f.kind == "flag":
        return None, "true", [True]
    if f.kind == "country":
        return "irn", "irn", ["IRN"]
    if f.kind == "type":
        return "consult", "consult", ["CONSULT"]
    if f.kind == "int":
        n = f.choices[-1] if f.choices else 7
        return str(n), str(n), [n]
    if f.kind == "date":
        return "2022-10-03", "2022-10-03", ["2022-10-03"]
    word = str(f.choices[0]) if f.choices else "gov"
    return word, word, [word]


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from communique.server.app import create_app
    from communique.store import Store

    path = tmp_path_factory.mktemp("filters") / "e.db"
    Store(path).close()
    with TestClient(create_app(path)) as client:
        yield client


@pytest.mark.parametrize("flt", EVENT_FILTER_TABLE, ids=lambda f: f.name)
def test_each_filter_of_the_table_reaches_the_store_from_cli_and_api(flt, api, tmp_path):
    """A filter added to the table is an option of `query` and `export` and a parameter
    of /api/events and its download, each giving the store the same filter: a side
    that listed its own filters would miss it here."""
    from communique.cli import build_parser
    from communique.filters import as_list
    from communique.store_cli import event_filters

    cli_value, api_value, expected = _sample(flt)
    if flt.option is not None:
        given = [flt.option] + ([cli_value] if cli_value is not None else [])
        for command in (["query"], ["export", "--output", str(tmp_path / "x.csv")]):
            args = build_parser().parse_args(command + given)
            assert as_list(event_filters(args)[flt.name]) == expected, command
    r = api.get("/api/events", params={flt.name: api_value})
    assert r.status_code == 200, r.text
    assert as_list(r.json()["filters"][flt.name]) == expected
    r = api.get("/api/events.csv", params={flt.name: api_value})
    assert r.status_code == 200, r.text


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
