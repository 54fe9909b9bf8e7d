"""Take the README's screenshots from a running demo: `steward demo` first, then run this."""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from steward.lib.browser import CHROMIUM, CHROMIUM_ARGS

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def shot(browser: object, email: str, path: str, name: str) -> None:
    page = browser.new_page(viewport={"width": 1360, "height": 860})  # type: ignore[attr-defined]
    page.goto(f"{BASE}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", "steward-demo")
    page.click("form button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.goto(f"{BASE}{path}")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(OUT / f"{name}.png"))
    page.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        shot(browser, "manager@provider.example", "/desk/queue/", "queue")
        shot(browser, "manager@provider.example", "/desk/", "dashboard")
        shot(browser, "olivia@thames.example", "/portal/", "portal")
        shot(browser, "eleni@acropolis.example", "/portal/tickets/new/", "portal_new_el")
        shot(browser, "eleni@acropolis.example", "/portal/agreements/", "agreement_el")
        shot(browser, "manager@provider.example", "/desk/mail/?state=", "mail")
        shot(browser, "maria@hermes.example", "/portal/agreements/value/", "value_el")
        browser.close()


if __name__ == "__main__":
    main()
