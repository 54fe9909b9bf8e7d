"""A maintenance ticket's checklist in a real browser: ticked with a note and a screenshot on
the desk, read by the client in the portal, in English, Chinese and Greek, wide and narrow."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from steward.accounts.models import User
from steward.desk.models import ChecklistItem
from steward.lib.browser import CHROMIUM, CHROMIUM_ARGS
from steward.test import World, make_ticket, world

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[3] / "test-artifacts"
PASSWORD = "correct-horse-battery"
STEPS = ["Restore 3 files from last night's backup", "Check free disk space on the NAS"]
DONE = {"en": "1 of 2 done", "zh-hans": "已完成 1 / 2", "el": "1 από 2 ολοκληρώθηκαν"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: apt-get install chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _page(browser: Browser, live_server: LiveServer, user: User, lang: str, width: int) -> Page:
    user.language = lang
    user.save(update_fields=["language"])
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_load_state("networkidle")
    return page


def _fits(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_a_technician_ticks_a_step_and_the_client_reads_it(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    w: World = world()
    ticket = make_ticket(
        w.acme,
        title="Backup restore test — 2026-03-22",
        kind="service_request",
        source="maintenance",
        requester=w.acme_admin,
        assignee=w.tech,
        checklist=STEPS,
    )
    shot = tmp_path / "restore.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(24))
    page = _page(browser, live_server, w.tech, "en", 1280)
    page.goto(f"{live_server.url}{ticket.get_absolute_url()}")
    item = ticket.checklist.first()
    assert item is not None
    row = page.locator(f"#item-{item.pk}")
    row.locator("summary").click()
    row.locator("textarea").fill("Restored 3 files from Monday's backup; checksums match.")
    row.locator("input[type=file]").set_input_files(str(shot))
    row.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#checklist")).to_contain_text("1 of 2 done")
    expect(page.locator(f"#item-{item.pk}")).to_contain_text("restore.png")
    assert ChecklistItem.objects.get(pk=item.pk).done
    page.close()
    for lang in ("en", "zh-hans", "el"):
        for width in (1280, 390):
            for user, url in (
                (w.tech, ticket.get_absolute_url()),
                (w.acme_admin, f"/portal/tickets/{ticket.number}/"),
            ):
                page = _page(browser, live_server, user, lang, width)
                page.goto(f"{live_server.url}{url}")
                checklist = page.locator("#checklist")
                expect(checklist).to_contain_text(DONE[lang])
                expect(checklist).to_contain_text("checksums match")
                if user.is_client:
                    expect(checklist).not_to_contain_text("restore.png")
                    expect(checklist.locator("form")).to_have_count(0)
                assert _fits(page), f"{lang} {width} px overflows sideways"
                who = "desk" if user.is_provider else "portal"
                _shot(page, f"checklist-{who}-{lang}-{width}")
                page.close()
