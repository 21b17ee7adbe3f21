"""The pages in a real headless Chromium (Debian's), against a real uvicorn server.

Screenshots of every page go to test-artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("selenium")
uvicorn = pytest.importorskip("uvicorn")

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from communique.server import create_app  # noqa: E402
from communique.store import Store  # noqa: E402

from .records import SEED, XSS, FakeCoder, all_records, stored  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
SETUP = ROOT / "tests" / "browser" / "setup_chromium.sh"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
SEED_TEXT = SEED.read_text("utf-8") if SEED.exists() else None


def _have_browser() -> bool:
    return os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)


def _serve(app):
    """Run ``app`` under uvicorn on 127.0.0.1 and a free port in a thread; yield its URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real server over a store of hand-made records, with a coder that returns them."""
    records = all_records(SEED_TEXT)
    db = stored(tmp_path_factory.mktemp("server"), records)
    coder = FakeCoder(records)
    # Many tests post from one address within a minute: the limit is tested in test_api.
    yield from _serve(create_app(db, coder_factory=lambda: coder, rate_limit=(1000, 60)))


@pytest.fixture(scope="module")
def real_server(tmp_path_factory):
    """A real server with the real coder (spaCy loads on the first request)."""
    yield from _serve(create_app(tmp_path_factory.mktemp("real") / "events.db"))


@pytest.fixture(scope="module")
def browser():
    if not _have_browser() and os.environ.get("CI") and os.geteuid() == 0:
        # A fresh CI machine: install Debian's packages once (idempotent script).
        subprocess.run(["bash", str(SETUP)], check=False, timeout=900)
    if not _have_browser():
        pytest.skip(f"no {CHROMIUM} / {CHROMEDRIVER}: run `bash {SETUP.relative_to(ROOT)}` "
                    f"(apt-get install chromium chromium-driver)")
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager fetch drivers
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--force-device-scale-factor=1",
                "--disable-extensions", "--no-first-run", "--lang=en-US"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    except WebDriverException as exc:
        pytest.skip(f"chromium did not start: {exc.msg}")
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


@pytest.fixture()
def page(browser):
    """The shared browser, its console log drained so each test sees only its own."""
    browser.get_log("browser")
    return browser


def wait(driver, seconds: float = 15) -> WebDriverWait:
    return WebDriverWait(driver, seconds)


def shot(driver, name: str) -> Path:
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def full_shot(driver, name: str) -> Path:
    """Screenshot the whole page height (within reason), then restore the window."""
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 2400)")
    size = driver.get_window_size()
    driver.set_window_size(size["width"], max(size["height"], height + 140))
    try:
        return shot(driver, name)
    finally:
        driver.set_window_size(size["width"], size["height"])


def to_docs(path: Path, name: str) -> None:
    """With COMMUNIQUE_UPDATE_DOCS_IMG=1, copy a screenshot to docs/img/NAME.png
    (the pictures docs/server.md and the README show)."""
    if os.environ.get("COMMUNIQUE_UPDATE_DOCS_IMG"):
        docs_img = ROOT / "docs" / "img" / f"{name}.png"
        docs_img.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, docs_img)


def console_errors(driver) -> list[str]:
    """SEVERE console entries: script errors, CSP violations, failed loads."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def no_injected_script_ran(driver) -> None:
    assert driver.execute_script("return window.__xss === undefined"), "injected script ran"


def test_annotate_highlights_the_seed_article(server, page):
    if SEED_TEXT is None:
        pytest.skip("no examples/iran-azerbaijan-call.txt")
    d = page
    d.get(server + "/annotate")
    paste_and_code(d, SEED_TEXT, "2022-10-03")
    wait(d).until(EC.visibility_of_element_located((By.ID, "annotated")))
    doc = d.find_element(By.ID, "annotated")
    assert doc.text.replace("\n", "") .startswith("Iran FM talks to Azeri counterpart")
    triggers = {e.text for e in doc.find_elements(By.CSS_SELECTOR, "span.t")}
    assert {"telephone call", "opposition", "praised", "scheduled visit"} <= triggers
    actors = {e.text for e in doc.find_elements(By.CSS_SELECTOR, "span.a")}
    assert {"Hossein Amir Abdollahian", "Jeyhun Bayramov", "Iran FM"} <= actors
    assert doc.find_elements(By.CSS_SELECTOR, "span.q")
    # Click the trigger: its record shows type, mode, CAMEO, actor -> recipient, date, place.
    call = next(e for e in doc.find_elements(By.CSS_SELECTOR, "span.t") if e.text == "telephone call")
    call.click()
    details = d.find_element(By.ID, "details").text
    for expected in ("CONSULT (phone)", "041", "Hossein Amir Abdollahian (IRNGOV) → Jeyhun Bayramov",
                     "2022-10-02 (day)", "Tehran, IRN"):
        assert expected in details
    assert "selected" in call.get_attribute("class")
    d.execute_script("document.getElementById('annotated').scrollTop = 0; window.scrollTo(0, 0)")
    full_shot(d, "annotate")
    # Clicking an actor shows the actor's record.
    next(e for e in doc.find_elements(By.CSS_SELECTOR, "span.a")
         if e.text == "Jeyhun Bayramov").click()
    assert "AZEGOV" in d.find_element(By.ID, "details").text
    assert not console_errors(d)


