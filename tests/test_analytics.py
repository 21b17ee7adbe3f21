"""Dyad series, the actor network, summaries and charts over a real store file.

The corpus (tests/test_store.py) holds, among non-negated events:
IRN->AZE CONSULT 2022-10-02 twice as clusters (one without location, one at Baku
reported by two articles), AZE->IRN SUPPORT 2022-10-02 (Goldstein 3.4),
AZE->ARM ASSAULT 2022-09-13 (-10), ARM->AZE ACCUSE 2022-09-14 (-2) and a domestic
ARM->ARM PROTEST; plus a negated ARM->AZE ASSAULT. Below we add a material
cooperation on 2022-11-20 so that October is an empty month between two busy ones.
"""

from __future__ import annotations

import json
import math

import networkx as nx
import pandas as pd
import pytest

from communique import analytics
from communique.store import Store

from .test_store import corpus, make_record

PRISONERS = make_record(
    "azatutyun-32140000",
    "Azerbaijan handed over 17 Armenian prisoners of war to Armenia on Sunday, "
    "the Armenian government said.",
    url="https://www.azatutyun.am/a/32140000.html", published="2022-11-21",
    actors=[("Azerbaijan", "country", "AZE", None, None, ["Azerbaijan"]),
            ("Armenia", "country", "ARM", None, None, ["Armenia"])],
    events=[{"type": "CONCEDE", "mode": "release", "contexts": ["military"], "cameo": "0841",
             "quad_class": 2, "goldstein": 7.0, "plover_score": 2.0, "trigger": "handed over",
             "actor": ["Azerbaijan"], "recipient": ["Armenia"], "date": "2022-11-20"}])

CLASH = make_record(
    "news-am-1",
    "Armenia and Azerbaijan clashed on their border in the Sotk area on Monday.",
    url="https://news.am/eng/news/1.html", published="2022-11-22",
    actors=[("Armenia", "country", "ARM", None, None, ["Armenia"]),
            ("Azerbaijan", "country", "AZE", None, None, ["Azerbaijan"])],
    events=[{"type": "ASSAULT", "mode": "firearms", "contexts": ["military"], "cameo": "190",
             "quad_class": 4, "goldstein": -10.0, "plover_score": -10.0, "trigger": "clashed",
             "actor": ["Armenia", "Azerbaijan"], "recipient": [], "date": "2022-11-21"}])


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "events.db")
    s.add(corpus() + [PRISONERS])
    yield s
    s.close()


def test_dyad_by_month_fills_empty_months(store):
    df = analytics.dyad_series(store, "ARM", "AZE", freq="month")
    assert list(df.index.strftime("%Y-%m")) == ["2022-09", "2022-10", "2022-11"]
    assert list(df["events"]) == [2, 0, 1]
    sep = df.loc["2022-09-01"]
    assert (sep["material_conflict"], sep["verbal_conflict"]) == (1, 1)
    assert sep["goldstein_sum"] == pytest.approx(-12.0)
    assert sep["goldstein_mean"] == pytest.approx(-6.0)
    assert math.isnan(df.loc["2022-10-01", "goldstein_mean"])
    assert df.loc["2022-11-01", "material_cooperation"] == 1
    assert df.loc["2022-11-01", "goldstein_mean"] == pytest.approx(7.0)


def test_dyad_counts_deduplicated_events(store):
    # IRN<->AZE in October: clusters "call without location", "call at Baku" (two
    # articles, counted once) and "Bayramov praised Iran".
    df = analytics.dyad_series(store, "IRN", "AZE", freq="month")
    assert df["events"].tolist() == [3]
    assert df["verbal_cooperation"].tolist() == [3]
    assert df["goldstein_sum"].iloc[0] == pytest.approx(1.0 + 1.0 + 3.4)
    assert df["goldstein_mean"].iloc[0] == pytest.approx(5.4 / 3)


@pytest.mark.parametrize("a, b, directed, expected", [
    ("IRN", "AZE", True, 2),
    ("AZE", "IRN", True, 1),
    ("IRNGOV", "AZEGOV", False, 2),  # actor codes; the praise went to plain IRN
    ("jeyhun bayramov", "IRN", False, 3),  # a name, any case
    ("Jeyhun Bayramov", "Iran", True, 1),
    ("USA", "AZE", False, 0),
])
def test_dyad_sides_and_direction(store, a, b, directed, expected):
    df = analytics.dyad_series(store, a, b, freq="day", directed=directed)
    assert int(df["events"].sum()) == expected


