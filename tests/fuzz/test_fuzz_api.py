"""Fuzz the JSON API: bad query strings, paths and bodies get a 4xx JSON error, never a
5xx; the store passes SQLite's integrity check afterwards."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from communique.server import create_app  # noqa: E402
from communique.store import Store  # noqa: E402

from ..server.records import FakeCoder, all_records  # noqa: E402
from .conftest import fuzz_settings  # noqa: E402
from .strategies import EDGE_INTS, JSON_VALUES, ODD_DATES, ODD_TEXT, dumps  # noqa: E402

GET_PATHS = ["/api/events", "/api/actors", "/api/network", "/api/places", "/api/health",
             "/api/events.csv", "/api/quad_classes",
             "/api/dyads/{a}/{b}/series", "/api/events/{a}", "/events/{a}", "/events", "/map"]
PARAMS = ["type", "mode", "country", "actor_country", "actor_name", "recipient_sector",
          "quad_class", "modality", "context", "date_from", "date_to", "text", "article_id",
          "cluster_id", "include_negated", "limit", "offset", "level", "min_events", "period",
          "directed", "name", "sector", "order", "no_recipient", "zzz"]
PARAM_VALUES = st.one_of(ODD_TEXT, ODD_DATES, EDGE_INTS.map(str), st.integers().map(str),
                         st.sampled_from(["CONSULT", "IRN", "true", "0", "-1", "1e9", "NaN",
                                          '"border clash"', "AND OR NOT", "*", "month"]))
SEGMENT = st.one_of(st.text(min_size=1, max_size=12), EDGE_INTS.map(str),
                    st.sampled_from(["IRN", "AZE", "..", "%00", "\u00b2", "1"]))


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    recs = all_records(None)
    db = tmp_path_factory.mktemp("api") / "events.db"
    with Store(db) as s:
        s.add(recs)
    app = create_app(db, coder_factory=lambda: FakeCoder(recs), rate_limit=(10 ** 9, 60))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, db
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def check(response) -> None:
    assert response.status_code < 500, (response.status_code, response.text[:300])
    if response.status_code >= 400:
        err = response.json()["error"]
        assert err["status"] == response.status_code and err["code"] and err["message"]


def _safe(s: str) -> str:
    # No HTTP client sends a NUL or a lone surrogate (not encodable) in a URL.
    return s.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


@fuzz_settings(250)
@given(path=st.sampled_from(GET_PATHS), a=SEGMENT, b=SEGMENT,
       params=st.dictionaries(st.sampled_from(PARAMS), PARAM_VALUES, max_size=5))
def test_get_with_any_query_is_never_a_5xx(api, path, a, b, params):
    from urllib.parse import quote

    client, _ = api
    url = path.format(a=quote(_safe(a), safe=""), b=quote(_safe(b), safe=""))
    check(client.get(url, params={k: _safe(v) for k, v in params.items()}))


ARTICLE = st.fixed_dictionaries({}, optional={
    "text": st.one_of(ODD_TEXT, JSON_VALUES), "html": st.one_of(ODD_TEXT, JSON_VALUES),
    "id": st.one_of(ODD_TEXT, JSON_VALUES), "published": st.one_of(ODD_DATES, JSON_VALUES),
    "title": JSON_VALUES, "url": JSON_VALUES})
BODIES = st.one_of(
    ARTICLE.map(dumps),
    st.lists(ARTICLE, max_size=3).map(lambda arts: dumps({"articles": arts})),
    JSON_VALUES.map(dumps),
    st.binary(max_size=80).map(lambda b: b.decode("latin-1")),
    st.sampled_from(['{"text": "' + "[" * 5000 + '"}', "[" * 5000, '{"articles": ' + "[" * 3000,
                     '{"text": "Armenia accused Azerbaijan.", "published": "9999-12-31"}',
                     '{"articles": [{"text": "Armenia accused Azerbaijan.", "id": 1e400}]}']))


@fuzz_settings(250)
@given(path=st.sampled_from(["/api/code", "/api/articles", "/api/events"]), body=BODIES,
       content_type=st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded"]))
def test_post_with_any_body_is_never_a_5xx(api, path, body, content_type):
    client, _ = api
    check(client.post(path, content=body.encode("utf-8", "surrogatepass"),
                      headers={"content-type": content_type}))
