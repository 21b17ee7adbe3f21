"""The JSON API, in process, against a real SQLite store in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from communique.server import create_app  # noqa: E402

from .records import SEED, XSS, FakeCoder, all_records, stored  # noqa: E402

SEED_TEXT = SEED.read_text("utf-8") if SEED.exists() else None


@pytest.fixture()
def records():
    return all_records(SEED_TEXT)


@pytest.fixture()
def db(tmp_path, records):
    return stored(tmp_path, records)


@pytest.fixture()
def coder(records):
    return FakeCoder(records)


@pytest.fixture()
def client(db, coder):
    app = create_app(db, coder_factory=lambda: coder)
    # Server errors must come back as JSON responses, not as exceptions in the test.
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def assert_error(response, status: int, code: str | None = None, says: str | None = None):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    err = response.json()["error"]
    assert err["status"] == status
    assert err["message"] and "Traceback" not in err["message"]
    if code:
        assert err["code"] == code
    if says:
        assert says in err["message"]
    return err


# -- POST /api/code ----------------------------------------------------------


def test_code_returns_the_schema_v1_record(client, coder):
    if SEED_TEXT is None:
        pytest.skip("no examples/iran-azerbaijan-call.txt")
    r = client.post("/api/code", json={"text": SEED_TEXT, "published": "2022-10-03"})
    assert r.status_code == 200, r.text
    rec = r.json()
    assert rec["schema"] == 1 and rec["text"] == SEED_TEXT
    assert {e["type"] for e in rec["events"]} >= {"CONSULT", "ACCUSE", "ASSAULT"}
    for e in rec["events"]:
        assert SEED_TEXT[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
    assert coder.calls == 1


def test_code_accepts_html(client):
    html = ("<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
            "<p>Iran and Azerbaijan held talks in Baku on Monday about the border and trade. "
            "The ministers agreed to meet again next month to continue the discussion.</p>"
            "<p>Both sides said the meeting had been constructive and useful for the region."
            "</p></article></body></html>")
    r = client.post("/api/code", json={"html": html, "published": "2022-10-03"})
    assert r.status_code == 200, r.text
    assert "Iran and Azerbaijan held talks" in r.json()["text"]
    assert "<p>" not in r.json()["text"]


@pytest.mark.parametrize("body, ctype, status, code, says", [
    (b"{not json", "application/json", 400, "bad_json", "not valid JSON"),
    (b"[1, 2]", "application/json", 400, "bad_json", "JSON object"),
    (b"", "application/json", 400, "bad_json", "JSON object"),
    (b"text=hello", "application/x-www-form-urlencoded", 400, "bad_json", "JSON object"),
    (b"{}", "application/json", 422, "bad_article", "missing field `text`"),
    (b'{"text": "   "}', "application/json", 422, "bad_article", "empty text"),
    (b'{"text": 42}', "application/json", 422, "bad_request", "`text`"),
    (b'{"text": "Iran spoke.", "published": "last week"}', "application/json", 422,
     "bad_article", "YYYY-MM-DD"),
])
def test_code_bad_requests_get_clear_4xx_json(client, body, ctype, status, code, says):
    r = client.post("/api/code", content=body, headers={"content-type": ctype})
    assert_error(r, status, code, says)


def test_code_refuses_an_oversize_body_before_coding(client, coder):
    r = client.post("/api/code", json={"text": "x " * 1_500_000})
    assert_error(r, 413, "body_too_large", "limit")
    assert coder.calls == 0


def test_oversize_chunked_body_without_length_is_refused(client, coder):
    def chunks():
        for _ in range(40):
            yield b"x" * 100_000
    r = client.post("/api/code", content=chunks(), headers={"content-type": "application/json"})
    assert_error(r, 413, "body_too_large")
    assert coder.calls == 0


def test_coding_failure_is_a_422_naming_the_stage(client):
    r = client.post("/api/code", json={"text": "FAIL this article"})
    assert_error(r, 422, "coding_failed", "parse")


def test_get_on_a_post_endpoint_is_405_json(client):
    assert_error(client.get("/api/code"), 405, "method_not_allowed")


# -- POST /api/articles --------------------------------------------------------


def test_ingest_adds_articles_and_is_idempotent(client):
    text = "Russia and Turkey agreed to open a corridor near the border on Monday."
    body = {"articles": [{"text": text, "id": "new-1", "published": "2022-10-10"}]}
    r = client.post("/api/articles", json=body)
    assert r.status_code == 201, r.text
    assert r.json() == {"added": ["new-1"], "skipped": [], "errors": []}
    again = client.post("/api/articles", json=body)
    assert again.status_code == 201
    assert again.json() == {"added": [], "skipped": ["new-1"], "errors": []}
    assert client.get("/api/events", params={"article_id": "new-1"}).json()["total"] == 0


def test_ingest_reports_failed_articles_and_goes_on(client):
    body = {"articles": [{"text": "FAIL here", "id": "bad-1"},
                         {"text": "Armenia and Georgia held talks.", "id": "ok-1"}]}
    r = client.post("/api/articles", json=body)
    assert r.status_code == 201
    out = r.json()
    assert out["added"] == ["ok-1"]
    assert out["errors"] == [{"id": "bad-1", "stage": "parse",
                              "message": "the parser choked (test)"}]


def test_ingest_files_an_unreadable_article_and_codes_the_others(client):
    """One bad article is an error record (id, stage, message), not a 422 for the batch."""
    body = {"articles": [{"title": "no text", "id": "notext-1"},
                         {"text": "Georgia and Turkey held talks.", "id": "ok-2"},
                         {"text": "   "},
                         {"text": "Georgia spoke.", "published": "last week", "id": "when-1"}]}
    r = client.post("/api/articles", json=body)
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["added"] == ["ok-2"] and out["skipped"] == []
    assert out["errors"] == [
        {"id": "notext-1", "stage": "read", "message": "articles[0]: missing field `text`"},
        {"id": "articles[2]", "stage": "read", "message": "articles[2]: empty text"},
        {"id": "when-1", "stage": "read", "message": out["errors"][2]["message"]}]
    assert "YYYY-MM-DD" in out["errors"][2]["message"]
    assert client.get("/api/events", params={"article_id": "notext-1"}).json()["total"] == 0


@pytest.mark.parametrize("body, code, says", [
    ({}, "bad_request", "missing field `articles`"),
    ({"articles": "x"}, "bad_request", "`articles`"),
    ({"articles": [{"text": "ok"}] * 101}, "bad_request", "at most 100"),
])
def test_ingest_bad_requests(client, body, code, says):
    assert_error(client.post("/api/articles", json=body), 422, code, says)


# -- GET /api/events -------------------------------------------------------------


def test_events_filters_and_pagination(client):
    all_ = client.get("/api/events", params={"limit": 500}).json()
    assert all_["total"] == len(all_["events"]) >= 10
    assert [e["date"] or "" for e in all_["events"]] == sorted(e["date"] or "" for e in all_["events"])
    consult = client.get("/api/events", params={"type": "consult"}).json()
    assert consult["total"] >= 2 and {e["type"] for e in consult["events"]} == {"CONSULT"}
    both = client.get("/api/events", params={"type": "CONSULT,ASSAULT"}).json()
    assert {e["type"] for e in both["events"]} == {"CONSULT", "ASSAULT"}
    arm = client.get("/api/events", params={"actor_country": "ARM", "recipient_country": "AZE"})
    assert arm.status_code == 200
    for e in arm.json()["events"]:
        assert "ARM" in {a["country"] for a in e["actor"]}
        assert "AZE" in {a["country"] for a in e["recipient"]}
    conflict = client.get("/api/events", params={"quad_class": 4}).json()
    assert conflict["total"] >= 3 and {e["quad_class"] for e in conflict["events"]} == {4}
    sept = client.get("/api/events", params={"date_from": "2022-09-01",
                                             "date_to": "2022-09-30"}).json()
    assert sept["total"] >= 3 and all(e["date"].startswith("2022-09") for e in sept["events"])
    page1 = client.get("/api/events", params={"limit": 3, "offset": 0}).json()
    page2 = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert page1["total"] == page2["total"] == all_["total"]
    ids = [e["id"] for e in page1["events"] + page2["events"]]
    assert ids == [e["id"] for e in all_["events"][:6]]


def test_events_carry_their_sentence_text(client):
    for e in client.get("/api/events").json()["events"]:
        assert e["trigger"]["text"] in e["sentence"]["text"]


def test_events_full_text_filter(client):
    r = client.get("/api/events", params={"text": "ceasefire"}).json()
    assert r["total"] == 2 and {e["article_id"] for e in r["events"]} == {"arm-aze-3"}


@pytest.mark.parametrize("query, says", [
    ({"type": "BOMB"}, "unknown event type 'BOMB'"),
    ({"quad_class": 7}, "query parameter `quad_class`"),
    ({"limit": 0}, "query parameter `limit`"),
    ({"limit": 100000}, "query parameter `limit`"),
    ({"offset": -1}, "query parameter `offset`"),
    ({"date_from": "yesterday"}, "YYYY-MM-DD"),
    ({"text": '"unclosed'}, "FTS5"),
    ({"modality": "maybe"}, "query parameter `modality`"),
])
def test_events_bad_filters_are_422(client, query, says):
    assert_error(client.get("/api/events", params=query), 422, "bad_request", says)


# -- GET /api/events/{id} -----------------------------------------------------------


def test_event_has_article_text_spans_and_cluster(client):
    first = client.get("/api/events", params={"type": "ASSAULT", "limit": 1}).json()["events"][0]
    r = client.get(f"/api/events/{first['id']}")
    assert r.status_code == 200
    body = r.json()
    ev, art = body["event"], body["article"]
    assert ev["id"] == first["id"] and art["id"] == ev["article_id"]
    s, t = ev["sentence"], ev["trigger"]
    assert art["text"][t["start"]:t["end"]] == t["text"]
    assert art["text"][s["start"]:s["end"]] == s["text"]
    assert ev["cluster"]["mentions"] and ev["cluster"]["mentions"][0]["article_id"] == art["id"]
    local = {a["id"] for a in body["actors"]}
    assert {a["id"] for a in ev["actor"]} <= local


@pytest.mark.parametrize("event_id", ["999999", "abc", "1;DROP TABLE events", "-1"])
def test_unknown_event_is_404_json(client, event_id):
    assert_error(client.get(f"/api/events/{event_id}"), 404, "not_found", "no event")


# -- actors, places, misc -------------------------------------------------------------


def test_actors_are_counted(client):
    actors = client.get("/api/actors").json()["actors"]
    by_name = {a["name"]: a for a in actors}
    assert by_name["Armenia"]["num_events"] >= 5
    counts = [a["num_events"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    arm = client.get("/api/actors", params={"country": "ARM"}).json()["actors"]
    assert {a["country"] for a in arm} == {"ARM"}
    assert_error(client.get("/api/actors", params={"limit": "many"}), 422, "bad_request")


def test_places_aggregate_event_locations(client):
    places = client.get("/api/places").json()["places"]
    karabakh = next(p for p in places if p["name"] == "Nagorno-Karabakh")
    assert karabakh["events"] >= 3 and karabakh["country"] == "AZE"
    assert -90 <= karabakh["lat"] <= 90 and karabakh["sample"][0]["sentence"]


def test_unknown_path_is_404_json(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found")


def test_crash_is_500_json_without_a_traceback(db):
    class Broken:
        def code_dicts(self, articles):
            raise RuntimeError("secret internal detail /etc/passwd")
    with TestClient(create_app(db, coder_factory=Broken), raise_server_exceptions=False) as c:
        r = c.post("/api/code", json={"text": "Iran spoke."})
    err = assert_error(r, 500, "internal_error")
    assert "secret" not in r.text and "RuntimeError" not in r.text


def test_rate_limit_gives_429_with_retry_after(db, coder):
    app = create_app(db, coder_factory=lambda: coder, rate_limit=(3, 60))
    with TestClient(app) as c:
        codes = [c.post("/api/code", json={"text": "Iran spoke."}).status_code for _ in range(5)]
        r = c.post("/api/code", json={"text": "Iran spoke."})
        reads = c.get("/api/events")
    assert codes == [200, 200, 200, 429, 429]
    assert_error(r, 429, "rate_limited", "retry in")
    assert int(r.headers["retry-after"]) >= 1
    assert reads.status_code == 200  # reads are not rate-limited


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ["/api/code", "/api/articles", "/api/events", "/api/events/{event_id}",
              "/api/actors", "/api/dyads/{a}/{b}/series", "/api/network", "/api/places"]:
        assert p in paths


# -- pages: shells that escape what they echo --------------------------------------------


@pytest.mark.parametrize("path", ["/annotate", "/events", "/events/1", "/dyad", "/network",
                                  "/map", "/docs"])
def test_pages_are_html_with_a_json_twin_and_no_external_assets(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert 'class="twin"' in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_static_assets_are_served_with_versions(client):
    for path in ["/static/app.js", "/static/vendor/swagger-ui-bundle-5.32.0.js",
                 "/static/vendor/topojson-client-3.1.0.min.js",
                 "/static/vendor/world-atlas-2.0.2-countries-110m.json"]:
        assert client.get(path).status_code == 200, path


def test_query_parameter_script_is_escaped_in_pages(client):
    payload = "<script>alert(1)</script>"
    r = client.get("/events", params={"actor_name": payload, "type": payload})
    assert r.status_code == 200 and payload not in r.text
    attr = '"><img src=x onerror=alert(1)>'
    r = client.get("/events/" + attr)  # the id lands in a data attribute
    assert r.status_code == 200 and attr not in r.text
    assert "&#34;&gt;&lt;img src=x" in r.text
    r = client.get("/api/events", params={"type": payload})
    assert_error(r, 422)
    assert r.headers["content-type"].startswith("application/json")


def test_article_markup_comes_back_as_json_text_only(client):
    ev = client.get("/api/events", params={"article_id": "xss-article"}).json()["events"][0]
    assert XSS in ev["title"]  # data, served as application/json, rendered with textContent
    body = client.get(f"/api/events/{ev['id']}")
    assert body.headers["content-type"].startswith("application/json")
    assert body.headers["x-content-type-options"] == "nosniff"


def test_docs_name_every_endpoint_and_error_code(client):
    doc = (Path(__file__).resolve().parents[2] / "docs" / "server.md").read_text("utf-8")
    for path, ops in client.get("/openapi.json").json()["paths"].items():
        for method in ops:
            assert f"`{method.upper()} {path}`" in doc, f"{method.upper()} {path} is undocumented"
    import inspect
    import re

    from communique.server import app as app_module, limits
    source = inspect.getsource(app_module) + inspect.getsource(limits)
    codes = set(re.findall(r'(?:ApiError|_error_response|error_body)\(\s*\d+, "([a-z_]+)"', source))
    codes |= {"bad_json", "bad_request"}  # chosen in _validation_message
    assert len(codes) >= 9
    for code in codes:
        assert f"`{code}`" in doc, f"error code {code} is undocumented"


# -- ordering and downloads ------------------------------------------------------


def test_events_newest_first(client):
    oldest = client.get("/api/events", params={"limit": 500}).json()["events"]
    newest = client.get("/api/events", params={"limit": 500, "order": "newest"}).json()
    dated = [e["date"] for e in newest["events"] if e["date"]]
    assert newest["order"] == "newest" and dated == sorted(dated, reverse=True)
    # Undated events go last either way round; the set of events is the same.
    assert all(e["date"] is None for e in newest["events"][len(dated):])
    assert sorted(e["id"] for e in newest["events"]) == sorted(e["id"] for e in oldest)
    assert_error(client.get("/api/events", params={"order": "sideways"}), 422, "bad_request",
                 "`order`")


def _csv(response):
    import csv
    import io
    return list(csv.DictReader(io.StringIO(response.text)))


def test_events_csv_download_has_every_match_with_the_same_filters(client):
    r = client.get("/api/events.csv", params={"country": "ARM", "quad_class": 4})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert 'filename="events-plover.csv"' in r.headers["content-disposition"]
    rows = _csv(r)
    listed = client.get("/api/events", params={"country": "ARM", "quad_class": 4,
                                               "limit": 1}).json()
    assert len(rows) == listed["total"] >= 3  # no paging: every match, not `limit`
    assert {row["quad_code"] for row in rows} == {"4"}
    assert all("ARM" in row["actor_code"] + row["recipient_code"] for row in rows)
    # CAMEO codes keep their leading zero, as the export writes them.
    consult = _csv(client.get("/api/events.csv", params={"type": "CONSULT", "country": "ARM"}))
    assert [row["cameo"] for row in consult] == ["041"]
    gdelt = client.get("/api/events.csv", params={"flavor": "gdelt", "type": "ASSAULT"})
    assert gdelt.status_code == 200 and "GLOBALEVENTID" in gdelt.text.splitlines()[0]


def test_events_parquet_download_is_typed(client):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    import io
    r = client.get("/api/events.parquet", params={"type": "ASSAULT"})
    assert r.status_code == 200, r.text
    df = pd.read_parquet(io.BytesIO(r.content))
    total = client.get("/api/events", params={"type": "ASSAULT"}).json()["total"]
    assert len(df) == total and set(df["event"]) == {"ASSAULT"}
    assert set(df["cameo"]) == {"190"} and str(df["cameo"].dtype) in ("string", "object")
    if SEED_TEXT is not None:  # the seed's hand-made ASSAULT reports 100 dead
        assert 100 in set(df["dead"].dropna())


@pytest.mark.parametrize("query, says", [
    ({"type": "FOO"}, "unknown event type"),
    ({"flavor": "excel"}, "`flavor`"),
    ({"flavor": "gdelt", "actor_name": "Bayramov"}, "flavor=plover"),
    ({"date_from": "last week"}, "YYYY-MM-DD"),
])
def test_event_downloads_refuse_bad_filters(client, query, says):
    for path in ("/api/events.csv", "/api/events.parquet"):
        assert_error(client.get(path, params=query), 422, "bad_request", says)


def test_quad_class_palette_is_the_cli_charts_palette(client):
    from communique.analytics import QUAD_COLORS
    pal = client.get("/api/quad_classes").json()["quad_classes"]
    assert [p["quad_class"] for p in pal] == [1, 2, 3, 4]
    assert {p["quad_class"]: p["color"] for p in pal} == QUAD_COLORS
    # Verbal is the light shade of its side, material the dark one (CLI chart and pages).
    assert pal[0]["color"] == "#8fd18b" and pal[3]["color"] == "#b2182b"


def test_network_counts_events_without_a_recipient(client):
    net = client.get("/api/network").json()
    holder = [n for n in net["nodes"] if n.get("placeholder")]
    assert [n["id"] for n in holder] == ["(no recipient)"]
    lone = {e["source"]: e["events"] for e in net["edges"] if e["target"] == "(no recipient)"}
    # By hand: Georgia mobilised (1); Armenia and Azerbaijan agreed on 08-03 and 09-14 (2 each);
    # Iran's ACCUSE without a target in the xss article (and the seed's "opposition") .
    assert lone["GEO"] == 1 and lone["ARM"] == lone["AZE"] == 2
    assert lone["IRN"] == (2 if SEED_TEXT is not None else 1)
    paired = client.get("/api/network", params={"no_recipient": "false"}).json()
    assert not any(n.get("placeholder") for n in paired["nodes"])
    assert "GEO" not in {n["id"] for n in paired["nodes"]}


def test_places_have_colour_class_fatalities_and_a_date_filter(client):
    res = client.get("/api/places").json()
    assert res["span"] == {"from": "2022-07-14", "to": "2022-10-05"}
    by = {p["name"]: p for p in res["places"]}
    k = by["Nagorno-Karabakh"]
    assert k["quad_class"] == 4 and k["counts"]["4"] >= 3 and k["counts"]["1"] >= 1
    assert k["fatalities"] == (100 if SEED_TEXT is not None else 0)
    assert by["Yerevan"]["quad_class"] == 3 and by["Yerevan"]["fatalities"] == 0
    sept = client.get("/api/places", params={"date_from": "2022-09-01",
                                             "date_to": "2022-09-30"}).json()
    # September by day: the ceasefire article (09-14) and the Jermuk shelling (09-27, 4 reports).
    assert [(p["name"], p["events"], p["fatalities"]) for p in sept["places"]] == [
        ("Jermuk", 4, 3), ("Nagorno-Karabakh", 2, 0)]
    assert sept["span"] == res["span"]
    assert_error(client.get("/api/places", params={"type": "NOPE"}), 422, "bad_request",
                 "unknown event type")