def paste_and_code(d, text: str, published: str) -> None:
    box = d.find_element(By.ID, "article-text")
    d.execute_script("arguments[0].value = arguments[1];"
                     "arguments[0].dispatchEvent(new Event('input'));", box, text)
    d.execute_script("arguments[0].value = arguments[1]", d.find_element(By.ID, "published"),
                     published)
    d.find_element(By.ID, "code-btn").click()


def test_annotate_with_the_real_coder(real_server, page):
    """End to end: the seed article through the real pipeline, highlighted in the page."""
    if SEED_TEXT is None:
        pytest.skip("no examples/iran-azerbaijan-call.txt")
    d = page
    d.get(real_server + "/annotate")
    paste_and_code(d, SEED_TEXT, "2022-10-03")
    wait(d, 120).until(EC.visibility_of_element_located((By.ID, "annotated")))
    doc = d.find_element(By.ID, "annotated")
    actors = {e.text for e in doc.find_elements(By.CSS_SELECTOR, "span.a")}
    assert {"Hossein Amir Abdollahian", "Jeyhun Bayramov"} <= actors
    assert doc.find_elements(By.CSS_SELECTOR, "span.q")
    call = next(e for e in doc.find_elements(By.CSS_SELECTOR, "span.t")
                if "telephone call" in e.text or e.text == "call")
    call.click()
    assert "CONSULT" in d.find_element(By.ID, "details").text
    d.execute_script("document.getElementById('annotated').scrollTop = 0; window.scrollTo(0, 0)")
    path = full_shot(d, "annotate-real-coder")
    assert not console_errors(d)
    to_docs(path, "annotate")  # the README's picture


def test_annotate_shows_markup_in_an_article_as_text(server, page):
    d = page
    d.get(server + "/annotate")
    text = f"Iran condemned the attack. {XSS} Tehran said it would respond."
    d.execute_script("arguments[0].value = arguments[1]", d.find_element(By.ID, "article-text"), text)
    d.find_element(By.ID, "code-btn").click()
    wait(d).until(EC.visibility_of_element_located((By.ID, "annotated")))
    assert "<script>window.__xss = 1" in d.find_element(By.ID, "annotated").text
    assert not d.find_elements(By.CSS_SELECTOR, "#annotated script, #annotated img")
    no_injected_script_ran(d)
    d.find_element(By.CSS_SELECTOR, "#annotated span.t").click()
    assert "Iran<script>" in d.find_element(By.ID, "details").text
    no_injected_script_ran(d)


def test_annotate_shows_the_servers_error_message(server, page):
    d = page
    d.get(server + "/annotate")
    d.execute_script("arguments[0].value = 'FAIL please'", d.find_element(By.ID, "article-text"))
    d.find_element(By.ID, "code-btn").click()
    status = d.find_element(By.ID, "status")
    wait(d).until(lambda _: "could not code" in status.text)
    assert "error" in status.get_attribute("class")


def rows(d):
    return d.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")


def test_events_table_filters_and_links_to_the_sentence(server, page):
    d = page
    d.get(server + "/events")
    summary = d.find_element(By.ID, "summary")
    wait(d).until(lambda _: " of " in summary.text)
    total = int(summary.text.rsplit(" of ", 1)[1])
    assert len(rows(d)) == total >= 10
    Select(d.find_element(By.ID, "f-type")).select_by_value("ASSAULT")
    d.find_element(By.ID, "f-country").send_keys("ARM")
    d.find_element(By.ID, "filter-btn").click()
    wait(d).until(lambda _: "type=ASSAULT" in d.current_url and " of " in
                  d.find_element(By.ID, "summary").text)
    filtered = rows(d)
    assert 0 < len(filtered) < total
    for r in filtered:
        assert r.find_elements(By.TAG_NAME, "td")[1].text.startswith("ASSAULT")
    # The form keeps the filter it was loaded with.
    assert Select(d.find_element(By.ID, "f-type")).first_selected_option.text == "ASSAULT"
    full_shot(d, "events")
    link = filtered[0].find_element(By.CSS_SELECTOR, "td.sentence-cell a")
    sentence_start = link.text[:30]
    link.click()
    wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#annotated .sentence")))
    highlighted = "".join(e.text for e in d.find_elements(By.CSS_SELECTOR, "#annotated .sentence"))
    assert highlighted.startswith(sentence_start)
    trigger = d.find_element(By.CSS_SELECTOR, "#annotated .sentence.t")
    assert trigger.text and trigger.text in highlighted
    assert "ASSAULT" in d.find_element(By.ID, "event-title").text
    shot(d, "event")
    assert not console_errors(d)