def test_dyad_by_week_and_day(store):
    week = analytics.dyad_series(store, "ARM", "AZE", freq="week", date_to="2022-09-30")
    # 13 and 14 September 2022 (Tue, Wed) fall in the week starting Monday 12 September.
    assert list(week.index.strftime("%Y-%m-%d")) == ["2022-09-12"]
    assert week["events"].tolist() == [2]
    day = analytics.dyad_series(store, "ARM", "AZE", freq="day", date_from="2022-09-14")
    assert day.index[0] == pd.Timestamp("2022-09-14")
    assert day.loc["2022-09-14", "verbal_conflict"] == 1
    assert day.loc["2022-11-20", "material_cooperation"] == 1
    assert day["events"].sum() == 2 and len(day) == 68  # 14 Sep .. 20 Nov, every day


def test_negated_events_never_count(store):
    # The negated ARM->AZE shelling on 2022-09-13 would be a second material conflict.
    df = analytics.dyad_series(store, "ARM", "AZE", freq="day", directed=True)
    assert df["material_conflict"].sum() == 0 and df["events"].sum() == 1


def test_reciprocal_events_count_for_the_dyad(store):
    store.add([CLASH])
    df = analytics.dyad_series(store, "AZE", "ARM", freq="month")
    assert df.loc["2022-11-01", "material_conflict"] == 1
    assert df.loc["2022-11-01", "events"] == 2
    directed = analytics.dyad_series(store, "ARM", "AZE", freq="month", directed=True)
    assert directed["material_conflict"].sum() == 0


def test_bad_frequency_is_refused(store):
    with pytest.raises(ValueError, match="day, week, month"):
        analytics.dyad_series(store, "IRN", "AZE", freq="fortnight")


def test_country_network(store):
    g = analytics.network(store)
    assert set(g.edges) == {("IRN", "AZE"), ("AZE", "IRN"), ("AZE", "ARM"), ("ARM", "AZE")}
    e = g.edges["IRN", "AZE"]
    assert (e["events"], e["mentions"]) == (2, 3)
    assert e["mean_goldstein"] == pytest.approx(1.0)
    assert e["verbal_cooperation"] == 2 and e["material_conflict"] == 0
    aze_arm = g.edges["AZE", "ARM"]
    assert (aze_arm["events"], aze_arm["material_conflict"], aze_arm["material_cooperation"]) == (2, 1, 1)
    assert aze_arm["mean_goldstein"] == pytest.approx((-10.0 + 7.0) / 2)
    assert g.edges["ARM", "AZE"]["events"] == 1  # the negated shelling is left out
    assert g.nodes["AZE"]["events"] == 2 + 1 + 2 + 1
    loops = analytics.network(store, self_loops=True)
    assert loops.has_edge("ARM", "ARM")


def test_actor_network_and_filters(store):
    g = analytics.network(store, level="actor", type="CONSULT")
    assert set(g.edges) == {("Hossein Amir Abdollahian", "Jeyhun Bayramov")}
    assert g.nodes["Jeyhun Bayramov"]["code"] == "AZEGOV"
    assert analytics.network(store, date_from="2022-10-01").number_of_edges() == 3
    assert analytics.network(store, min_events=2).number_of_edges() == 2


def test_network_exports_read_back(store, tmp_path):
    g = analytics.network(store, level="actor")
    gml = analytics.write_network(g, tmp_path / "net.graphml")
    back = nx.read_graphml(gml)
    assert set(back.edges) == set(g.edges)
    assert back.edges["Nikol Pashinyan", "Azerbaijan"]["events"] == 1
    js = analytics.write_network(g, tmp_path / "net.json")
    data = json.loads(js.read_text())
    assert {(e["source"], e["target"]) for e in data["edges"]} == set(g.edges)
    with pytest.raises(ValueError, match=".graphml or .json"):
        analytics.write_network(g, tmp_path / "net.csv")


