"""The mailed survey link in a phone's browser: one tap on a rating from the mail lands on
the form with it chosen, nothing sideways, and the answer is recorded by the button only."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from steward.desk import actions
from steward.desk.tests.test_browser import _shot, browser  # noqa: F401
from steward.reports import surveys
from steward.reports.models import Survey
from steward.test import make_ticket, world

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "el", "zh-hans"])
def test_the_survey_page_answers_on_a_phone(
    browser: Browser,  # noqa: F811
    live_server: LiveServer,
    language: str,
) -> None:
    w = world()
    w.acme_user.language = language
    w.acme_user.save(update_fields=["language"])
    ticket = make_ticket(w.acme, actor=w.acme_user, title="Outlook keeps asking for a password")
    actions.change_status(ticket, "resolved", w.tech)
    survey = Survey.objects.get(ticket=ticket)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    link = f"{live_server.url}/survey/{surveys.token(survey)}/"
    page.goto(link + "?rating=4")
    expect(page.locator("input[name=rating][value='4']")).to_be_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    survey.refresh_from_db()
    assert survey.answered_at is None  # the mail's link only chose the rating
    _shot(page, f"csat-survey-phone-{language}")
    page.click("label[for=id_rating_1]")  # on second thought: 2, the second button
    page.fill("textarea[name=comment]", "Took a while to reach anyone.")
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    expect(page.locator(".badge", has_text="2/5")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(page, f"csat-survey-answered-phone-{language}")
    survey.refresh_from_db()
    assert (survey.rating, survey.comment) == (2, "Took a while to reach anyone.")
    page.close()