def test_events_table_columns_order_and_downloads(server, page):
    import csv
    import io
    import re

    import httpx

    d = page
    d.get(server + "/events")
    wait(d).until(lambda _: " of " in d.find_element(By.ID, "summary").text)
    # Newest first by default, undated events last.
    dates = [r.find_elements(By.TAG_NAME, "td")[0].text for r in rows(d)]
    dated = [x for x in dates if x != "—"]
    assert dated == sorted(dated, reverse=True) and dates[:len(dated)] == dated
    assert Select(d.find_element(By.ID, "f-order")).first_selected_option.text == "newest first"
    heads = [h.text for h in d.find_elements(By.CSS_SELECTOR, "#events-table thead th")]
    assert heads[4:6] == ["Goldstein", "Fatalities"]
    cells = [[td.text for td in r.find_elements(By.TAG_NAME, "td")] for r in rows(d)]
    # Goldstein always with one decimal (the store has 1.0, 3.4, -10.0 ...).
    assert all(re.fullmatch(r"-?\d+\.\d", c[4]) for c in cells), [c[4] for c in cells]
    assert {"1.0", "3.4", "-10.0"} <= {c[4] for c in cells}
    # Fatalities: the number where the article gives one, a dash where it does not.
    if SEED_TEXT is not None:
        karabakh = [c for c in cells if "Karabakh" in c[6] and c[5] != "—"]
        assert [c[5] for c in karabakh] == ["100"]
    assert {c[5] for c in cells} - {"—"} <= {"100", "3"}  # the hand-made records' numbers
    # Placeholders read as examples, not as set filters: "e.g.", empty value, faint.
    box = d.find_element(By.ID, "f-actor-country")
    assert box.get_attribute("placeholder").startswith("e.g.") and box.get_attribute("value") == ""
    faint = d.execute_script("return getComputedStyle(arguments[0], '::placeholder').color", box)
    ink = d.execute_script("return getComputedStyle(arguments[0]).color", box)
    assert faint != ink
    # Oldest first on request.
    Select(d.find_element(By.ID, "f-order")).select_by_value("oldest")
    d.find_element(By.ID, "f-country").send_keys("ARM")
    d.find_element(By.ID, "filter-btn").click()
    wait(d).until(lambda _: "order=oldest" in d.current_url and " of " in
                  d.find_element(By.ID, "summary").text)
    dates = [r.find_elements(By.TAG_NAME, "td")[0].text for r in rows(d)]
    dated = [x for x in dates if x != "—"]
    assert dated == sorted(dated)
    d.execute_script("window.scrollTo(0, 0)")
    to_docs(full_shot(d, "events-downloads"), "events")
    # The download links carry the current filter and give every matching event.
    href = d.find_element(By.ID, "download-csv").get_attribute("href")
    assert "country=ARM" in href and "/api/events.csv" in href
    assert "country=ARM" in d.find_element(By.ID, "download-parquet").get_attribute("href")
    table = list(csv.DictReader(io.StringIO(httpx.get(href).text)))
    total = int(d.find_element(By.ID, "summary").text.rsplit(" of ", 1)[1])
    assert len(table) == total == len(rows(d))
    assert all("ARM" in t["actor_code"] + t["recipient_code"] for t in table)
    assert not console_errors(d)


def test_events_link_to_their_article_url(server, page):
    import json
    import urllib.request

    d = page
    d.get(server + "/events")
    wait(d).until(lambda _: " of " in d.find_element(By.ID, "summary").text)
    with urllib.request.urlopen(server + "/api/events?order=newest&limit=50") as resp:
        by_id = {str(e["id"]): e for e in json.load(resp)["events"]}
    linked = 0
    for r in rows(d):
        ev = by_id[r.get_attribute("data-event-id")]
        links = r.find_elements(By.CSS_SELECTOR, "a.article-url")
        if (ev["url"] or "").startswith(("http://", "https://")):
            assert [a.get_attribute("href") for a in links] == [ev["url"]]
            assert links[0].get_attribute("rel") == "noopener noreferrer"
            linked += 1
        else:
            assert links == []
    assert linked >= 3
    d.get(server + "/events?article_id=xss-article")  # its url is javascript:...
    wait(d).until(lambda _: len(rows(d)) == 1)
    assert not d.find_elements(By.CSS_SELECTOR, "a.article-url")


