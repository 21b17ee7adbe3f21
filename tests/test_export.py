"""Exports read back with pandas and pyarrow, with the columns docs/exports.md documents."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from communique.export import FLAVORS, FORMATS, columns, export
from communique.store import Store

from .test_store import corpus

DOC = Path(__file__).resolve().parents[1] / "docs" / "exports.md"

# Non-negated events in the corpus: 7 per article, 6 deduplicated (two articles
# report the call at Baku); the negated shelling makes 8 and 7.
ROWS = {("plover", False): 7, ("plover", True): 8, ("icews", False): 7, ("icews", True): 8,
        ("gdelt", False): 6, ("gdelt", True): 7,
        # ACLED records the fighting and the protest, not the call, accusation or praise.
        ("acled", False): 2, ("acled", True): 3}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("export") / "events.db")
    s.add(corpus())
    yield s
    s.close()


def read(path: Path, fmt: str) -> pd.DataFrame:
    if fmt == "csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if fmt == "parquet":
        return pq.read_table(path).to_pandas()
    return pd.DataFrame([json.loads(line) for line in path.read_text().splitlines()])


def test_every_column_is_documented():
    doc = DOC.read_text(encoding="utf-8")
    for flavor in FLAVORS:
        for name in columns(flavor):
            assert re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", doc), (flavor, name)


def test_gdelt_has_the_61_columns_of_gdelt_2():
    cols = columns("gdelt")
    assert len(cols) == 61 and len(set(cols)) == 61
    assert cols[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert cols[-2:] == ["DATEADDED", "SOURCEURL"]
    assert cols.index("IsRootEvent") == 25 and cols.index("ActionGeo_Type") == 51


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize("negated", [False, True])
def test_exports_read_back(store, tmp_path, fmt, flavor, negated):
    path = tmp_path / f"out.{fmt}"
    n = export(store, path, format=fmt, flavor=flavor, include_negated=negated)
    df = read(path, fmt)
    assert n == len(df) == ROWS[flavor, negated]
    if not (fmt == "jsonl" and flavor == "plover"):  # that one is nested, see below
        assert list(df.columns) == columns(flavor)


def test_gdelt_row_of_the_call_reported_twice(store, tmp_path):
    export(store, tmp_path / "g.csv", format="csv", flavor="gdelt")
    df = read(tmp_path / "g.csv", "csv")
    [row] = df[df["ActionGeo_FullName"] == "Baku"].to_dict("records")
    assert row["SQLDATE"] == "20221002" and row["MonthYear"] == "202210"
    assert row["Year"] == "2022"
    assert float(row["FractionDate"]) == pytest.approx(2022 + 274 / 365, abs=1e-4)
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == \
        ("IRNGOV", "IRN", "GOV")
    assert row["Actor1Name"] == "HOSSEIN AMIR ABDOLLAHIAN"
    assert (row["Actor2Code"], row["Actor2CountryCode"]) == ("AZEGOV", "AZE")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("041", "041", "04")
    assert (row["QuadClass"], row["GoldsteinScale"]) == ("1", "1.0")
    assert (row["NumMentions"], row["NumArticles"], row["NumSources"]) == ("2", "2", "2")
    assert row["ActionGeo_CountryCode"] == "AJ"  # FIPS 10-4, as GDELT's geography uses
    assert row["ActionGeo_Type"] == "4"  # a world city
    assert float(row["ActionGeo_Lat"]) == pytest.approx(40.38)
    assert row["SOURCEURL"] == "https://apa.az/en/foreign-policy/iran-azerbaijan-call-1"
    assert re.fullmatch(r"20\d{12}", row["DATEADDED"])
    assert row["IsRootEvent"] == "1"  # apa-1's one sentence is its lead
    assert row["ActionGeo_ADM1Code"] == "AJ09"  # Baki: GeoNames admin1 09, FIPS 10-4 AJ09
    for empty in ("AvgTone", "Actor1EthnicCode", "Actor1Geo_FullName", "Actor2Type2Code"):
        assert row[empty] == "", empty


def test_parquet_types(store, tmp_path):
    export(store, tmp_path / "g.parquet", format="parquet", flavor="gdelt")
    schema = pq.read_schema(tmp_path / "g.parquet")
    assert str(schema.field("EventCode").type) == "string"
    assert str(schema.field("NumArticles").type) == "int64"
    assert str(schema.field("GoldsteinScale").type) == "double"
    df = pq.read_table(tmp_path / "g.parquet").to_pandas()
    assert df["AvgTone"].isna().all()
    assert sorted(df["NumArticles"].tolist()) == [1, 1, 1, 1, 1, 2]


def test_icews_row(store, tmp_path):
    export(store, tmp_path / "i.parquet", format="parquet", flavor="icews")
    df = pq.read_table(tmp_path / "i.parquet").to_pandas()
    [row] = df[df["Story ID"] == "azatutyun-32031000"].to_dict("records")
    assert row["Source Name"] == "Azerbaijani forces" and row["Source Sectors"] == "MIL"
    assert row["Source Country"] == "Azerbaijan" and row["Target Country"] == "Armenia"
    assert row["Event Text"] == "Fight with artillery and tanks"
    assert row["CAMEO Code"] == "194" and row["Intensity"] == -10.0
    assert (row["City"], row["Country"]) == ("Jermuk", "Armenia")
    assert row["Latitude"] == pytest.approx(39.84) and row["Publisher"] == "azatutyun.am"
    assert pd.isna(row["Sentence Number"]) and pd.isna(row["District"])
    # The ACCUSE row's target is Azerbaijan the country: a name, no sector.
    [acc] = df[df["CAMEO Code"] == "112"].to_dict("records")
    assert acc["Target Country"] == "Azerbaijan" and pd.isna(acc["Target Sectors"])


def test_plover_rows_and_nested_jsonl(store, tmp_path):
    export(store, tmp_path / "p.csv", format="csv", flavor="plover", include_negated=True)
    df = read(tmp_path / "p.csv", "csv")
    neg = df[df["negated"] == "True"]
    assert neg["story_id"].tolist() == ["azatutyun-32031001"]
    [acc] = df[df["event"] == "ACCUSE"].to_dict("records")
    assert (acc["actor_code"], acc["actor_sector"], acc["recipient_code"]) == ("ARM", "GOV", "AZE")
    assert acc["context"] == "territory" and acc["quad_code"] == "3"
    assert acc["event_loc_resolved_place"] == "Yerevan" and acc["event_text"] == "accused"
    assert acc["id"] == "armenpress-1093000:E1" and acc["publication"] == "armenpress.am"

    export(store, tmp_path / "p.jsonl", format="jsonl", flavor="plover")
    recs = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text().splitlines()]
    [call] = [r for r in recs if r["id"] == "apa-1:E1"]
    assert call["actor"] == [{"code": "IRN", "sector": "GOV",
                              "entity_text": "Hossein Amir Abdollahian"}]
    assert call["event"] == ["CONSULT"] and call["mode"] == ["phone"]
    assert call["event_loc"]["country_code"] == "AZE"
    assert call["cite_info"]["publication"] == "apa.az"
    assert not any(r["negated"] for r in recs)


def test_filters_narrow_an_export(store, tmp_path):
    assert export(store, tmp_path / "a.csv", flavor="plover", type="ASSAULT") == 1
    assert export(store, tmp_path / "a.csv", flavor="plover", type="ASSAULT",
                  include_negated=True) == 2
    assert export(store, tmp_path / "g.csv", flavor="gdelt", date_from="2022-10-01") == 3


def test_empty_store_writes_headers(tmp_path):
    with Store(tmp_path / "empty.db") as s:
        assert export(s, tmp_path / "e.parquet", format="parquet", flavor="gdelt") == 0
        assert pq.read_schema(tmp_path / "e.parquet").names == columns("gdelt")
        export(s, tmp_path / "e.csv", format="csv", flavor="icews")
        assert (tmp_path / "e.csv").read_text().startswith("Event ID,Event Date,")


def test_unknown_format_and_flavor(store, tmp_path):
    with pytest.raises(ValueError, match="csv, parquet, jsonl"):
        export(store, tmp_path / "x", format="xlsx")
    with pytest.raises(ValueError, match="plover, gdelt, icews, acled"):
        export(store, tmp_path / "x", flavor="ucdp")


def test_export_command(store, tmp_path, capsys):
    from communique.cli import main

    out = tmp_path / "events.parquet"  # the format follows the suffix
    assert main(["export", "--db", str(store.path), "--flavor", "gdelt", "--output", str(out)]) == 0
    assert "wrote 6 gdelt rows" in capsys.readouterr().err
    assert pq.read_schema(out).names == columns("gdelt")
    out = tmp_path / "icews.csv"
    assert main(["export", "--db", str(store.path), "--flavor", "icews", "--include-negated",
                 "--type", "ASSAULT", "--output", str(out)]) == 0
    assert len(read(out, "csv")) == 2


# -- gdelt: actor pairs, root events, ADM1 codes, source URLs -------------------------

TABRIZ = {"name": "Tabriz", "country": "IRN", "lat": 38.08, "lon": 46.29, "precision": "city"}
MEETING = {"type": "CONSULT", "mode": "visit", "contexts": ["diplomatic"], "cameo": "043",
           "quad_class": 1, "goldstein": 2.8, "plover_score": 2.0}


def _pairs_corpus() -> list[dict]:
    from .test_store import make_record

    iraq = ("Iraq", "country", "IRQ", None, None, ["Iraq"])
    syria = ("Syria", "country", "SYR", None, None, ["Syria"])
    iran = ("Iran", "country", "IRN", None, None, ["Iran"])
    t1 = ("Iraq and Syria met Iran in Tabriz on Monday. Later, Iraq met Iran again.")
    r1 = make_record(
        "plain-1", t1, published="2023-05-02", actors=[iraq, syria, iran],
        events=[{**MEETING, "trigger": "met", "actor": ["Iraq", "Syria"], "recipient": ["Iran"],
                 "date": "2023-05-01", "location": TABRIZ},
                {**MEETING, "trigger": "met Iran again", "actor": ["Iraq"], "recipient": ["Iran"],
                 "date": "2023-05-02"}])
    t2 = "Iraq and Syria met Iran in Tabriz on Monday, officials said."
    r2 = make_record(
        "wire-2", t2, published="2023-05-02", url="https://wire.example.org/2023/05/tabriz",
        actors=[iraq, syria, iran],
        events=[{**MEETING, "trigger": "met", "actor": ["Iraq", "Syria"], "recipient": ["Iran"],
                 "date": "2023-05-01", "location": TABRIZ}])
    return [r1, r2]


@pytest.fixture(scope="module")
def pairs_store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("pairs") / "events.db")
    s.add(_pairs_corpus())
    yield s
    s.close()


def test_gdelt_writes_one_row_per_actor_pair(pairs_store, tmp_path):
    export(pairs_store, tmp_path / "g.csv", format="csv", flavor="gdelt")
    df = read(tmp_path / "g.csv", "csv")
    tabriz = df[df["ActionGeo_FullName"] == "Tabriz"]
    # two actors (Iraq, Syria) and one recipient (Iran): two rows, one per pair
    assert sorted(zip(tabriz["Actor1CountryCode"], tabriz["Actor2CountryCode"])) == \
        [("IRQ", "IRN"), ("SYR", "IRN")]
    assert set(tabriz["EventCode"]) == {"043"} and set(tabriz["NumArticles"]) == {"2"}
    ids = [int(x) for x in df["GLOBALEVENTID"]]
    assert len(set(ids)) == len(ids), "GLOBALEVENTID is unique per row"
    assert len({i // 1000 for i in tabriz["GLOBALEVENTID"].astype(int)}) == 1, \
        "GLOBALEVENTID // 1000 is the deduplicated event"
    assert len(df) == 3  # the Tabriz meeting's two pairs + the later Iraq-Iran meeting


def test_gdelt_is_root_event_is_the_articles_lead_event(pairs_store, tmp_path):
    export(pairs_store, tmp_path / "g.csv", format="csv", flavor="gdelt")
    df = read(tmp_path / "g.csv", "csv")
    assert set(df[df["ActionGeo_FullName"] == "Tabriz"]["IsRootEvent"]) == {"1"}
    [later] = df[df["ActionGeo_FullName"] == ""].to_dict("records")
    assert later["IsRootEvent"] == "0"  # the second sentence's meeting


def test_gdelt_adm1_code_and_source_url(pairs_store, tmp_path):
    export(pairs_store, tmp_path / "g.csv", format="csv", flavor="gdelt")
    df = read(tmp_path / "g.csv", "csv")
    tabriz = df[df["ActionGeo_FullName"] == "Tabriz"].to_dict("records")
    # Tabriz lies in East Azerbaijan, GeoNames admin1 33; GDELT writes FIPS IR + 33
    assert {r["ActionGeo_ADM1Code"] for r in tabriz} == {"IR33"}
    assert {r["ActionGeo_CountryCode"] for r in tabriz} == {"IR"}
    # the first article to report it had no URL; the second had one, and it is the source
    assert {r["SOURCEURL"] for r in tabriz} == {"https://wire.example.org/2023/05/tabriz"}
    [later] = df[df["ActionGeo_FullName"] == ""].to_dict("records")
    assert later["SOURCEURL"] == "plain-1"  # no article of it has a URL: its id


def test_adm1_code_rules():
    from communique.export import adm1_code

    assert adm1_code({"name": "Iran", "country": "IRN", "precision": "country"}) == "IR"
    assert adm1_code({"name": "Houston", "country": "USA", "lat": 29.76, "lon": -95.36,
                      "precision": "city"}) == "USTX"
    # a name with no GeoNames city near the point: unknown, not guessed
    assert adm1_code({"name": "Houston", "country": "USA", "lat": 10.0, "lon": 10.0,
                      "precision": "city"}) is None
    assert adm1_code(None) is None and adm1_code({"name": "x", "country": None}) is None


def test_cameo_codes_stay_strings(store, tmp_path):
    """CSV readers keep the leading zero with the dtype the docs give; Parquet stores strings."""
    export(store, tmp_path / "g.csv", format="csv", flavor="gdelt")
    doc = DOC.read_text(encoding="utf-8")
    hint = re.search(r"pd\.read_csv\(path, dtype=(\{.*?\})\)", doc).group(1)
    dtype = eval(hint, {"str": str})  # noqa: S307 - the docs' own literal
    df = pd.read_csv(tmp_path / "g.csv", dtype=dtype)
    assert "041" in set(df["EventCode"]) and "04" in set(df["EventRootCode"])
    export(store, tmp_path / "g.parquet", format="parquet", flavor="gdelt")
    schema = pq.read_schema(tmp_path / "g.parquet")
    for name in ("EventCode", "EventBaseCode", "EventRootCode", "Actor1Code", "ActionGeo_ADM1Code"):
        assert str(schema.field(name).type) == "string", name
    export(store, tmp_path / "p.parquet", format="parquet", flavor="plover")
    assert str(pq.read_schema(tmp_path / "p.parquet").field("cameo").type) == "string"
    export(store, tmp_path / "i.parquet", format="parquet", flavor="icews")
    assert str(pq.read_schema(tmp_path / "i.parquet").field("CAMEO Code").type) == "string"


def test_acled_rows(store, tmp_path):
    export(store, tmp_path / "a.csv", format="csv", flavor="acled")
    df = read(tmp_path / "a.csv", "csv")
    assert sorted(df["plover_type"]) == ["ASSAULT", "PROTEST"]
    [fight] = df[df["plover_type"] == "ASSAULT"].to_dict("records")
    # ASSAULT with firearms on Armenia (no civilian recipient): a battle.
    assert (fight["event_type"], fight["sub_event_type"]) == ("Battles", "Armed clash")
    assert (fight["event_date"], fight["time_precision"], fight["fatalities"]) == ("2022-09-13", "1", "49")
    assert (fight["location"], fight["iso3"], fight["civilian_targeting"]) == ("Jermuk", "ARM", "")
    [demo] = df[df["plover_type"] == "PROTEST"].to_dict("records")
    assert (demo["event_type"], demo["sub_event_type"]) == ("Protests", "Peaceful protest")


def test_export_command_takes_every_event_filter(store, tmp_path, capsys):
    """`export` has the options of `query` (filters.EVENT_FILTER_TABLE), and applies them."""
    from communique.cli import main

    out = tmp_path / "mil.csv"
    assert main(["export", "--db", str(store.path), "--actor-sector", "mil",
                 "--output", str(out)]) == 0
    df = read(out, "csv")
    assert len(df) == len(store.query_events(actor_sector="MIL", limit=None)) >= 1
    assert all("MIL" in s.split(";") for s in df["actor_sector"])
    # GDELT rows are deduplicated events: a filter they cannot apply is refused, unwritten.
    out = tmp_path / "g.csv"
    assert main(["export", "--db", str(store.path), "--flavor", "gdelt", "--actor-name",
                 "Bayramov", "--output", str(out)]) == 2
    assert "--flavor plover" in capsys.readouterr().err and not out.exists()
