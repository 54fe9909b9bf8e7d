"""The mailed link: answered without signing in, once; a GET never records (mail scanners
open links); an old link says it expired; a forged one is a clear 404, never a 500."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import signing
from django.test import Client
from django.urls import reverse

from steward.desk import actions
from steward.reports import surveys
from steward.reports.models import Survey
from steward.test import World, covers, make_ticket, world

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 11, 2, 9, tzinfo=UTC)


def _survey(w: World) -> Survey:
    ticket = make_ticket(w.acme, actor=w.acme_user, title="VPN drops acme-marker-5e1f")
    actions.change_status(ticket, "resolved", w.tech)
    return Survey.objects.get(ticket=ticket)


def _url(survey: Survey) -> str:
    return reverse("surveys:answer", args=[surveys.token(survey)])


@covers("surveys:answer", kinds=("login",))
def test_it_needs_no_sign_in_and_records_the_post() -> None:
    w = world()
    survey = _survey(w)
    page = Client().get(_url(survey))
    assert page.status_code == 200
    assert b"VPN drops" in page.content and b'name="rating"' in page.content
    answered = Client().post(_url(survey), {"rating": "4", "comment": "Quick, thanks"})
    assert answered.status_code == 302
    survey.refresh_from_db()
    assert (survey.rating, survey.comment, survey.answered_by) == (4, "Quick, thanks", None)
    assert survey.answered_at is not None


def test_a_get_with_a_rating_preselects_it_and_records_nothing() -> None:
    w = world()
    survey = _survey(w)
    page = Client().get(_url(survey) + "?rating=2")
    assert page.status_code == 200
    assert b'value="2" checked' in page.content
    assert b'value="4" checked' not in page.content
    survey.refresh_from_db()
    assert survey.answered_at is None and survey.rating is None
    assert Client().get(_url(survey) + "?rating=9").status_code == 200


def test_the_link_works_once() -> None:
    w = world()
    survey = _survey(w)
    Client().post(_url(survey), {"rating": "5"})
    again = Client().post(_url(survey), {"rating": "1", "comment": "second try"})
    assert again.status_code == 409
    assert "this survey has been answered" in again.content.decode()
    survey.refresh_from_db()
    assert survey.rating == 5 and survey.comment == ""
    shown = Client().get(_url(survey))
    assert shown.status_code == 200 and b'name="rating"' not in shown.content
    assert b"5/5" in shown.content


def test_a_rating_outside_one_to_five_is_refused_by_name() -> None:
    w = world()
    survey = _survey(w)
    refused = Client().post(_url(survey), {"rating": "6", "comment": "x"})
    assert refused.status_code == 400
    assert b"invalid-feedback" in refused.content
    survey.refresh_from_db()
    assert survey.answered_at is None


def test_an_old_link_says_it_expired() -> None:
    w = world()
    with time_machine.travel(T0, tick=False):
        survey = _survey(w)
        url = _url(survey)
    with time_machine.travel(T0 + surveys.LINK_VALID - timedelta(minutes=1), tick=False):
        assert Client().get(url).status_code == 200
    with time_machine.travel(T0 + surveys.LINK_VALID + timedelta(minutes=1), tick=False):
        late = Client().get(url)
        assert late.status_code == 410
        assert "expired" in late.content.decode()
        assert Client().post(url, {"rating": "5"}).status_code == 410
    survey.refresh_from_db()
    assert survey.answered_at is None


@covers("surveys:answer", kinds=("tenancy",))
@pytest.mark.parametrize(
    "make_token",
    [
        lambda: "not-a-token",
        lambda: signing.dumps(1, salt="something.else"),  # signed, but for another purpose
        lambda: signing.dumps("1", salt="steward.reports.survey"),  # not an id
    ],
    # Signed when the test runs, not when it is collected: each xdist worker collects at its
    # own second, and a token that differs would be a different test to each.
    ids=["garbage", "other-salt", "not-an-id"],
)
def test_a_forged_link_is_a_clear_404(make_token: Callable[[], str]) -> None:
    token = make_token()
    w = world()
    survey = _survey(w)
    for method in ("get", "post"):
        response = getattr(Client(), method)(reverse("surveys:answer", args=[token]))
        assert response.status_code == 404
        assert "does not work" in response.content.decode()
    survey.refresh_from_db()
    assert survey.answered_at is None


# The one who may answer through the link is whoever holds it: holding one survey's link
# answers no other.
@covers("surveys:answer", kinds=("role",))
def test_a_tampered_link_does_not_answer_another_survey() -> None:
    w = world()
    first, second = _survey(w), _survey(w)
    good = surveys.token(first)
    value, rest = good.split(":", 1)
    forged = signing.b64_encode(str(second.pk).encode()).decode() + ":" + rest
    assert value != forged.split(":", 1)[0]
    response = Client().post(reverse("surveys:answer", args=[forged]), {"rating": "1"})
    assert response.status_code == 404
    assert not Survey.objects.filter(answered_at__isnull=False).exists()


def test_a_survey_deleted_since_is_a_404() -> None:
    w = world()
    survey = _survey(w)
    url = _url(survey)
    survey.delete()
    assert Client().get(url).status_code == 404


def test_the_form_keeps_csrf() -> None:
    w = world()
    survey = _survey(w)
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(_url(survey), {"rating": "5"}).status_code == 403
    survey.refresh_from_db()
    assert survey.answered_at is None


def test_the_page_speaks_the_requesters_language() -> None:
    w = world()
    w.acme_user.language = "el"
    w.acme_user.save()
    survey = _survey(w)
    assert "Πόσο ικανοποιημένοι" in Client().get(_url(survey)).content.decode()