def test_events_escape_query_parameters_and_article_markup(server, page):
    d = page
    payload = "<script>window.__xss=4</script>"
    d.get(server + "/events?actor_name=" + quote(payload) + "&text=" + quote(payload))
    wait(d).until(lambda _: d.find_element(By.ID, "summary").text not in ("", "Loading…"))
    assert d.find_element(By.ID, "f-actor").get_attribute("value") == payload
    no_injected_script_ran(d)
    d.get(server + "/events?article_id=xss-article")
    wait(d).until(lambda _: len(rows(d)) == 1)
    assert "<script>" in rows(d)[0].text  # the title, shown as text
    rows(d)[0].find_element(By.CSS_SELECTOR, "td.sentence-cell a").click()
    wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#annotated .sentence")))
    assert "<img src=x" in d.find_element(By.ID, "annotated").text
    url_row = d.find_element(By.ID, "details").text
    assert "javascript:window.__xss=3" in url_row
    assert not d.find_elements(By.CSS_SELECTOR, "#details a[href^='javascript']")
    no_injected_script_ran(d)


def test_dyad_chart_draws_counts_and_goldstein(server, page):
    d = page
    d.get(server + "/dyad?a=ARM&b=AZE")
    wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#chart rect.bar")))
    bars = d.find_elements(By.CSS_SELECTOR, "#chart rect.bar")
    assert len(bars) >= 5
    assert {b.get_attribute("class").split()[-1] for b in bars} >= {"q1", "q3", "q4"}
    assert d.find_elements(By.CSS_SELECTOR, "#chart path.goldstein-line")
    assert len(d.find_elements(By.CSS_SELECTOR, "#chart circle.goldstein-dot")) == 3
    assert "2022-09" in d.find_element(By.ID, "chart").text
    assert len(d.find_elements(By.CSS_SELECTOR, "#dyad-table tbody tr")) == 3
    to_docs(full_shot(d, "dyad"), "dyad")
    Select(d.find_element(By.ID, "period")).select_by_value("week")
    d.find_element(By.CSS_SELECTOR, "#dyad-form button").click()
    wait(d).until(lambda _: len(d.find_elements(By.CSS_SELECTOR, "#dyad-table tbody tr")) > 3)
    assert "period=week" in d.current_url
    assert not console_errors(d)


def _csv_rows(href: str) -> list[tuple[str, str, str, str]]:
    """A downloaded CSV as (date, event, actor_code, recipient_code) rows, sorted."""
    import csv
    import io

    import httpx

    resp = httpx.get(href)
    assert resp.status_code == 200, resp.text
    return sorted((r["date"], r["event"], r["actor_code"], r["recipient_code"])
                  for r in csv.DictReader(io.StringIO(resp.text)))


def test_dyad_downloads_hold_the_dyads_events(server, page):
    d = page
    d.get(server + "/dyad?a=ARM&b=AZE")
    wait(d).until(lambda _: d.find_element(By.ID, "status").text.endswith(" events"))
    hrefs = {i: d.find_element(By.ID, i).get_attribute("href")
             for i in ("download-csv", "download-parquet", "download-csv-ba", "download-parquet-ba")}
    assert hrefs["download-csv"] == server + "/api/events.csv?actor_country=ARM&recipient_country=AZE"
    assert hrefs["download-parquet"] == server + "/api/events.parquet?actor_country=ARM&recipient_country=AZE"
    assert hrefs["download-csv-ba"] == server + "/api/events.csv?actor_country=AZE&recipient_country=ARM"
    assert hrefs["download-parquet-ba"].endswith("/api/events.parquet?actor_country=AZE&recipient_country=ARM")
    assert "ARM → AZE:" in d.find_element(By.ID, "downloads").text
    # By hand from records.py: ARM → AZE is arm-aze-1's accusation (and the seed's
    # September escalation); AZE → ARM the clashes of arm-aze-2 and -3, arm-aze-4's
    # threat and the Jermuk shelling's four mentions (one event in three articles).
    seed = [("2022-09", "ASSAULT", "ARM", "AZE")] if SEED_TEXT is not None else []
    assert _csv_rows(hrefs["download-csv"]) == sorted(
        [("2022-07-14", "ACCUSE", "ARM", "AZE"), *seed])
    assert _csv_rows(hrefs["download-csv-ba"]) == [
        ("2022-08-03", "ASSAULT", "AZE", "ARM"), ("2022-09-14", "ASSAULT", "AZE", "ARM"),
        ("2022-09-20", "ACCUSE", "AZE", "ARM")] + [("2022-09-27", "ASSAULT", "AZE", "ARM")] * 4
    # The chart counts deduplicated events, and the two agreements listing both as
    # actors, which no /api/events filter selects (docs/server.md): 1 (+1) + 4 + 2.
    assert d.find_element(By.ID, "status").text == f"{7 + len(seed)} events"
    # A side given as an actor code has no /api/events filter: no links.
    d.get(server + "/dyad?a=IRNGOV&b=AZE")
    wait(d).until(lambda _: d.find_element(By.ID, "status").text.endswith(" events"))
    assert not d.find_element(By.ID, "downloads").is_displayed()
    assert not console_errors(d)


