"""The web interface in a real headless Chromium against a real `dateline serve`.

Needs Debian's chromium and chromium-driver (`.ci/run` installs them). Saves a
screenshot of each page in a temporary folder; with DATELINE_REFRESH_SCREENSHOTS=1
it refreshes the committed ones under docs/screenshots/ (shown in the README).
"""

import json
import os
import shutil
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import free_port, running_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
COMMITTED_SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"

if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
    if os.environ.get("CI"):
        raise RuntimeError("CI must install Debian's chromium and chromium-driver (see .ci/run)")
    pytest.skip("headless Chromium is not installed (apt-get install chromium chromium-driver)",
                allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where screenshots go: a temporary folder, or the committed ones when asked to refresh them."""
    if os.environ.get("DATELINE_REFRESH_SCREENSHOTS") == "1":
        COMMITTED_SHOTS.mkdir(parents=True, exist_ok=True)
        return COMMITTED_SHOTS
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def site(dev_store, shots):
    db, token, _ = dev_store
    with running_server(db) as (_, base):
        yield from _browser(base, token, shots)


def _browser(base, token, shots):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.shots = shots
    try:
        yield driver, base, token
    finally:
        driver.quit()


def shot(driver, name):
    driver.save_screenshot(str(driver.shots / f"{name}.png"))


def test_screenshots_leave_the_committed_ones_alone(site):
    driver, base, _ = site
    driver.get(base + "/")
    shot(driver, "search")
    if os.environ.get("DATELINE_REFRESH_SCREENSHOTS") != "1":
        assert driver.shots.resolve() != COMMITTED_SHOTS.resolve()
        assert (driver.shots / "search.png").stat().st_size > 1000


def test_api_docs_render_the_endpoints_from_local_assets(site):
    driver, base, _ = site
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(base + "/docs")
    WebDriverWait(driver, 20).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".opblock-summary-path")))
    paths = {e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert {"/api/events", "/api/reviews", "/api/documents"} <= paths
    blocked = [e["message"] for e in driver.get_log("browser")
               if "Content Security Policy" in e["message"] or "Failed to load" in e["message"]]
    assert not blocked, blocked
    shot(driver, "docs")


def test_search_and_open_an_event_with_highlighted_evidence(site):
    driver, base, _ = site
    driver.get(base + "/?actor=Putin&type=CONSULT")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.results tbody tr")
    assert len(rows) >= 3
    shot(driver, "search")
    driver.find_element(By.CSS_SELECTOR, "a.event-link").click()
    mark = WebDriverWait(driver, 10).until(ec.visibility_of_element_located((By.CSS_SELECTOR, "mark.evidence")))
    assert "Putin" in driver.find_element(By.TAG_NAME, "main").text
    assert mark.text.strip()
    shot(driver, "event")


def test_actor_timeline_and_plans(site):
    driver, base, _ = site
    driver.get(base + "/actors/Vladimir Putin")
    assert _image_loaded(driver, "timeline-chart") and _image_loaded(driver, "actor-map")
    assert "Antonio Guterres" in driver.find_element(By.CSS_SELECTOR, "h2 ~ table.results").text
    shot(driver, "actor")
    driver.get(base + "/plans?unrealised=true")
    assert driver.find_elements(By.CSS_SELECTOR, "table.results tbody tr")
    shot(driver, "plans")


def test_review_with_a_token_changes_what_is_shown(site):
    driver, base, token = site
    driver.get(base + "/signin")
    driver.find_element(By.NAME, "token").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 10).until(ec.url_to_be(base + "/"))
    driver.get(base + "/?actor=Rocca&type=CONSULT")
    driver.find_element(By.CSS_SELECTOR, "a.event-link").click()
    form = WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.CSS_SELECTOR, "form.review-form")))
    Select(form.find_element(By.NAME, "action")).select_by_visible_text("correct")
    Select(form.find_element(By.NAME, "field")).select_by_visible_text("location")
    form.find_element(By.NAME, "value").send_keys("Moscow (video link)")
    form.find_element(By.NAME, "note").send_keys("checked against the press release")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    review = WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.CSS_SELECTOR, "p.review")))
    assert "correct by analyst" in review.text
    assert "Moscow (video link)" in driver.find_element(By.TAG_NAME, "main").text
    shot(driver, "review")


def test_injected_script_in_an_article_never_runs(site):
    driver, base, token = site
    text = ("GENEVA, 3 March 2024 – Amina Kolde met Jonas Vertel in Geneva on Friday. "
            "<script>window.__pwned = 1; alert('x')</script> <img src=x onerror=\"window.__pwned = 2\">")
    req = urllib.request.Request(base + "/api/documents", data=json.dumps({"text": text}).encode(), method="POST",
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    key = json.load(urllib.request.urlopen(req, timeout=60))["doc_key"]
    driver.get(f"{base}/documents/{key}")
    time.sleep(0.5)
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018
    assert driver.execute_script("return window.__pwned") is None
    assert "<script>" in driver.find_element(By.CSS_SELECTOR, "article.article").text  # shown as text
    shot(driver, "document")
    driver.get(base + "/add")
    shot(driver, "add")


def test_event_page_opens_at_its_top_and_pages_fit_a_narrow_screen(site):
    driver, base, _ = site
    driver.get(base + "/?type=CONSULT")
    links = driver.find_elements(By.CSS_SELECTOR, "a.event-link")
    links[min(len(links) - 1, 5)].click()
    WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.CSS_SELECTOR, "section.report.focus")))
    assert "#" not in driver.current_url
    assert driver.execute_script("return window.scrollY") == 0
    try:
        driver.set_window_size(390, 844)
        for path in ("/", "/?type=CONSULT", "/plans", "/actors/Vladimir Putin"):
            driver.get(base + path)
            wide = driver.execute_script("return document.documentElement.scrollWidth")
            assert wide <= driver.execute_script("return window.innerWidth") + 1, path
        shot(driver, "search-narrow")
    finally:
        driver.set_window_size(1280, 1000)


def test_a_page_on_another_port_cannot_post_the_forms_of_a_signed_in_analyst(site, tmp_path):
    """Another port of the same host is the same site, so SameSite cookies are sent: the
    Origin check and the session's CSRF token must stop the forged forms."""
    import functools
    import http.server
    import threading

    driver, base, token = site
    driver.get(base + "/signin")
    driver.find_element(By.NAME, "token").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 10).until(ec.url_to_be(base + "/"))
    mention = json.load(urllib.request.urlopen(base + "/api/events?limit=1", timeout=10))["items"][0]["mention_id"]
    reviews_before = len(json.load(urllib.request.urlopen(f"{base}/api/events/{mention}", timeout=10))["reviews"])
    marker = "Zorvathian"
    forged = {
        "add.html": f'<form method="post" action="{base}/add"><input name="text" '
                    f'value="{marker} envoy Ola Brenn met the Chilean president in Santiago on Monday."></form>',
        "review.html": f'<form method="post" action="{base}/review/{mention}"><input name="action" value="confirm">'
                       f'<input name="note" value="forged"></form>',
    }
    for name, form in forged.items():
        (tmp_path / name).write_text(f"<html><body>{form}<script>document.forms[0].submit()</script></body></html>")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    attacker = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=attacker.serve_forever, daemon=True).start()
    try:
        for name in forged:
            driver.get(f"http://127.0.0.1:{attacker.server_port}/{name}")
            WebDriverWait(driver, 10).until(lambda d: d.current_url.startswith(base))
            assert "cross-site request refused" in driver.page_source, name
    finally:
        attacker.shutdown()
    stored = json.load(urllib.request.urlopen(f"{base}/api/events?q={marker}", timeout=10))["items"]
    reviews_after = len(json.load(urllib.request.urlopen(f"{base}/api/events/{mention}", timeout=10))["reviews"])
    assert stored == [] and reviews_after == reviews_before
    # the analyst's own form still works
    driver.get(base + "/add")
    driver.find_element(By.NAME, "text").send_keys(f"{marker} envoy Ola Brenn met the Chilean president on Monday.")
    driver.find_element(By.CSS_SELECTOR, "form.add button[type=submit]").click()
    WebDriverWait(driver, 60).until(lambda d: "Stored" in d.page_source)


