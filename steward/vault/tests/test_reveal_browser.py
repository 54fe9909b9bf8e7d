"""The reveal in a real browser: a reason, the password shown with a copy button and its
one-time code, then taken out of the page when its time is up."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from steward.desk.tests.test_browser import _shot, _sign_in, browser  # noqa: F401
from steward.test import world
from steward.vault import actions_secrets as actions
from steward.vault.models import AuditEntry

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@override_settings(VAULT_REVEAL_SECONDS=3)
def test_the_secret_is_shown_then_hidden(browser: Browser, live_server: LiveServer) -> None:  # noqa: F811
    w = world()
    actions.create_credential(
        w.acme, w.acme_admin, name="Router admin", secret="Tr0ub4dor&3", totp="JBSWY3DPEHPK3PXP"
    )
    page = _sign_in(browser, live_server, w.tech.email)
    page.goto(f"{live_server.url}/desk/vault/{w.acme.pk}/credentials/")
    page.click(".vault-reveal a")
    page.fill("input[name=reason]", "ticket ACME-7: firmware update")
    page.click("button[type=submit]:has-text('Reveal')")
    secret = page.locator("input[id^=secret-]")
    expect(secret).to_have_value("Tr0ub4dor&3")
    expect(page.locator("[data-totp]")).to_have_text(re.compile(r"^\d{6}$"))
    expect(page.locator("button[data-copy]")).to_be_visible()
    _shot(page, "vault-reveal")
    assert AuditEntry.objects.get(action="reveal").reason == "ticket ACME-7: firmware update"
    expect(secret).to_have_count(0, timeout=6000)
    expect(page.locator(".vault-hidden")).to_contain_text("Hidden again")
    assert "Tr0ub4dor&3" not in page.content()