def test_network_downloads_hold_every_event(server, page):
    d = page
    d.get(server + "/network")
    wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#network g.node")))
    href = d.find_element(By.ID, "download-csv").get_attribute("href")
    assert href == server + "/api/events.csv"  # the page has no event filter to pass on
    assert d.find_element(By.ID, "download-parquet").get_attribute("href") == server + "/api/events.parquet"
    table = _csv_rows(href)
    # records.py: 7 events in arm-aze-1..4, 4 Jermuk mentions, Georgia's and the
    # XSS article's one each; the seed adds its six.
    assert len(table) == 13 + (6 if SEED_TEXT is not None else 0)
    assert ("2022-09-30", "MOBILIZE", "GEO", "") in table  # a stub of the graph
    assert ("2022-09-20", "CONSULT", "ARM", "RUS") in table
    assert not console_errors(d)


def test_dyad_colours_are_the_cli_charts_colours(server, page, tmp_path):
    """Each quad class has the colour `communique plot` gives it (not a reversed palette)."""
    pytest.importorskip("matplotlib")
    import re

    from communique.analytics import plot_dyad

    db = tmp_path / "dyad.db"
    with Store(db) as store:
        store.add(all_records(SEED_TEXT))
        svg_text = plot_dyad(store, "ARM", "AZE", tmp_path / "dyad.svg").read_text("utf-8")
    # The CLI chart's legend: a patch with a fill, then its label.
    legend = svg_text[svg_text.index('<g id="legend_1">'):]
    cli = {label: fill.lower() for fill, label in
           re.findall(r'fill: (#[0-9a-fA-F]{6})"/>\s*</g>\s*<g[^>]*>\s*<text[^>]*>([a-z ]+)</text>',
                      legend)}
    assert set(cli) == {"verbal cooperation", "material cooperation", "verbal conflict",
                        "material conflict"}, cli
    d = page
    d.get(server + "/dyad?a=ARM&b=AZE")
    wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#chart rect.bar")))
    web = d.execute_script("""return [...document.querySelectorAll('#chart rect.bar')].map(
        r => [r.querySelector('title').textContent.split(' × ')[1], r.getAttribute('fill')]);""")
    assert len({label for label, _ in web}) >= 3
    for label, fill in web:
        assert fill.lower() == cli[label], (label, fill, cli[label])
    # The Events page's type tags use the same colours.
    d.get(server + "/events?quad_class=4")
    wait(d).until(lambda _: rows(d))
    tag = rows(d)[0].find_element(By.CSS_SELECTOR, "span.tag")
    rgb = d.execute_script("return getComputedStyle(arguments[0]).backgroundColor", tag)
    want = cli["material conflict"]
    assert rgb == "rgb({}, {}, {})".format(*(int(want[i:i + 2], 16) for i in (1, 3, 5)))


def test_network_graph_is_interactive(server, page):
    d = page
    d.get(server + "/network")
    wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#network g.node")))
    nodes = d.find_elements(By.CSS_SELECTOR, "#network g.node")
    assert {n.get_attribute("data-id") for n in nodes} >= {"ARM", "AZE", "IRN"}
    assert len(d.find_elements(By.CSS_SELECTOR, "#network path.edge")) >= 3
    # Nodes are laid out apart, not piled up.
    boxes = [n.rect for n in nodes]
    assert len({(round(b["x"]), round(b["y"])) for b in boxes}) == len(boxes)
    arm = next(n for n in nodes if n.get_attribute("data-id") == "ARM")
    arm.find_element(By.TAG_NAME, "circle").click()
    details = d.find_element(By.ID, "details")
    wait(d).until(lambda _: "Links" in details.text)
    assert "ARM → AZE" in details.text
    full_shot(d, "network")
    Select(d.find_element(By.ID, "level")).select_by_value("actor")
    node_ids = "return [...document.querySelectorAll('#network g.node')].map(n => n.dataset.id)"
    wait(d).until(lambda _: "Jeyhun Bayramov" in d.execute_script(node_ids))
    no_injected_script_ran(d)  # an actor name carries markup
    shot(d, "network-actors")
    assert not console_errors(d)


def test_map_plots_event_locations_offline(server, page):
    d = page
    d.get(server + "/map")
    wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#map circle.place")))
    assert len(d.find_elements(By.CSS_SELECTOR, "#map path.country")) > 100
    places = d.find_elements(By.CSS_SELECTOR, "#map circle.place")
    assert len(places) >= 4
    places[-1].click()  # drawn last: on top of any bigger circle
    assert "Events" in d.find_element(By.ID, "details").text
    assert d.find_elements(By.CSS_SELECTOR, "#details a[href^='/events/']")
    shot(d, "map")
    assert not console_errors(d)