def test_top_summary(store):
    s = analytics.top_summary(store, n=3)
    # Events: 2 CONSULT clusters + SUPPORT + ASSAULT + ACCUSE + PROTEST + CONCEDE.
    assert s["totals"]["events"] == 7 and s["totals"]["mentions"] == 8
    assert s["totals"]["articles"] == 8
    assert s["types"][0] == {"type": "CONSULT", "events": 2, "mentions": 3}
    assert s["quad_classes"] == {"verbal_cooperation": 3, "material_cooperation": 1,
                                 "verbal_conflict": 2, "material_conflict": 1}
    # AZE appears in 6 events: 2 calls, praise, shelling, accusation, prisoners.
    assert s["countries"][0] == {"country": "AZE", "events": 6}
    assert len(s["dyads"]) == 3 and s["dyads"][0]["events"] == 2


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_plot_dyad_writes_a_readable_chart(store, tmp_path, suffix, magic):
    out = analytics.plot_dyad(store, "ARM", "AZE", tmp_path / f"dyad{suffix}", freq="month")
    data = out.read_bytes()
    assert data.startswith(magic) and len(data) > 5000
    if suffix == ".svg":
        text = data.decode()
        for label in ("verbal cooperation", "material conflict", "Goldstein score",
                      "events per month", "ARM"):
            assert label in text


def _svg_texts(path) -> list[str]:
    import re
    from html import unescape

    return [unescape(t).strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", path.read_text())]


@pytest.mark.parametrize("freq, kw, ticks, label", [
    # one month of IRN-AZE events: one tick, the month, not the days in it
    ("month", {}, ["2022-10"], "month"),
    ("year", {}, ["2022"], "year"),
    ("week", {"date_to": "2022-10-31"}, ["2022-09-26"], "week (starting Monday)"),
])
def test_plot_dyad_ticks_agree_with_the_axis_label(store, tmp_path, freq, kw, ticks, label):
    out = analytics.plot_dyad(store, "IRN", "AZE", tmp_path / "dyad.svg", freq=freq, **kw)
    texts = _svg_texts(out)
    assert label in texts
    dated = [t for t in texts if t[:2] in ("19", "20") and t[:4].isdigit()]
    assert dated == ticks


def test_plot_dyad_many_months_ticks_are_months(store, tmp_path):
    out = analytics.plot_dyad(store, "ARM", "AZE", tmp_path / "dyad.svg", freq="month")
    dated = [t for t in _svg_texts(out) if t[:2] in ("19", "20") and t[:4].isdigit()]
    assert dated == ["2022-09", "2022-10", "2022-11"]


def test_plot_network(store, tmp_path):
    png = analytics.plot_network(store, tmp_path / "net.png")
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 5000
    svg = analytics.plot_network(store, tmp_path / "net.svg", level="actor").read_text()
    assert "Jeyhun Bayramov" in svg and "mean Goldstein score" in svg


def test_plots_explain_nothing_to_draw(store, tmp_path):
    with pytest.raises(ValueError, match="no events between USA and AZE"):
        analytics.plot_dyad(store, "USA", "AZE", tmp_path / "x.png")
    with pytest.raises(ValueError, match=".png or .svg"):
        analytics.plot_dyad(store, "ARM", "AZE", tmp_path / "x.pdf")
    with Store(tmp_path / "empty.db") as empty, pytest.raises(ValueError, match="ingest"):
        analytics.plot_network(empty, tmp_path / "n.png")


def test_plot_commands(store, tmp_path, capsys):
    from communique.cli import main

    db = str(store.path)
    out = tmp_path / "dyad.svg"
    assert main(["plot", "dyad", "IRN", "AZE", "--db", db, "--freq", "day", "--output",
                 str(out)]) == 0
    assert "events per day" in out.read_text()
    assert main(["plot", "network", "--db", db, "--output", str(tmp_path / "n.png")]) == 0
    assert (tmp_path / "n.png").read_bytes().startswith(b"\x89PNG")
    assert main(["plot", "network", "--db", db, "--level", "actor", "--output",
                 str(tmp_path / "n.graphml")]) == 0
    assert nx.read_graphml(tmp_path / "n.graphml").has_edge("Jeyhun Bayramov", "Iran")
    assert main(["plot", "dyad", "USA", "CHN", "--db", db, "--output", str(out)]) == 2
    assert "no events between USA and CHN" in capsys.readouterr().err