def _image_loaded(driver, element_id):
    """The chart image is on the page and the browser decoded it (an SVG it could draw)."""
    return driver.execute_script(
        "const i = document.getElementById(arguments[0]); return !!i && i.complete && i.naturalWidth > 0;", element_id)


def _count(driver):
    text = driver.find_element(By.ID, "result-count").text
    return int(text.split()[0])


def _table_rows(driver, figure_img_id):
    """Rows of the table behind a chart (its text alternative)."""
    return driver.execute_script(
        "return document.getElementById(arguments[0]).closest('figure').querySelectorAll('tbody tr').length;",
        figure_img_id)


def test_facets_narrow_the_search_and_show_their_counts(site):
    driver, base, _ = site
    driver.get(base + "/")
    total = _count(driver)
    link = driver.find_element(By.CSS_SELECTOR, "a.facet-value[data-facet='type']")
    value, n = link.text, int(link.find_element(By.XPATH, "following-sibling::span").text)
    link.click()
    WebDriverWait(driver, 10).until(lambda d: f"type={value}" in d.current_url)
    assert _count(driver) == n < total
    country = driver.find_element(By.CSS_SELECTOR, "a.facet-value[data-facet='country']")
    code, m = country.text, int(country.find_element(By.XPATH, "following-sibling::span").text)
    country.click()
    WebDriverWait(driver, 10).until(lambda d: f"country={code}" in d.current_url)
    assert _count(driver) == m <= n
    assert {td.text for td in driver.find_elements(By.CSS_SELECTOR, "td[data-label='type'] a")} == {value}
    shot(driver, "facets")