def test_api_docs_render_offline(server, page):
    d = page
    d.get(server + "/docs")
    wait(d, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".opblock")))
    text = d.find_element(By.ID, "swagger-ui").text
    for path in ("/api/code", "/api/events", "/api/network"):
        assert path in text
    shot(d, "docs")
    # No request left the machine: every resource came from our server.
    urls = d.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(server) for u in urls)
    assert not console_errors(d)


def test_annotate_adds_the_article_to_the_store(server, page):
    d = page
    text = "Georgia and Turkey signed a trade agreement in Tbilisi on Tuesday."
    d.get(server + "/annotate")
    d.execute_script("arguments[0].value = arguments[1]", d.find_element(By.ID, "article-text"), text)
    d.find_element(By.ID, "store-btn").click()
    status = d.find_element(By.ID, "status")
    wait(d).until(lambda _: "its events" in status.text)
    assert status.text.startswith("Added article sha1:")
    d.find_element(By.ID, "store-btn").click()  # idempotent: the second time it is skipped
    wait(d).until(lambda _: status.text.startswith("Already stored"))
    status.find_element(By.TAG_NAME, "a").click()
    wait(d).until(lambda _: "No events match" in d.find_element(By.ID, "summary").text)
    assert "article_id=sha1" in d.current_url


def test_dyad_escapes_query_parameters(server, page):
    d = page
    payload = "<img src=x onerror=window.__xss=5>"
    d.get(server + "/dyad?a=" + quote(payload) + "&b=AZE")
    wait(d).until(lambda _: d.find_element(By.ID, "chart-title").text)
    assert payload in d.find_element(By.ID, "chart-title").text
    assert not d.find_elements(By.CSS_SELECTOR, "#dyad-form img, #chart-title img")
    no_injected_script_ran(d)


def test_annotate_takes_pasted_html_as_a_page(server, page):
    d = page
    html = ("<html><head><title>Talks</title><script>window.__xss = 6</script></head><body>"
            "<nav>Home | World | Sport</nav><article><h1>Talks in Baku</h1>"
            "<p>Iran and Azerbaijan held talks in Baku on Monday about the border and trade. "
            "The ministers agreed to meet again next month to continue the discussion.</p>"
            "<p>Both sides said the meeting had been constructive and useful for the region.</p>"
            "</article></body></html>")
    d.get(server + "/annotate")
    d.execute_script("arguments[0].value = arguments[1]", d.find_element(By.ID, "article-text"), html)
    d.find_element(By.ID, "code-btn").click()
    wait(d).until(EC.visibility_of_element_located((By.ID, "annotated")))
    shown = d.find_element(By.ID, "annotated").text
    assert "Iran and Azerbaijan held talks in Baku" in shown
    assert "<p>" not in shown and "window.__xss" not in shown
    no_injected_script_ran(d)


def test_event_page_scrolls_its_sentence_into_view(server, page):
    if SEED_TEXT is None:
        pytest.skip("no examples/iran-azerbaijan-call.txt")
    import httpx

    ev = httpx.get(server + "/api/events", params={"article_id": "seed", "type": "CONSULT",
                                                   "mode": "visit"}).json()["events"][0]
    d = page
    d.get(f"{server}/events/{ev['id']}")
    wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#annotated .sentence")))
    time.sleep(0.3)
    inside = d.execute_script("""
        const s = document.querySelector('#annotated .sentence').getBoundingClientRect();
        const box = document.getElementById('annotated').getBoundingClientRect();
        return s.top >= box.top && s.bottom <= box.bottom && s.bottom <= window.innerHeight;""")
    assert inside, "the event's sentence is not scrolled into view"
    text = "".join(e.text for e in d.find_elements(By.CSS_SELECTOR, "#annotated .sentence"))
    assert "scheduled visit" in text and text == ev["sentence"]["text"]
    shot(d, "event-seed")


BOXES = """return [...document.querySelectorAll(arguments[0])]
    .filter(e => getComputedStyle(e).display !== 'none')
    .map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });"""


def _overlapping(boxes) -> list:
    """Pairs of boxes [left, top, right, bottom] that overlap by more than a pixel's rounding."""
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5]


def _disjoint(boxes) -> bool:
    return not _overlapping(boxes)


def _hover_shows_a_hidden_label(d, hidden_css: str, target_css: str, label_css: str) -> None:
    """Hovering the circle of a hidden label shows that label."""
    hidden = d.find_elements(By.CSS_SELECTOR, hidden_css)
    assert hidden, "expected some labels hidden at this zoom"
    name = hidden[0].get_attribute("data-name") or hidden[0].get_attribute("data-id")
    target = d.find_element(By.CSS_SELECTOR, target_css.format(name=name))
    label = d.find_element(By.CSS_SELECTOR, label_css.format(name=name))
    assert not label.is_displayed()
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
    ActionChains(d).move_to_element(target).perform()
    wait(d).until(lambda _: label.is_displayed())


