"""End-to-end fixtures: Playwright driving Debian's Chromium against pytest-django's live_server.

Live-server tests are transactional: mark them `pytest.mark.django_db(transaction=True)`. The flush
after such a test removes the reference data that data migrations created; post_migrate handlers
(which a flush does emit) recreate it, so every test starts with roles, catalogue and tariffs.

axe-core (vendored from npm in tests/e2e/vendor) is evaluated through the DevTools protocol, so the
page's strict CSP stays in force; every page is also checked for CSP violations in the console."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = os.environ.get("HGARR_CHROMIUM", "/usr/bin/chromium")
AXE_JS = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
WACHTWOORD = "test-wachtwoord-123"  # tests.factories.UserFactory's password


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.csp_fouten = []
    page.axe_bezig = False

    def console(msg):
        # axe-core itself sets inline styles while it measures; those are not the page's.
        if not page.axe_bezig and ("Content Security Policy" in msg.text or "Refused to" in msg.text):
            page.csp_fouten.append(msg.text)

    page.on("console", console)
    yield page
    context.close()


def login(page, user, wachtwoord: str = WACHTWOORD) -> None:
    """Logs in through the real login form, and the second (TOTP) step when two-factor login is on."""
    from tests.e2e import tweestaps

    tweestaps.voor_login(user)
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    tweestaps.tweede_stap(page, user)


def axe_check(page, impacts=("serious", "critical")) -> list[dict]:
    """Runs axe-core on the current page; returns the violations of the given impacts."""
    page.axe_bezig = True
    try:
        page.evaluate(AXE_JS)
        resultaat = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        page.wait_for_timeout(50)  # let axe's console messages arrive while they are still ignored
    finally:
        page.axe_bezig = False
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in resultaat["violations"]
        if v["impact"] in impacts
    ]
