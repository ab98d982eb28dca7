"""The dashboard in a real browser: Debian's chromium, headless, driven by Selenium against a live server.

Each view is loaded and screenshotted (into a temporary folder, named in the test output), a filter is applied and
the map and table follow, hostile article text shows as text without any dialog, and the browser log holds no error.
Skips, naming what is missing, when chromium, chromedriver or selenium is not installed (.ci/browser-deps.sh
installs the browser).
"""
from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import LiveServer

from warledger.serve import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not Path(CHROMIUM).exists():
    pytest.skip(f"browser tests need chromium at {CHROMIUM} (run .ci/browser-deps.sh)", allow_module_level=True)
if not Path(CHROMEDRIVER).exists():
    pytest.skip("browser tests need chromium-driver (chromedriver; run .ci/browser-deps.sh)", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium (dev extra)")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
         "--window-size=1300,1300")
WAIT = 20.0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    import serve_samples

    db = serve_samples.build(Path(tmp_path_factory.mktemp("browser")) / "sample.duckdb")
    with LiveServer(create_app(db)) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    options = Options()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(tmp_path_factory.mktemp("screenshots"))
    print(f"screenshots in {folder}")
    return folder


def wait_until(condition: Any, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {WAIT:g} s waiting for {what}")


def state(browser: Any) -> str:
    return str(browser.find_element(By.TAG_NAME, "body").get_attribute("data-state"))


def open_view(browser: Any, server: LiveServer, fragment: str, shots: Path, name: str) -> None:
    browser.get(f"{server.url}/{fragment}")
    wait_until(lambda: state(browser) in ("ready", "error"), f"view {fragment}")
    assert state(browser) == "ready", browser.find_element(By.ID, "view").text
    browser.save_screenshot(str(shots / f"{name}.png"))


def errors_in_log(browser: Any) -> list[dict[str, Any]]:
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def count(browser: Any, selector: str) -> int:
    return len(browser.find_elements(By.CSS_SELECTOR, selector))


def test_overview_draws_the_map_timeline_and_list(browser: Any, server: LiveServer, shots: Path) -> None:
    open_view(browser, server, "#/", shots, "overview")
    assert count(browser, "svg.map path.oblast") == 27
    assert count(browser, "svg.map circle.incident") == 5
    assert count(browser, "svg.timeline rect.killed") >= 5
    assert count(browser, "#incidents-table tbody tr") == 6
    assert "6 incident(s) match" in browser.find_element(By.ID, "result-count").text
    assert errors_in_log(browser) == []


def test_choosing_an_oblast_updates_map_and_table(browser: Any, server: LiveServer, shots: Path) -> None:
    open_view(browser, server, "#/", shots, "before-filter")
    Select(browser.find_element(By.ID, "filter-oblast")).select_by_visible_text("Odesa Oblast")
    browser.find_element(By.ID, "apply").click()
    wait_until(lambda: "oblast=Odesa" in browser.current_url and state(browser) == "ready"
               and count(browser, "#incidents-table tbody tr") == 2, "the filtered list")
    assert count(browser, "svg.map circle.incident") == 2
    assert count(browser, "svg.map path.oblast.selected") == 1
    browser.save_screenshot(str(shots / "filtered-odesa.png"))
    kharkiv = browser.find_element(By.CSS_SELECTOR, 'svg.map path.oblast[data-oblast="Kharkiv Oblast"]')
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", kharkiv)
    wait_until(lambda: "Kharkiv" in browser.current_url and state(browser) == "ready"
               and count(browser, "#incidents-table tbody tr") == 1, "the list after clicking Kharkiv on the map")
    assert count(browser, "svg.map circle.incident") == 1
    assert errors_in_log(browser) == []


def test_claims_chart_draws_bands_projections_and_disputes(browser: Any, server: LiveServer, shots: Path) -> None:
    open_view(browser, server, "#/claims", shots, "claims")
    assert count(browser, "svg.claims g.claimant") == 2
    assert count(browser, "svg.claims polygon.band") == 1  # the institute's two estimates make a band
    assert count(browser, "svg.claims g.estimate.projection") == 1
    assert [e.text for e in browser.find_elements(By.CSS_SELECTOR, "svg.claims text.disputed")] == ["⚠"]
    assert count(browser, "#claims-table tbody tr") == 3
    assert errors_in_log(browser) == []


def test_article_text_is_untrusted_and_shows_as_text(browser: Any, server: LiveServer, shots: Path) -> None:
    open_view(browser, server, "#/article/art-hostile", shots, "article-hostile")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it is what raises when there is no dialog
    title = browser.find_element(By.ID, "article-title").text
    assert title == "Breaking <script>alert('xss-script')</script> news"
    text = browser.find_element(By.ID, "article-text").text
    assert "<img src=x onerror=\"alert('xss-img')\">" in text
    assert count(browser, "#view img") == 0 and count(browser, "#view script") == 0
    assert browser.execute_script("return document.querySelectorAll('[onerror]').length") == 0
    assert count(browser, "a[href^='javascript']") == 0  # the javascript: URL is not a link
    marks = browser.find_elements(By.CSS_SELECTOR, "#article-text mark.evidence")
    assert any(m.text == "three" for m in marks) and any(m.text == "Tagtown" for m in marks)
    assert errors_in_log(browser) == []


def test_incident_view_lists_its_report(browser: Any, server: LiveServer, shots: Path) -> None:
    open_view(browser, server, "#/incident/inc-harbour-0", shots, "incident")
    reports = browser.find_elements(By.CSS_SELECTOR, "#reports a")
    assert reports[0].text == "Harbour attack" and reports[0].get_attribute("href").endswith("#/article/art-harbour")
    assert count(browser, "svg.map circle.incident") == 1
    reports[0].click()
    wait_until(lambda: "#/article/art-harbour" in browser.current_url and state(browser) == "ready", "the article")
    assert count(browser, "#article-text mark.evidence") >= 2
    browser.save_screenshot(str(shots / "article.png"))
    assert errors_in_log(browser) == []


def test_articles_list(browser: Any, server: LiveServer, shots: Path) -> None:
    open_view(browser, server, "#/articles", shots, "articles")
    assert count(browser, "#articles-table tbody tr") == 5
    assert errors_in_log(browser) == []


def test_event_view_lists_its_reports(browser: Any, server: LiveServer, shots: Path) -> None:
    import importlib.util

    import httpx

    if importlib.util.find_spec("warledger.store.events") is None:
        pytest.skip("events need the fusion stage (warledger.store.events)")
    event = httpx.get(f"{server.url}/api/events?place=Harbourview", timeout=10).json()["items"][0]
    open_view(browser, server, f"#/event/{event['id']}", shots, "event")
    assert browser.find_element(By.ID, "nav-events").is_displayed()
    reports = browser.find_elements(By.CSS_SELECTOR, "#reports li")
    assert len(reports) == len(event["members"]) >= 1
    assert count(browser, "#toll-history tbody tr") >= 1
    open_view(browser, server, "#/events", shots, "events")
    stored = httpx.get(f"{server.url}/api/summary", timeout=10).json()["events"]
    assert count(browser, "#events-table tbody tr") == stored
    assert errors_in_log(browser) == []