def test_map_colours_sizes_slider_and_labels(server, page):
    d = page
    d.get(server + "/map")
    status = d.find_element(By.ID, "status")
    wait(d).until(lambda _: "places" in status.text)
    circles = d.find_elements(By.CSS_SELECTOR, "#map circle.place")
    by_name = {c.get_attribute("data-name"): c for c in circles}
    assert set(by_name) == {"Nagorno-Karabakh", "Yerevan", "Tehran", "Jermuk"} | (
        {"Baku"} if SEED_TEXT is not None else set())  # Baku: an undated event, still shown
    # Colour: the place's main quad class, from the one palette; a legend says which.
    from communique.analytics import QUAD_COLORS
    for c in circles:
        assert c.get_attribute("fill") == QUAD_COLORS[int(c.get_attribute("data-quad"))]
    assert by_name["Nagorno-Karabakh"].get_attribute("data-quad") == "4"  # clashes, fighting
    assert by_name["Yerevan"].get_attribute("data-quad") == "3"  # an accusation
    legend = d.find_element(By.ID, "legend").text
    for label in ("verbal cooperation", "material cooperation", "verbal conflict",
                  "material conflict", "fatalities"):
        assert label in legend
    # Size: fatalities by default; only Karabakh reports deaths (100, in the seed).
    r = {n: float(c.get_attribute("data-r")) for n, c in by_name.items()}
    if SEED_TEXT is not None:
        assert r["Nagorno-Karabakh"] > 10 and r["Yerevan"] == r["Tehran"] == 3
    Select(d.find_element(By.ID, "size-by")).select_by_value("events")
    wait(d).until(lambda _: "number of events" in d.find_element(By.ID, "legend").text)
    wait(d).until(lambda _: float(d.find_element(
        By.CSS_SELECTOR, "#map circle[data-name='Yerevan']").get_attribute("data-r")) > 3)
    # Labels: none overlaps another at the starting zoom.
    assert _disjoint(d.execute_script(BOXES, "#map text.place-label"))
    shot(d, "map")
    # Zoomed out to the whole world the places crowd together: labels still never
    # overlap (some hide), and hovering a circle shows its hidden name.
    m = d.find_element(By.ID, "map")
    for _ in range(8):
        d.execute_script("arguments[0].dispatchEvent(new WheelEvent('wheel', {deltaY: 100,"
                         " clientX: arguments[0].getBoundingClientRect().left + 300,"
                         " clientY: arguments[0].getBoundingClientRect().top + 150,"
                         " bubbles: true, cancelable: true}))", m)
    assert _disjoint(d.execute_script(BOXES, "#map text.place-label"))
    _hover_shows_a_hidden_label(d, "#map text.place-label.hidden",
                                "#map circle.place[data-name='{name}']",
                                "#map text.place-label[data-name='{name}']")
    # The time slider narrows the dates: September 2022 (by day) has the Karabakh
    # ceasefire article's two events (2022-09-14) and the four Jermuk reports (09-27).
    d.get(server + "/map?from=2022-09-01&to=2022-09-30")
    wait(d).until(lambda _: "from 2022-09-01 to 2022-09-30" in
                  d.find_element(By.ID, "status").text)
    names = {c.get_attribute("data-name")
             for c in d.find_elements(By.CSS_SELECTOR, "#map circle.place")}
    assert names == {"Nagorno-Karabakh", "Jermuk"}
    assert d.find_element(By.ID, "status").text.startswith("2 places, 6 events, 3 fatalities")
    assert "date_from=2022-09-01" in d.find_element(By.ID, "download-csv").get_attribute("href")
    # Dragging the slider (here: setting it and firing input) reloads.
    d.execute_script("const t = document.getElementById('to-range');"
                     "t.value = t.max; t.dispatchEvent(new Event('input'));")
    # To the last located event (the xss article's, 2022-10-05): Tehran is back.
    wait(d).until(lambda _: "to=2022-10-05" in d.current_url and d.find_elements(
        By.CSS_SELECTOR, "#map circle.place[data-name='Tehran']"))
    Select(d.find_element(By.ID, "size-by")).select_by_value("fatalities")
    wait(d).until(lambda _: "fatalities reported" in d.find_element(By.ID, "legend").text)
    d.find_element(By.CSS_SELECTOR, "#map circle[data-name='Nagorno-Karabakh']").click()
    assert "Fatalities" in d.find_element(By.ID, "details").text
    shot(d, "map-slider")
    # The whole span, sized by fatalities: the picture in docs/server.md.
    d.get(server + "/map")
    wait(d).until(lambda _: "places" in d.find_element(By.ID, "status").text)
    d.find_element(By.CSS_SELECTOR, "#map circle[data-name='Nagorno-Karabakh']").click()
    to_docs(shot(d, "map-all"), "map")
    assert not console_errors(d)