def test_the_download_holds_the_results_of_the_page(site):
    driver, base, _ = site
    driver.get(base + "/?type=AID")
    shown = [a.get_attribute("href").rsplit("/", 1)[-1] for a in driver.find_elements(By.CSS_SELECTOR, "a.event-link")]
    assert 0 < len(shown) == _count(driver) <= 25
    for which in ("download-json", "download-csv"):
        url = driver.find_element(By.ID, which).get_attribute("href")
        body = urllib.request.urlopen(url, timeout=30).read().decode("utf-8")
        if which == "download-json":
            ids = [row["mention_id"] for row in json.loads(body)]
        else:
            import csv
            import io

            ids = [row["mention_id"] for row in csv.DictReader(io.StringIO(body))]
        assert ids == shown, which


def test_charts_and_map_render_one_mark_per_row_of_their_tables(site):
    driver, base, _ = site
    driver.get(base + "/?type=AID")
    assert _image_loaded(driver, "weeks-chart") and _image_loaded(driver, "map-chart")
    bars, places = _table_rows(driver, "weeks-chart"), _table_rows(driver, "map-chart")
    assert bars > 0 and places > 0
    weeks = driver.find_element(By.ID, "weeks-chart").get_attribute("src")
    world = driver.find_element(By.ID, "map-chart").get_attribute("src")
    shot(driver, "charts")
    driver.get(weeks)
    assert len(driver.find_elements(By.CSS_SELECTOR, "g.mark-rect.role-mark > path")) == bars
    driver.get(world)
    assert len(driver.find_elements(By.CSS_SELECTOR, "g.mark-symbol.role-mark > path")) == places
    assert len(driver.find_elements(By.CSS_SELECTOR, "g.mark-shape.role-mark > path")) > 150  # the countries
    driver.get(base + "/actors/Vladimir Putin")
    dated = _table_rows(driver, "timeline-chart")
    driver.get(driver.find_element(By.ID, "timeline-chart").get_attribute("src"))
    assert len(driver.find_elements(By.CSS_SELECTOR, "g.mark-symbol.role-mark > path")) == dated > 0