def test_network_stubs_for_events_without_recipient_and_clear_labels(server, page):
    d = page
    d.get(server + "/network")
    wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#network g.node")))
    # Georgia's mobilisation has no recipient: Georgia is a node with a dashed stub.
    assert d.find_elements(By.CSS_SELECTOR, "#network g.node[data-id='GEO']")
    assert d.find_elements(By.CSS_SELECTOR, "#network line.stub[data-source='GEO']")
    assert not d.find_elements(By.CSS_SELECTOR, "#network g.node[data-id='(no recipient)']")
    assert "without a recipient" in d.find_element(By.ID, "status").text
    to_docs(shot(d, "network-stubs"), "network")
    d.find_element(By.CSS_SELECTOR, "#network g.node[data-id='GEO'] circle").click()
    wait(d).until(lambda _: "no recipient: 1 event(s)" in d.find_element(By.ID, "details").text)
    assert _disjoint(d.execute_script(BOXES, "#network g.node text"))
    Select(d.find_element(By.ID, "level")).select_by_value("actor")
    node_ids = "return [...document.querySelectorAll('#network g.node')].map(n => n.dataset.id)"
    wait(d).until(lambda _: "Jeyhun Bayramov" in d.execute_script(node_ids))
    # Actor level: no label overlaps another label or another node's circle (with
    # the pointer away from the graph: hovering shows a hidden label on purpose).
    d.execute_script("document.querySelectorAll('#network g.node.hover').forEach("
                     "n => n.dispatchEvent(new MouseEvent('mouseleave')))")
    labels = d.execute_script(BOXES, "#network g.node text")
    assert len(labels) >= 3 and _overlapping(labels) == []
    circles = d.execute_script(BOXES, "#network g.node circle")
    assert not any(l[0] < c[2] and c[0] < l[2] and l[1] < c[3] and c[1] < l[3]
                   for l in labels for c in circles
                   if not (c[0] <= (l[0] + l[2]) / 2 <= c[2] and l[3] <= c[1] + 40))
    d.execute_script("window.scrollTo(0, 0)")
    to_docs(shot(d, "network-actors-stubs"), "network-actors")
    if d.find_elements(By.CSS_SELECTOR, "#network g.node.label-hidden"):
        _hover_shows_a_hidden_label(d, "#network g.node.label-hidden",
                                    "#network g.node[data-id='{name}'] circle",
                                    "#network g.node[data-id='{name}'] text")
    # The seed's "opposition" (no recipient) is a stub from its speaker.
    if SEED_TEXT is not None:
        assert d.find_elements(By.CSS_SELECTOR,
                               "#network line.stub[data-source='Hossein Amir Abdollahian']")
    assert not console_errors(d)


def test_annotate_highlights_places(server, page):
    if SEED_TEXT is None:
        pytest.skip("no examples/iran-azerbaijan-call.txt")
    from .records import seed_record

    d = page
    d.get(server + "/annotate")
    paste_and_code(d, SEED_TEXT, "2022-10-03")
    wait(d).until(EC.visibility_of_element_located((By.ID, "annotated")))
    doc = d.find_element(By.ID, "annotated")
    want = {m["text"] for p in seed_record(SEED_TEXT)["places"] for m in p["mentions"]}
    assert "Tehran" in want
    assert {e.text for e in doc.find_elements(By.CSS_SELECTOR, "span.p")} == want
    assert d.find_element(By.ID, "n-places").text == f"({len(want)})"
    next(b for b in d.find_elements(By.CSS_SELECTOR, "#place-list button")
         if b.text.startswith("Tehran")).click()
    details = d.find_element(By.ID, "details").text
    assert "IRN" in details and "35.69, 51.39" in details and "E1 CONSULT" in details
    assert any("selected" in e.get_attribute("class")
               for e in doc.find_elements(By.CSS_SELECTOR, "span.p") if e.text == "Tehran")
    assert not console_errors(d)


def test_also_reported_in_never_links_to_the_same_article(server, page):
    import httpx

    ev = httpx.get(server + "/api/events", params={"article_id": "arm-aze-5"}).json()["events"]
    assert len(ev) == 2 and ev[0]["cluster_id"] == ev[1]["cluster_id"]  # one event, twice
    d = page
    d.get(f"{server}/events/{ev[0]['id']}")
    wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#annotated .sentence")))
    heads = [h.text for h in d.find_elements(By.CSS_SELECTOR, "#details h3")]
    assert "Also reported in" in heads
    items = [li.text for li in d.find_elements(By.CSS_SELECTOR, "#details ul.items li")]
    # Not its second mention in this article, not the copy at the same URL: the other outlet.
    assert items == ["Shelling near Jermuk (arm-aze-6) · other.example.org"]
    to_docs(shot(d, "event-also-reported"), "event")
    assert not console_errors(d)
